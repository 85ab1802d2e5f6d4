// Regressions in the CSV reader, found by fuzz_csv, the CSV property test and the 100 MB
// line I/O tests.

#include <churn/csv.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using records = std::vector<std::vector<std::string>>;

records read(const std::string& text, churn::csv_options options = {}) {
    std::istringstream in(text);
    churn::csv_reader reader(in, "t.csv", options);
    std::vector<std::string_view> fields;
    records out;
    while (reader.next(fields))
        out.emplace_back(fields.begin(), fields.end());
    return out;
}

std::string error_of(const std::string& text, churn::csv_options options = {}) {
    try {
        read(text, options);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a line holding only \"\" is a record of one empty field, not a blank line") {
    // Found by the CSV write-then-read property: the record [""] was lost.
    CHECK(read("a\n\"\"\n\nb\n") == records{{"a"}, {""}, {"b"}});
    CHECK(read("\"\"") == records{{""}});
}

TEST_CASE("bare CR bytes count toward the field limit") {
    // Found by fuzz_csv (tests/regression/fuzz_csv/bare-cr-past-field-limit): a field ending
    // in a lone CR escaped the limit, and a stream of CR bytes grew one field without bound.
    churn::csv_options small;
    small.max_field = 8;
    small.delimiter = ';';
    CHECK(error_of("a,b\xEF\xBB\xBF,2\r", small) == "t.csv:1: field longer than 8 bytes");
    CHECK(error_of(std::string(100, '\r'), small) == "t.csv:1: field longer than 8 bytes");
}

TEST_CASE("a record of too many fields or bytes is an error, read in bounded memory") {
    // Found by the 100 MB line I/O test: "1,1,1,…" took 1.5 GB before failing.
    churn::csv_options o;
    o.max_fields = 4;
    o.max_record = 16;
    CHECK(read("1,2,3,4\n", o) == records{{"1", "2", "3", "4"}});
    CHECK(error_of("1,2,3,4,5\n", o) == "t.csv:1: more than 4 fields in one record");
    CHECK(error_of("\"1\",2,3,4,5\n", o) == "t.csv:1: more than 4 fields in one record");
    CHECK(error_of("\"12345678\",\"12345678\",\"1\"\n", o) ==
          "t.csv:1: record longer than 16 bytes");
    CHECK(error_of(std::string(200000, ',')) == "t.csv:1: more than 65536 fields in one record");
}
