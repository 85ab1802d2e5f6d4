#pragma once
// Writing a series of periods: one row per period in csv, tsv, jsonl, json or a table for
// people, streamed in large blocks, plus the totals of --summary.

#include <churn/decimal.hpp>
#include <churn/metrics.hpp>
#include <churn/period.hpp>
#include <churn/series.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli {

enum class batch_format { csv, tsv, jsonl, json, table };
batch_format batch_format_of(const std::string& name);

struct batch_settings {
    batch_format format = batch_format::csv;
    int precision = 2;
    bool color = false;
    bool chart = false;
    bool summary = false;
    bool summary_only = false;
    churn::basis denominator = churn::basis::start;
    period_length period = period_length::month;
};

/// Output columns of a row.
enum class out_field {
    period,
    start,
    lost,
    acquired,
    lost_new,
    lost_total,
    end,
    churn_pct,
    base_churn_pct,
    new_churn_pct,
    retention_pct,
    lifetime_periods,
    annual_churn_pct,
    value,
    lost_revenue,
    start_revenue,
    churned_revenue,
    contraction_revenue,
    expansion_revenue,
    reactivation_revenue,
    new_revenue,
    end_revenue,
    gross_revenue_churn_pct,
    net_revenue_churn_pct,
    net_revenue_retention_pct,
    kept,  ///< the --keep columns
};

/// The names --fields accepts, in the order of out_field.
std::string output_field_names();

class batch_writer {
  public:
    batch_writer(std::ostream& out, batch_settings settings);

    /// Chooses the columns from the first input's header, or from --fields; writes the header.
    void begin(const series_columns& columns, std::vector<std::string> kept,
               const std::optional<std::string>& fields);
    /// Writes one row; if it throws (a result too large), nothing of the row is written.
    void row(const series_row& r, const std::vector<std::string_view>& kept);
    /// Writes the totals and the end of the document, and flushes.
    void finish();
    /// Ends the document after an error stopped the run, without totals: the good rows are
    /// still a valid table or JSON array.
    void end_after_error();
    /// Writes what is buffered.
    void flush();
    /// False once a write failed: stop reading.
    bool ok() const { return static_cast<bool>(out_); }

  private:
    void cell(const series_row& r, out_field f);
    void number(const std::optional<decimal>& d);
    void text(std::string_view s);
    void separator(std::size_t index);
    void end_row();
    void summary();
    void write_table();

    std::ostream& out_;
    batch_settings s_;
    std::vector<out_field> fields_;
    std::vector<std::string> names_;
    std::string buffer_;
    std::size_t rows_ = 0;
    series_totals totals_;    ///< with --summary
    bool customers_ = false;  ///< the first input has customer counts
    bool revenue_ = false;    ///< the first input has recurring revenue

    // Table format: cells kept until the end, to align them.
    std::vector<std::vector<std::string>> table_;
    std::vector<double> churn_for_chart_;
    std::string cell_;
};

}  // namespace churn::cli
