// Cohorts from the aggregator's customers: each customer's first order names their cohort,
// their active periods (a bit each) the ages they are retained at, their revenue per period
// the cohort's revenue. One pass over the customers, whatever order the log's rows came in.

#include <churn/cohort.hpp>
#include <churn/error.hpp>

#include "activity_state.hpp"

#include <algorithm>

namespace churn {

namespace {

/// The periods reported: the options', else the log's first and last.
std::pair<std::int64_t, std::int64_t> bounds(const activity::state& s, const cohort_options& o) {
    return {o.first.value_or(s.lo), o.last.value_or(s.hi)};
}

/// The ages up to `last` at which customer c (of cohort c.first) was active, and the latest.
/// Retention counts them (classic) or every age up to the latest (unbounded): the one
/// definition of both.
template <typename F>
std::int64_t active_ages(const customer_record& c, const period_bits& bits, std::int64_t last,
                         F&& f) {
    const std::int64_t first = c.first;
    std::int64_t latest = -1;
    bits.each(c, [&](std::int64_t q) {
        if (q < first || q > last)
            return;  // before the first order: a row of an order first seen later; after: unasked
        f(q - first);
        latest = q - first;
    });
    return latest;
}

}  // namespace

cohort_table activity::cohorts(const cohort_options& o) const {
    const state& s = *s_;
    cohort_table t;
    if (s.rows == 0 && (!o.first || !o.last))
        return t;
    const auto [from, to] = bounds(s, o);
    t.first = from;
    t.last = to;
    if (to < from)
        return t;
    // A row per period reported, kept where it has a cohort.
    const auto n = static_cast<std::size_t>(to - from + 1);
    struct sums {
        std::int64_t customers = 0;
        std::vector<std::int64_t> active;
        std::vector<int128> revenue;
    };
    std::vector<sums> rows(n);
    for (std::uint32_t i = 0; i < s.table.size(); ++i) {
        const customer_record& c = s.table.record(i);
        if (c.first == no_period || c.first < from || c.first > to)
            continue;
        sums& r = rows[static_cast<std::size_t>(c.first - from)];
        const auto ages = static_cast<std::size_t>(to - c.first + 1);
        if (r.customers++ == 0) {
            r.active.assign(ages, 0);
            r.revenue.assign(ages, 0);
        }
        if (o.retention == retention_kind::classic) {
            active_ages(c, s.bits, to,
                        [&](std::int64_t k) { ++r.active[static_cast<std::size_t>(k)]; });
        } else {
            // Counted at the latest age here, then summed from the oldest age down.
            ++r.active[static_cast<std::size_t>(active_ages(c, s.bits, to, [](std::int64_t) {}))];
        }
        if (s.per_customer_revenue() && i < s.movements.size())
            for (const auto& [p, units] : s.movements[i])
                if (p >= c.first && p <= to)
                    r.revenue[static_cast<std::size_t>(p - c.first)] =
                        checked_add(r.revenue[static_cast<std::size_t>(p - c.first)], units);
    }
    for (std::size_t i = 0; i < n; ++i) {
        sums& r = rows[i];
        if (r.customers == 0)
            continue;
        if (s.o.cohort_revenue && !s.per_customer_revenue()) {
            const std::vector<int128> ages = s.cohort_sums.get(from + static_cast<std::int64_t>(i));
            for (std::size_t k = 0; k < std::min(ages.size(), r.revenue.size()); ++k)
                r.revenue[k] = ages[k];
        }
        if (o.retention == retention_kind::unbounded)
            for (std::size_t k = r.active.size() - 1; k-- > 0;)
                r.active[k] += r.active[k + 1];
        cohort_row row;
        row.period = from + static_cast<std::int64_t>(i);
        row.customers = r.customers;
        int128 cumulative = 0;
        for (std::size_t k = 0; k < r.active.size(); ++k) {
            cumulative = checked_add(cumulative, r.revenue[k]);
            row.cells.push_back({r.customers, r.active[k], decimal{r.revenue[k], s.scale},
                                 decimal{cumulative, s.scale}});
            if (t.all.size() <= k)
                t.all.push_back({0, 0, decimal{0, s.scale}, decimal{0, s.scale}});
            cohort_cell& a = t.all[k];
            a.customers += r.customers;
            a.active += r.active[k];
            a.revenue.units = checked_add(a.revenue.units, r.revenue[k]);
            a.cumulative.units = checked_add(a.cumulative.units, cumulative);
        }
        t.cohorts.push_back(std::move(row));
    }
    return t;
}

std::vector<activity_customer> activity::cohort_customers(const cohort_options& o,
                                                          std::int64_t cohort,
                                                          std::int64_t age) const {
    const state& s = *s_;
    std::vector<activity_customer> out;
    const std::int64_t to = bounds(s, o).second;
    for (std::uint32_t i = 0; i < s.table.size(); ++i) {
        const customer_record& c = s.table.record(i);
        if (c.first != cohort)
            continue;
        bool at = false;
        const std::int64_t latest =
            active_ages(c, s.bits, to, [&](std::int64_t k) { at = at || k == age; });
        if (o.retention == retention_kind::classic ? at : latest >= age)
            out.push_back(customer_of(s, i, c));
    }
    return out;
}

}  // namespace churn
