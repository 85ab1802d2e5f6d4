#include "cli/out/number.hpp"

#include "cli/escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace churn::cli::out {

namespace {

void append_integer(std::string& out, int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
        out.append(buf, res.ptr);
    } else {
        out += to_string(decimal{v, 0});
    }
}

/// d with `point`, as to_string writes it, without allocating when its units fit in 64 bits.
void append_decimal(std::string& out, const decimal& d, char point) {
    const int128 magnitude = d.units < 0 ? -d.units : d.units;
    if (magnitude > INT64_MAX || d.scale > 18) {
        out += to_string(d, point);
        return;
    }
    char digits[24];
    const char* const end =
        std::to_chars(digits, digits + sizeof digits, static_cast<std::uint64_t>(magnitude)).ptr;
    const int whole = static_cast<int>(end - digits) - d.scale;  // digits before the point
    if (d.units < 0)
        out += '-';
    if (whole > 0)
        out.append(digits, static_cast<std::size_t>(whole));
    else
        out += '0';
    if (d.scale == 0)
        return;
    out += point;
    if (whole < 0)
        out.append(static_cast<std::size_t>(-whole), '0');
    const char* const decimals = digits + std::max(whole, 0);
    out.append(decimals, static_cast<std::size_t>(end - decimals));
}

}  // namespace

void append_json_number(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0)
        v = 0;  // never -0
    fmt::format_to(std::back_inserter(out), "{}", v);
}

void append_json_value(std::string& out, const value& v) {
    if (const auto* i = std::get_if<int128>(&v)) {
        append_integer(out, *i);
    } else if (const auto* f = std::get_if<fraction>(&v)) {
        append_json_number(out, to_double(*f));
    } else if (const auto* d = std::get_if<decimal>(&v)) {
        append_json_number(out, to_double(*d));
    } else if (const auto* x = std::get_if<double>(&v)) {
        append_json_number(out, *x);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
        append_json_string(out, *s);
    } else if (const auto* b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    } else {
        out += "null";
    }
}

bool is_number(const value& v) {
    return !std::holds_alternative<std::string_view>(v) && !std::holds_alternative<bool>(v);
}

void append_plain(std::string& out, const value& v, int places, char point) {
    if (const auto* i = std::get_if<int128>(&v)) {
        append_integer(out, *i);
    } else if (const auto* f = std::get_if<fraction>(&v)) {
        append_decimal(out, round_half_away(f->num, f->den, places), point);
    } else if (const auto* d = std::get_if<decimal>(&v)) {
        append_decimal(out, *d, point);
    } else if (const auto* x = std::get_if<double>(&v)) {
        append_decimal(out, round_half_away(*x, places), point);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
        out += *s;
    } else if (const auto* b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    }
}

}  // namespace churn::cli::out
