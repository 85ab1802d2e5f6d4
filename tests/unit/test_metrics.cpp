#include <churn/metrics.hpp>

#include "catch.hpp"

TEST_CASE("article 000: 15 of 400 lost is 3.75%") {
    const auto p = churn::resolve({400, 15, {}, {}, {}});
    CHECK(churn::churn_rate(p) == churn::ratio(375, 10000));
}
