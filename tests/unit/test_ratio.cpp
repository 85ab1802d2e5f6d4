// Unit tests of include/churn/ratio.hpp: exact fractions, checked int128 arithmetic.

#include <churn/decimal.hpp>
#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include "catch.hpp"

#include <compare>
#include <cstdint>
#include <cstdlib>
#include <string>

using churn::int128;
using churn::pow10;
using churn::ratio;

namespace {

constexpr const char* too_large = "number too large: the exact result does not fit";

}  // namespace

TEST_CASE("a ratio is kept reduced with a positive denominator") {
    const ratio r(15, -400);  // −15/400 = −3/80
    CHECK(r.num() == -3);
    CHECK(r.den() == 80);
    CHECK(ratio(-15, -400) == ratio(3, 80));
    CHECK(ratio(0, 7).num() == 0);
    CHECK(ratio(0, 7).den() == 1);
    CHECK(ratio(0, -7).den() == 1);
    CHECK(ratio(681).den() == 1);  // an integer is a ratio over 1
    CHECK(ratio(681).num() == 681);
    CHECK(ratio().num() == 0);
    CHECK(ratio().den() == 1);
    CHECK(ratio(25, 681).num() == 25);  // already reduced (681 = 3 × 227)
    CHECK(ratio(25, 681).den() == 681);
}

TEST_CASE("a zero denominator is a churn::domain_error, never a crash") {
    CHECK_THROWS_AS(ratio(1, 0), churn::domain_error);
    CHECK_THROWS_WITH(ratio(1, 0), "division by zero");
    CHECK_THROWS_WITH(ratio(0, 0), "division by zero");
    CHECK_THROWS_AS(ratio(1) / ratio(0), churn::domain_error);
    CHECK_THROWS_WITH(ratio(19, 400) / ratio(0, 5), "division by zero");
}

TEST_CASE("ratio arithmetic is exact") {
    CHECK(ratio(1, 3) + ratio(1, 6) == ratio(1, 2));   // 2/6 + 1/6 = 3/6
    CHECK(ratio(1, 3) - ratio(1, 2) == ratio(-1, 6));  // 2/6 − 3/6
    CHECK(ratio(15, 400) + ratio(4, 400) == ratio(19, 400));
    CHECK(ratio(19, 400) * ratio(100) == ratio(19, 4));  // 4.75
    CHECK(ratio(1) / ratio(19, 400) == ratio(400, 19));  // 21.05…
    CHECK(ratio(2, 3) / ratio(-4, 9) == ratio(-3, 2));   // 2/3 × 9/−4 = 18/−12
    CHECK(-ratio(1, 3) == ratio(-1, 3));
    CHECK(-ratio(0) == ratio(0));
    // Binary floating point cannot do this: 0.1 + 0.2 == 0.3 exactly.
    CHECK(ratio(1, 10) + ratio(2, 10) == ratio(3, 10));
    // Ten times 1/10 is 1, not 0.9999999999999999.
    ratio sum;
    for (int i = 0; i < 10; ++i)
        sum = sum + ratio(1, 10);
    CHECK(sum == ratio(1));
}

TEST_CASE("products and sums reduce first, so exact results never overflow needlessly") {
    const int128 big = pow10(30);
    // (10^30 / 7) × (7 / 10^30) = 1; multiplied out first it would be 10^60 / 49.
    CHECK(ratio(big, 7) * ratio(7, big) == ratio(1));
    // 1/10^36 + 1/10^36 = 1/(5 × 10^35); the product of the denominators would be 10^72.
    CHECK(ratio(1, pow10(36)) + ratio(1, pow10(36)) == ratio(1, 5 * pow10(35)));
    // Dividing by itself.
    CHECK(ratio(big + 1, 3) / ratio(big + 1, 3) == ratio(1));
}

TEST_CASE("ratios compare exactly") {
    CHECK(ratio(1, 3) < ratio(34, 100));  // 0.333… < 0.34
    CHECK(ratio(1, 3) > ratio(33, 100));  // 0.333… > 0.33
    CHECK(ratio(2, 6) == ratio(1, 3));
    CHECK(ratio(-1, 2) < ratio(0));
    CHECK(ratio(-1, 2) > ratio(-2, 3));
    CHECK(ratio(5, 100) <= ratio(1, 20));  // exactly 5% is not below 5%
    CHECK_FALSE(ratio(5, 100) < ratio(1, 20));
    CHECK((ratio(19, 400) <=> ratio(1, 20)) == std::strong_ordering::less);
    CHECK((ratio(3, 80) <=> ratio(15, 400)) == std::strong_ordering::equal);
    CHECK(ratio(1, 3) != ratio(333, 1000));
}

TEST_CASE("zero and sign tests") {
    CHECK(ratio(0, 9).is_zero());
    CHECK_FALSE(ratio(1, 9).is_zero());
    CHECK(ratio(-1, 9).is_negative());
    CHECK(ratio(1, -9).is_negative());
    CHECK_FALSE(ratio(-1, -9).is_negative());
    CHECK_FALSE(ratio(0).is_negative());
}

