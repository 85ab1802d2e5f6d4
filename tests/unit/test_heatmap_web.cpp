// The SVG and HTML heatmaps on maps built by hand: one cell group per present cell, nothing for
// an absent one, every label escaped, partial cells marked, the legend, the all row last, and a
// page that is whole offline in light and dark mode. (tests/heatmap renders them for real.)
#include "cli/heatmap/heatmap.hpp"
#include "cli/heatmap/scale.hpp"

#include <cstddef>
#include <sstream>
#include <string>

#include "catch.hpp"

namespace hm = churn::cli::heatmap;

namespace {

hm::cell at(const std::string& text, double retention, bool partial = false) {
    return {
        .present = true, .text = text, .brief = text, .retention = retention, .partial = partial};
}

// The contract's example log: two cohorts, a triangle, the first and last months partial.
hm::map example() {
    hm::map m;
    m.title = "Retention by monthly cohort";
    m.subtitle = "classic retention · month · 2024-01 to 2024-03";
    m.value_name = "retention";
    m.unit = "%";
    m.age_unit = "month";
    m.ages = 3;
    m.top = 50;
    m.partial_note = "* partial: 2024-01 (the log starts 2024-01-05), 2024-03 (it ends 2024-03-15)";
    m.rows = {
        {"2024-01", 2, false, {at("100.00", 100, true), at("50.00", 50), at("50.00", 50, true)}},
        {"2024-02", 1, false, {at("100.00", 100), at("0.00", 0, true), hm::cell{}}},
        {"all",
         3,
         true,
         {at("100.00", 100, true), at("33.33", 33.33, true), at("50.00", 50, true)}},
    };
    return m;
}

std::string svg(const hm::map& m) {
    std::ostringstream out;
    hm::write_svg(out, m);
    return out.str();
}

std::string html(const hm::map& m) {
    std::ostringstream out;
    hm::write_html(out, m);
    return out.str();
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size()))
        ++n;
    return n;
}

// The group of one cell, from its opening tag to its end; empty when there is none.
std::string cell_group(const std::string& doc, const std::string& cohort, int age) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
    std::string key = "data-cohort=\"";
    key += cohort;
    key += "\" data-age=\"";
    key += std::to_string(age);
    key += "\">";
    const auto from = doc.find(key);
    if (from == std::string::npos)
        return {};
    return doc.substr(from, doc.find("</g>", from) - from);
}

}  // namespace

