#pragma once
// A report through a sink: its fields are the columns of one row; and the numbers shown in
// notes, formulas and --expect.

#include "cli/out/sink.hpp"
#include "cli/report.hpp"

#include <string>

namespace churn::cli {

/// Writes r to s as one record, its explanation with it, and finishes the document.
void write(out::sink& s, const report& r);

/// The value exactly when it has at most 10 decimals, else to 6 decimals followed by "…".
std::string format_exact(const field& f, char point = '.');
/// x exactly when it has at most 10 decimals, else to 6 decimals followed by "…".
std::string exact_text(const ratio& x, char point = '.');
/// A numeric field in display units (percent scaled), rounded half away from zero.
decimal rounded(const field& f, int places);

/// A number for `--explain`: a ratio or decimal rounded to `precision`, trailing zeros kept.
std::string explain_number(const ratio& x, int precision, char point);

}  // namespace churn::cli
