// Reports written through the sinks of src/cli/out/, on hand-made reports.
#include "cli/out/sink.hpp"
#include "cli/output.hpp"

#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

#include "catch.hpp"

using churn::decimal;
using churn::ratio;
using churn::cli::field;
using churn::cli::format;
using render_options = churn::cli::out::options;
using churn::cli::report;
using churn::cli::unit;

namespace {

/// Article 000's September in the shape cmd_rate.cpp gives it, with fewer fields.
report september() {
    report r;
    r.command = "rate";
    r.headline = "churn_pct";
    churn::cli::add(r, "start", std::int64_t{400});
    churn::cli::add(r, "lost_total", std::int64_t{19});
    churn::cli::add(r, "basis", std::string("start"));
    churn::cli::add(r, "churn_pct", ratio(19, 400), unit::percent, "Churn rate",
                    "19 of 400 customers lost");
    churn::cli::add(r, "retention_pct", ratio(381, 400), unit::percent, "Retention rate (CRR)");
    churn::cli::add(r, "end", std::int64_t{381}, unit::none, "Customers at end");
    churn::cli::add(r, "lifetime_periods", ratio(400, 19), unit::periods, "Expected lifetime")
        .suffix = " months";
    churn::cli::add(r, "assessment", std::string("healthy"), unit::none, "Assessment", "below 5%");
    return r;
}

std::string render(const report& r, format f, const render_options& o = {}) {
    std::ostringstream out;
    const auto sink = churn::cli::out::make_sink(f, out, o);
    churn::cli::write(*sink, r);
    return out.str();
}

std::string render_quiet(const report& r, const render_options& o = {}) {
    std::ostringstream out;
    const auto sink = churn::cli::out::make_quiet_sink(out, o);
    churn::cli::write(*sink, r);
    return out.str();
}

/// A field as text and quiet output show it.
std::string format_value(field f, int precision, char point = '.') {
    report r;
    f.name = "x";
    r.headline = "x";
    r.fields.push_back(std::move(f));
    render_options o;
    o.precision = precision;
    o.point = point;
    std::string text = render_quiet(r, o);
    text.pop_back();
    return text;
}

field percent(ratio x) {
    field f;
    f.name = "x_pct";
    f.v = x;
    f.u = unit::percent;
    return f;
}

}  // namespace

TEST_CASE("text output aligns labels and numbers and trims trailing blanks") {
    const std::string expected =
        "Churn rate             4.75%   19 of 400 customers lost\n"
        "Retention rate (CRR)  95.25%\n"
        "Customers at end        381\n"
        "Expected lifetime     21.05 months\n"
        "Assessment            healthy: below 5%\n";
    CHECK(render(september(), format::text, render_options{}) == expected);
}

TEST_CASE("text output leaves out fields without a label") {
    const std::string text = render(september(), format::text, render_options{});
    CHECK(text.find("400") != std::string::npos);  // in the note only
    CHECK(text.find("Start") == std::string::npos);
    CHECK(text.find("basis") == std::string::npos);
}

TEST_CASE("text output uses the decimal comma when asked, and the precision") {
    render_options o;
    o.point = ',';
    o.precision = 4;
    const std::string text = render(september(), format::text, o);
    CHECK(text.rfind("Churn rate             4,7500%   19 of 400 customers lost\n", 0) == 0);
    CHECK(text.find("Expected lifetime     21,0526 months\n") != std::string::npos);
}

TEST_CASE("text output with colour makes the headline bold and colours the assessment") {
    render_options o;
    o.color = true;
    const std::string text = render(september(), format::text, o);
    CHECK(text.find("\x1b[1m4.75\x1b[0m%") != std::string::npos);
    CHECK(text.find("\x1b[32mhealthy\x1b[0m") != std::string::npos);
    CHECK(render(september(), format::text, render_options{}).find('\x1b') == std::string::npos);
}

