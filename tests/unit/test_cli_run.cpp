// The whole command line in-process: churn::cli::run on string streams.
#include "cli/app.hpp"
#include "cli/command.hpp"
#include "in_process.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

using churn_test::result;

/// Runs churn in-process; `input` is its standard input.
result run(const std::vector<std::string>& args, churn::cli::terminal term = {},
           const std::string& input = {}) {
    return churn_test::run_churn(args, input, term);
}

/// The error contract of SPEC §4: status 2, nothing on stdout, one "churn: error: " line.
void check_error(const result& r) {
    INFO("stderr: " << r.err);
    CHECK(r.status == churn::cli::exit_error);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("churn: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.back() == '\n');
}

}  // namespace

TEST_CASE("the exit statuses are 0, 1 and 2, as grep's") {
    CHECK(churn::cli::exit_ok == 0);
    CHECK(churn::cli::exit_mismatch == 1);
    CHECK(churn::cli::exit_error == 2);
}

TEST_CASE("rate is the default command and prints the article's 4.75%") {
    const result r = run({"--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "Churn rate               4.75%   19 of 400 customers lost (basis: start)\n"
          "  of the starting base   3.75%   15 of 400\n"
          "  of new customers       1.33%   4 of 300\n"
          "Retention rate (CRR)    95.25%\n"
          "Customers at end          681\n"
          "Expected lifetime       21.05 months\n"
          "Churn per year          44.23%   compounded from monthly\n"
          "Assessment              healthy: below the 5% monthly benchmark for e-commerce and "
          "SaaS\n");
    CHECK(run({"rate", "--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4"}).out ==
          r.out);
}

TEST_CASE("quiet output prints the headline of each command") {
    CHECK(run({"--start", "400", "--lost", "19", "-q"}).out == "4.75\n");
    CHECK(run({"retention", "--start", "100", "--end", "95", "--new", "5", "-q"}).out == "90.00\n");
    CHECK(run({"rpr", "--repeat", "30", "--customers", "200", "--quiet"}).out == "15.00\n");
    CHECK(run({"ltv", "--revenue", "1000000", "--marketing", "200000", "--customers", "400", "-q"})
              .out == "2000.00\n");
    CHECK(run({"ltv", "--arpu", "50", "--churn", "5", "-q"}).out == "1000.00\n");
    CHECK(run({"lifetime", "--churn", "4.75", "-q"}).out == "21.05\n");
    CHECK(run({"convert", "--churn", "5", "--from", "month", "--to", "year", "-q"}).out ==
          "45.96\n");
    CHECK(run({"revenue", "--start", "10000", "--churned", "500", "--contraction", "200", "-q"})
              .out == "7.00\n");
    CHECK(run({"nps", "--promoters", "50", "--passives", "30", "--detractors", "20", "-q"}).out ==
          "30.00\n");
    CHECK(run({"lost-revenue", "--lost", "15", "--value", "30000", "-q"}).out == "450000.00\n");
}

TEST_CASE("every article example is reproduced at the article's own precision") {
    struct example {
        std::vector<std::string> args;
        std::string figure;
        bool comma;
    };
    const std::vector<example> examples = {
        {{"--start", "400", "--lost", "15"}, "3,75%", true},
        {{"--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4"}, "4,75%", true},
        {{"--start", "150", "--lost", "5"}, "3,3%", true},
        {{"--start", "500", "--lost", "15"}, "3%", false},
        {{"--start", "500", "--lost", "15", "--new", "200", "--lost-new", "4"}, "3,8%", true},
        {{"--start", "681", "--lost", "20"}, "2,9%", true},
        {{"--start", "681", "--lost", "20", "--new", "300", "--lost-new", "5"}, "3,67%", true},
        {{"lost-revenue", "--lost", "15", "--value", "30000"}, "450000", false},
        {{"retention", "--start", "100", "--end", "95", "--new", "5"}, "90%", false},
        {{"--start", "100", "--end", "90"}, "10%", false},
        {{"--start", "120", "--lost", "30"}, "25%", false},
    };
    for (const auto& e : examples) {
        std::vector<std::string> args = e.args;
        args.insert(args.end(), {"--expect", e.figure, "--format", "json"});
        if (e.comma)
            args.push_back("--decimal-comma");
        const result r = run(args);
        INFO(e.figure);
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        CHECK(r.out.find("\"expect_match\": true") != std::string::npos);
    }
}

TEST_CASE("expect: a match says so, a mismatch exits 1 with the exact value") {
    const result match =
        run({"--start", "150", "--lost", "5", "--expect", "3,3%", "--decimal-comma"});
    CHECK(match.status == 0);
    CHECK(match.out.find("Expected                3,3%   match: exact 3,333333…% is 3,3% at 1 "
                         "decimal\n") != std::string::npos);

    const result quiet = run({"--start", "150", "--lost", "5", "--expect", "3.4", "-q"});
    CHECK(quiet.status == 1);
    CHECK(quiet.out == "3.33\n");
    CHECK(quiet.err == "churn: mismatch: expected 3.4; exact 3.333333…% is 3.3% at 1 decimal\n");

    const result text = run({"--start", "100", "--end", "90", "--expect", "11.11%"});
    CHECK(text.status == 1);
    CHECK(text.out.find("Expected              11.11%   MISMATCH: exact 10% is 10.00% at 2 "
                        "decimals\n") != std::string::npos);

    const result csv = run({"--start", "150", "--lost", "5", "--expect", "3.4", "--format", "csv"});
    CHECK(csv.status == 1);
    CHECK(csv.out.substr(csv.out.size() - 11) == ",3.4,false\n");
}

TEST_CASE("JSON output names the inputs and derived quantities") {
    const result r = run(
        {"--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4", "--format", "json"});
    CHECK(r.status == 0);
    for (const char* name :
         {"\"command\": \"rate\"", "\"start\": 400", "\"lost\": 15", "\"new\": 300",
          "\"lost_new\": 4", "\"lost_total\": 19", "\"end\": 681", "\"basis\": \"start\"",
          "\"customers\": 400", "\"churn_pct\": 4.75", "\"base_churn_pct\": 3.75",
          "\"retention_pct\": 95.25"}) {
        INFO(name);
        CHECK(r.out.find(name) != std::string::npos);
    }
}

TEST_CASE("CSV and TSV are a header and a row") {
    CHECK(run({"rpr", "--repeat", "30", "--customers", "200", "--format", "csv"}).out ==
          "repeat,customers,rpr_pct\n30,200,15.00\n");
    CHECK(
        run({"rpr", "--repeat", "30", "--customers", "200", "--format", "tsv", "--precision", "4"})
            .out == "repeat\tcustomers\trpr_pct\n30\t200\t15.0000\n");
}

TEST_CASE("explain shows each formula with the numbers put in") {
    const result r =
        run({"--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4", "--explain"});
    CHECK(r.out.find("\n  churn = (15 + 4) / 400 × 100 = 4.75%\n") != std::string::npos);
    CHECK(r.out.find("\n  end = 400 − 15 + 300 − 4 = 681\n") != std::string::npos);
    CHECK(run({"rpr", "--repeat", "30", "--customers", "200", "--explain", "--decimal-comma"})
              .out.find("  RPR = 30 / 200 × 100 = 15,00%\n") != std::string::npos);
}

TEST_CASE("colour follows --color, the terminal, NO_COLOR and TERM=dumb") {
    const std::vector<std::string> args = {"rpr", "--repeat", "30", "--customers", "200"};
    const std::string plain = "Repeat purchase rate  15.00%   30 of 200 customers came back\n";
    const std::string bold =
        "Repeat purchase rate  \x1b[1m15.00\x1b[0m%   30 of 200 customers came back\n";
    churn::cli::terminal tty;
    tty.stdout_is_tty = true;
    churn::cli::terminal no_color = tty;
    no_color.no_color = true;
    churn::cli::terminal dumb = tty;
    dumb.dumb = true;

    CHECK(run(args).out == plain);  // not a terminal
    CHECK(run(args, tty).out == bold);
    CHECK(run(args, no_color).out == plain);
    CHECK(run(args, dumb).out == plain);

    std::vector<std::string> always = args;
    always.insert(always.end(), {"--color", "always"});
    CHECK(run(always).out == bold);
    CHECK(run(always, no_color).out == bold);  // the flag is the user's own choice

    std::vector<std::string> never = args;
    never.insert(never.end(), {"--color", "never"});
    CHECK(run(never, tty).out == plain);
}

TEST_CASE("bad numbers are errors that name the flag, the value and the rule") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"-3", "churn: error: --start: \"-3\" is negative; counts must be ≥ 0\n"},
        {"1.5",
         "churn: error: --start: \"1.5\" is not a whole number; counts cannot have "
         "decimals\n"},
        {"abc", "churn: error: --start: \"abc\" is not a whole number\n"},
        {"1e3",
         "churn: error: --start: \"1e3\" has an exponent; write the whole number in plain "
         "digits\n"},
        {"0x1F",
         "churn: error: --start: \"0x1F\" is hexadecimal; counts are written in base-10 "
         "digits\n"},
        {"+4", "churn: error: --start: \"+4\" has a '+' sign; write the count as plain digits\n"},
        {"1,234",
         "churn: error: --start: \"1,234\" has a thousands separator; write the count "
         "without it\n"},
        {"", "churn: error: --start: \"\" is empty; expected a whole number ≥ 0\n"},
        {"9223372036854775808",
         "churn: error: --start: \"9223372036854775808\" is out of "
         "range; counts go up to 9223372036854775807\n"},
    };
    for (const auto& [value, message] : cases) {
        INFO("--start " << value);
        const result r = run({"--start", value, "--lost", "1"});
        check_error(r);
        CHECK(r.err == message);
    }
}

