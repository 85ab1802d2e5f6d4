#include <churn/csv.hpp>

#include "catch.hpp"
#include "csv_records.hpp"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using churn_test::error_of;
using churn_test::read_all;
using churn_test::records;

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

TEST_CASE("malformed input is an error with its line, and the column of a quoting error") {
    CHECK(error_of("a\n\"open,1\n2\n") ==
          "data.csv:2:1: unterminated quoted field (the quote opens here)");
    CHECK(error_of("a,b\n1,\"open\n2\n3\n") ==
          "data.csv:2:3: unterminated quoted field (the quote opens here)");
    CHECK(error_of("a\n\"ab\"c\n") ==
          "data.csv:2:5: text after a closing quote; quote the whole field");
    CHECK(error_of("a\n\"ab\"\rc\n") ==
          "data.csv:2:5: text after a closing quote; quote the whole field");
    CHECK(error_of("a\nx\"y\n") ==
          "data.csv:2:2: a quote inside an unquoted field; quote the whole field");
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

TEST_CASE("a field is quoted when any byte needs it, whatever its length and place") {
    // The check reads a word at a time, and short fields in overlapping or repeated pieces.
    const auto written = [](const std::string& field, char delimiter) {
        std::string out;
        churn::append_csv_field(out, field, delimiter);
        return out;
    };
    for (std::size_t n = 0; n <= 20; ++n) {
        const std::string plain(n, 'a');
        CHECK(written(plain, ',') == plain);
        for (std::size_t at = 0; at < n; ++at) {
            for (const char c : {',', '"', '\r', '\n'}) {
                std::string field = plain;
                field[at] = c;
                std::string quoted = "\"";  // a quote inside is doubled
                quoted.append(at, 'a').append(c == '"' ? 2 : 1, c).append(n - at - 1, 'a');
                quoted += '"';
                CHECK(written(field, ',') == quoted);
            }
            std::string field = plain;
            field[at] = ',';
            CHECK(written(field, ';') == field);
            field[at] = ';';
            CHECK(written(field, ';') == '"' + field + '"');
        }
    }
}

TEST_CASE("invalid_utf8 finds a bad byte whatever the length and its place") {
    for (std::size_t n = 0; n <= 20; ++n) {
        const std::string ascii(n, 'a');
        CHECK(churn::invalid_utf8(ascii) == std::string_view::npos);
        for (std::size_t at = 0; at < n; ++at) {
            std::string text = ascii;
            text[at] = '\xFF';
            CHECK(churn::invalid_utf8(text) == at);
        }
    }
}

TEST_CASE("empty input has no records, and a header alone is one") {
    CHECK(read_all("").empty());
    CHECK(read_all("\xEF\xBB\xBF").empty());
    CHECK(read_all("\n\n").empty());
    CHECK(read_all("period,start,lost\n") == records{{"period", "start", "lost"}});
    CHECK(read_all("\xEF\xBB\xBFperiod\r\n") == records{{"period"}});
}

TEST_CASE("ragged records are read as they are, for the caller to judge") {
    CHECK(read_all("a,b,c\n1,2\n1,2,3,4\n") ==
          records{{"a", "b", "c"}, {"1", "2"}, {"1", "2", "3", "4"}});
}

TEST_CASE("a CR is stripped only as part of a CRLF line end") {
    CHECK(read_all("a,b\r\n1,2\r\n\r\n3,4\r\n") == records{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(read_all("a,b\r\n1,2") == records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,b\n1\r2,3\n") == records{{"a", "b"}, {"1\r2", "3"}});
    CHECK(read_all("a\n\"x\r\ny\"\r\n") == records{{"a"}, {"x\r\ny"}});
}

TEST_CASE("CRLF and LF files give the same records, across read blocks") {
    std::string lf = "period,start,lost\n";
    std::string crlf = "period,start,lost\r\n";
    records expected{{"period", "start", "lost"}};
    for (int i = 0; i < 20000; ++i) {
        std::string p = "p";
        p.append(std::to_string(i));
        const std::string s = std::to_string(1000 + i);
        for (std::string* text : {&lf, &crlf}) {
            text->append(p).append(",").append(s).append(",7");
            text->append(text == &lf ? "\n" : "\r\n");
        }
        expected.push_back({p, s, "7"});
    }
    CHECK(read_all(lf) == expected);
    CHECK(read_all(crlf) == expected);
}

TEST_CASE("quotes, lone CRs and NULs are found wherever they are, across read blocks") {
    // The fast path splits lines that hold none of them; each must still reach the careful
    // path, in any block and at any byte of an 8-byte word.
    std::string text = "a,b,c\n";
    records expected{{"a", "b", "c"}};
    for (int i = 0; i < 20000; ++i) {
        const std::string a(static_cast<std::size_t>(i % 19), 'x');
        const std::string b = std::to_string(i);
        if (i % 97 == 0) {
            text += a + ",\"" + b + ",\"\"q\"\"\",c";
            expected.push_back({a, b + ",\"q\"", "c"});
        } else if (i % 89 == 0) {
            text += a + "," + b + "\r" + b + ",c";
            expected.push_back({a, b + "\r" + b, "c"});
        } else {
            text += a + "," + b + ",c";
            expected.push_back({a, b, "c"});
        }
        text += i % 3 == 0 ? "\r\n" : "\n";
    }
    CHECK(read_all(text) == expected);

    text[text.find(",15000,") + 1] = '\0';  // on line 15002
    CHECK(error_of(text) == "data.csv:15002: NUL byte in input (binary file?)");
}

TEST_CASE("line numbers stay physical after quoted records, CRLF and blank lines") {
    std::istringstream in("h,x\r\n\r\n\"a\r\nb\",1\r\n2,\"c\"\r\n\n3,4\n\"\"\"q\"\"\",5\n6,7\n");
    churn::csv_reader reader(in, "data.csv");
    std::vector<std::string_view> fields;
    std::vector<std::size_t> lines;
    records got;
    while (reader.next(fields)) {
        lines.push_back(reader.line());
        got.emplace_back(fields.begin(), fields.end());
    }
    CHECK(lines == std::vector<std::size_t>{1, 3, 5, 7, 8, 9});
    CHECK(got ==
          records{{"h", "x"}, {"a\r\nb", "1"}, {"2", "c"}, {"3", "4"}, {"\"q\"", "5"}, {"6", "7"}});
}

TEST_CASE("a NUL byte is an error wherever it is") {
    CHECK(error_of(std::string("a\n\"1\0\"\n", 7)) ==
          "data.csv:2: NUL byte in input (binary file?)");
    CHECK(error_of(std::string("a\nb\n\0", 5)) == "data.csv:3: NUL byte in input (binary file?)");
}

TEST_CASE("a semicolon file read with a comma delimiter is one field a line") {
    CHECK(read_all("period;start;lost\n2024-01;400;3,75\n") ==
          records{{"period;start;lost"}, {"2024-01;400;3", "75"}});
}

TEST_CASE("a CR that ends no line in the first record is taken for CR-only line ends") {
    const std::string cr_only =
        "data.csv:1: a carriage return (CR) ends no line: the file has old Mac line ends (CR "
        "only); convert them to LF, e.g. tr '\\r' '\\n'";
    CHECK(error_of("period,start,lost\rJan,400,19\r") == cr_only);
    CHECK(error_of("a\r") == cr_only);
    CHECK(error_of("\xEF\xBB\xBF\"a\"\rb\r") ==
          "data.csv:1:4: text after a closing quote; quote "
          "the whole field");
    // Inside quotes, after the first record, and before LF, a CR is what it always was.
    CHECK(read_all("\"a\rb\"\n1\r2\n") == records{{"a\rb"}, {"1\r2"}});
    CHECK(read_all("a\r\n1\r\n") == records{{"a"}, {"1"}});
}

TEST_CASE("peek shows the start of the input without reading it, and the delimiter may change") {
    std::istringstream in(
        "\xEF\xBB\xBF"
        "id;score\n1;9\n2;8;x\n");
    churn::csv_reader reader(in, "data.csv");
    CHECK(reader.peek().substr(0, 9) == "id;score\n");
    CHECK(reader.peek().substr(0, 9) == "id;score\n");  // nothing was consumed
    reader.set_delimiter(';');
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"id", "score"});
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"1", "9"});
    reader.set_delimiter('\0');  // none: each line is one field
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"2;8;x"});
    CHECK_FALSE(reader.next(fields));
    std::istringstream empty("");
    churn::csv_reader none(empty, "empty.csv");
    CHECK(none.peek().empty());
    CHECK_FALSE(none.next(fields));
}

