// Unit tests of include/churn/scores.hpp: reading 0–10 survey answers for NPS.

#include <churn/error.hpp>
#include <churn/scores.hpp>

#include "catch.hpp"

#include <cstdint>
#include <sstream>
#include <string>

namespace {

churn::nps_counts read(const std::string& text) {
    std::istringstream in(text);
    return churn::read_scores(in, "answers.csv").counts;
}

/// How many rows had a blank score.
std::size_t blanks_of(const std::string& text) {
    std::istringstream in(text);
    return churn::read_scores(in, "answers.csv").blank;
}

/// The counts as promoters/passives/detractors, so that one CHECK shows all three.
std::string counts_of(const std::string& text) {
    const auto c = read(text);
    return std::to_string(c.promoters) + "/" + std::to_string(c.passives) + "/" +
           std::to_string(c.detractors);
}

const std::string out_of_range = "is outside 0 … 10; NPS scores run from 0 to 10";
const std::string not_whole = "is not a whole number; NPS scores are whole numbers from 0 to 10";

}  // namespace

// ---- what is read --------------------------------------------------------------------------

TEST_CASE("one score per line") {
    // 10, 9 promote; 8, 7 are passive; 6, 3, 0 detract
    CHECK(counts_of("10\n9\n8\n7\n6\n3\n0\n") == "2/2/3");
    CHECK(counts_of("10\n9") == "2/0/0");  // no final newline
    CHECK(counts_of("5\n") == "0/0/1");
    CHECK(counts_of(" 9 \n\t7\t\n") == "1/1/0");  // blanks around a score are trimmed
    CHECK(counts_of("010\n") == "1/0/0");         // a leading zero is decimal: 10
}

TEST_CASE("the boundaries of each group") {
    CHECK(counts_of("6\n") == "0/0/1");
    CHECK(counts_of("7\n") == "0/1/0");
    CHECK(counts_of("8\n") == "0/1/0");
    CHECK(counts_of("9\n") == "1/0/0");
    CHECK(counts_of("0\n") == "0/0/1");
    CHECK(counts_of("10\n") == "1/0/0");
}

TEST_CASE("blank lines between scores are skipped") {
    CHECK(counts_of("\n\n10\n\n9\n   \n\t\n7\n\n") == "2/1/0");
    CHECK(counts_of("score\n\n10\n\n") == "1/0/0");
}

TEST_CASE("a CSV file with a score column, anywhere in the header") {
    CHECK(counts_of("id,score\n1,10\n2,0\n") == "1/0/1");
    CHECK(counts_of("score,id\n10,1\n7,2\n") == "1/1/0");
    CHECK(counts_of("id,score,comment\n1,9,great\n2,3,slow\n") == "1/0/1");
    CHECK(counts_of("id,SCORE\n1,8\n") == "0/1/0");  // the name is case-insensitive
    CHECK(counts_of("\"id\",\"score\"\n\"1\",\"10\"\n") == "1/0/0");  // quoted
}

TEST_CASE("quoted fields are read as RFC 4180 says: delimiters and newlines inside quotes") {
    // Found by new users: "a,9,b" was split at its commas, and the score read was 9.
    CHECK(counts_of("comment,score\n\"a,9,b\",5\n") == "0/0/1");
    CHECK(counts_of("score,comment\n10,\"a, b\"\n") == "1/0/0");
    CHECK(counts_of("comment,score\n\"slow,\nthen fine\",8\n\"ok\",9\n") == "1/1/0");
    CHECK(counts_of("id;score;comment\n1;9;\"x;y\"\n") == "1/0/0");
    CHECK(counts_of("\"score\"\n\"7\"\n") == "0/1/0");
    // A quoted row is held to the header's width like any other.
    CHECK_THROWS_WITH(read("comment,score\n\"a\",9,5\n"),
                      "answers.csv:2: expected 2 fields as in the header, found 3");
    // Line numbers count the newlines inside quotes.
    CHECK_THROWS_WITH(read("comment,score\n\"a\nb\",5\n\"c\",x\n"),
                      "answers.csv:4: column \"score\": \"x\" is not a whole number");
    CHECK_THROWS_WITH(read("comment,score\n\"open,5\n"),
                      "answers.csv:2:1: unterminated quoted field (the quote opens here)");
}

