#pragma once
// The command line as a function of its arguments and streams.

#include "cli/options.hpp"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace churn::cli {

/// Exit statuses, as grep and diff use them.
enum exit_status : int {
    exit_ok = 0,        ///< success
    exit_mismatch = 1,  ///< the result does not match --expect
    exit_error = 2,     ///< any error: usage, values, data, input or output
};

/// The end of a run that read rows (batch, events): with rows skipped by --skip-invalid, a line
/// saying how many and exit_error; else exit_ok.
int skipped_rows_status(std::ostream& err, std::size_t skipped, std::size_t rows);

/// Runs churn with `args` (without the program name) on the given streams; never throws.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, const terminal& term);

/// The real program: stdout and stdin, write errors checked, environment read.
int main(int argc, char** argv);

}  // namespace churn::cli
