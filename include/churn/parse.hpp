#pragma once
/// Strict, locale-independent parsing of the numbers users type or export.
/// Every function names `field` (a flag or a column) in its churn::parse_error.

#include <churn/decimal.hpp>

#include <cstdint>
#include <string_view>

namespace churn {

struct number_format {
    bool decimal_comma = false;  ///< also accept ',' as the decimal point ("3,75")
};

/// A count: base-10 digits only, 0 … 2^63 − 1; surrounding ASCII blanks are ignored.
/// Rejects signs, fractions, exponents, hex, grouping separators, text and overflow.
std::int64_t parse_count(std::string_view text, std::string_view field);

/// An exact decimal such as `1234.56` or `-12.50`, keeping the decimals as written (scale).
/// `allow_negative` for amounts that may be negative. At most 18 digits before and 18 after the
/// point.
decimal parse_decimal(std::string_view text, std::string_view field, number_format format = {},
                      bool allow_negative = false);

/// A rate given in percent, `4.75` or `4.75%` (also `4,75 %` with decimal_comma), 0 … 100.
decimal parse_percent(std::string_view text, std::string_view field, number_format format = {});

}  // namespace churn
