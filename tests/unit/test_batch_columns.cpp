// churn batch's columns: --fields (by name, as headers are read; --keep's columns too; the
// totals with --summary-only), and the decimal comma of its table.
#include "cli/app.hpp"
#include "cli/out/columns.hpp"
#include "in_process.hpp"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using churn_test::result;

result run(const std::vector<std::string>& args, const std::string& input) {
    return churn_test::run_churn(args, input);
}

const std::string kept = "period,start,lost,Note\nJan,100,10,first\nFeb,90,9,second\n";

}  // namespace

TEST_CASE("batch --fields names are read as headers are: any case and blanks around them") {
    const result r = run({"batch", "-", "--fields", " Period , CHURN_pct"}, kept);
    CHECK(r.err.empty());
    CHECK(r.out == "period,churn_pct\nJan,10.00\nFeb,10.00\n");
}

TEST_CASE("a --keep column is placed with --fields by its header name") {
    CHECK(run({"batch", "-", "--keep", "--fields", "note,period,churn_pct"}, kept).out ==
          "Note,period,churn_pct\nfirst,Jan,10.00\nsecond,Feb,10.00\n");
    // Not named, it follows the chosen columns, as without --fields.
    CHECK(run({"batch", "-", "--keep", "--fields", "period"}, kept).out ==
          "period,Note\nJan,first\nFeb,second\n");
    // Without --keep it is no output column.
    const result r = run({"batch", "-", "--fields", "period,note"}, kept);
    CHECK(r.status == 2);
    CHECK(r.err.find("--fields: \"note\" is not an output column") != std::string::npos);
}

TEST_CASE("a column named twice in --fields is an error: JSON keys are unique") {
    const result r =
        run({"batch", "-", "--format", "json", "--fields", "churn_pct,Churn_Pct"}, kept);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "churn: error: --fields: \"Churn_Pct\" is named twice; name each column once\n");
}

TEST_CASE("a kept column named like an output column is an error: JSON keys are unique") {
    const result r = run({"batch", "-", "--keep", "--format", "jsonl"},
                         "period,start,lost,Churn_Pct\nJan,100,10,x\n");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "churn: error: --keep: the input's column \"Churn_Pct\" has the name of an "
          "output column; rename it in the header\n");
}

TEST_CASE("batch --summary-only writes the totals --fields names in its order") {
    CHECK(run({"batch", "-", "--summary-only", "--fields", "pooled_churn_pct,periods"}, kept).out ==
          "pooled_churn_pct,periods\n10.00,2\n");
    CHECK(
        run({"batch", "-", "--summary-only", "--format", "jsonl", "--fields", "start_summed"}, kept)
            .out == "{\"start_summed\":190}\n");
    const result r = run({"batch", "-", "--summary-only", "--fields", "churn_pct"}, kept);
    CHECK(r.status == 2);
    CHECK(r.err.find("--fields: \"churn_pct\" is not a total; choose from period, periods, "
                     "start, end, start_summed") != std::string::npos);
}

TEST_CASE("batch --decimal-comma writes the table with a comma and CSV with a point") {
    const std::string in = "period;start;lost\nJan;1000;38\n";
    const result table = run({"batch", "-", "--decimal-comma", "--format", "table", "--fields",
                              "period,churn_pct", "--summary"},
                             in);
    CHECK(table.out ==
          "period  churn_pct\n"
          "Jan         3,80%\n"
          "\n"
          "Periods                                       1\n"
          "Customers at start (first period)          1000\n"
          "Customers at end (last period)              962\n"
          "Customers at start, summed                 1000\n"
          "Customers lost, summed                       38\n"
          "Pooled churn (lost / start)                3,80%\n"
          "Mean period churn                          3,80%\n"
          "Retention, compounded                     96,20%\n"
          "Churn per year, compounded                37,18%\n");
    CHECK(run({"batch", "-", "--decimal-comma", "--fields", "churn_pct"}, in).out ==
          "churn_pct\n3.80\n");
}

TEST_CASE("choose_columns serves any catalogue: defaults or --fields and extras last") {
    using churn::cli::out::choose_columns;
    const std::vector<std::string_view> known = {"cohort", "age", "active"};
    const std::vector<std::string> extra = {"Region"};
    const std::vector<std::size_t> defaults = {0, 2};
    CHECK(choose_columns(std::nullopt, known, defaults, extra) ==
          std::vector<std::size_t>{0, 2, 3});
    CHECK(choose_columns(std::string("region,AGE"), known, defaults, extra) ==
          std::vector<std::size_t>{3, 1});
    CHECK_THROWS_WITH(choose_columns(std::string("cohort,,age"), known, defaults, extra),
                      "--fields: \"\" is not an output column; choose from cohort, age, active, "
                      "Region");
}

TEST_CASE("the batch table shows a control character in a label escaped, aligned as shown") {
    CHECK(run({"batch", "-", "--format", "table", "--fields", "period,churn_pct"},
              "period,start,lost\nJ\x1b[31man,100,10\n")
              .out ==
          "period       churn_pct\n"
          "J\\x1b[31man     10.00%\n");
}

TEST_CASE("batch writes a returned column after new, where the input has one") {
    const std::string in = "period,start,lost,new,returned\nJan,100,10,20,5\n";
    CHECK(run({"batch", "-"}, in).out ==
          "period,start,lost,new,returned,lost_new,lost_total,end,churn_pct,base_churn_pct,"
          "new_churn_pct,retention_pct,lifetime_periods,annual_churn_pct\n"
          "Jan,100,10,20,5,0,10,115,10.00,10.00,0.00,90.00,10.00,71.76\n");
    // Without new customers it follows lost; --fields may ask for it anywhere.
    CHECK(run({"batch", "-", "--fields", "returned,end,retention_pct"},
              "start,lost,returned\n100,10,5\n")
              .out == "returned,end,retention_pct\n5,95,90.00\n");
    CHECK(run({"batch", "-", "--period", "year"}, "start,lost,returned\n100,10,5\n").out ==
          "start,lost,returned,lost_total,end,churn_pct,retention_pct,lifetime_periods\n"
          "100,10,5,10,95,10.00,90.00,10.00\n");
}
