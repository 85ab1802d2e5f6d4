#include "cli/out/number.hpp"

#include "cli/escape.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
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

/// "00" … "99": digits are written two at a time.
constexpr std::array<char, 200> digit_pairs = [] {
    std::array<char, 200> t{};
    for (std::size_t i = 0; i < 100; ++i) {
        t[2 * i] = static_cast<char>('0' + i / 10);
        t[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
    return t;
}();

/// Writes the last two decimal digits of u before p; returns the new start.
char* two_digits_before(char* p, std::uint64_t u) {
    p -= 2;
    std::memcpy(p, &digit_pairs[static_cast<std::size_t>(u % 100) * 2], 2);
    return p;
}

/// The fast path of to_string(decimal{±u, places}, point) (0 ≤ places ≤ 18): the digits are
/// made from the right in a small buffer, so nothing is allocated. This runs for each cell.
void append_fixed(std::string& out, std::uint64_t u, int places, bool negative, char point) {
    char buf[48];
    char* const end = buf + sizeof buf;
    char* p = end;
    int decimals = places;
    for (; decimals >= 2; decimals -= 2, u /= 100)
        p = two_digits_before(p, u);
    if (decimals == 1) {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    }
    if (places > 0)
        *--p = point;
    for (; u >= 100; u /= 100)
        p = two_digits_before(p, u);
    if (u >= 10)
        p = two_digits_before(p, u);
    else
        *--p = static_cast<char>('0' + u);
    if (negative)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

/// d with `point`, as to_string writes it; without allocating when its units fit in 64 bits.
void append_decimal(std::string& out, const decimal& d, char point) {
    const int128 magnitude = d.units < 0 ? -d.units : d.units;
    if (magnitude > INT64_MAX || d.scale > 18) {
        out += to_string(d, point);
        return;
    }
    append_fixed(out, static_cast<std::uint64_t>(magnitude), d.scale, d.units < 0, point);
}

/// num / den rounded half away from zero to `places` and written: round_half_away_64 where it
/// applies (every rate of realistic counts), else round_half_away's exact long division.
void append_rounded(std::string& out, const fraction& f, int places, char point) {
    std::int64_t units = 0;
    if (round_half_away_64(f.num, f.den, places, units)) {
        const bool negative = units < 0;
        append_fixed(
            out,
            negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units),
            places, negative, point);
        return;
    }
    append_decimal(out, round_half_away(f.num, f.den, places), point);
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
        append_rounded(out, *f, places, point);
    } else if (const auto* d = std::get_if<decimal>(&v)) {
        append_decimal(out, *d, point);
    } else if (const auto* x = std::get_if<double>(&v)) {
        if (std::isfinite(*x))  // an infinite result is undefined: nothing
            append_decimal(out, round_half_away(*x, places), point);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
        out += *s;
    } else if (const auto* b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    }
}

}  // namespace churn::cli::out
