#pragma once
// Writing a series of periods through a sink: one row per period in csv, tsv, jsonl, json or a
// table for people, plus the totals of --summary, named for what each is.

#include "cli/batch_columns.hpp"
#include "cli/out/sink.hpp"

#include <churn/series.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli {

struct batch_settings {
    format f = format::csv;
    out::options numbers;  ///< precision, decimal point and colour of the table
    bool chart = false;    ///< a bar of each row's churn (table)
    bool summary = false;
    bool summary_only = false;
    batch_math math;
};

/// The totals of a series, each named for what it is (SPEC §5): of the customer counts, of the
/// lost revenue and of the recurring revenue, as the series has them. Batch's --summary, and
/// events'.
std::vector<out::total> series_total_cells(const series_totals& totals, const batch_math& math,
                                           bool customers, bool lost_revenue, bool revenue);

class batch_writer {
  public:
    batch_writer(std::ostream& out, batch_settings settings);

    /// Chooses the columns from the first input's header, or from --fields (which places the
    /// kept columns by name too; with --summary-only it chooses among the totals); writes the
    /// header.
    void begin(const series_columns& columns, std::vector<std::string> kept,
               const std::optional<std::string>& fields);
    /// Writes one row; if it throws (a result too large), nothing of the row is written or
    /// counted in the totals.
    void row(const series_row& r, std::span<const std::string_view> kept);
    /// Writes the totals and the end of the document, and flushes.
    void finish();
    /// Ends the document after an error stopped the run, without totals: the good rows are
    /// still a valid table or JSON array.
    void end_after_error();
    /// Writes what is buffered.
    void flush() { sink_->flush(); }
    /// False once a write failed: stop reading.
    bool ok() const { return sink_->ok(); }

  private:
    /// The totals of the rows so far, each named for what it is.
    std::vector<out::total> totals() const;

    batch_settings s_;
    std::unique_ptr<out::sink> sink_;
    std::vector<std::size_t> fields_;  ///< batch_fields, then kept columns from batch_field_count
    std::vector<std::string> names_;   ///< of the columns, for messages
    std::vector<out::value> values_;   ///< one row's cells, reused
    std::optional<std::vector<std::size_t>> chosen_totals_;  ///< --summary-only --fields
    series_totals totals_;
    bool customers_ = false;     ///< the first input has customer counts
    bool revenue_ = false;       ///< the first input has recurring revenue
    bool lost_revenue_ = false;  ///< … and a value per customer
};

}  // namespace churn::cli