TEST_CASE("to_double is the nearest double") {
    CHECK(ratio(19, 400).to_double() == 0.0475);
    CHECK(ratio(1, 3).to_double() == 1.0 / 3.0);
    CHECK(ratio(-3, 8).to_double() == -0.375);
    CHECK(ratio(1, 20).to_double() == 0.05);  // the benchmark boundary, as a literal
    CHECK(ratio(0).to_double() == 0.0);
    // Past 53 bits: the integer part plus the fraction of the rest.
    CHECK(ratio(pow10(30) + 1, 2).to_double() == 5e29);
    CHECK_THAT(ratio(-pow10(30), 3).to_double(), Catch::Matchers::WithinRel(-1e30 / 3, 1e-15));
    CHECK_THAT(ratio(1, pow10(20) + 1).to_double(), Catch::Matchers::WithinRel(1e-20, 1e-15));
    CHECK(ratio(INT64_MAX).to_double() == 9223372036854775807.0);
}

TEST_CASE("checked arithmetic reports overflow, never a wrong number") {
    CHECK(churn::checked_add(2, 3) == 5);
    CHECK(churn::checked_mul(-4, 5) == -20);
    CHECK(churn::checked_mul(pow10(19), pow10(19)) == pow10(38));
    CHECK_THROWS_WITH(churn::checked_add(pow10(38), pow10(38)), too_large);
    CHECK_THROWS_WITH(churn::checked_add(-pow10(38), -pow10(38)), too_large);
    CHECK_THROWS_WITH(churn::checked_mul(pow10(20), pow10(19)), too_large);
    const ratio big(pow10(37));
    CHECK_THROWS_AS(big * big, churn::error);
    CHECK_THROWS_WITH(big * big, too_large);
    CHECK_THROWS_WITH(ratio(1, pow10(37) + 1) + ratio(1, pow10(37) + 3), too_large);
    CHECK_THROWS_WITH(ratio(pow10(38)) + ratio(pow10(38)), too_large);
}

TEST_CASE("pow10 covers 10^0 … 10^38") {
    CHECK(pow10(0) == 1);
    CHECK(pow10(2) == 100);
    CHECK(pow10(18) == 1000000000000000000);
    CHECK(pow10(38) / pow10(37) == 10);
    CHECK(pow10(38) > 0);
    CHECK_THROWS_WITH(pow10(39), too_large);
    CHECK_THROWS_WITH(pow10(-1), too_large);
}

namespace {

/// The nearest double by another road: 60 significant digits of |num| / den, a final 1 when
/// digits remain (so a tie is never faked), read by strtod, which rounds correctly.
double reference_double(int128 num, int128 den) {
    const bool negative = num < 0;
    int128 u = negative ? -num : num;
    std::string digits = churn::to_string(churn::decimal{u / den, 0}) + ".";
    int128 r = u % den;
    for (int i = 0; i < 60 && r != 0; ++i) {
        r *= 10;
        digits += static_cast<char>('0' + static_cast<int>(r / den));
        r %= den;
    }
    if (r != 0)
        digits += '1';
    const double x = std::strtod(digits.c_str(), nullptr);
    return negative ? -x : x;
}

}  // namespace

TEST_CASE("to_double rounds once to the nearest double, also past 2^53 and for tiny fractions") {
    const int128 two53 = int128{1} << 53;
    CHECK(ratio(1, churn::pow10(26)).to_double() == 1e-26);
    CHECK(ratio(-1, churn::pow10(26)).to_double() == -1e-26);
    // 2^54 + 2.5 lies nearer 2^54 + 4 than 2^54: rounding the whole part first ties to 2^54.
    CHECK(ratio(4 * two53 + 5, 2).to_double() == 0x1p54 + 4);
    CHECK(ratio(two53 + 1, 1).to_double() == 0x1p53);  // a tie: to even
    CHECK(ratio(two53 + 3, 1).to_double() == 0x1p53 + 4);
    CHECK(ratio(0, churn::pow10(30)).to_double() == 0);
    const int128 top = ~(int128{1} << 127);
    CHECK(ratio(top, 1).to_double() == 0x1p127);
    CHECK(ratio(1, top).to_double() == 0x1p-127);
    CHECK(ratio(19, 400).to_double() == 0.0475);
}

TEST_CASE("to_double agrees with a correctly rounded decimal read, for random fractions") {
    std::uint64_t seed = 9;
    const auto next = [&] {
        seed = seed * 6364136223846793005U + 1442695040888963407U;  // Knuth's MMIX LCG
        return seed;
    };
    for (int i = 0; i < 20000; ++i) {
        const int128 wide = (int128{static_cast<std::int64_t>(next() >> 1)} << 64) | next();
        const int128 num = (wide >> (next() % 126)) * (next() % 2 ? 1 : -1);
        const int128 den = ((int128{static_cast<std::int64_t>(next() >> 1)} << 64 | next()) >>
                            (8 + next() % 118)) +
                           1;  // below 2^120: ten times the remainder fits
        INFO("num / den, high and low words: " << static_cast<std::int64_t>(num >> 64) << " "
                                               << static_cast<std::uint64_t>(num) << " / "
                                               << static_cast<std::uint64_t>(den));
        CHECK(ratio(num, den).to_double() == reference_double(num, den));
    }
}
