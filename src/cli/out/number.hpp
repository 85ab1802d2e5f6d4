#pragma once
// The digit writers: how a cell's number is written in each kind of format.

#include "cli/out/sink.hpp"

#include <string>

namespace churn::cli::out {

/// A JSON number: v in shortest round-trip form; `null` when not finite; never -0.
void append_json_number(std::string& out, double v);
/// A cell in JSON: counts as integers, fractions and amounts as the nearest double, strings
/// escaped, undefined as `null`.
void append_json_value(std::string& out, const value& v);

/// True for the cells that are numbers (undefined included): they align right in text.
bool is_number(const value& v);
/// A cell for people and CSV: counts as integers, fractions rounded half away from zero to
/// `places`, amounts as written, flags as true/false, undefined as nothing; text as is.
void append_plain(std::string& out, const value& v, int places, char point);

}  // namespace churn::cli::out
