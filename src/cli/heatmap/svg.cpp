// The heatmap as SVG. Every size is worked out here in whole pixels from estimated text widths,
// since an SVG cannot measure its text: a file has to look right in any viewer, without script.
#include "cli/heatmap/svg.hpp"

#include "cli/escape.hpp"
#include "cli/heatmap/scale.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace churn::cli::heatmap {

void append_xml(std::string& out, std::string_view s) {
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                    out.push_back(c);
        }
    }
}

double text_width(std::string_view s, double px, bool bold) {
    // DejaVu Sans, the widest of the usual sans-serif fonts: digits 0.64 em, bold 0.70 em.
    return static_cast<double>(display_width(s)) * px * (bold ? 0.70 : 0.64);
}

void append_text(std::string& out, double x, double y, std::string_view cls, std::string_view fill,
                 std::string_view attrs, std::string_view s) {
    const auto px = [](double v) { return std::round(v * 10) / 10; };
    fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" class=\"{}\" fill=\"{}\"{}>",
                   px(x), px(y), cls, fill, attrs);
    append_xml(out, s);
    out += "</text>\n";
}

std::string axis_label(const map& m) {
    return m.age_unit.empty() ? "age" : "age (" + m.age_unit + "s)";
}

namespace {

constexpr int margin = 16;
constexpr int title_px = 18;
constexpr int text_px = 12;
constexpr int cell_px = 11;
constexpr int cell_h = 22;
constexpr int all_gap = 10;  // sets the all row apart, with a rule in its middle
constexpr int legend_ticks = 4;
constexpr int legend_h = 12;

int ceil_px(double x) {
    return static_cast<int>(std::ceil(x));
}

// The text drawn in a cell: its value, its unit and the partial mark.
std::string cell_text(const map& m, const cell& c) {
    return c.text + m.unit + (c.partial ? "*" : "");
}

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> lines;
    while (!s.empty()) {
        const auto nl = s.find('\n');
        lines.push_back(s.substr(0, nl));
        s = nl == std::string_view::npos ? std::string_view{} : s.substr(nl + 1);
    }
    return lines;
}

struct layout {
    int label_w = 0, size_w = 0, cell_w = 0;
    int grid_x = 0, grid_end = 0, axis_y = 0, header_y = 0, rows_y = 0;
    std::vector<int> row_y;  // the top of each row
    int notes_y = 0, legend_y = 0, legend_label_w = 0, legend_w = 0;
    int width = 0, height = 0;
    bool any_partial = false;
};

std::string legend_label(const map& m) {
    return m.value_name == "retention" ? "retention" : "shade: retention";
}

layout measure(const map& m, const grid_style& style) {
    layout l;
    double label = text_width("cohort", text_px, true);
    double size = text_width("customers", text_px, true);
    double cell = 0;
    for (const auto& r : m.rows) {
        label = std::max(label, text_width(r.label, text_px, r.average));
        size = std::max(size, text_width(fmt::format("{}", r.size), text_px, r.average));
        for (const auto& c : r.cells) {
            if (!c.present)
                continue;
            cell = std::max(cell, text_width(cell_text(m, c), cell_px, r.average));
            l.any_partial = l.any_partial || c.partial;
        }
    }
    l.label_w = ceil_px(label) + 16;
    l.size_w = ceil_px(size) + 16;
    l.cell_w = std::max(36, ceil_px(cell) + 12);
    l.grid_x = margin + l.label_w + l.size_w;

    int y = margin;
    double wide = 0;  // the widest line of text outside the grid
    if (style.titled) {
        y += title_px + 4 + text_px + 8;
        wide = std::max(text_width(m.title, title_px, true), text_width(m.subtitle, text_px));
    }
    l.axis_y = y + text_px;
    l.header_y = l.axis_y + text_px + 8;
    l.rows_y = l.header_y + 8;
    y = l.rows_y;
    for (std::size_t i = 0; i < m.rows.size(); ++i) {
        if (m.rows[i].average && i > 0)
            y += all_gap;
        l.row_y.push_back(y);
        y += cell_h;
    }
    l.notes_y = y + 8;
    const auto notes = lines_of(m.partial_note);
    for (const auto line : notes)
        wide = std::max(wide, text_width(line, text_px));
    l.legend_y = l.notes_y + static_cast<int>(notes.size()) * (text_px + 6) + 8;
    l.legend_label_w = ceil_px(text_width(legend_label(m), text_px)) + 8;
    // Wide enough that the tick labels keep apart: the ends are anchored at the bar's ends,
    // the others centred on their ticks.
    std::vector<double> tick_w;
    for (int i = 0; i <= legend_ticks; ++i)
        tick_w.push_back(text_width(percent_label(m.top * i / legend_ticks), text_px));
    double step = 0;
    for (std::size_t i = 0; i + 1 < tick_w.size(); ++i) {
        const double a = i == 0 ? tick_w[0] : tick_w[i] / 2;
        const double b = i + 2 == tick_w.size() ? tick_w[i + 1] : tick_w[i + 1] / 2;
        step = std::max(step, a + b + 10);
    }
    l.legend_w = std::max(192, ceil_px(step) * legend_ticks);
    int legend_end = margin + l.legend_label_w + l.legend_w;
    if (l.any_partial)
        legend_end += 32 + 26 + ceil_px(text_width("* partial period", text_px));
    l.grid_end = l.grid_x + static_cast<int>(m.ages) * l.cell_w;
    const int axis_end = l.grid_x + ceil_px(text_width(axis_label(m), text_px));
    l.width = std::max({l.grid_end, axis_end, margin + ceil_px(wide), legend_end}) + margin;
    l.height = l.legend_y + legend_h + text_px + 10 + margin;
    return l;
}

