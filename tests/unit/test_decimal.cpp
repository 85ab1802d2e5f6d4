#include <churn/decimal.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

using churn::decimal;
using churn::ratio;
using churn::round_half_away;
using churn::to_string;

TEST_CASE("rounding is half away from zero from the exact value") {
    CHECK(to_string(round_half_away(ratio(1, 8), 2)) == "0.13");  // printf: 0.12
    CHECK(to_string(round_half_away(ratio(25, 2), 0)) == "13");   // printf: 12
    CHECK(to_string(round_half_away(ratio(1, 2), 0)) == "1");
    CHECK(to_string(round_half_away(ratio(-1, 2), 0)) == "-1");
    CHECK(to_string(round_half_away(ratio(2675, 1000), 2)) == "2.68");  // printf: 2.67
    CHECK(to_string(round_half_away(ratio(-2675, 1000), 2)) == "-2.68");
    CHECK(to_string(round_half_away(ratio(500, 150), 2)) == "3.33");  // 5/150 × 100
    CHECK(to_string(round_half_away(ratio(1, 3), 2)) == "0.33");
    CHECK(to_string(round_half_away(ratio(2, 3), 2)) == "0.67");
    CHECK(to_string(round_half_away(ratio(19, 4), 2)) == "4.75");
    CHECK(to_string(round_half_away(ratio(19, 4), 0)) == "5");
}

TEST_CASE("zero never carries a sign") {
    CHECK(to_string(round_half_away(ratio(-1, 1000), 2)) == "0.00");
    CHECK(to_string(decimal{0, 3}) == "0.000");
}

TEST_CASE("to_string writes exactly scale decimals, with the point asked for") {
    CHECK(to_string(decimal{5, 3}) == "0.005");
    CHECK(to_string(decimal{-123456, 2}) == "-1234.56");
    CHECK(to_string(decimal{375, 2}, ',') == "3,75");
    CHECK(to_string(decimal{450000, 0}) == "450000");
}

TEST_CASE("rounding a double is half away from zero too") {
    CHECK(to_string(round_half_away(0.4423267512172533 * 100, 2)) == "44.23");
    CHECK(to_string(round_half_away(-2.5, 0)) == "-3");
    CHECK_THROWS_AS(round_half_away(1.0 / 0.0, 2), churn::error);
}

TEST_CASE("precision must lie in 0 … 18") {
    CHECK_THROWS_WITH(round_half_away(ratio(1), 19), "precision must be between 0 and 18");
    CHECK_THROWS_AS(round_half_away(ratio(1), -1), churn::error);
}

TEST_CASE("decimal sums are exact") {
    // One million times 999.95 is 999950000.00 exactly (a double sum is 2 cents off).
    decimal sum{};
    const decimal price{99995, 2};
    for (int i = 0; i < 1000000; ++i)
        sum = churn::add(sum, price);
    CHECK(to_string(sum) == "999950000.00");
    CHECK(churn::add(decimal{1, 1}, decimal{2, 3}).to_ratio() == ratio(102, 1000));
}