TEST_CASE("every bad input exits 2 with one error line and nothing on stdout") {
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"--start", "400", "--lost", "500"},
        {"--start", "0", "--lost", "0"},
        {"--start", "100", "--end", "120"},
        {"--start", "400", "--lost", "15", "--new", "300", "--lost-new", "4", "--end", "600"},
        {"--start", "400", "--lost", "19", "--frobnicate"},
        {"--start", "400", "--lost"},
        {"--start", "400", "--start", "500", "--lost", "19"},
        {"--start", "400"},
        {"--lost", "19"},
        {"ltv", "--arpu", "50", "--churn", "0"},
        {"ltv"},
        {"nps", "--promoters", "0", "--passives", "0", "--detractors", "0"},
        {"lifetime", "--churn", "150"},
        {"lifetime", "--churn", "nan"},
        {"lifetime", "--churn", "inf"},
        {"convert", "--churn", "1e400"},
        {"lifetime", "--churn", "3,75"},
        {"rpr", "--repeat", "3", "--customers", "2"},
        {"revenue", "--start", "0", "--churned", "0"},
        {"--start", "400", "--lost", "19", "--format", "xml"},
        {"--start", "400", "--lost", "19", "--precision", "11"},
        {"--start", "400", "--lost", "19", "--color", "sometimes"},
        {"--start", "400", "--lost", "19", "--expect", "abc"},
        {"--start", "400", "--lost", "19", "--expect", "4.75", "--expect", "4.8"},
        {"nps", "--scores", "/nonexistent/scores.txt"},
        {"nps", "--scores", "/"},
    };
    for (const auto& args : cases) {
        std::string line;
        for (const auto& a : args)
            line += " " + a;
        INFO("churn" << line);
        check_error(run(args));
    }
}

