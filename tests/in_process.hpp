#pragma once
// The whole command line in-process, for tests: churn::cli::run on string streams.

#include "cli/app.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace churn_test {

struct result {
    int status;
    std::string out;
    std::string err;
};

/// Runs churn with `args` (without the program name); `input` is its standard input.
inline result run_churn(const std::vector<std::string>& args, const std::string& input = {},
                        const churn::cli::terminal& term = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const int status = churn::cli::run(args, in, out, err, term);
    return {status, out.str(), err.str()};
}

}  // namespace churn_test
