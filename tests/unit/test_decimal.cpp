// Unit tests of include/churn/decimal.hpp: exact decimals, half-away rounding, printing.

#include <churn/decimal.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using churn::decimal;
using churn::int128;
using churn::pow10;
using churn::ratio;
using churn::round_half_away;
using churn::to_string;

namespace {

std::string rounded(const ratio& x, int places) {
    return to_string(round_half_away(x, places));
}

struct rounding_case {
    ratio value;
    int places;
    const char* expected;
};

}  // namespace

TEST_CASE("rounding table: half away from zero, from the exact value") {
    // printf("%.Nf") rounds the binary double half to even and gets several of these wrong.
    const std::vector<rounding_case> table = {
        {ratio(1, 8), 2, "0.13"},          // 0.125: a tie, away from zero (printf: 0.12)
        {ratio(-1, 8), 2, "-0.13"},        // −0.125
        {ratio(25, 2), 0, "13"},           // 12.5 (printf: 12)
        {ratio(27, 2), 0, "14"},           // 13.5
        {ratio(-25, 2), 0, "-13"},         // −12.5
        {ratio(1, 2), 0, "1"},             // 0.5 (printf: 0)
        {ratio(-1, 2), 0, "-1"},           // −0.5
        {ratio(3, 2), 0, "2"},             // 1.5
        {ratio(5, 2), 0, "3"},             // 2.5 (half-even: 2)
        {ratio(2675, 1000), 2, "2.68"},    // 2.675 is exact here (printf of the double: 2.67)
        {ratio(-2675, 1000), 2, "-2.68"},  // −2.675
        {ratio(1005, 1000), 2, "1.01"},    // 1.005 (printf: 1.00)
        {ratio(500, 150), 2, "3.33"},      // 5/150 × 100 = 3.333…
        {ratio(500, 150), 1, "3.3"},       // article 002 writes 3,3%
        {ratio(1, 3), 2, "0.33"},          // 0.333…
        {ratio(2, 3), 2, "0.67"},          // 0.666…
        {ratio(-2, 3), 2, "-0.67"},        // −0.666…
        {ratio(19, 4), 2, "4.75"},         // 4.75 exactly
        {ratio(19, 4), 1, "4.8"},          // 4.75: a tie at 1 place
        {ratio(19, 4), 0, "5"},            // 4.75
        {ratio(2000, 681), 2, "2.94"},     // B4: 2.9368…
        {ratio(2500, 681), 2, "3.67"},     // B5: 3.6710…
        {ratio(1, 3), 10, "0.3333333333"},
        {ratio(1, 3), 18, "0.333333333333333333"},
        {ratio(7), 3, "7.000"},  // an integer gains its zeros
        {ratio(0), 2, "0.00"},
    };
    for (const auto& c : table) {
        CAPTURE(c.value.to_double(), c.places);
        CHECK(rounded(c.value, c.places) == c.expected);
    }
}

TEST_CASE("zero never carries a sign") {
    CHECK(rounded(ratio(-1, 1000), 2) == "0.00");   // −0.001 rounds to 0.00, not −0.00
    CHECK(rounded(ratio(-4, 1000), 2) == "0.00");   // −0.004
    CHECK(rounded(ratio(-5, 1000), 2) == "-0.01");  // −0.005 is a tie: away from zero
    CHECK(rounded(ratio(-49, 100), 0) == "0");      // −0.49
    CHECK(to_string(decimal{0, 3}) == "0.000");
    CHECK(to_string(decimal{0, 0}) == "0");
    CHECK(to_string(round_half_away(-0.001, 2)) == "0.00");
    CHECK(to_string(round_half_away(-0.0, 0)) == "0");
    CHECK(round_half_away(ratio(-1, 1000), 2).units == 0);
}

