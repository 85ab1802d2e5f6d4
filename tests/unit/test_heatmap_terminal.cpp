// The terminal heatmap: the exact table without colour, the escapes of each palette, blank and
// partial cells, the `all` row, and fitting a wide triangle into a narrow terminal.
#include "cli/heatmap/heatmap.hpp"
#include "cli/heatmap/scale.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

using churn::cli::heatmap::cell;
using churn::cli::heatmap::colors;
using churn::cli::heatmap::map;
using churn::cli::heatmap::row;
using churn::cli::heatmap::terminal_style;

namespace {

cell value(const std::string& text, double retention, bool partial = false) {
    return {true, text, text.substr(0, text.find('.')), retention, partial};
}

// The contract's example log with a third cohort: 2024-01 and 2024-03 are partial.
map small() {
    map m;
    m.title = "Retention by monthly cohort";
    m.subtitle = "classic retention · 2024-01 … 2024-03";
    m.value_name = "retention";
    m.unit = "%";
    m.age_unit = "month";
    m.ages = 3;
    m.top = 50;
    m.partial_note = "2024-01 and 2024-03 are partial: the log runs 2024-01-05 … 2024-03-15";
    m.rows = {
        {"2024-01",
         2,
         false,
         {value("100.00", 100, true), value("50.00", 50), value("50.00", 50, true)}},
        {"2024-02", 1, false, {value("100.00", 100), value("0.00", 0, true)}},
        {"2024-03", 1, false, {value("100.00", 100, true)}},
        {"all",
         4,
         true,
         {value("100.00", 100, true), value("33.33", 33.33, true), value("50.00", 50, true)}},
    };
    return m;
}

// `cohorts` monthly cohorts over as many ages, a triangle; each value names its age (k.25),
// so a cut shows which ages are left.
map triangle(std::size_t cohorts) {
    map m;
    m.title = "Retention by monthly cohort";
    m.subtitle = "classic retention";
    m.value_name = "retention";
    m.unit = "%";
    m.age_unit = "month";
    m.ages = cohorts;
    m.top = 100;
    m.partial_note = "the last month is partial";
    row all{"all", 0, true, {}};
    for (std::size_t c = 0; c < cohorts; ++c) {
        row r{"c" + std::to_string(c), static_cast<std::int64_t>(10 + c), false, {}};
        all.size += r.size;
        for (std::size_t k = 0; c + k < cohorts; ++k)
            r.cells.push_back(
                value(std::to_string(k) + ".25", k == 0 ? 100 : 50, c + k + 1 == cohorts));
        m.rows.push_back(std::move(r));
    }
    for (std::size_t k = 0; k < cohorts; ++k)
        all.cells.push_back(value(std::to_string(k) + ".25", 50, true));
    m.rows.push_back(std::move(all));
    return m;
}

std::string draw(const map& m, int width = 80, colors palette = colors::none) {
    std::ostringstream out;
    churn::cli::heatmap::write_terminal(out, m, terminal_style{width, palette});
    return out.str();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The text without its escapes.
std::string plain(const std::string& s) {
    std::string text;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b')
            i = s.find('m', i);
        else
            text += s[i];
    }
    return text;
}

// Columns on screen: escapes take none, a UTF-8 code point one.
std::size_t columns(const std::string& line) {
    const std::string text = plain(line);
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string rule(std::size_t n) {
    std::string line;
    for (std::size_t i = 0; i < n; ++i)
        line += "─";
    return line;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("terminal heatmap: a small triangle without colour, exactly") {
    const std::string expected =
        "Retention by monthly cohort\n"
        "classic retention · 2024-01 … 2024-03\n"
        "                     age in months\n"
        "cohort   customers        0        1        2\n"
        "2024-01          2   100.00*   50.00    50.00*\n"
        "2024-02          1   100.00     0.00*\n"
        "2024-03          1   100.00*\n"
        "──────────────────────────────────────────────\n"
        "all              4   100.00*   33.33*   50.00*\n"
        "cells: retention (%)\n"
        "* 2024-01 and 2024-03 are partial: the log runs 2024-01-05 … 2024-03-15\n";
    CHECK(draw(small()) == expected);
}

TEST_CASE("terminal heatmap: no escape at all without colour") {
    CHECK(draw(small()).find('\x1b') == std::string::npos);
    CHECK(draw(triangle(120), 40).find('\x1b') == std::string::npos);
}

TEST_CASE("terminal heatmap: 256 colours shade by retention over top, ink on each") {
    const std::string out = draw(small(), 80, colors::xterm256);
    // 50 % of a top of 50 is the darkest Blues (8,48,107): navy 18, the blue of nearest
    // lightness, with white ink (231); so is age 0 (100 %, clamped). Were `top` ignored, 50 %
    // would be the middle shade (74).
    CHECK(out.find("\x1b[48;5;18m\x1b[38;5;231m  50.00 \x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[48;5;18m\x1b[38;5;231m 100.00*\x1b[0m") != std::string::npos);
    // 0 % is the lightest (247,251,255): 195 under dark ink (black: cube 16).
    CHECK(out.find("\x1b[48;5;195m\x1b[38;5;16m   0.00*\x1b[0m") != std::string::npos);
    // The all row's 33.33 % of 50: two thirds of the way, (55,135,192) → 32, dark ink.
    CHECK(out.find("\x1b[48;5;32m\x1b[38;5;16m  33.33*\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mall\x1b[0m") != std::string::npos);
    // Every cell and every block of the legend ends with a reset: 9 cells, 8 blocks, 1 label.
    CHECK(count(out, "\x1b[0m") == 9 + 8 + 1);
}

TEST_CASE("terminal heatmap: true colour writes the scale's own colours") {
    map m = small();
    m.rows[1].cells[1] = value("25.00", 25, true);  // half of top
    const std::string out = draw(m, 80, colors::truecolor);
    CHECK(out.find("\x1b[48;2;8;48;107m\x1b[38;2;255;255;255m  50.00 \x1b[0m") !=
          std::string::npos);
    // ColorBrewer Blues' middle class, with dark ink.
    CHECK(out.find("\x1b[48;2;107;174;214m\x1b[38;2;0;0;0m  25.00*\x1b[0m") != std::string::npos);
    CHECK(out.find("48;5;") == std::string::npos);
}

TEST_CASE("terminal heatmap: a legend in colour from 0 % to top") {
    const auto lines = lines_of(draw(small(), 80, colors::xterm256));
    const std::string& legend = lines[9];
    CHECK(legend.rfind("cells: retention (%), shaded by retention: 0% ", 0) == 0);
    CHECK(legend.find(" 50% or more") != std::string::npos);
    CHECK(count(legend, "\x1b[48;5;") == 8);
}

TEST_CASE("terminal heatmap: absent cells are blank, never coloured, never 0") {
    map m = small();
    m.rows[1].cells[1] = {false, "99.99", "99", 99.99, true};  // past the data's end
    m.rows[1].cells.push_back({false, "88.88", "88", 88.88, false});
    const std::string plain = draw(m);
    CHECK(plain.find("99") == std::string::npos);
    CHECK(plain.find("88") == std::string::npos);
    CHECK(lines_of(plain)[5] == "2024-02          1   100.00");

    const std::string coloured = draw(m, 80, colors::xterm256);
    const std::string row = lines_of(coloured)[5];
    CHECK(count(row, "\x1b[48;5;") == 1);
    CHECK(columns(row) == std::string("2024-02          1   100.00 ").size());
}

TEST_CASE("terminal heatmap: partial cells marked, the note under the table") {
    const auto lines = lines_of(draw(small()));
    CHECK(lines.back().rfind("* 2024-01 and 2024-03 are partial", 0) == 0);

    map whole = small();
    for (auto& r : whole.rows)
        for (auto& c : r.cells)
            c.partial = false;
    const std::string out = draw(whole);
    CHECK(out.find('*') == std::string::npos);
    CHECK(out.find("are partial") == std::string::npos);
    // Without a mark to reserve, the cells are one column narrower.
    CHECK(lines_of(out)[4] == "2024-01          2   100.00   50.00   50.00");
}

TEST_CASE("terminal heatmap: the all row last, after a rule, wherever it is given") {
    map m = small();
    std::rotate(m.rows.rbegin(), m.rows.rbegin() + 1, m.rows.rend());  // all first
    REQUIRE(m.rows.front().average);
    const auto lines = lines_of(draw(m));
    CHECK(lines[7] == rule(46));
    CHECK(lines[8].rfind("all              4", 0) == 0);
    CHECK(lines[4].rfind("2024-01", 0) == 0);
    CHECK(lines[6].rfind("2024-03", 0) == 0);
}

TEST_CASE("terminal heatmap: a single cohort of one age") {
    map m;
    m.title = "Retention by weekly cohort";
    m.value_name = "retention";
    m.unit = "%";
    m.age_unit = "week";
    m.ages = 1;
    m.rows = {{"2024-W05", 1, false, {value("100.00", 100)}},
              {"all", 1, true, {value("100.00", 100)}}};
    const auto lines = lines_of(draw(m));
    REQUIRE(lines.size() == 7);
    CHECK(lines[1] == std::string(22, ' ') + "age in weeks");
    CHECK(lines[2] == "cohort    customers        0");
    CHECK(lines[3] == "2024-W05          1   100.00");
    CHECK(lines[4] == rule(28));
    CHECK(lines[5] == "all               1   100.00");
    CHECK(lines[6] == "cells: retention (%)");
}

TEST_CASE("terminal heatmap: 120 ages fit 40, 80 and 200 columns, the rightmost cut") {
    const map m = triangle(120);
    for (const int width : {40, 80, 200}) {
        for (const colors palette : {colors::none, colors::xterm256}) {
            const std::string out = draw(m, width, palette);
            std::string joined = plain(out);  // the line about fitting may wrap
            std::replace(joined.begin(), joined.end(), '\n', ' ');
            const auto lines = lines_of(out);
            for (const auto& line : lines)
                CHECK(columns(line) <= static_cast<std::size_t>(width));
            // The header's last age says how many are drawn, the line under the table too.
            const std::string header = plain(lines[3]);
            const std::string last = header.substr(header.find_last_of(' ') + 1);
            const std::size_t shown = std::stoul(last) + 1;
            CHECK(shown < 120);
            CHECK(shown > static_cast<std::size_t>(width - 20) / 6);
            CHECK(joined.find("ages 0–" + last + " of 120 shown, values at 0 decimals to fit " +
                              std::to_string(width) + " columns") != std::string::npos);
            CHECK(joined.find("--wide shows every age") != std::string::npos);
            // Brief values of the first ages, nothing of the last.
            const std::string first = plain(lines[4]);
            CHECK(first.find(" 0 ") != std::string::npos);
            CHECK(first.find(".25") == std::string::npos);
            CHECK(first.find(" 119") == std::string::npos);
            CHECK(columns(first) > static_cast<std::size_t>(width) - 6);
        }
    }
}

TEST_CASE("terminal heatmap: tighter columns before fewer decimals") {
    // 46 columns wide at ease, 43 with no padding: at 44 the values stay whole.
    const auto lines = lines_of(draw(small(), 44));
    CHECK(lines[4] == "2024-01          2  100.00*  50.00   50.00*");
    CHECK(lines[8] == "all              4  100.00*  33.33*  50.00*");
    const std::string narrower = draw(small(), 42);
    CHECK(lines_of(narrower)[4] == "2024-01          2   100*   50    50*");
    CHECK(narrower.find("values at 0 decimals to fit 42 columns") != std::string::npos);
}

TEST_CASE("terminal heatmap: values abbreviated only, when that is enough") {
    const map m = triangle(12);
    const std::string out = draw(m, 80);
    CHECK(out.find(".25") == std::string::npos);
    CHECK(out.find("values at 0 decimals to fit 80 columns; --format csv --wide shows them in "
                   "full") != std::string::npos);
    CHECK(out.find("shown") == std::string::npos);
    const auto lines = lines_of(out);
    CHECK(lines[3].substr(lines[3].size() - 3) == " 11");
    for (const auto& line : lines)
        CHECK(columns(line) <= 80);

    // Wide enough: the values in full and no line about fitting.
    const std::string wide = draw(m, 200);
    CHECK(wide.find("11.25") != std::string::npos);
    CHECK(wide.find("to fit") == std::string::npos);
}

TEST_CASE("terminal heatmap: values already at 0 decimals are not said to be abbreviated") {
    map m = triangle(60);
    for (auto& r : m.rows)
        for (auto& c : r.cells)
            c.text = c.brief;
    const std::string out = draw(m, 80);
    CHECK(out.find("of 60 shown to fit 80 columns; --format csv --wide shows every age") !=
          std::string::npos);
    CHECK(out.find("decimals") == std::string::npos);
}

TEST_CASE("terminal heatmap: hundreds of cohorts and ages") {
    const map m = triangle(400);
    const auto lines = lines_of(draw(m, 4000, colors::truecolor));
    // Title, subtitle, the age line, header, 400 cohorts, rule, all, legend, note.
    REQUIRE(lines.size() == 4 + 400 + 2 + 2);
    CHECK(lines[3].substr(lines[3].size() - 4) == " 399");
    CHECK(count(lines[4], "\x1b[48;2;") == 400);
    CHECK(count(lines[403], "\x1b[48;2;") == 1);
    CHECK(lines[405].find("399.25*") != std::string::npos);
    for (const auto& line : lines)
        CHECK(columns(line) <= 4000);
}

TEST_CASE("heatmap scale: shades darken in order and every ink reads at WCAG AA") {
    using churn::cli::heatmap::contrast;
    using churn::cli::heatmap::ink;
    using churn::cli::heatmap::shade;
    double previous = 1;
    for (int i = 0; i <= 1000; ++i) {
        const auto s = shade(i / 1000.0);
        const double against_white = contrast(s, {255, 255, 255});
        CHECK(against_white >= previous);  // darker (or as dark) as t grows
        previous = against_white;
        CHECK(contrast(s, ink(s)) >= 4.5);
    }
    CHECK(shade(-1) == shade(0));
    CHECK(shade(2) == shade(1));
}

TEST_CASE("heatmap scale: the labels of the scale and the axes, at most two decimals") {
    using churn::cli::heatmap::percent_label;
    CHECK(percent_label(40) == "40%");
    CHECK(percent_label(12.5) == "12.5%");
    CHECK(percent_label(100.0 / 12) == "8.33%");
    CHECK(percent_label(0) == "0%");
    CHECK(percent_label(-0.001) == "0%");
}
