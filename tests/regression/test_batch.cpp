// Regressions in churn batch, run in process through churn::cli::run.

#include "cli/app.hpp"
#include "in_process.hpp"

#include <churn/csv.hpp>

#include "catch.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using churn_test::result;

result batch_on(const std::string& csv, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"batch", "-"};
    args.insert(args.end(), extra.begin(), extra.end());
    return churn_test::run_churn(args, csv);
}

/// A file in the temporary directory, removed at the end of the scope; `name` may hold any
/// byte a file name can.
class temp_file {
  public:
    temp_file(const std::string& name, const std::string& text)
        : path_(std::filesystem::temp_directory_path() /
                ("churn-" + std::to_string(::getpid()) + "-" + name)) {
        std::ofstream(path_, std::ios::binary) << text;
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    ~temp_file() { std::filesystem::remove(path_); }
    std::string path() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

/// churn batch on files: each (name, text) written to a temporary file, in order.
result batch_files(const std::vector<std::pair<std::string, std::string>>& files,
                   const std::vector<std::string>& extra = {}) {
    std::vector<std::unique_ptr<temp_file>> temps;
    std::vector<std::string> args{"batch"};
    for (const auto& [name, text] : files) {
        temps.push_back(std::make_unique<temp_file>(name, text));
        args.push_back(temps.back()->path());
    }
    args.insert(args.end(), extra.begin(), extra.end());
    return churn_test::run_churn(args);
}

/// The message without the temporary directory before each file name.
std::string without_dir(std::string message) {
    const std::string dir = (std::filesystem::temp_directory_path() / "churn-").string() +
                            std::to_string(::getpid()) + "-";
    for (auto at = message.find(dir); at != std::string::npos; at = message.find(dir))
        message.erase(at, dir.size());
    return message;
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
    const result odd = batch_on("period,\"lo\rst\"\n1,2\n");
    CHECK(odd.err.find("(found: period, \"lo\\x0Dst\")") != std::string::npos);
}

TEST_CASE("kept columns of several files are matched by name") {
    // Found by a new user: the second file's "extra" was written under the first's "note".
    const result same = batch_files({{"a.csv", "period,start,lost,note,tag\nJan,400,19,n1,t1\n"},
                                     {"b.csv", "tag,period,note,start,lost\nt2,Feb,n2,381,10\n"}},
                                    {"--keep", "--fields", "period,churn_pct"});
    CHECK(same.status == 0);
    CHECK(same.out == "period,churn_pct,note,tag\nJan,4.75,n1,t1\nFeb,2.62,n2,t2\n");
    const result other = batch_files({{"a.csv", "period,start,lost,note\nJan,400,19,n1\n"},
                                      {"b.csv", "period,start,lost,extra\nFeb,381,10,x2\n"}},
                                     {"--keep", "--fields", "period,churn_pct"});
    CHECK(other.status == 2);
    CHECK(other.out == "period,churn_pct,note\nJan,4.75,n1\n");
    CHECK(without_dir(other.err) ==
          "churn: error: b.csv:1: the header (period, start, lost, extra) has other columns than "
          "a.csv:1 (period, start, lost, note): extra is new, note is missing; the files of one "
          "series need the same columns, in any order\n");
    // Without --keep the other columns are not written, so they need not match.
    const result unkept = batch_files({{"a.csv", "period,start,lost,note\nJan,400,19,n1\n"},
                                       {"b.csv", "period,start,lost,extra\nFeb,381,10,x2\n"}},
                                      {"--fields", "period,churn_pct"});
    CHECK(unkept.status == 0);
    CHECK(unkept.out == "period,churn_pct\nJan,4.75\nFeb,2.62\n");
}

TEST_CASE("files of one series need the same columns: no rows written empty") {
    // Found by a new user: customers, then revenue only, printed empty rows with exit 0.
    const result r =
        batch_files({{"customers.csv", "period,start,lost\nJan,400,19\n"},
                     {"revenue.csv", "period,start_revenue,churned_revenue\nFeb,1000,50\n"}});
    CHECK(r.status == 2);
    CHECK(r.out.rfind("period,start,lost,", 0) == 0);
    CHECK(r.out.find("Feb") == std::string::npos);
    CHECK(without_dir(r.err) ==
          "churn: error: revenue.csv:1: the header (period, start_revenue, churned_revenue) has "
          "other columns than customers.csv:1 (period, start, lost): start_revenue, "
          "churned_revenue are new, start, lost are missing; the files of one series need the "
          "same columns, in any order\n");
    const result more = batch_files({{"a.csv", "period,start,lost\nJan,400,19\n"},
                                     {"b.csv", "period,start,end\nFeb,381,371\n"}});
    CHECK(more.status == 2);
    CHECK(without_dir(more.err).find("b.csv:1: the header (period, start, end) has other "
                                     "columns than a.csv:1 (period, start, lost): end is new, "
                                     "lost is missing;") != std::string::npos);
}

TEST_CASE("unnamed trailing columns of a spreadsheet export are ignored") {
    const std::string out =
        "period,start,lost,lost_total,end,churn_pct,retention_pct,lifetime_periods,"
        "annual_churn_pct\nJan,400,19,19,381,4.75,95.25,21.05,44.23\n";
    const result r = batch_on("period,start,lost,,\nJan,400,19,,\n");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == out);
    CHECK(batch_on("period,start,lost,, \nJan,400,19, ,\n", {"--keep"}).out == out);
    // An unnamed column before the others (a spreadsheet's row numbers) is ignored too.
    CHECK(batch_on(",period,start,lost\n1,Jan,400,19\n", {"--keep"}).out == out);
    // Rows still need the header's width, and a value under no name is not dropped.
    const result ragged = batch_on("period,start,lost,,\nJan,400,19\n");
    CHECK(ragged.status == 2);
    CHECK(ragged.err == "churn: error: <stdin>:2: expected 5 fields, found 3\n");
    const result stray = batch_on("period,start,lost,,\nJan,400,19,,7\n");
    CHECK(stray.status == 2);
    CHECK(stray.err ==
          "churn: error: <stdin>:2: column 5: \"7\" is under no name in the header; "
          "name the column or remove the value\n");
}

TEST_CASE("CR-only line ends are named as such") {
    const result r = batch_on("period,start,lost\rJan,400,19\rFeb,381,10\r");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "churn: error: <stdin>:1: a carriage return (CR) ends no line: the file has old Mac "
          "line ends (CR only); convert them to LF, e.g. tr '\\r' '\\n'\n");
    // A CR inside a later line is data, as before.
    CHECK(batch_on("period,start,lost\nJa\rn,400,19\n").status == 0);
}

TEST_CASE("messages escape bytes that are not UTF-8, and file names stay on one line") {
    const result r = batch_on(
        "period,start,lost\nJan,4\xFF"
        "0,19\n");
    CHECK(r.status == 2);
    CHECK(churn::invalid_utf8(r.err) == std::string_view::npos);
    CHECK(r.err ==
          "churn: error: <stdin>:2: column \"start\": \"4\\xFF0\" is not a whole number\n");
    const result named = batch_files({{"bad\nname\xFF.csv", "period,start,lost\nJan,x,19\n"}});
    CHECK(named.status == 2);
    CHECK(churn::invalid_utf8(named.err) == std::string_view::npos);
    CHECK(without_dir(named.err) ==
          "churn: error: bad\\x0Aname\\xFF.csv:2: column \"start\": \"x\" is not a whole "
          "number\n");
    const result missing = batch_on("", {"no\nsuch.csv"});
    CHECK(missing.err == "churn: error: no\\x0Asuch.csv: No such file or directory\n");
}
