// The activity aggregator: per customer the periods they were active in (a bit each), the
// periods of their two earliest orders, and what telling a new order from a repeated one
// needs; per period the orders and revenue. Every count of SPEC §6 follows from those at the
// end, in one walk over each customer's active periods (walk()), whatever order the rows came
// in.

#include <churn/activity.hpp>
#include <churn/error.hpp>

#include "activity_state.hpp"
#include "activity_store.hpp"

#include <algorithm>
#include <climits>
#include <utility>

namespace churn {

namespace {

/// What a customer's active periods make of them in the periods they touch.
enum class mark { acquired, active, returned, lost, repeat };

/// Calls f(mark, period) for each period a customer counts in, up to `last` (losses after it
/// are not asked for). The one definition of new, active, returned, lost and repeat.
template <typename F>
void walk(const customer_record& c, const period_bits& bits, int k, std::int64_t last, F&& f) {
    std::int64_t prev = 0;
    bool first = true;
    bits.each(c, [&](std::int64_t q) {
        f(mark::active, q);
        if (first)
            f(mark::acquired, q);
        else if (q - prev > k) {  // not alive at the end of q − 1: prev + k < q
            f(mark::lost, prev + k);
            f(mark::returned, q);
        }
        if (q >= c.second)
            f(mark::repeat, q);
        prev = q;
        first = false;
    });
    if (!first && prev + k <= last)
        f(mark::lost, prev + k);
}

}  // namespace

churn::period activity_period::counts() const {
    churn::period p;
    p.start = start;
    p.lost = lost;
    p.acquired = acquired;
    p.lost_new = 0;
    p.returned = returned;
    p.lost_total = lost;
    p.end = end;
    p.has_new = true;
    return p;
}

activity::activity(activity_options o) : s_(std::make_unique<state>()) {
    if (o.inactive_after < 1)
        throw domain_error("the inactivity window must be at least 1 period");
    s_->o = o;
}
activity::activity(activity&&) noexcept = default;
activity& activity::operator=(activity&&) noexcept = default;
activity::~activity() = default;

std::size_t activity::rows() const {
    return s_->rows;
}

void activity::state::rescale(int s) {
    const int128 f = pow10(s - scale);
    revenue.each([&](exact_sum& x) { x.units = checked_mul(x.units, f); });
    for (auto& d : details)
        d.revenue = checked_mul(d.revenue, f);
    for (auto& m : movements)
        for (auto& [p, units] : m)
            units = checked_mul(units, f);
    cohort_sums.each([&](std::vector<int128>& ages) {
        for (int128& units : ages)
            units = checked_mul(units, f);
    });
    for (auto& [index, waiting] : refunds_waiting)
        waiting.second = checked_mul(waiting.second, f);
    scale = s;
}

bool activity::state::new_order(customer_record& c, std::uint32_t index, const activity_row& r) {
    if (o.orders == order_rule::rows)
        return true;
    if (o.orders == order_rule::distinct && !r.order.empty()) {
        const auto q = static_cast<std::int32_t>(r.period);
        const std::int32_t before = ids.insert(index, r.order, q);
        if (before == order_ids::no_order)
            return true;
        if (q < before)
            redate(c, before, q);
        return false;
    }
    const std::int64_t key = o.orders == order_rule::days ? r.day : r.micros;
    if (o.unsorted)
        return keys.insert(index, key);
    if (r.micros < c.last_micros)
        throw unsorted_log("the log is not sorted by time: a row of customer " + quote(r.customer) +
                           " is older than the one before");
    c.last_micros = r.micros;
    const bool fresh = !c.has_key || key != c.last_key;
    c.has_key = true;
    c.last_key = key;
    return fresh;
}

void activity::state::redate(customer_record& c, std::int32_t from, std::int32_t to) {
    --orders.at(from);
    ++orders.at(to);
    // The two earliest of the customer's order periods, with one `from` become `to` (< from).
    if (from == c.first) {
        c.first = to;
    } else if (from == c.second) {
        c.second = std::max(c.first, to);
        c.first = std::min(c.first, to);
    } else if (to < c.first) {
        c.second = c.first;
        c.first = to;
    } else if (to < c.second) {
        c.second = to;
    }
}

void activity::state::add_cohort_revenue(customer_record& c, std::uint32_t index,
                                         const activity_row& r, int128 units) {
    // Sorted by time, a customer's first order is their first row with an amount >= 0, so each
    // row's cohort is known when it comes: the revenue goes to its cell at once. Refunds before
    // it wait, in case the first order falls in their period (age 0 has them).
    if (r.micros < c.last_micros)
        throw unsorted_log("the log is not sorted by time: a row of customer " + quote(r.customer) +
                           " is older than the one before");
    c.last_micros = r.micros;
    if (c.first == no_period) {
        const auto waiting = refunds_waiting.find(index);
        if (units < 0) {
            auto& [period, sum] = refunds_waiting[index];
            if (waiting == refunds_waiting.end() || period != r.period)
                period = r.period, sum = 0;
            sum = checked_add(sum, units);
            return;
        }
        if (waiting != refunds_waiting.end()) {
            if (waiting->second.first == r.period)
                units = checked_add(units, waiting->second.second);
            refunds_waiting.erase(waiting);
        }
    }
    const std::int64_t cohort = c.first == no_period ? r.period : c.first;
    std::vector<int128>& ages = cohort_sums.at(cohort);
    const auto age = static_cast<std::size_t>(r.period - cohort);
    if (ages.size() <= age)
        ages.resize(age + 1);
    ages[age] = checked_add(ages[age], units);
}

void activity::add(const activity_row& r) {
    add(std::span<const activity_row>(&r, 1));
}

void activity::add(std::span<const activity_row> rows) {
    state& s = *s_;
    // The memory of each customer is asked for before it is needed: a row's slot 16 rows
    // ahead, its record 8 rows ahead (when its slot has arrived), as many as the memory
    // serves at once.
    constexpr std::size_t slot_ahead = 16;
    constexpr std::size_t record_ahead = 8;
    const std::size_t n = rows.size();
    s.hashes.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        s.hashes[i] = hash_bytes(rows[i].customer);
    for (std::size_t i = 0; i < std::min(n, slot_ahead); ++i)
        s.table.prefetch_slot(s.hashes[i]);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + slot_ahead < n)
            s.table.prefetch_slot(s.hashes[i + slot_ahead]);
        if (i + record_ahead < n)
            s.table.prefetch_record(s.hashes[i + record_ahead]);
        s.add(rows[i], s.hashes[i]);
    }
}

