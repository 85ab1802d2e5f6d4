// The command-line front: flag values, usage errors and their hints, help, and notes.
#include "cli/app.hpp"
#include "cli/command.hpp"
#include "in_process.hpp"

#include <churn/period_length.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

using churn_test::result;

result run(const std::vector<std::string>& args, const std::string& input = {}) {
    return churn_test::run_churn(args, input);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Help text with each run of blanks and newlines as one blank: CLI11 2.5+ wraps descriptions.
std::string squeezed(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool blank = c == ' ' || c == '\n';
        if (!blank || (!out.empty() && out.back() != ' '))
            out += blank ? ' ' : c;
    }
    return out;
}

}  // namespace

TEST_CASE("period lengths have a header of their own, every length listed in order") {
    using P = churn::period_length;
    CHECK(churn::period_lengths.size() == 6);
    CHECK(churn::period_lengths.front() == P::day);
    for (const P p : churn::period_lengths)
        CHECK(churn::parse_period_length(churn::name(p)) == p);
    CHECK(churn::periods_per(P::quarter, P::year) == churn::ratio(4));
}

TEST_CASE("every command reads a period length with one message") {
    const std::string rule =
        "\"fortnight\" is not a period length; use day, week, month, quarter, half or year\n";
    CHECK(run({"--start", "4", "--lost", "1", "--period", "fortnight"}).err ==
          "churn: error: --period: \"fortnight\" is not a period length; use day, week, month, "
          "quarter, half, year, or none\n");
    CHECK(run({"lifetime", "--churn", "5", "--period", "fortnight"}).err ==
          "churn: error: --period: " + rule);
    CHECK(run({"convert", "--churn", "5", "--from", "fortnight"}).err ==
          "churn: error: --from: " + rule);
    CHECK(run({"convert", "--churn", "5", "--to", "fortnight"}).err ==
          "churn: error: --to: " + rule);
    CHECK(run({"batch", "-", "--period", "fortnight"}, "start,lost\n4,1\n").err ==
          "churn: error: --period: \"fortnight\" is not a period length; use day, week, month, "
          "quarter, half, year, or none\n");
    CHECK(run({"--start", "4", "--lost", "1", "--basis", "end"}).err ==
          "churn: error: --basis: \"end\" is not a basis; use start, exposed or average\n");
    CHECK(run({"batch", "-", "--basis", "end"}, "start,lost\n4,1\n").err ==
          "churn: error: --basis: \"end\" is not a basis; use start, exposed or average\n");
}

TEST_CASE("an option followed by another option says it needs a value") {
    CHECK(run({"--start", "--lost", "19"}).err ==
          "churn: error: --start needs a value; run 'churn --help' for usage\n");
    CHECK(run({"--start", "400", "--lost"}).err ==
          "churn: error: --lost needs a value; run 'churn --help' for usage\n");
    CHECK(run({"rpr", "--repeat", "-q", "--customers", "3"}).err ==
          "churn: error: --repeat needs a value; run 'churn rpr --help' for usage\n");
    // A negative number is a value, and its own error.
    CHECK(run({"--start", "-5", "--lost", "1"}).err ==
          "churn: error: --start: \"-5\" is negative; counts must be ≥ 0\n");
    CHECK(run({"--start=400", "--lost", "19", "-q"}).out == "4.75\n");
}

TEST_CASE("a mistyped option or command gets the nearest name") {
    CHECK(run({"--strat", "400", "--lost", "19"}).err ==
          "churn: error: unknown option --strat (did you mean --start?); run 'churn --help' for "
          "usage\n");
    CHECK(run({"bach", "a.csv"}).err ==
          "churn: error: unknown command \"bach\" (did you mean batch?); run 'churn --help' for "
          "usage\n");
    CHECK(run({"frobnicate", "--start", "4"}).err ==
          "churn: error: unknown command \"frobnicate\"; run 'churn --help' for usage\n");
    // Inside a command the hint is that command's help.
    CHECK(run({"batch", "-", "--sumary"}, "start,lost\n4,1\n").err ==
          "churn: error: unknown option --sumary (did you mean --summary?); run 'churn batch "
          "--help' for usage\n");
    CHECK(run({"rpr", "--repeat", "3", "--customers", "9", "--start", "4"}).err ==
          "churn: error: unknown option --start; run 'churn rpr --help' for usage\n");
    CHECK(run({"retention", "--start", "4", "--start", "5", "--end", "4"}).err ==
          "churn: error: --start is given 2 times; give it once; run 'churn retention --help' "
          "for usage\n");
}

