#include <churn/scores.hpp>

#include "catch.hpp"

#include <sstream>

TEST_CASE("one score per line") {
    std::istringstream in("10\n9\n7\n3\n");
    const auto c = churn::read_scores(in, "<test>");
    CHECK(c.promoters == 2);
    CHECK(c.detractors == 1);
}
