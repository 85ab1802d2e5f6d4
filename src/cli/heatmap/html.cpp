// The heatmap as one self-contained page: the grid of svg.cpp and the retention curves, both
// inline SVG, light or dark by the reader's setting. No script, font or URL is fetched: the
// page is a file to mail or archive, and opens offline.
#include "cli/heatmap/scale.hpp"
#include "cli/heatmap/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <string>

namespace churn::cli::heatmap {

namespace {

// The page's colours by class; the cells keep their own fill and ink, whose contrast was chosen
// for them, so only the page around them changes in dark mode. Cohort curves are dark blues for
// a light page: inverted with their hue kept, they stay ordered and visible on a dark one.
constexpr std::string_view style_sheet = R"(:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #111111; --muted: #555555; --rule: #999999; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #161a1f; --fg: #e8eaed; --muted: #a8adb4; --rule: #6b7178; }
  svg .cohorts { filter: invert(1) hue-rotate(180deg) brightness(1.5); }
}
body { background: var(--bg); color: var(--fg); font-family: sans-serif; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
p.subtitle { color: var(--muted); margin: 0 0 12px; }
figure { margin: 0; overflow-x: auto; }
svg .bg { fill: var(--bg); }
svg .fg { fill: var(--fg); }
svg .muted { fill: var(--muted); }
svg .rule { stroke: var(--rule); }
svg .key { stroke: var(--fg); }
)";

// The average's line: Dark2 orange, apart in hue from the blue scale for every colour vision.
constexpr std::string_view average_colour = "#d95f02";

constexpr int plot_w = 720, plot_h = 360;
constexpr int left = 64, right = 24, top = 16, bottom = 84;

// A step of 1, 2, 2.5 or 5 × 10^k giving at most about six ticks up to `max`.
double tick_step(double max) {
    const double raw = max / 6;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0})
        if (m * power >= raw)
            return m * power;
    return 10 * power;
}

struct axes {
    std::size_t first = 0;  ///< the first age drawn
    double x_step = 0, y_max = 1;
    double x(std::size_t age) const {
        return x_step > 0 ? left + x_step * static_cast<double>(age - first) : left + plot_w / 2.0;
    }
    double y(double pct) const {
        return top + plot_h - plot_h * std::clamp(pct, 0.0, y_max) / y_max;
    }
};

// One polyline per run of present cells (a lone point is a dot), under one <title>.
void write_line(std::string& out, const map& m, const row& r, const axes& a,
                std::string_view stroke, double width) {
    std::string points;
    const auto flush = [&](std::size_t count, double last_x, double last_y) {
        if (count == 1)
            fmt::format_to(std::back_inserter(out),
                           "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\"/>", last_x,
                           last_y, width + 1, stroke);
        else if (count > 1)
            fmt::format_to(std::back_inserter(out),
                           "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
                           "stroke-linejoin=\"round\" points=\"{}\"/>",
                           stroke, width, points);
        points.clear();
    };
    out += "<g><title>";
    append_xml(out, r.label);
    out += r.average ? " (weighted average)</title>" : "</title>";
    std::size_t count = 0;
    double px = 0, py = 0;
    for (std::size_t k = a.first; k < r.cells.size() && k < m.ages; ++k) {
        if (!r.cells[k].present) {
            flush(count, px, py);
            count = 0;
            continue;
        }
        px = a.x(k);
        py = a.y(r.cells[k].retention);
        fmt::format_to(std::back_inserter(points), "{}{:.1f},{:.1f}", count ? " " : "", px, py);
        ++count;
    }
    flush(count, px, py);
    out += "</g>\n";
}

void line(std::string& out, double x1, double y1, double x2, double y2, std::string_view attrs) {
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" class=\"rule\" "
                   "stroke=\"{}\"{}/>\n",
                   x1, y1, x2, y2, page_rule, attrs);
}

