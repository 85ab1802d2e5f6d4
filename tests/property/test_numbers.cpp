// Numbers round-trip: whatever churn prints, churn reads back to the same value, and counts
// agree with std::from_chars on any string of digits.

#include "oracle.hpp"

#include <churn/churn.hpp>

#include <rapidcheck/catch.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

TEST_CASE("counts print and parse back") {
    rc::prop("parse_count(to_string(n)) == n, with blanks and leading zeros", [] {
        const std::int64_t n = *rc::gen::oneOf(
            rc::gen::inRange<std::int64_t>(0, 1000),
            rc::gen::inRange<std::int64_t>(0, std::numeric_limits<std::int64_t>::max()),
            rc::gen::just(std::numeric_limits<std::int64_t>::max()));
        const std::string zeros(*rc::gen::inRange<std::size_t>(0, 4), '0');
        const std::string before(*rc::gen::inRange<std::size_t>(0, 3), ' ');
        const std::string after(*rc::gen::inRange<std::size_t>(0, 3), '\t');
        RC_ASSERT(churn::parse_count(std::to_string(n), "--start") == n);
        RC_ASSERT(churn::parse_count(before + zeros + std::to_string(n) + after, "--start") == n);
    });
    rc::prop("a string of digits is a count exactly when from_chars reads it in range", [] {
        const auto digits = *rc::gen::container<std::string>(rc::gen::inRange('0', ':'));
        std::int64_t expected = 0;
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), expected, 10);
        const bool fits =
            !digits.empty() && ec == std::errc() && ptr == digits.data() + digits.size();
        try {
            RC_ASSERT(churn::parse_count(digits, "--start") == expected);
            RC_ASSERT(fits);
        } catch (const churn::parse_error&) {
            RC_ASSERT(!fits);
        }
    });
}

TEST_CASE("decimals print and parse back") {
    rc::prop("parse_decimal(to_string(d)) keeps the digits and the scale", [] {
        const int scale = *rc::gen::inRange(0, 19);
        // Up to 18 digits on each side of the point.
        const auto whole = *rc::gen::inRange<std::int64_t>(0, 1000000000000000000LL);
        const auto frac =
            scale == 0 ? 0 : *rc::gen::inRange<std::int64_t>(0, 1000000000000000000LL);
        const churn::int128 units = static_cast<churn::int128>(whole) * churn::pow10(scale) +
                                    static_cast<churn::int128>(frac) % churn::pow10(scale);
        const bool negative = *rc::gen::arbitrary<bool>();
        const churn::decimal d{negative ? -units : units, scale};
        const bool comma = *rc::gen::arbitrary<bool>();
        const char point = comma ? ',' : '.';
        const std::string text = churn::to_string(d, point);
        const churn::decimal back = churn::parse_decimal(text, "--value", {comma}, true);
        RC_ASSERT(back.units == d.units);
        RC_ASSERT(back.scale == d.scale);
        RC_ASSERT(text == oracle::decimal_text(static_cast<oracle::u128>(units), scale,
                                               negative && units != 0, point));
    });
    rc::prop("a rounded rate prints and parses back to the same rounded value", [] {
        const std::int64_t den = *rc::gen::inRange<std::int64_t>(1, 1000000000);
        const std::int64_t num = *rc::gen::inRange<std::int64_t>(0, den + 1);
        const int places = *rc::gen::inRange(0, 11);
        const churn::decimal shown =
            churn::round_half_away(churn::ratio(num, den) * churn::ratio(100), places);
        const std::string text = churn::to_string(shown);
        const churn::decimal back = churn::parse_percent(text + "%", "--churn");
        RC_ASSERT(back.units == shown.units);
        RC_ASSERT(back.scale == shown.scale);
        // Within half a unit of the last printed digit of the exact value.
        const churn::ratio exact = churn::ratio(num, den) * churn::ratio(100);
        const churn::ratio error = back.to_ratio() - exact;
        const churn::ratio half(1, 2 * churn::pow10(places));
        RC_ASSERT(error <= half);
        RC_ASSERT(-error <= half);
    });
}