TEST_CASE("exact messages for the errors of RELIABILITY.md §3a") {
    CHECK(run({"--start", "400", "--lost", "500"}).err ==
          "churn: error: lost (500) exceeds start (400): the starting base cannot lose more "
          "customers than it has\n");
    CHECK(run({"--start", "100", "--end", "120"}).err ==
          "churn: error: end (120) exceeds start (100) but no new customers were given; give "
          "them with --new\n");
    CHECK(run({"ltv", "--arpu", "50", "--churn", "0"}).err ==
          "churn: error: --churn is 0; the customer lifetime is unbounded, and so is LTV\n");
    CHECK(run({"lifetime", "--churn", "150"}).err ==
          "churn: error: --churn: \"150\" is above 100%; a rate is a percentage from 0 to 100\n");
    CHECK(run({}).err ==
          "churn: error: nothing to compute; try 'churn --start 400 --lost 19' or run 'churn "
          "--help' for usage\n");
    CHECK(run({"--start", "400", "--lost", "19", "--frobnicate"}).err ==
          "churn: error: unknown option --frobnicate; run 'churn --help' for usage\n");
}

TEST_CASE("the errors found in review have plain messages") {
    CHECK(run({"--start", "400", "--start", "500", "--lost", "19"}).err ==
          "churn: error: --start is given 2 times; give it once; run 'churn --help' for usage\n");
    CHECK(run({"--start", "400", "--lost", "19", "first", "second"}).err ==
          "churn: error: unexpected arguments: first second; run 'churn --help' for usage\n");
    CHECK(run({"--start", "400", "--lost", "19", "--precision", "-1"}).err ==
          "churn: error: --precision: \"-1\" is negative; use 0 … 10 decimals\n");
    CHECK(run({"revenue", "--start", "100", "--churned", "500"}).err ==
          "churn: error: churned + contraction (500) exceeds the start revenue (100): revenue of "
          "the starting customers cannot fall below 0\n");
    for (const auto& flag :
         std::vector<std::vector<std::string>>{{"-q"}, {"--expect", "5"}, {"--explain"}}) {
        std::vector<std::string> args = {"batch", "-"};
        args.insert(args.end(), flag.begin(), flag.end());
        const result r = run(args);
        INFO(flag.front());
        check_error(r);
        CHECK(r.err.find(flag.front()) != std::string::npos);
    }
}