TEST_CASE("churn help [command] prints that help") {
    const result all = run({"help"});
    CHECK(all.status == 0);
    CHECK(all.out == run({"--help"}).out);
    const result batch = run({"help", "batch"});
    CHECK(batch.status == 0);
    CHECK(batch.out == run({"batch", "--help"}).out);
    const result bad = run({"help", "bach"});
    CHECK(bad.status == 2);
    CHECK(bad.err ==
          "churn: error: help takes the name of one command, not \"bach\" (did you mean batch?); "
          "run 'churn --help' for usage\n");
}

TEST_CASE("each command's help shows its own examples") {
    for (const auto& c : churn::cli::all_commands()) {
        INFO(c.name);
        const result r = run({c.name, "--help"});
        CHECK(r.status == 0);
        CHECK(has(r.out, "Examples:\n  churn " + c.name + " "));
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"lifetime", "--help"}, {"convert", "--help"}, {"rate", "--help"}})
        CHECK(has(squeezed(run(args).out), "day, week, month, quarter, half"));
    CHECK(has(run({"rate", "--help"}).out, "none"));
}

TEST_CASE("batch help lists its input columns and only options batch takes") {
    const std::string help = run({"batch", "--help"}).out;
    for (const char* column : {"period", "start", "lost", "new", "lost_new", "end", "value",
                               "start_revenue", "new_revenue", "end_revenue"})
        CHECK(has(help, column));
    CHECK(!has(help, "--quiet"));
    CHECK(!has(help, "--expect"));
    CHECK(!has(help, "--explain"));
    CHECK(run({"batch", "-", "-q"}, "start,lost\n4,1\n").err ==
          "churn: error: unknown option -q; run 'churn batch --help' for usage\n");
    CHECK(run({"batch", "-", "--expect", "5"}, "start,lost\n4,1\n").err ==
          "churn: error: unknown option --expect; run 'churn batch --help' for usage\n");
}

TEST_CASE("a rate that looks like a fraction gets a note on stderr") {
    const result convert = run({"convert", "--churn", "0.05", "-q"});
    CHECK(convert.status == 0);
    CHECK(convert.out == run({"convert", "--churn", "0.05%", "-q"}).out);
    CHECK(convert.err ==
          "churn: note: --churn 0.05 is read as 0.05%, not 5%; for 5% write --churn 5\n");
    const result ltv = run({"ltv", "--arpu", "50", "--churn", "5", "--margin", "0.8", "-q"});
    CHECK(ltv.status == 0);
    CHECK(ltv.out == "8.00\n");
    CHECK(ltv.err ==
          "churn: note: --margin 0.8 is read as 0.8%, not 80%; for 80% write --margin 80\n");
    CHECK(run({"lifetime", "--churn", "0,5", "--decimal-comma", "-q"}).err ==
          "churn: note: --churn 0,5 is read as 0,5%, not 50%; for 50% write --churn 50\n");
    // Written as a percentage, at least 1, or with an error after it: no note.
    CHECK(run({"convert", "--churn", "0.05%"}).err.empty());
    CHECK(run({"convert", "--churn", "1"}).err.empty());
    CHECK(run({"convert", "--churn", "0"}).err.empty());
    CHECK(run({"ltv", "--arpu", "50", "--margin", "0.8", "--churn", "0"}).err ==
          "churn: error: --churn is 0; the customer lifetime is unbounded, and so is LTV\n");
}

