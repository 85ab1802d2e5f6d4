#include "cli/escape.hpp"

#include <churn/csv.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace churn::cli {

void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20) {
            fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(byte));
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

void append_tsv_field(std::string& out, std::string_view s) {
    for (const char c : s) {
        if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out.push_back(c);
        }
    }
}

void append_delimited_field(std::string& out, std::string_view s, char delimiter) {
    if (delimiter == '\t') {
        append_tsv_field(out, s);
    } else {
        append_csv_field(out, s, delimiter);
    }
}

void append_visible(std::string& out, std::string_view s) {
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7F) {
            fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned>(byte));
        } else {
            out.push_back(c);
        }
    }
}

std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace churn::cli