TEST_CASE("heatmap svg: a document with its declaration, namespace, size and a generic font") {
    const std::string s = svg(example());
    CHECK(s.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
    CHECK(s.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(s.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(s.find(" width=\"") != std::string::npos);
    CHECK(s.find("font-family=\"sans-serif\"") != std::string::npos);
    CHECK(s.substr(s.size() - 7) == "</svg>\n");
}

TEST_CASE("heatmap svg: one cell group per present cell and none for an absent one") {
    const std::string s = svg(example());
    CHECK(count(s, "<g class=\"cell") == 8);
    CHECK_FALSE(cell_group(s, "2024-01", 2).empty());
    CHECK_FALSE(cell_group(s, "2024-02", 1).empty());
    CHECK(cell_group(s, "2024-02", 2).empty());
    CHECK_FALSE(cell_group(s, "all", 2).empty());
}

TEST_CASE(
    "heatmap svg: a cell is shaded by its retention over top, its text in the contrasting ink") {
    const std::string s = svg(example());
    const std::string g = cell_group(s, "2024-01", 1);
    const hm::rgb fill = hm::shade(50.0 / 50);
    CHECK(g.find("<rect ") != std::string::npos);
    CHECK(g.find("fill=\"" + hm::hex(fill) + "\"") != std::string::npos);
    CHECK(g.find("fill=\"" + hm::hex(hm::ink(fill)) + "\">50.00%</text>") != std::string::npos);
    CHECK(g.find("<title>2024-01, age 1: 50.00% (retention) · cohort of 2 customers</title>") !=
          std::string::npos);
}

TEST_CASE("heatmap svg: a zero is drawn as 0 where it exists and an absent cell never is") {
    const std::string s = svg(example());
    CHECK(cell_group(s, "2024-02", 1).find(">0.00%*</text>") != std::string::npos);
    CHECK(count(s, ">0.00%") == 1);
}

TEST_CASE("heatmap svg: partial cells have a dashed outline and a star, the others neither") {
    const std::string s = svg(example());
    const std::string partial = cell_group(s, "2024-01", 0);
    CHECK(partial.find("stroke-dasharray") != std::string::npos);
    CHECK(partial.find(">100.00%*</text>") != std::string::npos);
    CHECK(partial.find("partial period</title>") != std::string::npos);
    const std::string whole = cell_group(s, "2024-01", 1);
    CHECK(whole.find("stroke-dasharray") == std::string::npos);
    CHECK(whole.find('*') == std::string::npos);
    CHECK(s.find(">* partial: 2024-01 (the log starts 2024-01-05), 2024-03 (it ends "
                 "2024-03-15)</text>") != std::string::npos);
    CHECK(s.find(">* partial period</text>") != std::string::npos);
}

TEST_CASE("heatmap svg: title, subtitle, the age axis and the legend from 0 to top") {
    const std::string s = svg(example());
    CHECK(s.find(">Retention by monthly cohort</text>") != std::string::npos);
    CHECK(s.find(">classic retention · month · 2024-01 to 2024-03</text>") != std::string::npos);
    CHECK(s.find(">age (months)</text>") != std::string::npos);
    CHECK(s.find("<linearGradient id=\"churn-heatmap-scale\"") != std::string::npos);
    CHECK(s.find("stop-color=\"" + hm::hex(hm::shade(0)) + "\"") != std::string::npos);
    CHECK(s.find("stop-color=\"" + hm::hex(hm::shade(1)) + "\"") != std::string::npos);
    CHECK(s.find(">0%</text>") != std::string::npos);
    CHECK(s.find(">25%</text>") != std::string::npos);
    CHECK(s.find(">50%</text>") != std::string::npos);
}

TEST_CASE("heatmap svg: the all row comes last, bold and set apart by a rule") {
    const std::string s = svg(example());
    const auto all = s.find("data-cohort=\"all\"");
    REQUIRE(all != std::string::npos);
    CHECK(s.rfind("data-cohort=\"2024-02\"") < all);
    CHECK(s.find("<g class=\"row all\" font-size=\"11\" text-anchor=\"middle\" "
                 "font-weight=\"bold\">") != std::string::npos);
    CHECK(s.find("font-weight=\"bold\">all</text>") != std::string::npos);
    CHECK(count(s, "<line class=\"rule\" x1=\"16\"") == 1);
}

TEST_CASE("heatmap svg: every text is escaped for XML, labels and titles alike") {
    hm::map m = example();
    m.rows[0].label = "a<&\"b'";
    m.title = "x < y & \"z\"";
    m.unit = "<%>";
    const std::string s = svg(m);
    CHECK(s.find("a<&") == std::string::npos);
    CHECK(s.find("data-cohort=\"a&lt;&amp;&quot;b&apos;\" data-age=\"0\"") != std::string::npos);
    CHECK(s.find(">a&lt;&amp;&quot;b&apos;</text>") != std::string::npos);
    CHECK(s.find(">x &lt; y &amp; &quot;z&quot;</text>") != std::string::npos);
    CHECK(s.find(">50.00&lt;%&gt;</text>") != std::string::npos);
    m.title = "bell\x07here";
    CHECK(svg(m).find(">bellhere</text>") != std::string::npos);
}

TEST_CASE("heatmap svg: a large map has every cell of its triangle and grows only with them") {
    hm::map m;
    m.title = "big";
    m.unit = "%";
    m.value_name = "retention";
    m.age_unit = "day";
    m.ages = 300;
    for (std::size_t c = 0; c < 300; ++c) {
        hm::row r{std::to_string(1000 + c), 10, false, {}};
        for (std::size_t k = 0; c + k < 300; ++k)
            r.cells.push_back(at("12.50", 12.5));
        m.rows.push_back(r);
    }
    const std::string s = svg(m);
    CHECK(count(s, "<g class=\"cell") == 300 * 301 / 2);
    CHECK(s.size() < 300 * 301 / 2 * 400);
}

TEST_CASE("heatmap html: one page with both SVGs, the dark-mode query and no external URL") {
    const std::string h = html(example());
    CHECK(h.rfind("<!doctype html>\n", 0) == 0);
    CHECK(h.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(h.find("@media (prefers-color-scheme: dark)") != std::string::npos);
    CHECK(h.find("<title>Retention by monthly cohort</title>") != std::string::npos);
    CHECK(count(h, "<svg ") == 2);
    CHECK(h.find("class=\"heatmap\"") != std::string::npos);
    CHECK(h.find("class=\"curves\"") != std::string::npos);
    CHECK(count(h, "<g class=\"cell") == 8);
    CHECK(count(h, "http") == count(h, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("<?xml") == std::string::npos);
    CHECK(h.substr(h.size() - 8) == "</html>\n");
}

TEST_CASE("heatmap html: a curve per cohort, the weighted average thick and named in the key") {
    const std::string h = html(example());
    CHECK(h.find("<g><title>2024-01</title><polyline") != std::string::npos);
    CHECK(h.find("<g><title>2024-02</title><circle") != std::string::npos);  // one age past 0
    CHECK(h.find("<g><title>all (weighted average)</title><polyline fill=\"none\" "
                 "stroke=\"#d95f02\" stroke-width=\"3\"") != std::string::npos);
    CHECK(h.find(">all cohorts (weighted average)</text>") != std::string::npos);
    CHECK(h.find(">age (months)</text>") != std::string::npos);
    CHECK(h.find(">retention (%)</text>") != std::string::npos);
    CHECK(h.find(">age 0 (100% by definition) not drawn</text>") != std::string::npos);
    CHECK(h.find(">50%</text>") != std::string::npos);
}
