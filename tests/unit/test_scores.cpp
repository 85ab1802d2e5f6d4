#include <churn/error.hpp>
#include <churn/scores.hpp>

#include "catch.hpp"

#include <sstream>
#include <string>

namespace {

churn::nps_counts read(const std::string& text) {
    std::istringstream in(text);
    return churn::read_scores(in, "answers.csv");
}

std::string error_of(const std::string& text) {
    try {
        read(text);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "read";
}

}  // namespace

TEST_CASE("one score per line, blank lines skipped") {
    const auto c = read("10\n9\n\n7\n3\n");
    CHECK(c.promoters == 2);
    CHECK(c.passives == 1);
    CHECK(c.detractors == 1);
}

TEST_CASE("a CSV, TSV or semicolon file with a score column") {
    CHECK(read("id,score\n1,10\n2,0\n").promoters == 1);
    CHECK(read("id\tScore\n1\t10\n2\t0\n").detractors == 1);
    CHECK(read("id;nps\n1;8\n").passives == 1);
    CHECK(read("rating\n9\n").promoters == 1);
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted") {
    const auto c = read("\xEF\xBB\xBFscore\r\n10\r\n6\r\n");
    CHECK(c.promoters == 1);
    CHECK(c.detractors == 1);
}

TEST_CASE("bad scores name the source, the line, the column and the value") {
    CHECK(error_of("9\n11\n") ==
          "answers.csv:2: column \"score\": \"11\" is outside 0 … 10; NPS scores run from 0 to "
          "10");
    CHECK(error_of("score\n9\nten\n") ==
          "answers.csv:3: column \"score\": \"ten\" is not a whole number");
    CHECK(error_of("id,answer\n1,9\n") ==
          "answers.csv:1: no column named score, nps or rating in the header");
    CHECK(error_of("id,score\n1\n") == "answers.csv:2: expected at least 2 fields, found 1");
}

TEST_CASE("an empty file has no answers") {
    const auto c = read("");
    CHECK(c.promoters + c.passives + c.detractors == 0);
}
