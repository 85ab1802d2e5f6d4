#include <churn/error.hpp>
#include <churn/parse.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace churn {

namespace {

constexpr int max_digits = 18;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_non_finite(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    const std::string l = lower(s);
    return l == "nan" || l == "inf" || l == "infinity";
}

bool is_hex(std::string_view s) {
    if (!s.empty() && s.front() == '-')
        s.remove_prefix(1);
    return s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

/// A plain decimal figure with an exponent: 1e3, 1.5E-2.
bool has_exponent(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    const auto e = s.find_first_of("eE");
    if (e == std::string_view::npos || e == 0 || e + 1 == s.size())
        return false;
    std::string mantissa(s.substr(0, e));
    if (const auto point = mantissa.find('.'); point != std::string::npos)
        mantissa.erase(point, 1);
    std::string_view exponent = s.substr(e + 1);
    if (exponent.front() == '-' || exponent.front() == '+')
        exponent.remove_prefix(1);
    return all_digits(mantissa) && all_digits(exponent);
}

/// Digits grouped by a separator: 1,234 or 1 234 567.
bool is_grouped(std::string_view s, char sep) {
    const auto first = s.find(sep);
    if (first == std::string_view::npos || first == 0 || first > 3)
        return false;
    if (!all_digits(s.substr(0, first)))
        return false;
    std::size_t i = first;
    while (i < s.size()) {
        if (s[i] != sep || i + 4 > s.size() || !all_digits(s.substr(i + 1, 3)))
            return false;
        i += 4;
    }
    return true;
}

bool is_signed_figure(std::string_view s) {
    return s.size() > 1 && (s.front() == '-' || s.front() == '+') &&
           (is_digit(s[1]) || s[1] == '.' || s[1] == ',');
}

/// Explains why `s` is not a count, most specific rule first.
[[noreturn]] void reject_count(std::string_view s, std::string_view raw, std::string_view field) {
    const std::string f(field);
    const std::string v(raw);
    if (s.empty())
        throw parse_error(f, v, "is empty; expected a whole number ≥ 0");
    if (is_non_finite(s))
        throw parse_error(f, v, "is not a number; expected a whole number ≥ 0");
    if (is_hex(s))
        throw parse_error(f, v, "is hexadecimal; counts are written in base-10 digits");
    if (has_exponent(s))
        throw parse_error(f, v, "has an exponent; write the whole number in plain digits");
    if (s.front() == '-' && is_signed_figure(s))
        throw parse_error(f, v, "is negative; counts must be ≥ 0");
    if (s.front() == '+' && is_signed_figure(s))
        throw parse_error(f, v, "has a '+' sign; write the count as plain digits");
    if (is_grouped(s, ',') || is_grouped(s, ' ') || is_grouped(s, '\''))
        throw parse_error(f, v, "has a thousands separator; write the count without it");
    const auto point = s.find_first_of(".,");
    if (point != std::string_view::npos && all_digits(s.substr(0, point)) &&
        all_digits(s.substr(point + 1)))
        throw parse_error(f, v, "is not a whole number; counts cannot have decimals");
    throw parse_error(f, v, "is not a whole number");
}

}  // namespace

std::int64_t parse_count(std::string_view text, std::string_view field) {
    const std::string_view s = trim_blanks(text);
    if (!all_digits(s))
        reject_count(s, text, field);
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 10);
    if (ec == std::errc::result_out_of_range)
        throw parse_error(std::string(field), std::string(text),
                          "is out of range; counts go up to 9223372036854775807");
    if (ec != std::errc() || ptr != s.data() + s.size())
        reject_count(s, text, field);
    return value;
}

namespace {

/// parse_decimal of `text`, with `shown` (what the user typed) quoted in the messages.
decimal read_decimal(std::string_view text, std::string_view shown, std::string_view field,
                     number_format format, bool allow_negative) {
    const std::string f(field);
    const std::string v(shown);
    std::string_view s = trim_blanks(text);
    if (s.empty())
        throw parse_error(f, v, "is empty; expected a number");
    if (is_non_finite(s))
        throw parse_error(f, v, "is not a finite number");
    if (is_hex(s))
        throw parse_error(f, v, "is hexadecimal; write the number in base-10 digits");
    if (has_exponent(s))
        throw parse_error(f, v, "has an exponent; write the number in plain digits");
    bool negative = false;
    if (s.front() == '+' && is_signed_figure(s))
        throw parse_error(f, v, "has a '+' sign; write the number without it");
    if (s.front() == '-' && is_signed_figure(s)) {
        if (!allow_negative)
            throw parse_error(f, v, "is negative; expected a number ≥ 0");
        negative = true;
        s.remove_prefix(1);
    }
    auto point = s.find('.');
    if (point == std::string_view::npos && format.decimal_comma)
        point = s.find(',');
    const std::string_view whole = s.substr(0, point);
    const std::string_view frac =
        point == std::string_view::npos ? std::string_view{} : s.substr(point + 1);
    const bool well_formed =
        all_digits(whole) && (point == std::string_view::npos || all_digits(frac));
    if (!well_formed) {
        if (!format.decimal_comma && s.find(',') != std::string_view::npos &&
            s.find_first_not_of("0123456789,. ") == std::string_view::npos)
            throw parse_error(f, v,
                              "has a comma; for a decimal comma pass --decimal-comma, and write "
                              "thousands without separators");
        if (is_grouped(s, ' ') || is_grouped(s, '\''))
            throw parse_error(f, v, "has a thousands separator; write the number without it");
        if (point != std::string_view::npos && (whole.empty() || all_digits(whole)) &&
            (frac.empty() || all_digits(frac)) && whole.size() + frac.size() > 0)
            throw parse_error(f, v, "needs a digit on each side of the point, as in 0.5 or 5.0");
        throw parse_error(f, v, "is not a number");
    }
    if (static_cast<int>(whole.size()) > max_digits || static_cast<int>(frac.size()) > max_digits)
        throw parse_error(f, v, "has too many digits (at most 18 before and 18 after the point)");
    int128 units = 0;
    for (const char c : whole)
        units = units * 10 + (c - '0');
    for (const char c : frac)
        units = units * 10 + (c - '0');
    return decimal{negative ? -units : units, static_cast<int>(frac.size())};
}

}  // namespace

decimal parse_decimal(std::string_view text, std::string_view field, number_format format,
                      bool allow_negative) {
    return read_decimal(text, text, field, format, allow_negative);
}

decimal parse_percent(std::string_view text, std::string_view field, number_format format) {
    std::string_view s = trim_blanks(text);
    if (!s.empty() && s.back() == '%')
        s = trim_blanks(s.substr(0, s.size() - 1));
    // Messages quote the text as typed ("4,75 %"), not what is left without the sign.
    const decimal d = read_decimal(s, text, field, format, false);
    if (d.to_ratio() > ratio(100))
        throw parse_error(std::string(field), std::string(text),
                          "is above 100%; a rate is a percentage from 0 to 100");
    return d;
}

}  // namespace churn
