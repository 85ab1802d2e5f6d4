// The sinks of src/cli/out/: the digit writers, each format on rows of any schema, and the
// whole command line where a sink decides what the user sees.
#include "cli/app.hpp"
#include "cli/batch_output.hpp"
#include "cli/out/number.hpp"
#include "cli/out/sink.hpp"
#include "in_process.hpp"

#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"

using churn::decimal;
using churn::int128;
using churn::cli::format;
using churn::cli::out::column;
using churn::cli::out::fraction;
using churn::cli::out::header;
using churn::cli::out::total;
using churn::cli::out::value;

namespace {

/// Columns of the given names, no labels.
header columns(const std::vector<std::string>& names) {
    header h;
    for (const auto& n : names)
        h.columns.push_back(column{n, {}, {}, {}, 0});
    return h;
}

/// A document of `rows` and `totals` through the sink of `f`.
std::string write(format f, header h, const std::vector<std::vector<value>>& rows,
                  const std::vector<total>& totals = {},
                  churn::cli::out::options o = churn::cli::out::options{}) {
    std::ostringstream out;
    const auto sink = churn::cli::out::make_sink(f, out, o);
    sink->begin(std::move(h));
    for (const auto& r : rows)
        sink->row(r);
    if (!totals.empty())
        sink->summary(totals);
    sink->finish({});
    return out.str();
}

std::string json_of(const value& v) {
    std::string out;
    churn::cli::out::append_json_value(out, v);
    return out;
}

using churn_test::result;

result run(const std::vector<std::string>& args) {
    return churn_test::run_churn(args);
}

}  // namespace

TEST_CASE("JSON numbers: counts as integers, the rest the nearest double in shortest form") {
    CHECK(json_of(int128{9223372036854775807}) == "9223372036854775807");
    CHECK(json_of(int128{1} << 100) == "1267650600228229401496703205376");
    CHECK(json_of(fraction{1, churn::pow10(26)}) == "1e-26");
    CHECK(json_of(decimal{1, 18}) == "1e-18");
    CHECK(json_of(fraction{19 * 100, 400}) == "4.75");
    CHECK(json_of(fraction{-1, 3}) == "-0.3333333333333333");
    CHECK(json_of(-0.0) == "0");
    CHECK(json_of(value{}) == "null");
    CHECK(json_of(std::string_view("a\x1f")) == "\"a\\u001f\"");
}

TEST_CASE("JSON escapes every control byte, 0x1F included: none is written raw") {
    std::string all;
    for (int c = 1; c < 0x20; ++c)
        all += static_cast<char>(c);
    const std::string out = json_of(std::string_view(all));
    for (const char c : out)
        CHECK(static_cast<unsigned char>(c) >= 0x20);
    CHECK(out.find("\\u001f") != std::string::npos);
    CHECK(out.find("\\u0001") != std::string::npos);
}

TEST_CASE("churn rate prints its counts as integers in JSON, exactly, even at 2^63 - 1") {
    const result r =
        run({"rate", "--start", "9223372036854775807", "--lost", "1", "--format", "json"});
    CHECK(r.status == 0);
    CHECK(r.out.find("\"customers\": 9223372036854775807,") != std::string::npos);
    const result above = run({"rate", "--start", "9007199254740993", "--lost", "1", "--new", "2",
                              "--basis", "exposed", "--format", "json"});
    CHECK(above.out.find("\"customers\": 9007199254740995,") != std::string::npos);
}

TEST_CASE("quiet output writes the decimal comma that --decimal-comma asks for") {
    const result r = run({"--start", "150", "--lost", "5", "--decimal-comma", "-q"});
    CHECK(r.out == "3,33\n");
    CHECK(run({"--start", "150", "--lost", "5", "-q"}).out == "3.33\n");
}

TEST_CASE("a format name is parsed once, and an unknown one is an error, never a default") {
    CHECK(churn::cli::parse_format("jsonl") == format::jsonl);
    CHECK(churn::cli::name_of(format::table) == "table");
    for (const auto f : {format::text, format::json, format::jsonl, format::csv, format::tsv,
                         format::table, format::svg, format::html})
        CHECK(churn::cli::parse_format(churn::cli::name_of(f)) == f);
    CHECK_THROWS_WITH(churn::cli::parse_format("yaml"),
                      "--format: \"yaml\" is not an output format; use text, json, jsonl, csv, "
                      "tsv, table, svg, html");
    const result single = run({"rate", "--start", "4", "--lost", "1", "--format", "jsonl"});
    CHECK(single.status == churn::cli::exit_error);
    CHECK(single.out.empty());
    const result batch = run({"batch", "--format", "text", "-"});
    CHECK(batch.status == churn::cli::exit_error);
    CHECK(batch.out.empty());
}

namespace {

/// Rows of an activity log's shape (SPEC §6): a label, a flag, counts, a rate, an amount.
header log_columns() {
    header h = columns({"period", "partial", "active", "churn_pct", "revenue"});
    h.columns[3].suffix = "%";
    return h;
}

std::vector<std::vector<value>> log_rows() {
    return {{std::string_view("2024-01"), true, int128{40}, value{}, decimal{12345, 2}},
            {std::string_view("2024-02"), false, int128{38}, fraction{500, 40}, decimal{-5, 0}}};
}

const std::vector<total> log_totals = {{"period", "", "", std::string_view("total"), ""},
                                       {"active", "", "Active, summed", int128{78}, ""},
                                       {"churn_pct", "", "Pooled churn", fraction{500, 78}, "%"}};

}  // namespace