void activity::state::add(const activity_row& r, std::uint64_t hash) {
    state& s = *this;
    if (r.amount.scale > s.scale)
        s.rescale(r.amount.scale);
    // In units of the most decimals so far; a less precise amount is scaled up, checked.
    const int128 units = r.amount.scale == s.scale
                             ? r.amount.units
                             : checked_mul(r.amount.units, pow10(s.scale - r.amount.scale));
    const auto [index, c] = s.table.find_or_add(r.customer, hash);
    if (s.rows == 0 || r.day < s.first_day)
        s.first_day = r.day;
    if (s.rows == 0 || r.day > s.last_day)
        s.last_day = r.day;
    if (s.rows == 0 || r.period < s.lo)
        s.lo = r.period;
    if (s.rows == 0 || r.period > s.hi)
        s.hi = r.period;
    ++s.rows;
    s.revenue.at(r.period).add(units);
    if (s.o.customer_details) {
        if (s.details.size() <= index)
            s.details.resize(index + 1);
        s.details[index].revenue = checked_add(s.details[index].revenue, units);
    }
    if (s.per_customer_revenue()) {
        if (s.movements.size() <= index)
            s.movements.resize(index + 1);
        add_revenue(s.movements[index], r.period, units);
    } else if (s.o.cohort_revenue) {
        s.add_cohort_revenue(*c, index, r, units);
    }
    if (units < 0)
        return;  // a refund: revenue, but no order and no activity
    const bool fresh = s.new_order(*c, index, r);
    s.bits.set(*c, static_cast<std::int32_t>(r.period));
    if (s.o.customer_details) {
        customer_detail& d = s.details[index];
        // Every row of an order dates it: the first and the last order are the customer's
        // earliest and latest, whichever row was counted.
        if (d.orders == 0 || r.micros < d.first_order)
            d.first_order = r.micros;
        if (d.orders == 0 || r.micros > d.last_order)
            d.last_order = r.micros;
        d.orders += fresh ? 1 : 0;
    }
    if (!fresh)
        return;
    ++s.orders.at(r.period);
    const auto q = static_cast<std::int32_t>(r.period);
    if (q < c->first) {
        c->second = c->first;
        c->first = q;
    } else if (q < c->second) {
        c->second = q;
    }
}

