// Regressions in the CSV reader, found by fuzz_csv, the CSV property test and the 100 MB
// line I/O tests.

#include "catch.hpp"
#include "csv_records.hpp"

#include <string>

using churn_test::error_of;
using churn_test::read_all;
using churn_test::records;

TEST_CASE("a line holding only \"\" is a record of one empty field, not a blank line") {
    // Found by the CSV write-then-read property: the record [""] was lost.
    CHECK(read_all("a\n\"\"\n\nb\n") == records{{"a"}, {""}, {"b"}});
    CHECK(read_all("\"\"") == records{{""}});
}

TEST_CASE("bare CR bytes count toward the field limit") {
    // Found by fuzz_csv (tests/regression/fuzz_csv/bare-cr-past-field-limit): a field ending
    // in a lone CR escaped the limit, and a stream of CR bytes grew one field without bound.
    churn::csv_options small;
    small.max_field = 8;
    small.delimiter = ';';
    CHECK(error_of("a,b\xEF\xBB\xBF,2\r", small) == "data.csv:1: field longer than 8 bytes");
    // (After a first line: in the first record a lone CR is taken for CR-only line ends.)
    CHECK(error_of("a\n" + std::string(100, '\r'), small) ==
          "data.csv:2: field longer than 8 bytes");
}

TEST_CASE("a record of too many fields or bytes is an error, read in bounded memory") {
    // Found by the 100 MB line I/O test: "1,1,1,…" took 1.5 GB before failing.
    churn::csv_options o;
    o.max_fields = 4;
    o.max_record = 16;
    CHECK(read_all("1,2,3,4\n", o) == records{{"1", "2", "3", "4"}});
    CHECK(error_of("1,2,3,4,5\n", o) == "data.csv:1: more than 4 fields in one record");
    CHECK(error_of("\"1\",2,3,4,5\n", o) == "data.csv:1: more than 4 fields in one record");
    CHECK(error_of("\"12345678\",\"12345678\",\"1\"\n", o) ==
          "data.csv:1: record longer than 16 bytes");
    CHECK(error_of(std::string(200000, ',')) == "data.csv:1: more than 65536 fields in one record");
}