TEST_CASE("nps: a sum of counts past 2^63 - 1 is an error naming the flags") {
    const result r =
        run({"nps", "--promoters", "9223372036854775807", "--passives", "1", "--detractors", "0"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "churn: error: --promoters + --passives + --detractors is too large to count; the "
          "answers must add up to at most 9223372036854775807\n");
    CHECK(run({"nps", "--promoters", "9223372036854775806", "--passives", "1", "-q"}).out ==
          "100.00\n");
}

TEST_CASE("a snapshot, --period none, gets no lifetime, annual churn or assessment") {
    const result r =
        run({"--start", "1200", "--lost", "90", "--period", "none", "--format", "csv"});
    CHECK(r.status == 0);
    CHECK(r.out ==
          "start,lost,lost_total,basis,customers,period,churn_pct,retention_pct,end\n"
          "1200,90,90,start,1200,none,7.50,92.50,1110\n");
    const result text = run({"--start", "1200", "--lost", "90", "--period", "none"});
    CHECK(!has(text.out, "lifetime"));
    CHECK(!has(text.out, "Assessment"));
    CHECK(run({"lifetime", "--churn", "5", "--period", "none"}).status == 2);
}

TEST_CASE("batch --period none: no lifetime or annual churn column, cells and total") {
    const std::string in = "start,lost\n4,1\n";
    CHECK(run({"batch", "-", "--period", "none", "--summary"}, in).out ==
          "start,lost,lost_total,end,churn_pct,retention_pct\n"
          "4,1,1,3,25.00,75.00\n"
          "4,,1,3,25.00,\n");
    // Asked for by name, they are there and empty: null in JSON.
    const result json = run({"batch", "-", "--period", "none", "--format", "jsonl", "--fields",
                             "churn_pct,lifetime_periods,annual_churn_pct", "--summary"},
                            in);
    CHECK(json.out ==
          "{\"churn_pct\":25,\"lifetime_periods\":null,\"annual_churn_pct\":null}\n"
          "{\"period\":\"total\",\"periods\":1,\"start\":4,\"end\":3,"
          "\"start_summed\":4,\"lost_total\":1,\"pooled_churn_pct\":25,"
          "\"mean_churn_pct\":25,\"compounded_retention_pct\":75}\n");
    // With a period the same row has both, and the compounded annual churn in the total.
    const result month = run({"batch", "-", "--format", "jsonl", "--summary-only"}, in);
    CHECK(has(month.out, "\"compounded_annual_churn_pct\":"));
    CHECK(has(run({"batch", "-"}, in).out, "lifetime_periods,annual_churn_pct\n"));
}

TEST_CASE("a missing count is a flag for a command and a column for batch") {
    CHECK(run({"--start", "100", "--end", "120"}).err ==
          "churn: error: end (120) exceeds start (100) but no new customers were given; give "
          "them with --new\n");
    CHECK(run({"batch", "-"}, "period,start,end\nJan,100,120\n").err ==
          "churn: error: <stdin>:2: end (120) exceeds start (100) but no new customers were "
          "given; give them in a column \"new\"\n");
    CHECK(run({"batch", "-"}, "period,start,lost,end\nJan,100,5,90\n").err ==
          "churn: error: <stdin>:2: end (90) contradicts start − lost = 95; if customers were "
          "acquired, give them in a column \"new\"\n");
}

TEST_CASE("retention leads its text with retention, machine output keeps its order") {
    const result text = run({"retention", "--start", "100", "--end", "95", "--new", "5"});
    CHECK(text.status == 0);
    CHECK(text.out.rfind("Retention rate (CRR)", 0) == 0);
    CHECK(has(text.out, "\nChurn rate "));
    CHECK(run({"--start", "100", "--end", "95", "--new", "5"}).out.rfind("Churn rate", 0) == 0);
    const std::string csv =
        run({"retention", "--start", "100", "--end", "95", "--new", "5", "--format", "csv"}).out;
    CHECK(csv.rfind("start,new,lost_total,basis,customers,period,churn_pct,retention_pct,", 0) ==
          0);
    CHECK(csv.find("churn_pct") < csv.find("retention_pct"));
}

TEST_CASE("a result too large to compute names the flags its values came from") {
    const result r = run({"revenue", "--start", "999999999999999999.999999999999999999",
                          "--churned", "0.000000000000000001", "--expansion",
                          "999999999999999999.999999999999999999", "--precision", "10"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "churn: error: number too large: the exact result does not fit; from --start, "
          "--churned, --expansion, --precision (fewer digits fit)\n");
}