TEST_CASE("num / den is rounded without reducing, the same on the 64- and 128-bit paths") {
    // B5 unreduced: 25 × 100 / 681 = 3.67
    CHECK(to_string(round_half_away(2500, 681, 2)) == "3.67");
    CHECK(to_string(round_half_away(1900, 400, 2)) == "4.75");
    CHECK(to_string(round_half_away(-125, 1000, 2)) == "-0.13");
    // Scaling numerator and denominator by 10^19 (> 2^62) forces the 128-bit path; the
    // rounded value must not change, ties included.
    const int128 k = pow10(19);
    for (int num = -50; num <= 50; ++num) {
        for (int den = 1; den <= 16; ++den) {
            for (int places = 0; places <= 3; ++places) {
                CAPTURE(num, den, places);
                const decimal small = round_half_away(num, den, places);
                const decimal wide = round_half_away(num * k, den * k, places);
                CHECK(small.units == wide.units);
                CHECK(small.scale == places);
                CHECK(round_half_away(ratio(num, den), places).units == small.units);
            }
        }
    }
    // A tie past 64 bits: (10^20 + 5) / 10 = 10^19 + 0.5 → 10^19 + 1.
    CHECK(to_string(round_half_away(pow10(20) + 5, 10, 0)) == "10000000000000000001");
    CHECK(to_string(round_half_away(-(pow10(20) + 5), 10, 0)) == "-10000000000000000001");
}

TEST_CASE("a zero denominator is an error and a negative one is normalised") {
    CHECK_THROWS_AS(round_half_away(1, 0, 2), churn::domain_error);
    CHECK_THROWS_WITH(round_half_away(0, 0, 2), "division by zero");
    // 1 / −8 = −0.125 → −0.13
    CHECK(to_string(round_half_away(1, -8, 2)) == "-0.13");
    CHECK(to_string(round_half_away(-1, -8, 2)) == "0.13");
}

TEST_CASE("precision must lie in 0 … 18") {
    const std::string message = "precision must be between 0 and 18";
    CHECK_THROWS_WITH(round_half_away(ratio(1), 19), message);
    CHECK_THROWS_WITH(round_half_away(ratio(1), -1), message);
    CHECK_THROWS_WITH(round_half_away(1, 3, 19), message);
    CHECK_THROWS_WITH(round_half_away(0.5, -1), message);
    CHECK_THROWS_WITH(round_half_away(0.5, 19), message);
    CHECK_THROWS_AS(round_half_away(ratio(1), 19), churn::error);
    CHECK(rounded(ratio(2, 3), 0) == "1");
    CHECK(rounded(ratio(2, 3), 18) == "0.666666666666666667");
}

TEST_CASE("rounding past the int128 range is an error") {
    // 10^30 × 10^18 does not fit in 128 bits.
    CHECK_THROWS_WITH(round_half_away(ratio(pow10(30)), 18),
                      "number too large: the exact result does not fit");
}

TEST_CASE("a result that fits is exact, however large num × 10^places would be") {
    // (10^35 − 1) / 10^33 at 10 places: 10^45 does not fit in 128 bits, 100.0000000000 does.
    const ratio nrr(pow10(35) - 1, pow10(33));
    CHECK(to_string(round_half_away(nrr, 10)) == "100.0000000000");
    CHECK(to_string(round_half_away(-nrr, 18)) == "-100.000000000000000000");
    const ratio below(pow10(35) - 4 * pow10(16), pow10(33));  // 100 − 4 × 10^-17
    CHECK(to_string(round_half_away(-below, 18)) == "-99.999999999999999960");
    CHECK(to_string(round_half_away(ratio(pow10(37) + 5, pow10(37) * 2), 18)) ==
          "0.500000000000000000");
    // A percentage of sums of 36-digit amounts, where num × 100 passes the int128 range.
    const ratio pooled(pow10(38) - 1, pow10(38));
    CHECK(to_string(churn::round_percent(pooled, 2)) == "100.00");
    CHECK(to_string(churn::round_percent(ratio(1, 3), 4)) == "33.3333");
    CHECK(to_string(churn::round_percent(ratio(-1, 8), 1)) == "-12.5");
}

TEST_CASE("rounding a double is half away from zero too") {
    // 1 − 0.9525^12 = 0.442326751… → 44.23%
    CHECK(to_string(round_half_away(0.4423267512172533 * 100, 2)) == "44.23");
    CHECK(to_string(round_half_away(2.5, 0)) == "3");
    CHECK(to_string(round_half_away(-2.5, 0)) == "-3");
    CHECK(to_string(round_half_away(0.125, 2)) == "0.13");  // 0.125 is exact in binary
    CHECK(to_string(round_half_away(1234.5678, 3)) == "1234.568");
    CHECK(round_half_away(45.9639, 2).scale == 2);
}

TEST_CASE("a double that is not finite or too large is an error") {
    CHECK_THROWS_WITH(round_half_away(std::numeric_limits<double>::infinity(), 2),
                      "result is not a finite number");
    CHECK_THROWS_WITH(round_half_away(-std::numeric_limits<double>::infinity(), 2),
                      "result is not a finite number");
    CHECK_THROWS_WITH(round_half_away(std::nan(""), 2), "result is not a finite number");
    CHECK_THROWS_WITH(round_half_away(1e300, 2), "number too large: the result does not fit");
    CHECK_THROWS_WITH(round_half_away(1e17, 2), "number too large: the result does not fit");
}