// The baseline that centres text of `px` in a band of `h` starting at `top`.
int centred(int top, int h, int px) {
    return top + h / 2 + static_cast<int>(std::lround(px * 0.36));
}

void write_cell(std::string& out, const map& m, const row& r, std::size_t age, const layout& l,
                int top) {
    const cell& c = r.cells[age];
    const rgb fill = shade(shade_position(m, c));
    const rgb on = ink(fill);
    const int x = l.grid_x + static_cast<int>(age) * l.cell_w;
    out += "<g class=\"cell";
    out += c.partial ? " partial" : "";
    out += "\" data-cohort=\"";
    append_xml(out, r.label);
    fmt::format_to(std::back_inserter(out), "\" data-age=\"{}\"><title>", age);
    append_xml(out, r.label);
    fmt::format_to(std::back_inserter(out), ", age {}: ", age);
    append_xml(out, c.text + m.unit);
    out += " (";
    append_xml(out, m.value_name);
    out += ") · ";
    if (r.average)
        out += "weighted over the cohorts that reached this age";
    else
        fmt::format_to(std::back_inserter(out), "cohort of {} customers", r.size);
    out += c.partial ? " · partial period</title>" : "</title>";
    fmt::format_to(std::back_inserter(out),
                   "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"", x, top,
                   l.cell_w - 1, cell_h - 1, hex(fill));
    if (c.partial)
        fmt::format_to(std::back_inserter(out),
                       " stroke=\"{}\" stroke-width=\"1\" stroke-dasharray=\"3 2\"", hex(on));
    fmt::format_to(std::back_inserter(out), "/><text x=\"{}\" y=\"{}\" fill=\"{}\">",
                   x + (l.cell_w - 1) / 2, centred(top, cell_h - 1, cell_px), hex(on));
    append_xml(out, cell_text(m, c));
    out += "</text></g>\n";
}

