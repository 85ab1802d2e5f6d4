// Each fast path of the library gives exactly what the slow function beside it gives:
// plain_count and parse_count, plain_amount and parse_decimal, round_half_away_64 and
// round_half_away's long division, to_double of an unreduced fraction and ratio::to_double.

#include "oracle.hpp"

#include <churn/churn.hpp>

#include <rapidcheck/catch.h>

#include "generators.hpp"

#include <cstdint>
#include <limits>
#include <string>

using gen::magnitude;
using gen::top;

TEST_CASE("plain_count is parse_count wherever it answers") {
    rc::prop("on text of digits, blanks, signs and points", [] {
        const auto text = *rc::gen::container<std::string>(
            rc::gen::element('0', '1', '5', '9', ' ', '+', '-', '.', ',', 'x', '\t'));
        const std::int64_t fast = churn::plain_count(text);
        if (fast >= 0)
            RC_ASSERT(churn::parse_count(text, "x") == fast);
    });
    rc::prop("every string of 1 … 18 digits takes the fast path", [] {
        const auto digits = *rc::gen::resize(
            18, rc::gen::nonEmpty(rc::gen::container<std::string>(rc::gen::inRange('0', ':'))));
        RC_PRE(digits.size() <= 18);
        RC_ASSERT(churn::plain_count(digits) == churn::parse_count(digits, "x"));
    });
}

TEST_CASE("plain_amount is parse_decimal wherever it answers") {
    rc::prop("on text of digits, signs, points and other bytes", [] {
        const auto text = *rc::gen::container<std::string>(
            rc::gen::element('0', '1', '5', '9', '-', '-', '.', '.', '+', ',', ' ', 'e'));
        std::int64_t units = 0;
        int scale = 0;
        if (churn::plain_amount(text, units, scale)) {
            const churn::decimal slow = churn::parse_decimal(text, "x", {}, true);
            RC_ASSERT(slow.units == churn::int128{units});
            RC_ASSERT(slow.scale == scale);
        }
    });
    rc::prop("every amount of 1 … 18 digits and 0 … 9 decimals takes the fast path", [] {
        const std::int64_t whole = *magnitude(999'999'999);
        const int decimals = *rc::gen::inRange(0, 10);
        const std::int64_t frac = *rc::gen::inRange<std::int64_t>(0, 1'000'000'000);
        std::string text = *rc::gen::arbitrary<bool>() ? "-" : "";
        text += std::to_string(whole);
        if (decimals > 0) {
            const std::string f = std::to_string(frac);
            text += '.' +
                    (std::string(9, '0') + f).substr(f.size(), static_cast<std::size_t>(decimals));
        }
        std::int64_t units = 0;
        int scale = 0;
        RC_ASSERT(churn::plain_amount(text, units, scale));
        const churn::decimal slow = churn::parse_decimal(text, "x", {}, true);
        RC_ASSERT(slow.units == churn::int128{units});
        RC_ASSERT(slow.scale == scale);
    });
}

TEST_CASE("round_half_away_64 is round_half_away's long division") {
    rc::prop("the same units for num / den at 0 … 18 places, signs and ties included", [] {
        const bool tie = *rc::gen::arbitrary<bool>();
        // A tie: an odd multiple of den / 2, for an even den.
        const std::int64_t den = tie ? (*magnitude(top / 16) + 1) * 2 : *magnitude(top - 1) + 1;
        const std::int64_t num =
            tie ? den / 2 * (*rc::gen::inRange<std::int64_t>(0, 7) | 1) : *magnitude(top);
        const bool negative = *rc::gen::arbitrary<bool>();
        const int places = *rc::gen::inRange(0, 19);
        const churn::int128 n = negative ? -churn::int128{num} : churn::int128{num};
        std::int64_t fast = 0;
        if (!churn::round_half_away_64(n, den, places, fast))
            return;
        // Scaled past 64 bits, the same fraction takes the slow path.
        const churn::int128 k = churn::int128{1} << 64;
        const churn::decimal slow = churn::round_half_away(n * k, churn::int128{den} * k, places);
        RC_ASSERT(slow.units == churn::int128{fast});
        const oracle::u128 exact = oracle::round_half_away(static_cast<oracle::u128>(num),
                                                           static_cast<oracle::u128>(den), places);
        RC_ASSERT(static_cast<oracle::u128>(negative ? -fast : fast) == exact);
    });
}

TEST_CASE("to_double of an unreduced fraction is the ratio's nearest double") {
    rc::prop("num k / den k, for any k, is num / den", [] {
        const std::int64_t limit = std::int64_t{1} << 53;
        const std::int64_t den = *magnitude(limit - 2) + 1;
        const std::int64_t num = *magnitude(limit - 1);
        const std::int64_t k = *magnitude(top) + 1;
        const churn::fraction small{num, den};
        const churn::fraction large{churn::int128{num} * k, churn::int128{den} * k};
        const double expected = churn::ratio(num, den).to_double();
        RC_ASSERT(churn::to_double(small) == expected);
        RC_ASSERT(churn::to_double(large) == expected);
        RC_ASSERT(churn::to_double(churn::fraction{-small.num, small.den}) == -expected);
    });
}
