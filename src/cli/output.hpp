#pragma once
// Rendering a report: one pure function per output format, each returning the text to print.

#include "cli/report.hpp"

#include <string>

namespace churn::cli {

struct render_options {
    int precision = 2;
    char point = '.';    ///< decimal point of text output (',' with --decimal-comma)
    bool color = false;  ///< ANSI colour in text output
};

std::string render_text(const report& r, const render_options& o);
std::string render_json(const report& r);
std::string render_delimited(const report& r, const render_options& o, char delimiter);
std::string render_quiet(const report& r, const render_options& o);

/// A field's value as shown: percent scaled, rounded half away from zero to `precision`.
std::string format_value(const field& f, int precision, char point = '.');
/// The value exactly when it has at most 10 decimals, else to 6 decimals followed by "…".
std::string format_exact(const field& f, char point = '.');
/// x exactly when it has at most 10 decimals, else to 6 decimals followed by "…".
std::string exact_text(const ratio& x, char point = '.');
/// A numeric field in display units (percent scaled), rounded half away from zero.
decimal rounded(const field& f, int places);

/// A number for `--explain`: a ratio or decimal rounded to `precision`, trailing zeros kept.
std::string explain_number(const ratio& x, int precision, char point);

}  // namespace churn::cli
