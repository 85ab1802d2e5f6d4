#pragma once
// The columns of churn batch: its catalogue (the names --fields takes, a contract), the default
// choice for an input's header, and each column's cell of a row, computed by the library.

#include "cli/out/columns.hpp"
#include "cli/out/sink.hpp"

#include <churn/metrics.hpp>
#include <churn/period.hpp>
#include <churn/series.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace churn::cli {

/// Output columns of a batch row, in catalogue order.
enum class batch_field {
    period,
    start,
    lost,
    acquired,
    returned,
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
};
constexpr std::size_t batch_field_count = 26;

/// The names of the batch_fields, in their order.
extern const std::array<std::string_view, batch_field_count> batch_field_names;

/// How a row's rates are computed.
struct batch_math {
    churn::basis denominator = churn::basis::start;
    /// The length of one row's period; none for a snapshot covering no period (no lifetime,
    /// no annual churn).
    std::optional<period_length> period = period_length::month;
};

/// The columns written for an input with these columns when --fields does not choose.
std::vector<std::size_t> default_fields(const series_columns& columns, const batch_math& m);

/// The column as the sinks describe it (a rate's unit).
out::column column_of(batch_field f);

/// The cell of column f (not period) for a row: undefined where the row lacks what it needs.
/// Throws churn::error where a result is too large.
out::value batch_cell(const series_row& r, batch_field f, const batch_math& m);

/// A rate of the library as a percentage cell; undefined where it is. Throws churn::error
/// where 100 × its numerator is too large.
out::value percent(const std::optional<fraction>& rate);

/// The rate --chart draws for a row: churn, else revenue churn; 0 when undefined.
double chart_rate(const series_row& r, const batch_math& m);

}  // namespace churn::cli
