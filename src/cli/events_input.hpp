#pragma once
// Reading an activity log for churn events: CSV or TSV files (or whitespace-separated columns)
// with a header each, their columns found by name, each row's customer, time, amount and order
// checked and handed to the aggregator. The rows are read and checked on a second thread
// while the calling one counts them: both halves cost about the same.

#include "cli/event_columns.hpp"
#include "cli/options.hpp"

#include <churn/activity.hpp>
#include <churn/date.hpp>
#include <churn/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace churn::cli {

/// Where the log is and how its rows are read, from the flags.
struct events_source {
    std::vector<std::string> files;  ///< empty or "-": standard input
    event_column_flags columns;
    std::optional<std::string> delimiter;  ///< --delimiter, as given
    bool skip_invalid = false;
    calendar cal;
    date_format dates;
    std::optional<int> offset;             ///< --utc-offset, minutes
    std::optional<std::int64_t> from_day;  ///< rows before it are history
    std::optional<std::int64_t> to_day;    ///< rows after it are ignored
    number_format numbers;
};

/// What the log held besides its orders, for the notes.
struct events_tally {
    std::size_t rows = 0;
    std::size_t guests = 0;
    std::size_t refunds = 0;
    std::size_t history = 0;  ///< before --from
    std::size_t ignored = 0;  ///< after --to
    std::size_t skipped = 0;  ///< invalid, with --skip-invalid
    bool amounts = false;     ///< the log has amounts (or quantities and prices)
};

/// Checks --delimiter before anything is read.
void check_delimiter_flag(const std::optional<std::string>& delimiter);

/// The header of the first input, as its delimiter splits it; `name` gets the input's name.
std::vector<std::string> read_header(const events_source& src, const context& ctx,
                                     std::string& name);

/// Reads every input into `log`, writing the column note and (with --skip-invalid) each bad
/// row's message on ctx.err. Throws churn::error `file:line: …` for a bad row, and what
/// log.add() throws (unsorted_log: read again in unsorted mode, with `told` the rows whose
/// messages are shown already).
void read_events(const events_source& src, const context& ctx, activity& log, events_tally& t,
                 std::size_t told = 0);

}  // namespace churn::cli
