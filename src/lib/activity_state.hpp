#pragma once
// The aggregator's state, shared by the files that read it: activity.cpp (the periods) and
// cohort.cpp (the cohorts).

#include <churn/activity.hpp>

#include "activity_store.hpp"

#include <climits>
#include <cstdint>
#include <vector>

namespace churn {

/// The period of a customer without an order.
inline constexpr std::int32_t no_period = INT32_MAX;

struct activity::state {
    activity_options o;
    customer_table table;
    period_bits bits;
    order_keys keys;  ///< unsorted mode: the distinct orders seen
    per_period<std::int64_t> orders;
    per_period<exact_sum> revenue;
    std::vector<customer_detail> details;     ///< customer_details
    std::vector<customer_revenue> movements;  ///< revenue per customer and period, if kept
    std::size_t rows = 0;
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
    std::int64_t lo = 0;  ///< the first and last period of a row
    std::int64_t hi = -1;
    int scale = 0;  ///< of every sum: the most decimals of an amount so far

    /// Brings every sum to `s` decimals, for an amount more precise than those before.
    void rescale(int s);
    bool new_order(customer_record& c, std::uint32_t index, const activity_row& r);
    void add(const activity_row& r, std::uint64_t hash);
    std::vector<std::uint64_t> hashes;  ///< of a batch's customers
};

/// The customer of index i as --customers lists them (with details where they are kept).
activity_customer customer_of(const activity::state& s, std::uint32_t index,
                              const customer_record& c);

}  // namespace churn
