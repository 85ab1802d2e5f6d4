#pragma once
// Writing a cohort table: the long form (a row per cohort and age) and the wide form (a row
// per cohort) through the sinks, and the heatmap model the pictures draw.

#include "cli/heatmap/heatmap.hpp"
#include "cli/out/sink.hpp"

#include <churn/cohort.hpp>
#include <churn/date.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace churn::cli {

/// What --wide and the pictures show in each cell.
enum class cohort_show { pct, count, revenue, ltv };

struct cohort_settings {
    format f = format::csv;
    out::options numbers;
    bool wide = false;
    cohort_show show = cohort_show::pct;
    retention_kind retention = retention_kind::classic;
    bool amounts = false;  ///< the log has amounts: revenue and LTV
    calendar cal;
    heatmap::terminal_style terminal;
    std::optional<std::string> fields;  ///< --fields: columns of the long form, in order
};

/// The table and what is known of its periods.
struct cohort_report {
    cohort_table table;
    bool first_partial = false;  ///< the first period with cells (the first cohort's) is partial
    bool last_partial = false;
    std::string first_day;  ///< what the data covers, for the pictures' note
    std::string last_day;
};

/// Writes the table in the chosen format as one document.
void write_cohorts(std::ostream& out, const cohort_settings& s, const cohort_report& r);

/// The empty document of a row format, after an error stopped the run before any cohort was
/// counted: a header in CSV, `[]` in JSON. Nothing for a picture.
void write_cohorts_after_error(std::ostream& out, const cohort_settings& s);

/// The names of the long form's columns written, in order (--fields, or all).
std::vector<std::string> cohort_field_names(const cohort_settings& s);

/// Checks --fields before the log is read: an unknown name is an error now, not after it.
void check_cohort_fields(const cohort_settings& s);

/// The heatmap the pictures draw.
heatmap::map heatmap_of(const cohort_settings& s, const cohort_report& r);

}  // namespace churn::cli
