#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/series.hpp>

#include "catch.hpp"

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace {

using fields = std::vector<std::string_view>;

/// Reads a whole CSV text as one series, skipping bad rows as batch --skip-invalid does.
struct read_result {
    std::vector<churn::series_row> rows;  ///< labels cleared: they view the reader's buffer
    std::vector<std::string> labels;
    std::vector<std::string> errors;  ///< "line: message" of each bad row, which is skipped
};

read_result read_series(const std::string& text, churn::number_format numbers = {}) {
    std::istringstream in(text);
    churn::csv_reader reader(in, "s.csv");
    fields cells;
    REQUIRE(reader.next(cells));
    const churn::series_columns columns(cells);
    churn::series s(numbers);
    read_result out;
    churn::series_row row;
    while (reader.next(cells)) {
        try {
            s.read(columns, cells, row);
            out.labels.emplace_back(row.label);
            row.label = {};
            out.rows.push_back(row);
        } catch (const churn::error& e) {
            out.errors.push_back(std::to_string(reader.line()) + ": " + e.what());
        }
    }
    return out;
}

std::string header_error(const fields& header) {
    try {
        churn::series_columns columns(header);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "no error";
}

double pct(const churn::ratio& r) {
    return 100 * r.to_double();
}

}  // namespace

TEST_CASE("column names match case-insensitively, with blanks, dashes and underscores alike") {
    CHECK(churn::canonical_column_name("lost_new") == "lost_new");
    CHECK(churn::canonical_column_name("lost-new") == "lost_new");
    CHECK(churn::canonical_column_name("Lost New") == "lost_new");
    CHECK(churn::canonical_column_name("  LOST  -  NEW\t") == "lost_new");
    CHECK(churn::canonical_column_name("Start") == "start");
    CHECK(churn::canonical_column_name("Kündigungen") == "kündigungen");

    const churn::series_columns c(fields{"Region", "Lost-New", "START", "New", "lost", "Period"});
    using col = churn::series_column;
    CHECK(c[col::lost_new] == 1u);
    CHECK(c[col::start] == 2u);
    CHECK(c[col::acquired] == 3u);
    CHECK(c[col::lost] == 4u);
    CHECK(c[col::period] == 5u);
    CHECK_FALSE(c.has(col::end));
    CHECK(c.customers());
    CHECK_FALSE(c.revenue());
    CHECK(c.width() == 6);
    CHECK(c.others() == std::vector<std::size_t>{0});
    CHECK(churn::name(col::acquired) == "new");
}

TEST_CASE("a header without the columns a period needs, or with a name twice, is an error") {
    CHECK(header_error({"period", "start", "end"}) == "no error");
    CHECK(header_error({"period", "start"}) ==
          "missing column \"lost\" or \"end\" (found: period, start)");
    CHECK(header_error({"period", "lost"}) == "missing column \"start\" (found: period, lost)");
    CHECK(header_error({"a", "b"}) == "missing column \"start\" (found: a, b)");
    CHECK(header_error({"start", "lost", "Lost"}) == "duplicate column \"lost\"");
    CHECK(header_error({"start", "lost_new", "lost-new"}) == "duplicate column \"lost_new\"");
    CHECK(header_error({"start_revenue", "expansion"}) ==
          "missing column \"churned_revenue\", or \"end_revenue\" with \"new_revenue\" (found: "
          "start_revenue, expansion)");
    CHECK(header_error({"churned_revenue"}) ==
          "missing column \"start_revenue\" (found: churned_revenue)");
}

TEST_CASE("article 002 as a file: February starts at January's end, 681, and churns 3.67%") {
    const auto r = read_series(
        "period,start,lost,new,lost_new\n"
        "2024-01,500,15,200,4\n"
        "2024-02,,20,300,5\n");
    REQUIRE(r.errors.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.labels == std::vector<std::string>{"2024-01", "2024-02"});
    CHECK(r.rows[0].customers->end == 681);
    CHECK(churn::churn_rate(*r.rows[0].customers) == churn::ratio(19, 500));  // B3: 3.8%
    const churn::period& feb = *r.rows[1].customers;
    CHECK(feb.start == 681);
    CHECK(churn::churn_rate(feb) == churn::ratio(25, 681));  // B5
    CHECK(churn::round_half_away(2500, 681, 2).units == 367);
    CHECK(churn::base_churn_rate(feb) == churn::ratio(20, 681));  // B4: 2.94%
}

TEST_CASE("a row with an empty start needs a previous row whose end is known") {
    const auto first = read_series("start,lost\n,5\n");
    REQUIRE(first.errors.size() == 1);
    CHECK(first.errors[0] ==
          "2: column \"start\" is empty and there is no previous row whose end it could take");

    // The bad row breaks the chain: its end is unknown, so the next row cannot start there.
    const auto broken = read_series("start,lost\n100,5\n,abc\n,3\n50,1\n,2\n");
    REQUIRE(broken.errors.size() == 2);
    CHECK(broken.errors[0] == "3: column \"lost\": \"abc\" is not a whole number");
    CHECK(broken.errors[1] ==
          "4: column \"start\" is empty and the previous row was invalid, so the end it would "
          "take is unknown");
    REQUIRE(broken.rows.size() == 3);
    CHECK(broken.rows[0].customers->end == 95);
    CHECK(broken.rows[1].customers->start == 50);
    CHECK(broken.rows[2].customers->start == 49);  // the chain mends at a row with a start
}

TEST_CASE("the chain runs across files read as one series") {
    churn::series s;
    churn::series_row row;
    const churn::series_columns jan(fields{"period", "start", "end"});
    s.read(jan, fields{"Jan", "400", "381"}, row);
    const churn::series_columns feb(fields{"lost", "start", "period"});
    s.read(feb, fields{"20", "", "Feb"}, row);
    CHECK(row.label == "Feb");
    CHECK(row.customers->start == 381);
    CHECK(row.customers->end == 361);
}

TEST_CASE("each bad cell is an error naming its column and value") {
    const auto r = read_series(
        "period,start,lost,end,value\n"
        "a,100,abc,,\n"
        "b,100,3.5,,\n"
        "c,100,-5,,\n"
        "d,100,,,\n"
        "e,100,5,90,\n"
        "f,100,500,,\n"
        "g,99999999999999999999,1,,\n"
        "h,100,5,,3,75\n"
        "i,100,5,,x\n"
        "j,100,5\n"
        "k\xFF,100,5,,\n");
    CHECK(r.rows.empty());
    CHECK(r.errors ==
          std::vector<std::string>{
              "2: column \"lost\": \"abc\" is not a whole number",
              "3: column \"lost\": \"3.5\" is not a whole number; counts cannot have "
              "decimals",
              "4: column \"lost\": \"-5\" is negative; counts must be ≥ 0",
              "5: columns \"lost\" and \"end\" are empty: give the customers lost or "
              "at the end",
              "6: end (90) contradicts start − lost = 95; if customers were acquired, give them "
              "(new)",
              "7: lost (500) exceeds start (100): the starting base cannot lose more "
              "customers than it has",
              "8: column \"start\": \"99999999999999999999\" is out of range; counts go "
              "up to 9223372036854775807",
              "9: expected 5 fields, found 6",
              "10: column \"value\": \"x\" is not a number",
              "11: expected 5 fields, found 3",
              "12: column \"period\": not valid UTF-8 at byte 2 (\\xFF); save the file "
              "as UTF-8",
          });
}

TEST_CASE("a decimal comma in an amount is read with --decimal-comma") {
    const std::string text = "start;lost;value\n400;15;30000,50\n";
    std::istringstream in(text);
    churn::csv_options semicolon;
    semicolon.delimiter = ';';
    churn::csv_reader reader(in, "s.csv", semicolon);
    fields cells;
    REQUIRE(reader.next(cells));
    const churn::series_columns columns(cells);
    churn::series s(churn::number_format{true});
    churn::series_row row;
    REQUIRE(reader.next(cells));
    s.read(columns, cells, row);
    REQUIRE(row.value);
    CHECK(churn::to_string(*row.value) == "30000.50");
}

TEST_CASE("revenue columns: movements, or the end with new revenue, chained like customers") {
    const auto r = read_series(
        "period,start_revenue,churned,contraction,expansion,reactivation,new_revenue\n"
        "Jan,10000,500,250,300,50,1000\n"
        "Feb,,400,,,,0\n");
    REQUIRE(r.errors.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK_FALSE(r.rows[0].customers);
    const churn::period_revenue& jan = *r.rows[0].revenue;
    CHECK(churn::to_string(jan.net_lost) == "400");
    CHECK(churn::to_string(*jan.end) == "10600");
    const churn::period_revenue& feb = *r.rows[1].revenue;
    CHECK(churn::to_string(feb.start) == "10600");
    CHECK(churn::to_string(*feb.end) == "10200");

    const auto net = read_series("start_revenue,end_revenue,new_revenue\n1000.00,1050.50,100\n");
    REQUIRE(net.rows.size() == 1);
    CHECK_FALSE(net.rows[0].revenue->churned);
    CHECK(churn::to_string(net.rows[0].revenue->net_lost) == "49.50");

    const auto bad = read_series(
        "start_revenue,churned_revenue,end_revenue,new_revenue\n"
        "100,10,95,0\n"
        "100,,,\n");
    CHECK(bad.errors ==
          std::vector<std::string>{
              "2: end_revenue (95) contradicts start − churned − contraction + expansion + "
              "reactivation + new = 90",
              "3: columns \"churned_revenue\" and \"end_revenue\" with \"new_revenue\" are empty: "
              "give the revenue lost, or the end and new revenue"});
}

TEST_CASE("short revenue names count only beside start_revenue") {
    const churn::series_columns customers(fields{"start", "lost", "expansion"});
    CHECK_FALSE(customers.revenue());
    CHECK(customers.others() == std::vector<std::size_t>{2});
    CHECK(header_error({"start_revenue", "churned", "churned_revenue"}) ==
          "duplicate column \"churned_revenue\" (as \"churned\" and \"churned_revenue\")");
    CHECK(header_error({"start_revenue", "churned_revenue", "churned"}) ==
          "duplicate column \"churned_revenue\" (as \"churned_revenue\" and \"churned\")");
}

TEST_CASE("totals: pooled churn, mean churn, compounded retention and annual churn") {
    const auto r = read_series(
        "period,start,lost,new,lost_new\n"
        "2024-01,500,15,200,4\n"
        "2024-02,,20,300,5\n");
    churn::series_totals t;
    for (const auto& row : r.rows)
        t.add(row);
    CHECK(t.periods() == 2);
    CHECK(t.start() == 1181);
    CHECK(t.lost() == 44);
    CHECK(t.last_end() == 956);
    CHECK(*t.pooled_churn() == churn::ratio(44, 1181));
    CHECK_THAT(*t.mean_churn(), Catch::Matchers::WithinRel((19.0 / 500 + 25.0 / 681) / 2, 1e-15));
    const double kept = (481.0 / 500) * (656.0 / 681);  // (E − N) / S of each month
    CHECK_THAT(*t.compounded_retention(), Catch::Matchers::WithinRel(kept, 1e-14));
    const double annual = 1 - std::pow(kept, 12.0 / 2);
    CHECK_THAT(*t.compounded_churn(churn::period_length::month, churn::period_length::year),
               Catch::Matchers::WithinRel(annual, 1e-12));
    CHECK(pct(*t.pooled_churn()) > 3.72);
}

TEST_CASE("totals follow the basis, and skip periods where a rate is undefined") {
    const auto r = read_series("start,lost,new\n0,0,10\n100,10,0\n");
    churn::series_totals exposed(churn::basis::exposed);
    churn::series_totals start(churn::basis::start);
    for (const auto& row : r.rows) {
        exposed.add(row);
        start.add(row);
    }
    CHECK(*exposed.pooled_churn() == churn::ratio(10, 110));  // S + N: 0 + 10, 100 + 0
    CHECK(*start.pooled_churn() == churn::ratio(10, 100));
    CHECK(*start.mean_churn() == 0.1);  // the first period has no churn rate
    CHECK(*start.compounded_retention() == 0.9);
    CHECK_FALSE(churn::series_totals().pooled_churn());
    CHECK_FALSE(churn::series_totals().compounded_retention());
}

TEST_CASE("a returned column is read like new: in the end and the chain, not in CRR") {
    const auto r = read_series(
        "period,start,lost,new,returned\n"
        "Jan,100,10,20,5\n"
        "Feb,,15,10,\n"
        "Mar,,-1,0,0\n"
        "Apr,100,0,0,x\n");
    REQUIRE(r.rows.size() == 2);
    const churn::period& jan = *r.rows[0].customers;
    CHECK(jan.returned == 5);
    CHECK(jan.end == 115);  // 100 − 10 + 20 + 5
    CHECK(churn::retention_rate(jan) == churn::ratio(90, 100));
    const churn::period& feb = *r.rows[1].customers;  // an empty cell: none returned
    CHECK(feb.start == 115);
    CHECK(feb.returned == 0);
    CHECK(feb.end == 110);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0] == "4: column \"lost\": \"-1\" is negative; counts must be ≥ 0");
    CHECK(r.errors[1] == "5: column \"returned\": \"x\" is not a whole number");
    // Compounded retention takes the returned out: (115 − 20 − 5) / 100 × (110 − 10) / 115.
    churn::series_totals t;
    for (const auto& row : r.rows)
        t.add(row);
    CHECK_THAT(*t.compounded_retention(), Catch::Matchers::WithinRel(0.9 * (100.0 / 115), 1e-14));
    CHECK(*t.pooled_churn() == churn::ratio(25, 215));  // lost and start as without returned
    // A returned column alone is a customer column: it needs start and lost or end.
    CHECK(header_error({"returned"}) == "missing column \"start\" (found: returned)");
}

