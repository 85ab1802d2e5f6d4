#pragma once
// What churn events and churn cohort share: the flags that say where an activity log is and
// how its rows are read, reading it into the aggregator, and what is said of it (notes on
// guests, refunds, history, partial periods).

#include "cli/events_input.hpp"
#include "cli/options.hpp"

#include <churn/activity.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace churn::cli {

struct log_flags {
    std::vector<std::string> files;
    event_column_flags columns;
    std::optional<std::string> delimiter;
    std::optional<std::string> date_format;
    std::optional<std::string> utc_offset;
    std::string period = "month";
    std::string week_start = "monday";
    std::optional<std::string> from;
    std::optional<std::string> to;
    bool skip_invalid = false;
};

/// Registers the flags of the log's input.
void add_log_options(CLI::App& app, log_flags& o);

/// Where the log is and how it is read, and the periods reported (--from, --to), from the
/// flags, checked before anything is read. Without `reads_rows` (--emit-sql), no log is needed.
struct log_plan {
    events_source source;
    std::optional<std::int64_t> first_period;
    std::optional<std::int64_t> last_period;
};
log_plan plan_log(const log_flags& o, const context& ctx, std::string_view command,
                  bool reads_rows = true);

/// Reads the log: in per-customer memory while it is sorted by time, else again with a set of
/// its distinct orders (files only: standard input is read that way from the start). A log
/// with nothing to count, or none of it up to --from, is an error.
activity read_all(const events_source& r, const context& ctx, activity_options a, events_tally& t);

/// Whether the first and last periods reported are partial (the data, or --from/--to, does not
/// cover them whole), each named in a note that ends with `consequence` (what it does to the
/// figures).
struct coverage {
    bool first_partial = false;
    bool last_partial = false;
};
coverage partial_periods(const events_source& r, std::int64_t first, std::int64_t last,
                         const activity_totals& totals, std::string_view consequence,
                         std::vector<std::string>& notes);

/// Notes on the rows that were not orders: guests, refunds, history before --from, rows after --to.
void add_tally_notes(const events_tally& t, const log_flags& o, const events_source& r,
                     std::vector<std::string>& notes);

/// 2024-01-15: a day as the notes write it.
std::string date_text(std::int64_t day);
/// A label of the calendar's unit, for messages: 2024-03, 2024-W11, …
std::string example_label(const calendar& cal);

}  // namespace churn::cli
