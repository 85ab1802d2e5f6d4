// Reading inputs in-process: nps --scores through the RFC 4180 reader, and what messages show
// of the input (file names and values made printable).
#include "cli/app.hpp"
#include "in_process.hpp"

#include <churn/csv.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

using churn_test::result;

/// Runs churn in-process on `input` as its standard input.
result run(const std::vector<std::string>& args, const std::string& input) {
    return churn_test::run_churn(args, input);
}

result nps(const std::string& scores) {
    return run({"nps", "--scores", "-", "-q"}, scores);
}

}  // namespace

TEST_CASE("nps --scores reads quoted fields whole") {
    // Found by a new user: "a,9,b" was split at its commas and the score read was 9.
    const result r = nps("comment,score\n\"a,9,b\",5\n");
    CHECK(r.status == 0);
    CHECK(r.out == "-100.00\n");  // one detractor, no promoter
    CHECK(r.err.empty());
    const result lines = nps("comment,score\n\"slow at first,\nthen fine\",10\n");
    CHECK(lines.status == 0);
    CHECK(lines.out == "100.00\n");
}

TEST_CASE("nps --scores skips blank scores with a note") {
    const result r = nps("id,score\n1,10\n2,\n3,\n4,0\n");
    CHECK(r.status == 0);
    CHECK(r.out == "0.00\n");
    CHECK(r.err ==
          "churn: note: <stdin>: 2 rows have a blank score, read as no answer and not counted\n");
    CHECK(nps("id,score\n1,10\n2,\n").err ==
          "churn: note: <stdin>: 1 row has a blank score, read as no answer and not counted\n");
}

TEST_CASE("nps --scores says that scores are whole numbers") {
    const result r = nps("score\n8.5\n");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "churn: error: <stdin>:2: column \"score\": \"8.5\" is not a whole number; NPS "
          "scores are whole numbers from 0 to 10\n");
}

TEST_CASE("messages show input that is not UTF-8 escaped, on one line") {
    const result value = nps("score\n\xFF\n");
    CHECK(value.status == 2);
    CHECK(churn::invalid_utf8(value.err) == std::string_view::npos);
    CHECK(value.err ==
          "churn: error: <stdin>:2: column \"score\": \"\\xFF\" is not a whole number\n");
    const result name = nps("caf\xE9,score\n1,x\n");
    CHECK(churn::invalid_utf8(name.err) == std::string_view::npos);
    CHECK(name.err == "churn: error: <stdin>:2: column \"score\": \"x\" is not a whole number\n");
    const result header = nps("id,Sc\xF6re\n");
    CHECK(churn::invalid_utf8(header.err) == std::string_view::npos);
    const result file = run({"nps", "--scores", "no\nsuch\xFF.csv"}, "");
    CHECK(file.err == "churn: error: no\\x0Asuch\\xFF.csv: No such file or directory\n");
    const result flag = run({"--start", "4\xFF", "--lost", "1"}, "");
    CHECK(flag.status == 2);
    CHECK(churn::invalid_utf8(flag.err) == std::string_view::npos);
    CHECK(flag.err.find("\"4\\xFF\"") != std::string::npos);
}