void write_legend(std::string& out, const map& m, const layout& l) {
    const int y = l.legend_y;
    const int bar_x = margin + l.legend_label_w;
    append_text(out, margin, y + legend_h - 2, "muted", page_muted, "", legend_label(m));
    out += "<defs><linearGradient id=\"churn-heatmap-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">";
    constexpr int steps = 8;
    for (int i = 0; i <= steps; ++i)
        fmt::format_to(std::back_inserter(out), "<stop offset=\"{}\" stop-color=\"{}\"/>",
                       static_cast<double>(i) / steps, hex(shade(static_cast<double>(i) / steps)));
    out += "</linearGradient></defs>\n";
    fmt::format_to(std::back_inserter(out),
                   "<rect class=\"legend\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
                   "fill=\"url(#churn-heatmap-scale)\" stroke=\"{}\" stroke-width=\"0.5\"/>\n",
                   bar_x, y, l.legend_w, legend_h, page_rule);
    constexpr int ticks = legend_ticks;
    for (int i = 0; i <= ticks; ++i) {
        const int x = bar_x + l.legend_w * i / ticks;
        fmt::format_to(std::back_inserter(out),
                       "<line class=\"rule\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
                       "stroke=\"{}\"/>\n",
                       x, y + legend_h, x, y + legend_h + 3, page_rule);
        const char* anchor = i == 0 ? "start" : i == ticks ? "end" : "middle";
        append_text(out, x, y + legend_h + text_px + 3, "muted", page_muted,
                    fmt::format(" text-anchor=\"{}\"", anchor), percent_label(m.top * i / ticks));
    }
    if (l.any_partial) {
        const int x = bar_x + l.legend_w + 32;
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"key\" x=\"{}\" y=\"{}\" width=\"20\" height=\"{}\" "
                       "fill=\"none\" stroke=\"{}\" stroke-dasharray=\"3 2\"/>\n",
                       x, y - 1, legend_h + 2, page_text);
        append_text(out, x + 26, y + legend_h - 2, "muted", page_muted, "", "* partial period");
    }
}

}  // namespace

void write_grid(std::ostream& out, const map& m, const grid_style& style) {
    const layout l = measure(m, style);
    std::string buf;
    fmt::format_to(std::back_inserter(buf),
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" width=\"{0}\" "
                   "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
                   "font-size=\"{2}\" role=\"img\">\n<title>",
                   l.width, l.height, text_px);
    append_xml(buf, m.title);
    buf += "</title>\n";
    fmt::format_to(std::back_inserter(buf),
                   "<rect class=\"bg\" width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
                   page_background);
    if (style.titled) {
        append_text(buf, margin, margin + title_px, "fg", page_text,
                    fmt::format(" font-size=\"{}\" font-weight=\"bold\"", title_px), m.title);
        append_text(buf, margin, margin + title_px + 4 + text_px, "muted", page_muted, "",
                    m.subtitle);
    }
    append_text(buf, l.grid_x, l.axis_y, "muted", page_muted, "", axis_label(m));
    append_text(buf, margin, l.header_y, "fg", page_text, " font-weight=\"bold\"", "cohort");
    append_text(buf, margin + l.label_w + l.size_w - 8, l.header_y, "fg", page_text,
                " font-weight=\"bold\" text-anchor=\"end\"", "customers");
    for (std::size_t k = 0; k < m.ages; ++k)
        append_text(buf, l.grid_x + static_cast<int>(k) * l.cell_w + (l.cell_w - 1) / 2, l.header_y,
                    "fg", page_text, " text-anchor=\"middle\"", fmt::format("{}", k));
    out << buf;

    for (std::size_t i = 0; i < m.rows.size(); ++i) {
        const row& r = m.rows[i];
        const int top = l.row_y[i];
        buf.clear();
        if (r.average && i > 0)
            fmt::format_to(std::back_inserter(buf),
                           "<line class=\"rule\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
                           "stroke=\"{}\"/>\n",
                           margin, top - all_gap / 2, l.grid_end, top - all_gap / 2, page_rule);
        const std::string_view weight = r.average ? " font-weight=\"bold\"" : "";
        const int baseline = centred(top, cell_h - 1, text_px);
        append_text(buf, margin, baseline, "fg", page_text, weight, r.label);
        append_text(buf, margin + l.label_w + l.size_w - 8, baseline, "fg", page_text,
                    fmt::format("{} text-anchor=\"end\"", weight), fmt::format("{}", r.size));
        fmt::format_to(std::back_inserter(buf),
                       "<g class=\"row{}\" font-size=\"{}\" text-anchor=\"middle\"{}>\n",
                       r.average ? " all" : "", cell_px, weight);
        for (std::size_t k = 0; k < r.cells.size() && k < m.ages; ++k)
            if (r.cells[k].present)
                write_cell(buf, m, r, k, l, top);
        buf += "</g>\n";
        out << buf;
    }

    buf.clear();
    int y = l.notes_y + text_px;
    for (const auto line : lines_of(m.partial_note)) {
        append_text(buf, margin, y, "muted", page_muted, "", line);
        y += text_px + 6;
    }
    write_legend(buf, m, l);
    buf += "</svg>\n";
    out << buf;
}

void write_svg(std::ostream& out, const map& m) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    write_grid(out, m, grid_style{});
}

}  // namespace churn::cli::heatmap