TEST_CASE("a blank score cell is no answer: skipped and counted") {
    CHECK(counts_of("id,score\n1,\n2,9\n3, \n") == "1/0/0");
    CHECK(blanks_of("id,score\n1,\n2,9\n3, \n") == 2);
    CHECK(blanks_of("id,score\n2,9\n") == 0);
    CHECK(blanks_of("comment,score\n\"\",\"\"\n") == 1);
    // Blank lines are no rows at all, in a one-column file too.
    CHECK(blanks_of("score\n\n9\n  \n") == 0);
    CHECK(blanks_of("id,score\n\n1,9\n\n") == 0);
}

TEST_CASE("unnamed trailing columns of a spreadsheet export are ignored") {
    CHECK(counts_of("id,score,,\n1,9,,\n2,3,,\n") == "1/0/1");
    CHECK_THROWS_WITH(read("id,score,,\n1,9\n"),
                      "answers.csv:2: expected 4 fields as in the header, found 2");
}

TEST_CASE("CR-only line ends are named as such") {
    CHECK_THROWS_WITH(read("id,score\r1,9\r2,3\r"),
                      "answers.csv:1: a carriage return (CR) ends no line: the file has old Mac "
                      "line ends (CR only); convert them to LF, e.g. tr '\\r' '\\n'");
    CHECK_THROWS_WITH(read("9\r10\r"),
                      "answers.csv:1: a carriage return (CR) ends no line: the file has old Mac "
                      "line ends (CR only); convert them to LF, e.g. tr '\\r' '\\n'");
}

TEST_CASE("a TSV or semicolon file with a score column") {
    CHECK(counts_of("id\tScore\n1\t10\n2\t0\n") == "1/0/1");
    CHECK(counts_of("id;score\n1;8\n2;9\n") == "1/1/0");
    // A semicolon file may carry decimal commas in other columns.
    CHECK(counts_of("id;amount;score\n1;3,75;9\n") == "1/0/0");
    // A tab wins over commas in the header: "a,b" is one column name.
    CHECK(counts_of("a,b\tscore\nx,y\t10\n") == "1/0/0");
}

TEST_CASE("the column may be called nps or rating") {
    CHECK(counts_of("id;nps\n1;8\n") == "0/1/0");
    CHECK(counts_of("rating\n9\n") == "1/0/0");
    CHECK(counts_of("customer,Rating\nA,2\n") == "0/0/1");
}

TEST_CASE("a one-column file may have a header of any name, or none") {
    CHECK(counts_of("answer\n9\n10\n") == "2/0/0");
    CHECK(counts_of("score\n9\n") == "1/0/0");
    CHECK(counts_of("9\n10\n") == "2/0/0");  // the first line is a score, not a header
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted") {
    CHECK(counts_of("\xEF\xBB\xBFscore\r\n10\r\n6\r\n") == "1/0/1");
    CHECK(counts_of("\xEF\xBB\xBF"
                    "10\r\n7\r\n") == "1/1/0");  // BOM before a bare score
    CHECK(counts_of("id,score\r\n1,9\r\n\r\n2,8\r\n") == "1/1/0");
    CHECK(counts_of("9\r\n") == "1/0/0");
}

TEST_CASE("an empty file or a header alone has no answers") {
    CHECK(counts_of("") == "0/0/0");
    CHECK(counts_of("\n\n") == "0/0/0");
    CHECK(counts_of("score\n") == "0/0/0");
    CHECK(counts_of("\xEF\xBB\xBF") == "0/0/0");
}

// ---- what is rejected ----------------------------------------------------------------------

