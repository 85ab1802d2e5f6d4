#pragma once
// The heatmap grid as SVG, written once for the standalone file and for the HTML page; and the
// XML escaping both need.

#include "cli/heatmap/heatmap.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace churn::cli::heatmap {

/// XML text or attribute value: & < > " ' as entities, and the control bytes XML 1.0 forbids
/// dropped, so no label can break the document.
void append_xml(std::string& out, std::string_view s);

/// The colours of the page around the cells, in light mode; the HTML page's style sheet
/// overrides them in dark mode through the element classes (bg, fg, muted, rule).
inline constexpr std::string_view page_background = "#ffffff";
inline constexpr std::string_view page_text = "#111111";
inline constexpr std::string_view page_muted = "#555555";
inline constexpr std::string_view page_rule = "#999999";

/// Width in px of text in the generic sans-serif at `px`, estimated from its code points with
/// the widest common metrics (DejaVu Sans), so that nothing set by it overlaps.
double text_width(std::string_view s, double px, bool bold = false);

/// <text> at (x, y), to 0.1 px, with `s` escaped; `cls` (fg, muted) lets the HTML page recolour
/// it in dark mode, `fill` is its colour in light mode, `attrs` more attributes (" a=\"…\"").
void append_text(std::string& out, double x, double y, std::string_view cls, std::string_view fill,
                 std::string_view attrs, std::string_view s);

/// "age (months)": the title of the age axis, in the grid and under the curves.
std::string axis_label(const map& m);

struct grid_style {
    bool titled = true;  ///< the title and subtitle on top (the HTML page sets them as headings)
};

/// The grid as one <svg> element without an XML declaration: title, cohort labels and sizes,
/// one group per present cell, the all row set apart, the partial note and the colour legend.
void write_grid(std::ostream& out, const map& m, const grid_style& style);

}  // namespace churn::cli::heatmap
