#pragma once
// A cohort heatmap, as the pictures draw it: rows of cohorts (the weighted `all` row last),
// one column per age, each cell's value already written as text (the numbers are exact and
// rounded by the caller; a picture writes only the labels of its scale and axes) and the
// retention that shades it. Three writers draw it: the terminal, SVG and a self-contained HTML
// page.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace churn::cli::heatmap {

struct cell {
    bool present = false;  ///< false: past the data's end, drawn blank (never as 0)
    std::string text;      ///< the value shown, at --precision, without its unit
    std::string brief;     ///< the same at 0 decimals, for a narrow terminal
    double retention = 0;  ///< in % (0 … 100): the shade, and the curves of the HTML page
    bool partial = false;  ///< in a partial period: marked, and said so under the picture
};

struct row {
    std::string label;      ///< the cohort's period (2024-01), or "all"
    std::int64_t size = 0;  ///< the cohort's customers (all: of every cohort)
    bool average =
        false;  ///< the `all` row: weighted by cohort size over those that reached an age
    std::vector<cell> cells;  ///< ages 0, 1, …; fewer than map::ages where the data ends
};

struct map {
    std::string title;       ///< e.g. "Retention by monthly cohort"
    std::string subtitle;    ///< period, window and retention kind, e.g. "classic retention · …"
    std::string value_name;  ///< what the cells show: "retention", "active customers", …
    std::string unit;        ///< after each value where a value stands alone: "%" or ""
    std::string age_unit;    ///< "month", "week", "day", "quarter", "year"
    std::size_t ages = 0;    ///< the number of age columns
    double top = 100;  ///< > 0: the retention (%) at the darkest shade, the highest past age 0
    std::string
        partial_note;  ///< why cells are marked, e.g. "2011-12 is partial: the log ends 2011-12-09"
    std::vector<row> rows;
};

/// Where a cell's retention lies on the scale: 0 the lightest, 1 (top or more) the darkest.
/// Every writer shades a cell by this, and by nothing else.
inline double shade_position(const map& m, const cell& c) {
    return c.retention / m.top;  // scale.hpp's shade() clamps it to 0 … 1
}

/// The colours a terminal shows.
enum class colors { none, xterm256, truecolor };

struct terminal_style {
    int width = 80;  ///< columns to fit in: the terminal's, or 80 when not a terminal
    colors palette = colors::none;
};

/// A table for the terminal: cohort, size and one column per age, cells shaded when coloured;
/// too wide for `width`, values are abbreviated and then ages cut, and a line says so.
void write_terminal(std::ostream& out, const map& m, const terminal_style& style);
/// A standalone SVG document.
void write_svg(std::ostream& out, const map& m);
/// A self-contained HTML page: the heatmap and the retention curves, light and dark.
void write_html(std::ostream& out, const map& m);

}  // namespace churn::cli::heatmap
