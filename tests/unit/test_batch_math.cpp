// churn batch end to end (in-process): the numbers each row and the totals print, the checks a
// row makes, and what is left on stdout when a row is bad.
#include "cli/app.hpp"
#include "cli/command.hpp"
#include "in_process.hpp"

#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

using churn_test::result;

/// `churn batch - args…` on `input`.
result batch(const std::string& input, std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"batch", "-"});
    return churn_test::run_churn(args, input);
}

}  // namespace

TEST_CASE("batch: a 19-digit count past 2^63 − 1 is out of range, never negative") {
    const result r = batch("start,lost\n9999999999999999999,0\n", {"--fields", "start"});
    CHECK(r.status == churn::cli::exit_error);
    CHECK(r.out == "start\n");
    CHECK(r.err.find("column \"start\"") != std::string::npos);
    CHECK(r.err.find("out of range") != std::string::npos);
    const result top = batch("start,lost\n9223372036854775807,0\n", {"--fields", "start"});
    CHECK(top.out == "start\n9223372036854775807\n");
}

TEST_CASE("batch: gross revenue churn counts the contraction") {
    const result r = batch("start_revenue,churned_revenue,contraction_revenue\n100,10,5\n",
                           {"--fields", "gross_revenue_churn_pct,net_revenue_churn_pct"});
    CHECK(r.out == "gross_revenue_churn_pct,net_revenue_churn_pct\n15.00,15.00\n");
}

TEST_CASE("batch: the average basis takes (S + E) / 2, in rows and in the totals") {
    const std::string input = "period,start,end\nJan,100,90\nFeb,90,81\n";
    const result rows = batch(input, {"--basis", "average", "--fields", "churn_pct"});
    CHECK(rows.out == "churn_pct\n10.53\n10.53\n");  // 10 / 95, 9 / 85.5
    const result totals = batch(input, {"--basis", "average", "--summary-only"});
    INFO(totals.out);
    const auto values = totals.out.substr(totals.out.find('\n') + 1);
    CHECK(values.find(",10.53,10.53,") != std::string::npos);  // pooled, mean
}

TEST_CASE("batch: 100% churn has an annual churn of 100%") {
    const result r = batch("period,start,lost\nJan,100,100\n", {"--fields", "annual_churn_pct"});
    CHECK(r.out == "annual_churn_pct\n100.00\n");
}

TEST_CASE("batch: a negative rate keeps its minus sign in a table") {
    const result r = batch("start_revenue,churned_revenue,expansion_revenue\n100,0,10\n",
                           {"--format", "table", "--fields", "net_revenue_churn_pct"});
    CHECK(r.status == 0);
    CHECK(r.out.find("-10.00%") != std::string::npos);
}

TEST_CASE("batch: a control byte 0x1F in a label is escaped in JSON") {
    const result r = batch(
        "period,start,lost\na\x1f"
        "b,10,1\n",
        {"--format", "json", "--fields", "period"});
    CHECK(r.out == "[\n{\"period\":\"a\\u001fb\"}\n]\n");
}

TEST_CASE("batch: a row is checked as churn revenue checks its flags, naming the column") {
    const result r = batch("start_revenue,churned_revenue\n100,500\n");
    CHECK(r.status == churn::cli::exit_error);
    CHECK(r.err ==
          "churn: error: <stdin>:2: column \"churned_revenue\": churned + contraction (500) "
          "exceeds the start revenue (100): revenue of the starting customers cannot fall below "
          "0\n");
    const result both =
        batch("start_revenue,churned_revenue,contraction_revenue\n100,60,50\n100,60,40\n");
    CHECK(both.err.find("<stdin>:2: columns \"churned_revenue\" and \"contraction_revenue\": "
                        "churned + contraction (110) exceeds") != std::string::npos);
}

TEST_CASE("digits within the documented 18 + 18 never give \"number too large\"") {
    std::istringstream none;
    std::ostringstream out;
    std::ostringstream err;
    const int status = churn::cli::run({"revenue", "--start", "100000000000000000", "--churned",
                                        "0.000000000000000001", "--precision", "10", "-q"},
                                       none, out, err, {});
    CHECK(status == 0);
    CHECK(err.str().empty());
    CHECK(out.str() == "0.0000000000\n");
    const result r =
        batch("start_revenue,churned_revenue\n100000000000000000,0.000000000000000001\n",
              {"--precision", "10", "--fields", "net_revenue_retention_pct"});
    CHECK(r.status == 0);
    CHECK(r.out == "net_revenue_retention_pct\n100.0000000000\n");
}

