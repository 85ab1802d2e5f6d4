#pragma once
// Writing a series of periods: one row per period in csv, tsv, jsonl, json or a table for
// people, streamed in large blocks, plus the totals of --summary.

#include <churn/decimal.hpp>
#include <churn/metrics.hpp>
#include <churn/period.hpp>

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

/// One input row, resolved.
struct batch_row {
    std::string_view label;
    period p;
    std::optional<decimal> value;
    std::vector<std::string_view> kept;  ///< other input columns, with --keep
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
    kept,  ///< the --keep columns
};

class batch_writer {
  public:
    batch_writer(std::ostream& out, batch_settings settings);

    /// Chooses the columns from what the input has, or from --fields; writes the header.
    void begin(bool has_period, bool has_new, bool has_value, std::vector<std::string> kept,
               const std::optional<std::string>& fields);
    void row(const batch_row& r);
    /// Writes the totals and the end of the document, and flushes.
    void finish();
    /// Writes what is buffered.
    void flush();
    /// False once a write failed: stop reading.
    bool ok() const { return static_cast<bool>(out_); }

  private:
    void cell(const batch_row& r, out_field f, std::size_t kept_index);
    void number(const std::optional<decimal>& d);
    void text(std::string_view s);
    void separator(std::size_t index);
    void end_row();
    void add_to_totals(const batch_row& r);
    void summary();

    std::ostream& out_;
    batch_settings s_;
    std::vector<out_field> fields_;
    std::vector<std::string> names_;
    std::vector<std::string> kept_names_;
    std::string buffer_;
    std::size_t rows_ = 0;

    // Table format: cells kept until the end, to align them.
    std::vector<std::vector<std::string>> table_;
    std::vector<double> churn_for_chart_;
    std::string cell_;

    // Totals for --summary.
    __extension__ __int128 sum_start_ = 0;
    __extension__ __int128 sum_lost_ = 0;
    double sum_churn_ = 0;
    std::size_t churn_rows_ = 0;
    double log_retention_ = 0;
    bool retention_zero_ = false;
    std::int64_t last_end_ = 0;
};

}  // namespace churn::cli
