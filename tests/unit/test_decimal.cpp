#include <churn/decimal.hpp>

#include "catch.hpp"

TEST_CASE("rounding is half away from zero from the exact value") {
    using churn::ratio;
    CHECK(churn::to_string(churn::round_half_away(ratio(1, 8), 2)) == "0.13");
    CHECK(churn::to_string(churn::round_half_away(ratio(500, 150), 2)) == "3.33");
    CHECK(churn::to_string(churn::round_half_away(ratio(2675, 1000), 2)) == "2.68");
    CHECK(churn::to_string(churn::round_half_away(ratio(-2675, 1000), 2)) == "-2.68");
}