TEST_CASE("revenue totals are pooled exactly") {
    const auto r = read_series(
        "start_revenue,churned_revenue,expansion_revenue\n"
        "1000.10,100.01,0\n"
        "2000,0,300.5\n");
    churn::series_totals t;
    for (const auto& row : r.rows)
        t.add(row);
    CHECK(*t.pooled_gross_revenue_churn() == churn::ratio(10001, 300010));
    CHECK(*t.pooled_net_revenue_churn() == churn::ratio(10001 - 30050, 300010));
}

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
    CHECK(churn::invalid_utf8("2024-01") == std::string_view::npos);
    CHECK(churn::invalid_utf8("Kündigung €") == std::string_view::npos);
    CHECK(churn::invalid_utf8("\xF0\x9F\x93\x88") == std::string_view::npos);  // U+1F4C8
    CHECK(churn::invalid_utf8("a\xFF") == 1);
    CHECK(churn::invalid_utf8("ab\xC3") == 2);            // cut short
    CHECK(churn::invalid_utf8("\xC0\xAF") == 0);          // overlong
    CHECK(churn::invalid_utf8("\xED\xA0\x80") == 0);      // a surrogate
    CHECK(churn::invalid_utf8("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(churn::invalid_utf8("ok\xE2\x82") == 2);
}

TEST_CASE("the mean churn is a compensated sum: tiny rates after a large one still count") {
    // 100% once, then a thousand rates of 2^-60: a plain double sum stays at 1, the exact sum
    // is 1 + 1000 × 2^-60.
    churn::series_totals t;
    churn::series_row row;
    churn::period p;
    p.start = 1;
    p.lost = 1;
    p.lost_total = 1;
    row.customers = p;
    t.add(row);
    p.start = std::int64_t{1} << 60;
    p.lost = 1;
    p.lost_total = 1;
    p.end = p.start - 1;
    row.customers = p;
    for (int i = 0; i < 1000; ++i)
        t.add(row);
    CHECK(*t.mean_churn() == (1.0 + 1000 * 0x1p-60) / 1001);
    CHECK(*t.mean_churn() != 1.0 / 1001);
}
