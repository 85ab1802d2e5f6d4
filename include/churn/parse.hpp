#pragma once
/// Strict, locale-independent parsing of the numbers users type or export.
/// Every function names `field` (a flag or a column) in its churn::parse_error.

#include <churn/decimal.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace churn {

struct number_format {
    bool decimal_comma = false;  ///< also accept ',' as the decimal point ("3,75")
};

/// `text` without the ASCII blanks (spaces and tabs) around it.
inline std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

/// A count: base-10 digits only, 0 … 2^63 − 1; surrounding ASCII blanks are ignored.
/// Rejects signs, fractions, exponents, hex, grouping separators, text and overflow.
std::int64_t parse_count(std::string_view text, std::string_view field);

/// The fast path of parse_count, for the cells of millions of rows: 1 … 18 plain digits (which
/// cannot overflow) as their value, in one comparison per digit; −1 for anything else, which
/// parse_count then reads or explains.
inline std::int64_t plain_count(std::string_view text) {
    const std::size_t n = text.size();
    if (n == 0 || n > 18)
        return -1;
    std::uint64_t v = 0;
    for (const char c : text) {
        const unsigned digit = static_cast<unsigned char>(c) - unsigned{'0'};
        if (digit > 9)
            return -1;
        v = v * 10 + digit;
    }
    return static_cast<std::int64_t>(v);
}

/// An exact decimal such as `1234.56` or `-12.50`, keeping the decimals as written (scale).
/// `allow_negative` for amounts that may be negative. At most 18 digits before and 18 after the
/// point.
decimal parse_decimal(std::string_view text, std::string_view field, number_format format = {},
                      bool allow_negative = false);

/// The fast path of parse_decimal for the amounts of millions of rows: an optional '-', then
/// 1 … 18 digits in all, with at most one '.' between two of them and at most 9 digits after
/// it. Sets text = units × 10^-scale and returns true; false for anything else (blanks, '+',
/// grouping, a comma, more digits), which parse_decimal(text, field, format, true) then reads
/// or explains.
inline bool plain_amount(std::string_view text, std::int64_t& units, int& scale) {
    if (text.empty() || text.size() > 20)  // '-', 18 digits and '.' at most
        return false;
    const char* p = text.data();
    const char* const end = p + text.size();
    const bool negative = *p == '-';
    p += negative ? 1 : 0;
    const char* const first = p;
    const char* point = nullptr;
    std::uint64_t v = 0;  // 18 digits cannot overflow it
    for (; p != end; ++p) {
        const unsigned digit = static_cast<unsigned char>(*p) - unsigned{'0'};
        if (digit <= 9) {
            v = v * 10 + digit;
        } else if (*p != '.' || point != nullptr || p == first || p + 1 == end) {
            return false;
        } else {
            point = p;
        }
    }
    const auto digits = (end - first) - (point != nullptr ? 1 : 0);
    const auto decimals = point != nullptr ? end - point - 1 : 0;
    if (digits == 0 || digits > 18 || decimals > 9)
        return false;
    units = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    scale = static_cast<int>(decimals);
    return true;
}

/// A rate given in percent, `4.75` or `4.75%` (also `4,75 %` with decimal_comma), 0 … 100.
decimal parse_percent(std::string_view text, std::string_view field, number_format format = {});

}  // namespace churn
