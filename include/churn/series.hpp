#pragma once
/// A series of periods from the rows of a table (CSV or TSV): columns found by name, one
/// resolved period per row, a row without `start` taking the previous row's `end`, and the
/// totals of the whole series.

#include <churn/decimal.hpp>
#include <churn/metrics.hpp>
#include <churn/parse.hpp>
#include <churn/period.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace churn {

/// The input columns churn understands.
enum class series_column : std::size_t {
    period,                ///< the period's label, echoed as written
    start,                 ///< S
    lost,                  ///< L
    acquired,              ///< N, the column `new`
    lost_new,              ///< LN
    end,                   ///< E
    returned,              ///< R, former customers who came back
    value,                 ///< value per customer, for lost revenue
    start_revenue,         ///< recurring revenue at the start
    churned_revenue,       ///< lost with customers who left (also `churned`)
    contraction_revenue,   ///< lost to downgrades (also `contraction`)
    expansion_revenue,     ///< gained from upgrades (also `expansion`)
    reactivation_revenue,  ///< regained from returning customers (also `reactivation`)
    new_revenue,           ///< from new customers
    end_revenue,           ///< recurring revenue at the end
};
inline constexpr std::size_t series_column_count = 15;

/// The column's name: `period`, `start`, …, `new`, `lost_new`, …, `end_revenue`.
std::string_view name(series_column c);
/// A header name in canonical form: trimmed, lower case, each run of blanks, dashes and
/// underscores one underscore (`Lost New`, `lost-new` and `lost_new` are one column).
std::string canonical_column_name(std::string_view header_name);
/// Header names for a message: at most ten, odd ones (control bytes, commas, quotes, long or
/// empty) quoted like any value, so that the message stays one short line.
std::string column_list(const std::vector<std::string>& names);

/// Where each known column is in one file's header.
class series_columns {
  public:
    /// Finds the columns of a header. Throws churn::error on a duplicate name, and when the
    /// header has neither the customer counts (`start` and `lost`, `end` or `lost_new`) nor
    /// the revenue (`start_revenue` and `churned_revenue`, or `end_revenue` with `new_revenue`).
    explicit series_columns(const std::vector<std::string_view>& header);

    /// The field index of a column, if the header has it.
    std::optional<std::size_t> operator[](series_column c) const {
        return at_[static_cast<std::size_t>(c)];
    }
    bool has(series_column c) const { return at_[static_cast<std::size_t>(c)].has_value(); }
    bool customers() const { return customers_; }  ///< rows carry customer counts
    bool revenue() const { return revenue_; }      ///< rows carry recurring revenue
    std::size_t width() const { return width_; }   ///< the number of fields of every row
    /// The named fields churn does not know, in order (passed through with `batch --keep`);
    /// unnamed ones (an empty header cell) are ignored.
    const std::vector<std::size_t>& others() const { return others_; }

  private:
    std::array<std::optional<std::size_t>, series_column_count> at_{};
    std::size_t width_ = 0;
    bool customers_ = false;
    bool revenue_ = false;
    std::vector<std::size_t> others_;
};

/// Recurring revenue of one period. Gross churn needs the movements; net churn needs the
/// movements or the end with the new revenue.
struct period_revenue {
    decimal start;
    std::optional<decimal> churned;      ///< with contraction, expansion and reactivation
    decimal contraction;                 ///< 0 unless given
    decimal expansion;                   ///< 0 unless given
    decimal reactivation;                ///< 0 unless given
    std::optional<decimal> new_revenue;  ///< revenue from new customers
    /// Given, or derived: start − net lost + new, with new 0 where it is not given.
    std::optional<decimal> end;
    std::optional<decimal> gross_lost;  ///< churned + contraction, with the movements
    decimal net_lost;                   ///< churned + contraction − expansion − reactivation
};

/// One row of a series, resolved. Views point into the row's fields.
struct series_row {
    std::string_view label;                 ///< the `period` field, empty without that column
    std::optional<period> customers;        ///< when the file has customer columns
    std::optional<decimal> value;           ///< value per customer, when given
    std::optional<period_revenue> revenue;  ///< when the file has revenue columns
};