namespace {

churn::csv_options blank_separated() {
    churn::csv_options options;
    options.whitespace = true;
    return options;
}

}  // namespace

TEST_CASE("whitespace mode reads a fixed-layout file such as CDNOW's") {
    // The first bytes of CDNOW_master.txt: a leading blank, runs of blanks, CRLF.
    const std::string cdnow =
        " customer_id  date number_of_cds  dollar_value\r\n"
        " 00001 19970101     1     11.77\r\n"
        " 00002 19970112     1     12.00\r\n";
    CHECK(read_all(cdnow, blank_separated()) ==
          records{{"customer_id", "date", "number_of_cds", "dollar_value"},
                  {"00001", "19970101", "1", "11.77"},
                  {"00002", "19970112", "1", "12.00"}});
}

TEST_CASE("whitespace mode splits at runs of spaces and tabs and ignores them at the ends") {
    CHECK(read_all("a b\n1 \t 2\n", blank_separated()) == records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("\t a  b \t\n  1\t\t2  ", blank_separated()) == records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,b;c|d\n", blank_separated()) == records{{"a,b;c|d"}});
}

TEST_CASE("whitespace mode takes quotes as ordinary bytes") {
    CHECK(read_all("\"a b\" \"\"\n", blank_separated()) == records{{"\"a", "b\"", "\"\""}});
    CHECK(read_all("x\"y \"open\n", blank_separated()) == records{{"x\"y", "\"open"}});
}

TEST_CASE("whitespace mode skips blank lines and lines of blanks, counting them") {
    std::istringstream in("h k\n\n   \n\t\r\n1 2\r\n \n3 4");
    churn::csv_reader reader(in, "data.txt", blank_separated());
    std::vector<std::string_view> fields;
    std::vector<std::size_t> lines;
    records got;
    while (reader.next(fields)) {
        lines.push_back(reader.line());
        got.emplace_back(fields.begin(), fields.end());
    }
    CHECK(got == records{{"h", "k"}, {"1", "2"}, {"3", "4"}});
    CHECK(lines == std::vector<std::size_t>{1, 5, 7});
    CHECK(read_all(" \n\t\n", blank_separated()).empty());
    CHECK(read_all("", blank_separated()).empty());
}

TEST_CASE("whitespace mode skips a BOM and strips only the CR of a CRLF") {
    CHECK(read_all("\xEF\xBB\xBF id date\r\n", blank_separated()) == records{{"id", "date"}});
    CHECK(read_all("a\n1\r2 3\r\n", blank_separated()) == records{{"a"}, {"1\r2", "3"}});
    CHECK(read_all("a\n1\r", blank_separated()) == records{{"a"}, {"1\r"}});
}

TEST_CASE("whitespace mode reports NUL bytes, CR-only line ends and long fields") {
    CHECK(error_of(std::string("a\n1 \0\n", 6), blank_separated()) ==
          "data.csv:2: NUL byte in input (binary file?)");
    CHECK(error_of("id date\r1 2\r", blank_separated()) ==
          "data.csv:1: a carriage return (CR) ends no line: the file has old Mac line ends (CR "
          "only); convert them to LF, e.g. tr '\\r' '\\n'");
    churn::csv_options small = blank_separated();
    small.max_field = 4;
    CHECK(error_of("a\n12345 1\n", small) == "data.csv:2: field longer than 4 bytes");
    CHECK(error_of("a\n1 12345", small) == "data.csv:2: field longer than 4 bytes");
    CHECK(read_all("a\n1234   5678\n", small) == records{{"a"}, {"1234", "5678"}});
    small.max_fields = 2;
    CHECK(error_of("a b c\n", small) == "data.csv:1: more than 2 fields in one record");
}

TEST_CASE("whitespace mode gives the same records for LF and CRLF, across read blocks") {
    std::string lf = "id date amount\n";
    std::string crlf = " id  date  amount \r\n";
    records expected{{"id", "date", "amount"}};
    for (int i = 0; i < 20000; ++i) {
        const std::string id(static_cast<std::size_t>(1 + i % 13), static_cast<char>('a' + i % 26));
        const std::string date = std::to_string(19970101 + i);
        const std::string amount = std::to_string(i) + ".5";
        lf.append(id).append(" ").append(date).append("\t").append(amount).append("\n");
        crlf.append(std::string(static_cast<std::size_t>(i % 3), ' '))
            .append(id)
            .append(std::string(static_cast<std::size_t>(1 + i % 7), ' '))
            .append(date)
            .append(" \t ")
            .append(amount)
            .append(i % 5 == 0 ? "  " : "")
            .append("\r\n");
        expected.push_back({id, date, amount});
    }
    CHECK(read_all(lf, blank_separated()) == expected);
    CHECK(read_all(crlf, blank_separated()) == expected);
    const std::string long_field(200000, 'x');
    CHECK(read_all("a b\n  " + long_field + " 1 \n2 3\n", blank_separated()) ==
          records{{"a", "b"}, {long_field, "1"}, {"2", "3"}});
}
