#pragma once
// Writing the periods of an activity log through a sink: the columns of SPEC §6 (period …
// partial), and any column of batch by name, computed by the same library functions as
// batch's (a period of a log is a series row); the totals of batch plus the log's own; and
// the customers behind one cell.

#include "cli/batch_columns.hpp"
#include "cli/out/sink.hpp"

#include <churn/activity.hpp>
#include <churn/date.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace churn::cli {

struct events_settings {
    format f = format::csv;
    out::options numbers;
    bool chart = false;
    bool summary = false;
    bool summary_only = false;
    bool amounts = false;    ///< the log has amounts: revenue and arpu
    bool movements = false;  ///< --revenue-movements
    calendar cal;
    std::optional<std::string> fields;
};

/// What is known of the log beyond its periods.
struct events_log {
    std::vector<activity_period> periods;
    activity_totals totals;
    bool first_partial = false;
    bool last_partial = false;
};

/// Writes the periods (and with --summary the totals) as one document.
void write_events(std::ostream& out, const events_settings& s, const events_log& log);

/// The empty document of the chosen columns, after an error stopped the run before any period
/// could be counted: a header in CSV, `[]` in JSON.
void write_events_after_error(std::ostream& out, const events_settings& s);

/// The names of the columns written, in order (--fields, or the defaults).
std::vector<std::string> events_field_names(const events_settings& s);

/// Checks --fields before the log is read: an unknown name is an error now, not after it.
void check_events_fields(const events_settings& s);

/// The customers behind a cell: ids one per line, or with `details` (an explicit --format) a
/// table of customer, first_order, last_order, orders, revenue.
/// `amounts`: the log has them (a revenue column). Used by churn cohort too.
void write_customers(std::ostream& out, const std::vector<activity_customer>& customers, format f,
                     const out::options& numbers, bool amounts, bool details);

}  // namespace churn::cli
