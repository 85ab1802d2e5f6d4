#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include "catch.hpp"

using churn::ratio;

TEST_CASE("a ratio is kept reduced with a positive denominator") {
    const ratio r(15, -400);
    CHECK(r.num() == -3);
    CHECK(r.den() == 80);
    CHECK(ratio(0, 7).den() == 1);
}

TEST_CASE("ratio arithmetic is exact") {
    CHECK(ratio(1, 3) + ratio(1, 6) == ratio(1, 2));
    CHECK(ratio(1, 3) - ratio(1, 2) == ratio(-1, 6));
    CHECK(ratio(19, 400) * ratio(100) == ratio(19, 4));
    CHECK(ratio(1) / ratio(19, 400) == ratio(400, 19));
    CHECK(-ratio(1, 3) == ratio(-1, 3));
}

TEST_CASE("ratios compare exactly") {
    CHECK(ratio(1, 3) < ratio(34, 100));
    CHECK(ratio(1, 3) > ratio(33, 100));
    CHECK(ratio(2, 6) == ratio(1, 3));
    CHECK(ratio(-1, 2) < ratio(0));
}

TEST_CASE("to_double is the nearest double") {
    CHECK(ratio(19, 400).to_double() == 0.0475);
    CHECK(ratio(1, 3).to_double() == 1.0 / 3.0);
    CHECK(ratio(-3, 8).to_double() == -0.375);
    // Past 53 bits: the integer part plus the fraction of the rest.
    CHECK(ratio(churn::pow10(30) + 1, 2).to_double() == 5e29);
    CHECK_THAT(ratio(-churn::pow10(30), 3).to_double(),
               Catch::Matchers::WithinRel(-1e30 / 3, 1e-15));
}

TEST_CASE("dividing by zero is a churn::domain_error") {
    CHECK_THROWS_AS(ratio(1) / ratio(0), churn::domain_error);
    CHECK_THROWS_AS(ratio(1, 0), churn::domain_error);
}

TEST_CASE("overflow is an error, never a wrong number") {
    const ratio big(churn::pow10(37));
    CHECK_THROWS_AS(big * big, churn::error);
    CHECK_THROWS_AS(churn::checked_add(churn::pow10(38), churn::pow10(38)), churn::error);
    CHECK_THROWS_AS(churn::pow10(39), churn::error);
}