TEST_CASE("explanations follow the table after a blank line, indented") {
    report r = september();
    r.explanation = {"churn = 19 / 400 × 100 = 4.75%"};
    const std::string text = render(r, format::text, render_options{});
    CHECK(text.substr(text.size() - 36) == "\n\n  churn = 19 / 400 × 100 = 4.75%\n");
}

TEST_CASE("JSON carries every field, counts as integers, rates as shortest doubles") {
    const std::string expected =
        "{\n"
        "  \"command\": \"rate\",\n"
        "  \"start\": 400,\n"
        "  \"lost_total\": 19,\n"
        "  \"basis\": \"start\",\n"
        "  \"churn_pct\": 4.75,\n"
        "  \"retention_pct\": 95.25,\n"
        "  \"end\": 381,\n"
        "  \"lifetime_periods\": 21.05263157894737,\n"
        "  \"assessment\": \"healthy\"\n"
        "}\n";
    CHECK(render(september(), format::json) == expected);
}

TEST_CASE("JSON ignores precision and the decimal comma: it has no options") {
    report r;
    r.command = "rpr";
    churn::cli::add(r, "rpr_pct", ratio(1, 3), unit::percent);
    CHECK(render(r, format::json) ==
          "{\n  \"command\": \"rpr\",\n  \"rpr_pct\": 33.333333333333336\n}\n");
}

TEST_CASE("JSON escapes strings and writes null for a value that is not finite") {
    report r;
    r.command = "x";
    churn::cli::add(r, "label", std::string("a \"quoted\" \\ tab\t line\n bell\x07"));
    churn::cli::add(r, "flag", true);
    churn::cli::add(r, "off", false);
    churn::cli::add(r, "inf", std::numeric_limits<double>::infinity(), unit::percent);
    churn::cli::add(r, "nan", std::nan(""));
    churn::cli::add(r, "money", decimal{-1250, 2});
    CHECK(render(r, format::json) ==
          "{\n"
          "  \"command\": \"x\",\n"
          "  \"label\": \"a \\\"quoted\\\" \\\\ tab\\t line\\n bell\\u0007\",\n"
          "  \"flag\": true,\n"
          "  \"off\": false,\n"
          "  \"inf\": null,\n"
          "  \"nan\": null,\n"
          "  \"money\": -12.5\n"
          "}\n");
}

TEST_CASE("JSON writes the explanation as an array of strings") {
    report r;
    r.command = "rpr";
    churn::cli::add(r, "rpr_pct", ratio(3, 20), unit::percent);
    r.explanation = {"RPR = 30 / 200 × 100 = 15.00%", "second"};
    CHECK(render(r, format::json) ==
          "{\n  \"command\": \"rpr\",\n  \"rpr_pct\": 15,\n"
          "  \"explanation\": [\"RPR = 30 / 200 × 100 = 15.00%\", \"second\"]\n}\n");
}

TEST_CASE("CSV is one header and one row, every field, rounded, with a point") {
    render_options o;
    o.point = ',';  // CSV keeps the point: a comma would split the field
    CHECK(render(september(), format::csv, o) ==
          "start,lost_total,basis,churn_pct,retention_pct,end,lifetime_periods,assessment\n"
          "400,19,start,4.75,95.25,381,21.05,healthy\n");
}

