#pragma once
// The aggregator's state, shared by the files that read it: activity.cpp (the periods) and
// cohort.cpp (the cohorts).

#include <churn/activity.hpp>

#include "activity_store.hpp"

#include <climits>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace churn {

/// The period of a customer without an order.
inline constexpr std::int32_t no_period = INT32_MAX;

struct activity::state {
    activity_options o;
    customer_table table;
    period_bits bits;
    order_keys keys;  ///< unsorted mode: the distinct orders seen by time or day
    order_ids ids;    ///< the distinct --order values, in either mode
    per_period<std::int64_t> orders;
    per_period<exact_sum> revenue;
    std::vector<customer_detail> details;     ///< customer_details
    std::vector<customer_revenue> movements;  ///< revenue per customer and period, if kept
    /// cohort_revenue in a sorted log: per cohort (its period) the revenue at each age.
    per_period<std::vector<int128>> cohort_sums;
    /// ... and the refunds of a customer without an order yet: their period and sum.
    std::unordered_map<std::uint32_t, std::pair<std::int64_t, int128>> refunds_waiting;
    std::size_t rows = 0;
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
    std::int64_t lo = 0;  ///< the first and last period of a row
    std::int64_t hi = -1;
    int scale = 0;  ///< of every sum: the most decimals of an amount so far

    /// Brings every sum to `s` decimals, for an amount more precise than those before.
    void rescale(int s);
    bool new_order(customer_record& c, std::uint32_t index, const activity_row& r);
    /// An order counted in `from` has a row in the earlier period `to`: it moves there.
    void redate(customer_record& c, std::int32_t from, std::int32_t to);
    void add_cohort_revenue(customer_record& c, std::uint32_t index, const activity_row& r,
                            int128 units);
    /// Where the revenue of each customer and period is kept.
    bool per_customer_revenue() const {
        return o.revenue_movements || (o.cohort_revenue && o.unsorted);
    }
    void add(const activity_row& r, std::uint64_t hash);
    std::vector<std::uint64_t> hashes;  ///< of a batch's customers
};

/// The customer of index i as --customers lists them (with details where they are kept).
activity_customer customer_of(const activity::state& s, std::uint32_t index,
                              const customer_record& c);

}  // namespace churn