TEST_CASE("CSV and TSV write rows of any columns, the totals as a row in them") {
    CHECK(write(format::csv, log_columns(), log_rows(), log_totals) ==
          "period,partial,active,churn_pct,revenue\n"
          "2024-01,true,40,,123.45\n"
          "2024-02,false,38,12.50,-5\n"
          "total,,78,6.41,\n");
    CHECK(write(format::tsv, columns({"a b", "c"}), {{std::string_view("x\ty"), int128{1}}}) ==
          "a b\tc\nx\\ty\t1\n");
}

TEST_CASE("CSV without columns holds the totals alone: their names, then their values") {
    // The text total names a row of totals in the row columns; alone, there is none to name.
    CHECK(write(format::csv, header{}, {}, log_totals) == "active,churn_pct\n78,6.41\n");
}

TEST_CASE("JSON writes rows as an array of one-line objects, the totals last") {
    CHECK(write(format::json, log_columns(), log_rows(), log_totals) ==
          "[\n"
          "{\"period\":\"2024-01\",\"partial\":true,\"active\":40,\"churn_pct\":null,"
          "\"revenue\":123.45},\n"
          "{\"period\":\"2024-02\",\"partial\":false,\"active\":38,\"churn_pct\":12.5,"
          "\"revenue\":-5},\n"
          "{\"period\":\"total\",\"active\":78,\"churn_pct\":6.410256410256411}\n"
          "]\n");
    CHECK(write(format::json, log_columns(), {}) == "[]\n");
    CHECK(write(format::json, header{}, {}, log_totals) ==
          "{\"period\":\"total\",\"active\":78,\"churn_pct\":6.410256410256411}\n");
}

TEST_CASE("JSON Lines writes one object per row and one for the totals") {
    CHECK(
        write(format::jsonl, columns({"cohort", "age"}),
              {{std::string_view("2024-01"), int128{0}}, {std::string_view("2024-01"), int128{1}}},
              {{"cohort", "", "", std::string_view("all"), ""}}) ==
        "{\"cohort\":\"2024-01\",\"age\":0}\n"
        "{\"cohort\":\"2024-01\",\"age\":1}\n"
        "{\"cohort\":\"all\"}\n");
}

TEST_CASE("the table aligns text left and numbers right, - where undefined, totals below") {
    churn::cli::out::options o;
    o.point = ',';
    CHECK(write(format::table, log_columns(), log_rows(), log_totals, o) ==
          "period   partial  active  churn_pct  revenue\n"
          "2024-01     true      40          -   123,45\n"
          "2024-02    false      38     12,50%       -5\n"
          "\n"
          "Active, summed            78\n"
          "Pooled churn            6,41%\n");
}

TEST_CASE("table and text escape control characters: a value cannot move the cursor") {
    const std::vector<std::vector<value>> rows = {{std::string_view("a\x1b[2Jb\nc"), int128{1}}};
    const std::string table = write(format::table, columns({"period", "n"}), rows);
    CHECK(table == "period        n\na\\x1b[2Jb\\nc  1\n");
    header h = columns({"word"});
    h.columns[0].label = "Word";
    h.record = true;
    CHECK(write(format::text, std::move(h), {{std::string_view("x\ry\x7f")}}) ==
          "Word  x\\ry\\x7f\n");
}

TEST_CASE("a row that fails leaves nothing of itself, and the rows before it stay") {
    // JSON writes any number (as the nearest double); the formats that round can fail.
    for (const auto f : {format::csv, format::tsv, format::table}) {
        std::ostringstream out;
        const auto sink = churn::cli::out::make_sink(f, out, churn::cli::out::options{});
        sink->begin(columns({"period", "x"}));
        sink->row(std::vector<value>{std::string_view("good"), fraction{1, 2}});
        // 10^37 × 10^2: too large to round to the precision.
        CHECK_THROWS(
            sink->row(std::vector<value>{std::string_view("bad"), fraction{churn::pow10(37), 1}}));
        sink->finish({});
        INFO(out.str());
        CHECK(out.str().find("good") != std::string::npos);
        CHECK(out.str().find("bad") == std::string::npos);
    }
}

TEST_CASE("a sink writes large blocks as it goes, not the whole document at the end") {
    std::ostringstream out;
    const auto sink = churn::cli::out::make_sink(format::csv, out, churn::cli::out::options{});
    sink->begin(columns({"n"}));
    std::size_t rows = 0;
    while (out.str().empty()) {
        sink->row(std::vector<value>{int128{1234567}});
        ++rows;
    }
    CHECK(rows > 1000);
    CHECK(rows < 20000);
    sink->finish({});
    CHECK(out.str().size() == 2 + rows * 8);
}

TEST_CASE("JSON of a tiny revenue churn is the nearest double: 1e-26, not 9.999999999999999e-27") {
    const result r = run({"revenue", "--start", "10000000000", "--churned", "0.000000000000000001",
                          "--format", "json"});
    CHECK(r.out.find("\"gross_revenue_churn_pct\": 1e-26,") != std::string::npos);
}

TEST_CASE("cells for people are written as to_string writes the decimal, without allocating") {
    std::uint64_t seed = 17;
    for (int i = 0; i < 20000; ++i) {
        seed = seed * 6364136223846793005U + 1442695040888963407U;  // Knuth's MMIX LCG
        const int scale = static_cast<int>(seed % 21);              // past 18: the slow road
        const auto magnitude = static_cast<std::int64_t>((seed >> 1) >> (seed >> 58));
        const decimal d{seed % 3 == 0 ? -int128{magnitude} : int128{magnitude}, scale};
        const char point = seed % 2 ? ',' : '.';
        std::string plain;
        churn::cli::out::append_plain(plain, d, 2, point);
        INFO(static_cast<std::int64_t>(d.units) << " scale " << scale);
        CHECK(plain == churn::to_string(d, point));
    }
    std::string zero;
    churn::cli::out::append_plain(zero, decimal{0, 3}, 2, '.');
    CHECK(zero == "0.000");
}
