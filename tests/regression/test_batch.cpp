// Regressions in churn batch, run in process through churn::cli::run.

#include "cli/app.hpp"

#include "catch.hpp"

#include <sstream>
#include <string>

namespace {

struct result {
    int status;
    std::string out;
    std::string err;
};

result batch_on(const std::string& csv, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"batch", "-"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::istringstream in(csv);
    std::ostringstream out;
    std::ostringstream err;
    const int status = churn::cli::run(args, in, out, err, churn::cli::terminal{});
    return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("rows before a CSV syntax error are written, as before a bad row") {
    // Found while fuzzing churn batch: an unterminated quote or a NUL byte on a later line
    // threw away the rows already computed (SPEC §5: they stay written).
    const std::string header =
        "period,start,lost,lost_total,end,churn_pct,retention_pct,"
        "lifetime_periods,annual_churn_pct\n";
    const std::string jan = "Jan,400,19,19,381,4.75,95.25,21.05,44.23\n";
    for (const std::string& bad :
         {std::string("Mar,300,\"3\n"), std::string("Mar,300,3\0\n", 11)}) {
        const result r = batch_on("period,start,lost\nJan,400,19\n" + bad);
        CHECK(r.status == 2);
        CHECK(r.out == header + jan);
        const result skipping =
            batch_on("period,start,lost\nJan,400,19\n" + bad, {"--skip-invalid"});
        CHECK(skipping.status == 2);
        CHECK(skipping.out == header + jan);
    }
}

TEST_CASE("a header error names at most ten columns, on one line") {
    std::string wide = "c0";
    for (int i = 1; i < 5000; ++i)
        wide += ",c" + std::to_string(i);
    const result r = batch_on(wide + "\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("(found: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … 5000 columns)\n") !=
          std::string::npos);
    const result odd = batch_on("period,lo\rst\n1,2\n");
    CHECK(odd.err.find("(found: period, \"lo\\x0Dst\")") != std::string::npos);
}