// Retention (%) by age: a thin line per cohort shaded by its order, the average thick on top.
// Age 0 is 100 % by definition (a cohort is who ordered then): drawn, it would flatten every
// later age against the axis, so it is left out, and said so, when later ages exist.
void write_curves(std::ostream& out, const map& m) {
    axes a;
    a.first = m.ages > 1 ? 1 : 0;
    std::size_t cohorts = 0;
    for (const auto& r : m.rows) {
        cohorts += r.average ? 0 : 1;
        for (std::size_t k = a.first; k < r.cells.size(); ++k)
            if (r.cells[k].present)
                a.y_max = std::max(a.y_max, r.cells[k].retention);
    }
    const double y_step = tick_step(a.y_max);
    a.y_max = std::ceil(a.y_max / y_step - 1e-9) * y_step;
    const std::size_t span = m.ages > a.first + 1 ? m.ages - 1 - a.first : 0;
    a.x_step = span > 0 ? static_cast<double>(plot_w) / static_cast<double>(span) : 0;
    const int width = left + plot_w + right, height = top + plot_h + bottom;

    std::string buf;
    fmt::format_to(std::back_inserter(buf),
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curves\" width=\"{0}\" "
                   "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
                   "font-size=\"12\" role=\"img\">\n<title>Retention by age, one line per "
                   "cohort and the weighted average</title>\n",
                   width, height);
    fmt::format_to(std::back_inserter(buf),
                   "<rect class=\"bg\" width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
                   page_background);
    for (double v = 0; v <= a.y_max + 1e-9; v += y_step) {
        line(buf, left, a.y(v), left + plot_w, a.y(v), v == 0 ? "" : " stroke-opacity=\"0.35\"");
        append_text(buf, left - 6, a.y(v) + 4, "muted", page_muted, " text-anchor=\"end\"",
                    percent_label(v));
    }
    // Ages on round multiples (at most about a dozen), and the first age unless one is near.
    std::size_t x_every = 1;
    for (std::size_t scale = 1; span > 12 * x_every; scale *= 10)
        for (const std::size_t f : std::array<std::size_t, 4>{1, 2, 5, 10})
            if (span <= 12 * f * scale) {
                x_every = f * scale;
                break;
            }
    for (std::size_t k = a.first; k < m.ages; ++k) {
        const bool near_first = k == a.first && k % x_every != 0 &&
                                x_every - k % x_every < std::max<std::size_t>(x_every / 2, 1);
        if (k % x_every != 0 && (k != a.first || near_first))
            continue;
        line(buf, a.x(k), top + plot_h, a.x(k), top + plot_h + 4, "");
        append_text(buf, a.x(k), top + plot_h + 18, "muted", page_muted, " text-anchor=\"middle\"",
                    fmt::format("{}", k));
    }
    line(buf, left, top, left, top + plot_h, "");
    append_text(buf, left + plot_w / 2.0, top + plot_h + 38, "fg", page_text,
                " text-anchor=\"middle\"", axis_label(m));
    if (a.first > 0)
        append_text(buf, left + plot_w, top + plot_h + 38, "muted", page_muted,
                    " text-anchor=\"end\"", "age 0 (100% by definition) not drawn");
    append_text(buf, 16, top + plot_h / 2.0, "fg", page_text,
                fmt::format(" text-anchor=\"middle\" transform=\"rotate(-90 16 {:.1f})\"",
                            top + plot_h / 2.0),
                "retention (%)");
    out << buf;

    buf = "<g class=\"cohorts\" stroke-opacity=\"0.8\" fill-opacity=\"0.8\">\n";
    std::size_t order = 0;
    bool any_average = false;
    for (const auto& r : m.rows) {
        if (r.average) {
            any_average = true;
            continue;
        }
        const double t =
            cohorts > 1 ? static_cast<double>(order) / static_cast<double>(cohorts - 1) : 1;
        write_line(buf, m, r, a, hex(shade(0.45 + 0.55 * t)), 1.25);
        ++order;
        if (buf.size() > 1 << 16) {
            out << buf;
            buf.clear();
        }
    }
    buf += "</g>\n<g class=\"average\">\n";
    for (const auto& r : m.rows)
        if (r.average)
            write_line(buf, m, r, a, average_colour, 3);
    buf += "</g>\n";

    // The key, under the axis title so that no curve can hide it.
    const double key_y = top + plot_h + 64;
    double x = left;
    if (any_average) {
        line(buf, x, key_y - 4, x + 28, key_y - 4,
             fmt::format(" style=\"stroke:{}\" stroke-width=\"3\"", average_colour));
        const std::string_view name = "all cohorts (weighted average)";
        append_text(buf, x + 34, key_y, "fg", page_text, "", name);
        x += 34 + text_width(name, 12) + 24;
    }
    buf += "<g class=\"cohorts\">";
    line(buf, x, key_y - 4, x + 28, key_y - 4,
         fmt::format(" style=\"stroke:{}\" stroke-width=\"1.25\"", hex(shade(0.75))));
    buf += "</g>";
    append_text(buf, x + 34, key_y, "fg", page_text, "", "one cohort (shaded by its order)");
    buf += "</svg>\n";
    out << buf;
}

void write_escaped(std::ostream& out, std::string_view s) {
    std::string buf;
    append_xml(buf, s);
    out << buf;
}

}  // namespace

void write_html(std::ostream& out, const map& m) {
    out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    write_escaped(out, m.title);
    out << "</title>\n<style>\n" << style_sheet << "</style>\n</head>\n<body>\n<h1>";
    write_escaped(out, m.title);
    out << "</h1>\n<p class=\"subtitle\">";
    write_escaped(out, m.subtitle);
    out << "</p>\n<figure>\n";
    write_grid(out, m, grid_style{.titled = false});
    out << "</figure>\n<h2>Retention curves</h2>\n<figure>\n";
    write_curves(out, m);
    out << "</figure>\n</body>\n</html>\n";
}

}  // namespace churn::cli::heatmap
