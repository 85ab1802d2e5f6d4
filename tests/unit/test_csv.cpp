#include <churn/csv.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace {

using records = std::vector<std::vector<std::string>>;

records read_all(const std::string& text, churn::csv_options options = {}) {
    std::istringstream in(text);
    churn::csv_reader reader(in, "data.csv", options);
    std::vector<std::string_view> fields;
    records out;
    while (reader.next(fields))
        out.emplace_back(fields.begin(), fields.end());
    return out;
}

std::string error_of(const std::string& text, churn::csv_options options = {}) {
    try {
        read_all(text, options);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "read";
}

}  // namespace

TEST_CASE("plain records, with and without a final newline") {
    CHECK(read_all("a,b\n1,2\n") == records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,b\n1,2") == records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,,b\n") == records{{"a", "", "b"}});
}

TEST_CASE("RFC 4180 quoting: delimiters, quotes and newlines inside fields") {
    CHECK(read_all("\"Oslo, NO\",1\n") == records{{"Oslo, NO", "1"}});
    CHECK(read_all("\"say \"\"hi\"\"\",1\n") == records{{"say \"hi\"", "1"}});
    CHECK(read_all("\"a\nb\",1\n") == records{{"a\nb", "1"}});
    CHECK(read_all("\"\",1\n") == records{{"", "1"}});
}

TEST_CASE("CRLF line ends and a UTF-8 BOM are accepted") {
    CHECK(read_all("\xEF\xBB\xBFstart,lost\r\n10,2\r\n") ==
          records{{"start", "lost"}, {"10", "2"}});
    CHECK(read_all("\"x\"\r\n") == records{{"x"}});
}

TEST_CASE("blank lines are skipped") {
    CHECK(read_all("a\n\n1\n\n\n") == records{{"a"}, {"1"}});
}

TEST_CASE("another delimiter") {
    churn::csv_options semicolon;
    semicolon.delimiter = ';';
    CHECK(read_all("a;b\n3,75;1\n", semicolon) == records{{"a", "b"}, {"3,75", "1"}});
    churn::csv_options tab;
    tab.delimiter = '\t';
    CHECK(read_all("a\tb\n1\t2\n", tab) == records{{"a", "b"}, {"1", "2"}});
}

TEST_CASE("line numbers are physical lines, counting newlines inside quotes") {
    std::istringstream in("h\n\"a\nb\nc\"\nnext\n");
    churn::csv_reader reader(in, "data.csv");
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 1);
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 2);
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 5);
    CHECK(fields[0] == "next");
}

TEST_CASE("malformed input is an error with its line") {
    CHECK(error_of("a\n\"open,1\n2\n") ==
          "data.csv:2: unterminated quoted field (the quote opens here)");
    CHECK(error_of("a\n\"ab\"c\n") ==
          "data.csv:2: text after a closing quote; quote the whole field");
    CHECK(error_of("a\nx\"y\n") ==
          "data.csv:2: a quote inside an unquoted field; quote the whole field");
    CHECK(error_of(std::string("a\n1\0,2\n", 7)) == "data.csv:2: NUL byte in input (binary file?)");
}

TEST_CASE("a field past the limit is an error, in bounded memory") {
    churn::csv_options small;
    small.max_field = 8;
    CHECK(error_of("a\n123456789\n", small) == "data.csv:2: field longer than 8 bytes");
    CHECK(error_of("a\n\"123456789\"\n", small) == "data.csv:2: field longer than 8 bytes");
    CHECK(read_all("a\n12345678\n", small) == records{{"a"}, {"12345678"}});
}

TEST_CASE("records longer than the read block are read whole") {
    const std::string long_field(200000, 'x');
    CHECK(read_all("a,b\n" + long_field + ",1\n") == records{{"a", "b"}, {long_field, "1"}});
}

TEST_CASE("writing a field quotes only what needs it, and reads back the same") {
    std::string out;
    churn::append_csv_field(out, "plain");
    out += ',';
    churn::append_csv_field(out, "Oslo, NO");
    out += ',';
    churn::append_csv_field(out, "say \"hi\"\nbye");
    CHECK(out == "plain,\"Oslo, NO\",\"say \"\"hi\"\"\nbye\"");
    CHECK(read_all(out + "\n") == records{{"plain", "Oslo, NO", "say \"hi\"\nbye"}});
}
