#include <churn/parse.hpp>

#include "catch.hpp"

TEST_CASE("a leading zero is decimal, never octal") {
    CHECK(churn::parse_count("010", "--start") == 10);
}
