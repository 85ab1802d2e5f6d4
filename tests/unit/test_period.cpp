#include <churn/period.hpp>

#include "catch.hpp"

TEST_CASE("the end is derived from start, lost, new and lost_new") {
    const auto p = churn::resolve({400, 15, 300, 4, {}});
    CHECK(p.end == 681);
}
