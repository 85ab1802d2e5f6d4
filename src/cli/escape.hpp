#pragma once
// Writing text safely into each output format; shared by single results and batch.

#include <cstddef>
#include <string>
#include <string_view>

namespace churn::cli {

/// A JSON string with quotes, `"` and `\` escaped, control bytes as \uXXXX.
void append_json_string(std::string& out, std::string_view s);
/// A TSV field: tab, newline and CR written as \t, \n and \r (IANA TSV allows none of them).
void append_tsv_field(std::string& out, std::string_view s);
/// A field for a delimited format: TSV escaping for a tab, RFC 4180 quoting otherwise.
void append_delimited_field(std::string& out, std::string_view s, char delimiter);
/// Text for a terminal: control characters as escapes (\n, \t, \x1b), so a value can neither
/// move the cursor nor end a line.
void append_visible(std::string& out, std::string_view s);
/// Terminal columns of UTF-8 text: one per code point (labels and bars hold no wide ones).
std::size_t display_width(std::string_view s);

}  // namespace churn::cli
