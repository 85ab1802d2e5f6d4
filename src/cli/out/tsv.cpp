// TSV (IANA): no quoting; a tab, newline or CR in a field is written as \t, \n or \r.

#include "cli/escape.hpp"
#include "cli/out/delimited.hpp"
#include "cli/out/formats.hpp"

namespace churn::cli::out {

std::unique_ptr<sink> make_tsv_sink(std::ostream& out, const options& o) {
    return std::make_unique<delimited_sink>(out, o, '\t', append_tsv_field);
}

}  // namespace churn::cli::out
