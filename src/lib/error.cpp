#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <cstdio>

namespace churn {

namespace {

constexpr std::size_t max_quoted = 40;

void append_byte(std::string& out, unsigned char byte) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", byte);
    out += buf;
}

/// Appends `text` with control bytes and bytes outside valid UTF-8 as \xNN; `quoted` also
/// escapes `"` and `\` and cuts after max_quoted bytes (never inside a UTF-8 sequence).
void append_escaped(std::string& out, std::string_view text, bool quoted) {
    std::size_t shown = 0;
    while (!text.empty()) {
        const std::size_t bad = invalid_utf8(text);
        const std::string_view valid = text.substr(0, bad);
        for (const char c : valid) {
            const auto byte = static_cast<unsigned char>(c);
            if (quoted && shown >= max_quoted && (byte & 0xC0) != 0x80) {
                out += "…";
                return;
            }
            if (byte < 0x20 || byte == 0x7f) {
                append_byte(out, byte);
            } else if (quoted && (c == '"' || c == '\\')) {
                out += '\\';
                out += c;
            } else {
                out += c;
            }
            ++shown;
        }
        if (bad == std::string_view::npos)
            return;
        if (quoted && shown >= max_quoted) {
            out += "…";
            return;
        }
        append_byte(out, static_cast<unsigned char>(text[bad]));
        ++shown;
        text.remove_prefix(bad + 1);
    }
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text, false);
    return out;
}

std::string quote(std::string_view value) {
    std::string out = "\"";
    append_escaped(out, value, true);
    out += '"';
    return out;
}

parse_error::parse_error(const std::string& field, const std::string& value,
                         const std::string& rule)
    : error(field + ": " + quote(value) + " " + rule) {}

}  // namespace churn
