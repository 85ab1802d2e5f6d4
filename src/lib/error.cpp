#include <churn/error.hpp>

#include <cstdio>

namespace churn {

namespace {
constexpr std::size_t max_quoted = 40;
}

std::string quote(std::string_view value) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        // Cut after max_quoted bytes, but never inside a UTF-8 sequence (continuation bytes
        // are 10xxxxxx): the message must stay valid UTF-8.
        if (shown >= max_quoted && (byte & 0xC0) != 0x80) {
            out += "…";
            break;
        }
        if (byte < 0x20 || byte == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", byte);
            out += buf;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
        ++shown;
    }
    out += '"';
    return out;
}

parse_error::parse_error(const std::string& field, const std::string& value,
                         const std::string& rule)
    : error(field + ": " + quote(value) + " " + rule) {}

}  // namespace churn