/// Reads the rows of one or more files as one series: a row with an empty `start` takes the
/// previous row's `end` (article 002: January ends at 681, so February starts at 681), and an
/// empty `start_revenue` the previous `end_revenue`. Revenue chains as customers do: without a
/// `new_revenue` column (or with its cell empty) a row of movements gained no new revenue, as a
/// row without `new` gained no customers, so its end is start − churned − contraction +
/// expansion + reactivation; a given `end_revenue` is taken as written.
///
/// A row is checked as the single commands check their flags (`churn revenue`, `churn rate`),
/// with the same messages, naming the columns.
class series {
  public:
    explicit series(number_format numbers = {}) : numbers_(numbers) {}

    /// Reads one data row of a file whose header gave `columns`. Throws churn::error naming
    /// the column and the value (the caller adds `file:line`); a bad row breaks the chain, so
    /// that the next row cannot take an end nobody knows.
    void read(const series_columns& columns, const std::vector<std::string_view>& fields,
              series_row& row);

  private:
    enum class link { none, broken, known };
    number_format numbers_;
    link customers_ = link::none;
    std::int64_t end_ = 0;
    link revenue_ = link::none;
    decimal end_revenue_;
};

/// Totals of a series, added row by row in constant memory.
class series_totals {
  public:
    explicit series_totals(basis b = basis::start) : basis_(b) {}

    /// Adds a row; throws churn::error, leaving the totals as they were, when the revenue sums
    /// would pass the exact range.
    void add(const series_row& row);

    std::size_t periods() const { return periods_; }
    int128 start() const { return start_; }  ///< Σ S
    int128 lost() const { return lost_; }    ///< Σ (L + LN)
    /// S of the first period and E of the last: the customers the series starts and ends with.
    std::optional<std::int64_t> first_start() const { return first_start_; }
    std::optional<std::int64_t> last_end() const { return last_end_; }
    /// Σ (L + LN) × value, over the periods with a value per customer.
    std::optional<decimal> lost_revenue() const {
        return has_lost_revenue_ ? std::optional<decimal>(lost_revenue_) : std::nullopt;
    }
    /// Pooled churn: Σ (L + LN) / Σ basis (Σ S by default); none when the sum is 0.
    std::optional<ratio> pooled_churn() const;
    /// The mean of the periods' churn rates, over the periods where it is defined.
    std::optional<double> mean_churn() const;
    /// Retention compounded over the periods with S > 0: Π (E − N − R) / S.
    std::optional<double> compounded_retention() const;
    /// Churn per `to`, compounded from the retention over the series of `each`-long periods.
    std::optional<double> compounded_churn(period_length each, period_length to) const;
    /// Σ (churned + contraction) / Σ start revenue, over the periods with movements.
    std::optional<ratio> pooled_gross_revenue_churn() const;
    /// Σ (net revenue lost) / Σ start revenue, over the periods where it is known.
    std::optional<ratio> pooled_net_revenue_churn() const;

  private:
    basis basis_;
    std::size_t periods_ = 0;
    int128 start_ = 0;
    int128 lost_ = 0;
    int128 basis_num_ = 0;  ///< Σ churn numerators (doubled for the average basis)
    int128 basis_den_ = 0;  ///< Σ churn denominators (S + E for the average basis)
    std::optional<std::int64_t> first_start_;
    std::optional<std::int64_t> last_end_;
    decimal lost_revenue_;
    bool has_lost_revenue_ = false;
    double churn_sum_ = 0;  ///< Neumaier sum of the defined period rates
    double churn_carry_ = 0;
    std::size_t churn_periods_ = 0;
    double log_retention_ = 0;
    std::size_t retention_periods_ = 0;
    bool retention_zero_ = false;
    decimal gross_start_;
    decimal gross_lost_;
    decimal net_start_;
    decimal net_lost_;
};

}  // namespace churn