std::vector<activity_period> activity::periods(std::optional<std::int64_t> first,
                                               std::optional<std::int64_t> last) const {
    const state& s = *s_;
    if (s.rows == 0 && (!first || !last))
        return {};
    const std::int64_t from = first.value_or(s.lo);
    const std::int64_t to = last.value_or(s.hi);
    if (to < from)
        return {};
    // Counted from the first period of the log (or from `from`, if earlier): a period's start
    // is the history's end.
    const std::int64_t origin = s.rows == 0 ? from : std::min(from, s.lo);
    const auto n = static_cast<std::size_t>(to - origin + 1);
    struct counts {
        std::int64_t acquired = 0, active = 0, returned = 0, lost = 0, repeat = 0;
    };
    std::vector<counts> at(n);
    const int k = s.o.inactive_after;
    s.table.each([&](const customer_record& c) {
        walk(c, s.bits, k, to, [&](mark m, std::int64_t q) {
            if (q > to)
                return;
            counts& x = at[static_cast<std::size_t>(q - origin)];
            switch (m) {
                case mark::acquired:
                    ++x.acquired;
                    break;
                case mark::active:
                    ++x.active;
                    break;
                case mark::returned:
                    ++x.returned;
                    break;
                case mark::lost:
                    ++x.lost;
                    break;
                case mark::repeat:
                    ++x.repeat;
                    break;
            }
        });
    });
    std::vector<activity_revenue> moves;
    if (s.o.revenue_movements)
        moves = revenue_movements(s.movements, s.table, origin, to, s.scale);
    std::vector<activity_period> out;
    out.reserve(static_cast<std::size_t>(to - from + 1));
    std::int64_t alive = 0;
    for (std::int64_t p = origin; p <= to; ++p) {
        const counts& x = at[static_cast<std::size_t>(p - origin)];
        const std::int64_t start = alive;
        alive = start - x.lost + x.acquired + x.returned;
        if (p < from)
            continue;
        activity_period r;
        r.period = p;
        r.start = start;
        r.lost = x.lost;
        r.acquired = x.acquired;
        r.returned = x.returned;
        r.end = alive;
        r.active = x.active;
        r.repeat = x.repeat;
        r.orders = s.orders.get(p);
        r.revenue = decimal{s.revenue.get(p).units, s.scale};
        if (s.o.revenue_movements)
            r.movements = moves[static_cast<std::size_t>(p - origin)];
        out.push_back(r);
    }
    return out;
}

activity_totals activity::totals() const {
    const state& s = *s_;
    activity_totals t;
    int128 revenue = 0;
    s.revenue.each_value([&](const exact_sum& x) { revenue = checked_add(revenue, x.units); });
    t.revenue = decimal{revenue, s.scale};
    s.orders.each_value([&](std::int64_t o) { t.orders += o; });
    s.table.each([&](const customer_record& c) {
        if (c.first != no_period)
            ++t.customers;
        if (c.second != no_period)
            ++t.repeat_customers;
    });
    t.first_day = s.first_day;
    t.last_day = s.last_day;
    return t;
}

std::vector<activity_customer> activity::customers(activity_cell cell, std::int64_t p) const {
    const state& s = *s_;
    const mark wanted = cell == activity_cell::lost       ? mark::lost
                        : cell == activity_cell::acquired ? mark::acquired
                        : cell == activity_cell::returned ? mark::returned
                                                          : mark::active;
    std::vector<activity_customer> out;
    std::uint32_t index = 0;
    s.table.each([&](const customer_record& c) {
        bool in = false;
        walk(c, s.bits, s.o.inactive_after, p,
             [&](mark m, std::int64_t q) { in = in || (m == wanted && q == p); });
        if (in)
            out.push_back(customer_of(s, index, c));
        ++index;
    });
    return out;
}

activity_customer customer_of(const activity::state& s, std::uint32_t index,
                              const customer_record& c) {
    activity_customer a;
    a.id = customer_table::id(c);
    if (index < s.details.size()) {
        const customer_detail& d = s.details[index];
        a.first_order = d.first_order;
        a.last_order = d.last_order;
        a.orders = d.orders;
        a.revenue = decimal{d.revenue, s.scale};
    }
    return a;
}

}  // namespace churn