TEST_CASE("batch --summary pools 36-digit amounts exactly, never a wrapped number") {
    const std::string top = "999999999999999999.999999999999999999";
    const std::string input = "start_revenue,churned_revenue\n" + top + "," + top + "\n" + top +
                              ",999999999999999999.999999999999999998\n";
    const result r = batch(input, {"--summary-only"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "periods,pooled_gross_revenue_churn_pct,pooled_net_revenue_churn_pct,"
          "pooled_net_revenue_retention_pct\n"
          "2,100.00,100.00,0.00\n");
    const result json = batch(input, {"--summary-only", "--format", "json"});
    CHECK(json.out.find("\"pooled_gross_revenue_churn_pct\":100,") != std::string::npos);
}

namespace {

/// Rows p1 … p`n` of 36-digit start revenue: their sum passes 38 digits after 170 rows.
std::string huge_revenue(int n) {
    std::string input = "period,start_revenue,churned_revenue\n";
    for (int i = 1; i <= n; ++i) {
        // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "p" + std::string.
        input += 'p';
        input += std::to_string(i);
        input += ",999999999999999999.999999999999999999,0\n";
    }
    return input;
}

}  // namespace

TEST_CASE("batch --skip-invalid: a row the totals cannot take leaves no half row, no count") {
    const result r = batch(huge_revenue(200), {"--summary", "--skip-invalid", "--format", "jsonl",
                                               "--fields", "period"});
    CHECK(r.status == churn::cli::exit_error);
    CHECK(r.out.find("}{") == std::string::npos);
    CHECK(r.out.find("{\"period\":\"p170\"}\n{\"period\":\"total\",\"periods\":170,") !=
          std::string::npos);
    CHECK(r.err.find("<stdin>:172: the --summary totals of revenue pass 38 digits") !=
          std::string::npos);
    CHECK(r.err.find("30 of 200 rows were invalid and skipped") != std::string::npos);
}

TEST_CASE("batch: a bad row keeps the good rows before it a whole table or JSON array") {
    const std::string input = "period,start,lost\nJan,100,5\nFeb,95,x\n";
    const result table = batch(input, {"--format", "table", "--fields", "period,churn_pct"});
    CHECK(table.status == churn::cli::exit_error);
    CHECK(table.out == "period  churn_pct\nJan         5.00%\n");
    const result json = batch(input, {"--format", "json", "--fields", "period,churn_pct"});
    CHECK(json.out == "[\n{\"period\":\"Jan\",\"churn_pct\":5}\n]\n");
    const result header_only = batch("period,start,lost\n", {"--format", "json"});
    CHECK(header_only.status == churn::cli::exit_error);
    CHECK(header_only.out == "[]\n");
}

TEST_CASE("batch: revenue chains without a new_revenue column, as customers chain without new") {
    // January ends at 1000 − 100 + 50 = 950 (no new revenue given: none), so February starts
    // at 950 and loses 90 of it.
    const result r = batch(
        "period,start_revenue,churned_revenue,expansion_revenue\nJan,1000,100,50\nFeb,,90,0\n",
        {"--fields", "period,start_revenue,gross_revenue_churn_pct"});
    CHECK(r.err.empty());
    CHECK(r.out == "period,start_revenue,gross_revenue_churn_pct\nJan,1000,10.00\nFeb,950,9.47\n");
    // A given end_revenue is taken as written.
    const result given = batch("start_revenue,churned_revenue,end_revenue\n1000,100,980\n,98,\n",
                               {"--fields", "start_revenue,gross_revenue_churn_pct"});
    CHECK(given.out == "start_revenue,gross_revenue_churn_pct\n1000,10.00\n980,10.00\n");
}

TEST_CASE("batch --summary: each total is named for what it is") {
    const std::string input =
        "period,start,lost,new,value\nJan,500,15,196,10.5\nFeb,681,20,295,10\n";
    // The series starts at 500 and ends at 956 (681 − 20 + 295); the pooled churn is over the
    // starts summed, 35 / 1181; the lost revenue is 15 × 10.5 + 20 × 10.
    const result only = batch(input, {"--summary-only"});
    CHECK(only.out ==
          "periods,start,end,start_summed,lost_total,pooled_churn_pct,mean_churn_pct,"
          "compounded_retention_pct,compounded_annual_churn_pct,lost_revenue\n"
          "2,500,956,1181,35,2.96,2.97,94.15,30.34,357.50\n");
    const result json = batch(input, {"--summary-only", "--format", "json"});
    CHECK(json.out.find("\"start\":500,\"end\":956,\"start_summed\":1181,") != std::string::npos);
    CHECK(json.out.find("\"lost_revenue\":357.5}") != std::string::npos);
    // In the rows' columns: no compounded retention beside the pooled churn.
    const result row = batch(input, {"--summary", "--fields",
                                     "period,start,lost_total,end,churn_pct,retention_pct,"
                                     "lost_revenue"});
    CHECK(row.out.substr(row.out.rfind("total")) == "total,500,35,956,2.96,,357.50\n");
}

TEST_CASE("a result past the exact range names the column and the values") {
    const result r = batch(
        "start,lost,value\n9223372036854775807,9223372036854775807,"
        "999999999999999999.999999999999999999\n",
        {"--fields", "lost_revenue"});
    CHECK(r.err ==
          "churn: error: <stdin>:2: column \"lost_revenue\": lost customers "
          "(9223372036854775807) × value per customer (999999999999999999.999999999999999999) "
          "passes 38 digits; lost revenue cannot be computed exactly\n");
}