TEST_CASE("a score outside 0 … 10 names the source, the line, the column and the value") {
    CHECK_THROWS_WITH(read("9\n11\n"), "answers.csv:2: column \"score\": \"11\" " + out_of_range);
    CHECK_THROWS_WITH(read("score\n100\n"),
                      "answers.csv:2: column \"score\": \"100\" " + out_of_range);
    CHECK_THROWS_WITH(read("id,Rating\n1,12\n"),
                      "answers.csv:2: column \"Rating\": \"12\" " + out_of_range);
    CHECK_THROWS_WITH(read("score\n9\n-1\n"),
                      "answers.csv:3: column \"score\": \"-1\" " + out_of_range);
    CHECK_THROWS_AS(read("9\n11\n"), churn::parse_error);
}

TEST_CASE("a non-numeric score names the source, the line, the column and the value") {
    CHECK_THROWS_WITH(read("score\n9\nten\n"),
                      "answers.csv:3: column \"score\": \"ten\" is not a whole number");
    CHECK_THROWS_WITH(read("score\n9.5\n"),
                      "answers.csv:2: column \"score\": \"9.5\" " + not_whole);
    CHECK_THROWS_WITH(read("id,score\n1,8.5\n"),
                      "answers.csv:2: column \"score\": \"8.5\" " + not_whole);
    CHECK_THROWS_WITH(read("id;score\n1;8,5\n"),
                      "answers.csv:2: column \"score\": \"8,5\" " + not_whole);
    CHECK_THROWS_WITH(read("id;score\n1;+9\n"),
                      "answers.csv:2: column \"score\": \"+9\" has a '+' sign; write the count "
                      "as plain digits");
    // Line numbers count every physical line, blank ones included.
    CHECK_THROWS_WITH(read("score\n\n\n9\nx\n"),
                      "answers.csv:5: column \"score\": \"x\" is not a whole number");
    CHECK_THROWS_WITH(read("10\r\nabc\r\n"),
                      "answers.csv:2: column \"score\": \"abc\" is not a whole number");
}

TEST_CASE("a first line that is a bad score is reported, never taken for a header") {
    CHECK_THROWS_WITH(read("-1\n5\n"), "answers.csv:1: column \"score\": \"-1\" " + out_of_range);
    CHECK_THROWS_WITH(read("9.5\n5\n"), "answers.csv:1: column \"score\": \"9.5\" " + not_whole);
    CHECK_THROWS_WITH(read("11\n"), "answers.csv:1: column \"score\": \"11\" " + out_of_range);
}

TEST_CASE("in a one-column file a comma is part of the value: 9,5 is never 9") {
    CHECK_THROWS_WITH(read("score\n9,5\n"),
                      "answers.csv:2: column \"score\": \"9,5\" " + not_whole);
    CHECK_THROWS_WITH(read("9\n9,5\n"), "answers.csv:2: column \"score\": \"9,5\" " + not_whole);
    CHECK_THROWS_WITH(read("9\n\"9,5\"\n"),
                      "answers.csv:2: column \"score\": \"9,5\" " + not_whole);
}

TEST_CASE("a row must have the header's fields") {
    CHECK_THROWS_WITH(read("id,score\n1\n"),
                      "answers.csv:2: expected 2 fields as in the header, found 1");
    // "1,9,5" under "id,score" is a decimal comma or a ragged row, never the score 9.
    CHECK_THROWS_WITH(read("id,score\n1,9,5\n"),
                      "answers.csv:2: expected 2 fields as in the header, found 3");
    CHECK_THROWS_WITH(read("id;score\n1;9;\n"),
                      "answers.csv:2: expected 2 fields as in the header, found 3");
}

TEST_CASE("a header without a score column is an error") {
    CHECK_THROWS_WITH(read("id,answer\n1,9\n"),
                      "answers.csv:1: no column named score, nps or rating in the header");
    CHECK_THROWS_WITH(read("\n\nid;answer\n1;9\n"),
                      "answers.csv:3: no column named score, nps or rating in the header");
    CHECK_THROWS_WITH(read("9,10\n"),
                      "answers.csv:1: no column named score, nps or rating in the header");
}

TEST_CASE("errors name the source they are given") {
    std::istringstream in("score\n42\n");
    CHECK_THROWS_WITH(churn::read_scores(in, "<stdin>"),
                      "<stdin>:2: column \"score\": \"42\" " + out_of_range);
}
