// Unit tests of include/churn/ratio.hpp: exact fractions, checked int128 arithmetic.

#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include "catch.hpp"

#include <compare>
#include <cstdint>

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