TEST_CASE("to_string writes exactly scale decimals, with the point asked for") {
    CHECK(to_string(decimal{5, 3}) == "0.005");
    CHECK(to_string(decimal{-5, 2}) == "-0.05");
    CHECK(to_string(decimal{-123456, 2}) == "-1234.56");
    CHECK(to_string(decimal{375, 2}, ',') == "3,75");  // the articles' 3,75
    CHECK(to_string(decimal{450000, 0}) == "450000");
    CHECK(to_string(decimal{330, 2}) == "3.30");  // trailing zeros are kept
    CHECK(to_string(decimal{pow10(30), 0}) == "1000000000000000000000000000000");
    CHECK(to_string(decimal{pow10(36) - 1, 36}) == "0." + std::string(36, '9'));
}

TEST_CASE("a decimal is an exact ratio, and equal values compare equal at any scale") {
    CHECK(decimal{375, 2}.to_ratio() == ratio(15, 4));
    CHECK(decimal{-1250, 2}.to_ratio() == ratio(-25, 2));
    CHECK(decimal{330, 2} == decimal{33, 1});  // 3.30 == 3.3
    CHECK_FALSE(decimal{331, 2} == decimal{33, 1});
    CHECK(decimal{} == decimal{0, 5});
}

TEST_CASE("decimal sums are exact") {
    // One million times 999.95 is 999950000.00 exactly (a double sum is 2 cents off).
    decimal sum{};
    const decimal price{99995, 2};
    for (int i = 0; i < 1000000; ++i)
        sum = churn::add(sum, price);
    CHECK(to_string(sum) == "999950000.00");
    // 0.1 + 0.002 = 0.102, at the larger scale
    const decimal d = churn::add(decimal{1, 1}, decimal{2, 3});
    CHECK(d.units == 102);
    CHECK(d.scale == 3);
    // −12.50 + 12.5 = 0.00
    CHECK(to_string(churn::add(decimal{-1250, 2}, decimal{125, 1})) == "0.00");
    CHECK_THROWS_WITH(churn::add(decimal{pow10(38), 0}, decimal{pow10(38), 0}),
                      "number too large: the exact result does not fit");
    CHECK_THROWS_AS(churn::add(decimal{pow10(30), 0}, decimal{1, 10}), churn::error);
}

TEST_CASE("decimals compare exactly at any size and scale") {
    const decimal top{pow10(36) - 1, 18};  // 999999999999999999.999999999999999999
    CHECK((churn::compare(top, top) == 0));
    CHECK((churn::compare(decimal{pow10(36) - 2, 18}, top) < 0));
    CHECK((churn::compare(decimal{pow10(18) - 1, 0}, top) < 0));
    CHECK((churn::compare(decimal{pow10(18), 0}, top) > 0));
    CHECK((churn::compare(decimal{150, 2}, decimal{15, 1}) == 0));
    CHECK((churn::compare(decimal{-150, 2}, decimal{-14, 1}) < 0));
    CHECK((churn::compare(decimal{-1, 18}, decimal{0, 0}) < 0));
    CHECK((churn::compare(decimal{1, 36}, decimal{0, 0}) > 0));
}

TEST_CASE("decimal products are exact, at the sum of the scales") {
    // 6 × 2.55 = 15.30, and 3 × −0.125 = −0.375 (a cancelled line item).
    const decimal line = churn::multiply(decimal{6, 0}, decimal{255, 2});
    CHECK(line.units == 1530);
    CHECK(line.scale == 2);
    CHECK(to_string(churn::multiply(decimal{3, 0}, decimal{-125, 3})) == "-0.375");
    CHECK(to_string(churn::multiply(decimal{15, 1}, decimal{15, 1})) == "2.25");
    CHECK(churn::multiply(decimal{pow10(18), 18}, decimal{pow10(18), 18}) == decimal{1, 0});
    CHECK_THROWS_AS(churn::multiply(decimal{pow10(20), 0}, decimal{pow10(19), 0}),
                    churn::overflow_error);
    CHECK_THROWS_WITH(churn::multiply(decimal{1, 19}, decimal{1, 18}),
                      "number too precise: the exact product has more than 36 decimals");
}
