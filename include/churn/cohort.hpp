#pragma once
/// Retention by acquisition cohort, SPEC §7: the customers of an activity log (activity.hpp)
/// grouped by the period of their first order, and followed period by period after it.

#include <churn/activity.hpp>
#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace churn {

/// Who counts as retained at age k: active in the period c + k (classic), or in it or any
/// later one (unbounded, Amplitude's "on or after").
enum class retention_kind { classic, unbounded };

struct cohort_options {
    retention_kind retention = retention_kind::classic;
    /// The first and last periods reported (the calendar's indices): cohorts before `first`
    /// are history, rows after `last` are not asked for. Without them, the log's own.
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
};

/// One cell: a cohort at one age, or the average of the cohorts that reached that age.
struct cohort_cell {
    std::int64_t customers = 0;  ///< the cohort's (the average: Σ of the cohorts')
    std::int64_t active = 0;     ///< retained at this age
    decimal revenue;             ///< the cohort's revenue in the period, refunds included
    decimal cumulative;          ///< its revenue at ages 0 … this one
};

/// A cohort: the customers whose first order is in `period`.
struct cohort_row {
    std::int64_t period = 0;
    std::int64_t customers = 0;
    std::vector<cohort_cell> cells;  ///< ages 0 … last − period: none past the data's end
};

struct cohort_table {
    std::int64_t first = 0;  ///< the periods reported
    std::int64_t last = -1;
    std::vector<cohort_row> cohorts;  ///< the periods with a first order, ascending
    /// Per age, over the cohorts that reached it (period + age ≤ last): their sums, so that
    /// each rate of the average is weighted by cohort size.
    std::vector<cohort_cell> all;
};

/// active / customers: the retention of a cell.
inline std::optional<fraction> cohort_retention_fraction(const cohort_cell& c) {
    if (c.customers == 0)
        return std::nullopt;
    return fraction{c.active, c.customers};
}

/// cumulative / customers: the revenue a cohort's customer brought up to this age (LTV).
inline std::optional<fraction> cohort_ltv_fraction(const cohort_cell& c) {
    if (c.customers == 0)
        return std::nullopt;
    return fraction{c.cumulative.units, pow10(c.cumulative.scale) * c.customers};
}

}  // namespace churn