TEST_CASE("CSV quotes fields with the delimiter, quotes or line breaks (RFC 4180)") {
    report r;
    churn::cli::add(r, "a", std::string("x,y"));
    churn::cli::add(r, "b", std::string("say \"hi\""));
    churn::cli::add(r, "c", std::string("two\nlines"));
    churn::cli::add(r, "d", std::string("plain"));
    CHECK(render(r, format::csv, render_options{}) ==
          "a,b,c,d\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",plain\n");
}

TEST_CASE("TSV escapes tabs and line breaks instead of quoting") {
    report r;
    churn::cli::add(r, "a", std::string("x\ty"));
    churn::cli::add(r, "b", std::string("two\nlines\r"));
    churn::cli::add(r, "c", std::string("a,b \"c\""));
    CHECK(render(r, format::tsv) == "a\tb\tc\nx\\ty\ttwo\\nlines\\r\ta,b \"c\"\n");
}

TEST_CASE("quiet output is the headline alone, rounded, without unit, in the text's point") {
    render_options o;
    CHECK(render_quiet(september(), o) == "4.75\n");
    o.precision = 0;
    CHECK(render_quiet(september(), o) == "5\n");
    o.precision = 10;
    o.point = ',';
    CHECK(render_quiet(september(), o) == "4,7500000000\n");  // --decimal-comma -q
}

TEST_CASE("quiet output of a report without its headline field is an error") {
    report r = september();
    r.headline = "nps";
    CHECK_THROWS_AS(render_quiet(r, render_options{}), std::out_of_range);
}

TEST_CASE("format_value rounds half away from zero from the exact value") {
    CHECK(format_value(percent(ratio(1, 800)), 2) == "0.13");     // 0.125 %
    CHECK(format_value(percent(ratio(1, 8)), 0) == "13");         // 12.5 %
    CHECK(format_value(percent(ratio(5, 150)), 2) == "3.33");     // 3.333… %
    CHECK(format_value(percent(ratio(107, 4000)), 2) == "2.68");  // 2.675 %
    CHECK(format_value(percent(ratio(-1, 800)), 2) == "-0.13");
    CHECK(format_value(percent(ratio(-1, 1000000)), 2) == "0.00");  // no "-0.00"
    CHECK(format_value(percent(ratio(19, 400)), 2, ',') == "4,75");
}

TEST_CASE("format_value echoes counts and given amounts, and rounds computed money") {
    field count;
    count.v = std::int64_t{9223372036854775807};
    CHECK(format_value(count, 2) == "9223372036854775807");
    field given;
    given.v = decimal{3000000, 2};  // 30000.00 as the user wrote it
    CHECK(format_value(given, 0) == "30000.00");
    field money;
    money.v = ratio(1, 40);  // 0.025
    money.u = unit::money;
    CHECK(format_value(money, 2) == "0.03");
    field whole;
    whole.v = ratio(781, 2);
    CHECK(format_value(whole, 2) == "390.50");
    whole.v = ratio(400);
    CHECK(format_value(whole, 2) == "400");
}

TEST_CASE("format_value of a double result rounds it once") {
    field annual;
    annual.v = 0.4423267512172533;
    annual.u = unit::percent;
    CHECK(format_value(annual, 2) == "44.23");
    CHECK(format_value(annual, 4) == "44.2327");
}

TEST_CASE("format_exact is exact up to 10 decimals, else 6 decimals and an ellipsis") {
    CHECK(churn::cli::format_exact(percent(ratio(19, 400))) == "4.75");
    CHECK(churn::cli::format_exact(percent(ratio(3, 100))) == "3");
    CHECK(churn::cli::format_exact(percent(ratio(1, 30))) == "3.333333…");
    CHECK(churn::cli::format_exact(percent(ratio(20, 681)), ',') == "2,936858…");
    CHECK(churn::cli::exact_text(ratio(781, 2)) == "390.5");
    CHECK(churn::cli::exact_text(ratio(1, 1024)) == "0.0009765625");
    CHECK(churn::cli::exact_text(ratio(1, 2048)) == "0.000488…");
}

TEST_CASE("rounded gives the decimal that --expect compares with") {
    CHECK(churn::cli::rounded(percent(ratio(1, 30)), 1) == decimal{33, 1});  // 3.3
    CHECK(churn::cli::rounded(percent(ratio(25, 681)), 2) == decimal{367, 2});
    CHECK(churn::cli::rounded(percent(ratio(3, 100)), 0) == decimal{3, 0});
}

TEST_CASE("explain_number keeps trailing zeros at the precision") {
    CHECK(churn::cli::explain_number(ratio(10), 2, '.') == "10.00");
    CHECK(churn::cli::explain_number(ratio(19, 4), 0, '.') == "5");
    CHECK(churn::cli::explain_number(ratio(400, 19), 2, ',') == "21,05");
}
