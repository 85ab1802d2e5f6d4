#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include "catch.hpp"

using churn::ratio;

TEST_CASE("a ratio is kept reduced with a positive denominator") {
    const ratio r(15, -400);
    CHECK(r.num() == -3);
    CHECK(r.den() == 80);
}

TEST_CASE("ratio arithmetic is exact") {
    CHECK(ratio(1, 3) + ratio(1, 6) == ratio(1, 2));
    CHECK(ratio(19, 400) * ratio(100) == ratio(19, 4));
    CHECK(ratio(1) / ratio(19, 400) == ratio(400, 19));
    CHECK(ratio(1, 3) < ratio(34, 100));
}

TEST_CASE("dividing by zero is a churn::domain_error") {
    CHECK_THROWS_AS(ratio(1) / ratio(0), churn::domain_error);
}