TEST_CASE("start 0 with the exposed basis: churn defined, base churn and CRR left out") {
    const result r = run({"--start", "0", "--lost", "0", "--new", "10", "--lost-new", "2",
                          "--basis", "exposed", "--format", "csv"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "start,lost,new,lost_new,lost_total,basis,customers,period,churn_pct,new_churn_pct,end,"
          "lifetime_periods,annual_churn_pct,assessment\n"
          "0,0,10,2,2,exposed,10,month,20.00,20.00,8,5.00,93.13,attention\n");
}

TEST_CASE("explain derives the losses when the end was given") {
    const result r = run({"retention", "--start", "100", "--end", "95", "--new", "5", "--explain"});
    CHECK(r.status == 0);
    CHECK(r.out.find("  lost = 100 + 5 − 95 = 10\n") != std::string::npos);
    CHECK(r.out.find("end = ") == std::string::npos);
    CHECK(run({"--start", "100", "--end", "95", "--explain"}).out.find("  lost = 100 − 95 = 5\n") !=
          std::string::npos);
    // With lost-new given, what is derived is the loss of the starting base, and it comes first.
    const result derived =
        run({"--start", "500", "--end", "681", "--new", "200", "--lost-new", "4", "--explain"});
    CHECK(derived.out.find("\n\n  lost of the starting base = 500 + 200 − 4 − 681 = 15\n"
                           "  churn = (15 + 4) / 500 × 100 = 3.80%\n") != std::string::npos);
    CHECK(derived.out.find("end = ") == std::string::npos);
}

TEST_CASE("help and version print to stdout and exit 0") {
    const result help = run({"--help"});
    CHECK(help.status == 0);
    CHECK(help.err.empty());
    CHECK(help.out.substr(0, help.out.find('\n')).find("customer churn") != std::string::npos);
    CHECK(help.out.find("Examples:") != std::string::npos);
    CHECK(run({"-h"}).out == help.out);

    const result version = run({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out == "churn 0.1.0\n");
    CHECK(version.err.empty());

    for (const auto& args : std::vector<std::vector<std::string>>{
             {"rpr", "--version"}, {"--start", "400", "--lost", "19", "--version"}}) {
        const result anywhere = run(args);
        CHECK(anywhere.status == 0);
        CHECK(anywhere.out == "churn 0.1.0\n");
    }

    const result sub = run({"rpr", "--help"});
    CHECK(sub.status == 0);
    CHECK(sub.out.find("--repeat") != std::string::npos);
}

TEST_CASE("run keeps no state between calls") {
    const std::vector<std::string> a = {"--start", "400", "--lost", "19", "--format", "json"};
    const std::vector<std::string> b = {"rpr", "--repeat", "1", "--customers", "3", "-q"};
    const result first = run(a);
    CHECK(run(b).out == "33.33\n");
    CHECK(run({"--start", "1", "--lost", "2"}).status == 2);
    CHECK(run(a).out == first.out);
    CHECK(run(b).out == "33.33\n");
}

TEST_CASE("every command has a unique name, rate first") {
    const auto commands = churn::cli::all_commands();
    REQUIRE(!commands.empty());
    CHECK(commands.front().name == "rate");
    std::set<std::string> names;
    for (const auto& c : commands) {
        CHECK(!c.description.empty());
        CHECK(!c.formats.empty());
        CHECK(names.insert(c.name).second);
    }
    for (const char* name :
         {"retention", "rpr", "ltv", "lifetime", "convert", "revenue", "nps", "batch"})
        CHECK(names.count(name) == 1);
}

TEST_CASE("standard input is the stream run() is given, for batch - and nps --scores -") {
    const result batch = run({"batch", "-", "--fields", "period,churn_pct"}, {},
                             "period,start,lost\nJan,400,19\nFeb,381,0\n");
    CHECK(batch.status == 0);
    CHECK(batch.out == "period,churn_pct\nJan,4.75\nFeb,0.00\n");
    CHECK(batch.err.empty());

    const result implicit = run({"batch", "--fields", "churn_pct"}, {}, "start,lost\n8,1\n");
    CHECK(implicit.out == "churn_pct\n12.50\n");

    const result scores = run({"nps", "--scores", "-", "-q"}, {}, "10\n9\n0\n7\n");
    CHECK(scores.status == 0);
    CHECK(scores.out == "25.00\n");
}
