// Properties of the activity aggregator (churn/activity.hpp) on random logs: every period's
// counts equal those of SPEC §6's definitions applied literally (a brute force over each
// customer's set of order periods), end = start − lost + new + returned, the result does not
// depend on the order of the rows, and counting every row as an order counts at least as many.

#include <churn/activity.hpp>

#include <rapidcheck/catch.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

struct event {
    int customer;  ///< 0 … 7
    int period;    ///< 0 … 11
    int second;    ///< a time within the period: equal ones are one order
    int cents;     ///< negative: a refund
};

std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g", "h"};

rc::Gen<event> events() {
    return rc::gen::build<event>(rc::gen::set(&event::customer, rc::gen::inRange(0, 8)),
                                 rc::gen::set(&event::period, rc::gen::inRange(0, 12)),
                                 rc::gen::set(&event::second, rc::gen::inRange(0, 3)),
                                 rc::gen::set(&event::cents, rc::gen::inRange(-200, 1000)));
}

churn::activity_row row_of(const event& e) {
    churn::activity_row r;
    r.customer = ids[static_cast<std::size_t>(e.customer)];
    r.period = e.period;
    r.micros = std::int64_t{e.period} * 1000 + e.second;
    r.day = r.micros;
    r.amount = churn::decimal{e.cents, 2};
    return r;
}

/// Sorted by time, as a sorted export is.
std::vector<event> by_time(std::vector<event> log) {
    std::stable_sort(log.begin(), log.end(), [](const event& a, const event& b) {
        return std::pair(a.period, a.second) < std::pair(b.period, b.second);
    });
    return log;
}

std::vector<churn::activity_period> run(const std::vector<event>& log, churn::activity_options o) {
    churn::activity a(o);
    for (const auto& e : log)
        a.add(row_of(e));
    return a.periods();
}

/// SPEC §6 literally: alive at the end of p when the latest order up to p lies in p−K+1 … p.
struct brute {
    std::map<int, std::set<int>> periods;                 // customer → periods with an order
    std::map<int, std::set<std::pair<int, int>>> orders;  // customer → (period, second)

    explicit brute(const std::vector<event>& log) {
        for (const auto& e : log)
            if (e.cents >= 0) {
                periods[e.customer].insert(e.period);
                orders[e.customer].insert({e.period, e.second});
            }
    }
    bool alive(int c, int p, int k) const {
        const auto it = periods.find(c);
        if (it == periods.end() || p < 0)
            return false;
        auto latest = it->second.upper_bound(p);
        if (latest == it->second.begin())
            return false;
        return *std::prev(latest) >= p - k + 1;
    }
    bool active(int c, int p) const {
        const auto it = periods.find(c);
        return it != periods.end() && it->second.count(p) > 0;
    }
    bool is_new(int c, int p) const {
        const auto it = periods.find(c);
        return it != periods.end() && *it->second.begin() == p;
    }
    int orders_up_to(int c, int p) const {
        int n = 0;
        if (const auto it = orders.find(c); it != orders.end())
            for (const auto& [q, s] : it->second)
                n += q <= p;
        return n;
    }
};

}  // namespace

TEST_CASE("activity: every period's counts are SPEC §6's definitions, literally") {
    rc::prop("brute force", [] {
        const auto log =
            by_time(*rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events())));
        const int k = *rc::gen::inRange(1, 5);
        churn::activity_options o;
        o.inactive_after = k;
        const auto got = run(log, o);
        const brute b(log);
        for (const auto& p : got) {
            const int q = static_cast<int>(p.period);
            std::int64_t start = 0, lost = 0, acquired = 0, returned = 0, end = 0, active = 0,
                         repeat = 0, orders = 0;
            for (int c = 0; c < 8; ++c) {
                const bool was = q > got.front().period && b.alive(c, q - 1, k);
                const bool is = b.alive(c, q, k);
                start += was;
                end += is;
                lost += was && !is;
                active += b.active(c, q);
                acquired += b.is_new(c, q);
                returned += b.active(c, q) && !b.is_new(c, q) && !was;
                repeat += b.active(c, q) && b.orders_up_to(c, q) >= 2;
                orders += b.orders_up_to(c, q) - b.orders_up_to(c, q - 1);
            }
            RC_ASSERT(p.start == start);
            RC_ASSERT(p.lost == lost);
            RC_ASSERT(p.acquired == acquired);
            RC_ASSERT(p.returned == returned);
            RC_ASSERT(p.end == end);
            RC_ASSERT(p.active == active);
            RC_ASSERT(p.repeat == repeat);
            RC_ASSERT(p.orders == orders);
            RC_ASSERT(p.end == p.start - p.lost + p.acquired + p.returned);
        }
    });
}

TEST_CASE("activity: the order of the rows does not matter") {
    rc::prop("permutation", [] {
        const auto log =
            by_time(*rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events())));
        churn::activity_options o;
        o.inactive_after = *rc::gen::inRange(1, 4);
        o.orders = *rc::gen::element(churn::order_rule::distinct, churn::order_rule::days,
                                     churn::order_rule::rows);
        o.revenue_movements =
            *rc::gen::arbitrary<bool>() &&
            std::none_of(log.begin(), log.end(), [](const event& e) { return e.cents < 0; });
        const auto sorted = run(log, o);  // sorted mode on a sorted log
        o.unsorted = true;
        auto mixed = log;
        std::mt19937 random(*rc::gen::arbitrary<unsigned>());
        std::shuffle(mixed.begin(), mixed.end(), random);
        const auto shuffled = run(mixed, o);
        RC_ASSERT(sorted.size() == shuffled.size());
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const auto& a = sorted[i];
            const auto& b = shuffled[i];
            const auto counts = [](const churn::activity_period& p) {
                return std::vector{p.start, p.lost,   p.acquired, p.returned,
                                   p.end,   p.active, p.orders,   p.repeat};
            };
            RC_ASSERT(counts(a) == counts(b));
            RC_ASSERT(a.revenue == b.revenue);
            if (a.movements) {
                RC_ASSERT(a.movements->churned == b.movements->churned);
                RC_ASSERT(a.movements->reactivation == b.movements->reactivation);
                RC_ASSERT(a.movements->expansion == b.movements->expansion);
                RC_ASSERT(a.movements->contraction == b.movements->contraction);
                RC_ASSERT(a.movements->new_revenue == b.movements->new_revenue);
            }
        }
    });
}

TEST_CASE("activity: every row an order counts at least the distinct orders") {
    rc::prop("rows ≥ distinct ≥ days", [] {
        const auto log =
            by_time(*rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events())));
        churn::activity_options o;
        o.orders = churn::order_rule::rows;
        const auto rows = run(log, o);
        o.orders = churn::order_rule::distinct;
        const auto distinct = run(log, o);
        o.orders = churn::order_rule::days;
        const auto days = run(log, o);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            RC_ASSERT(rows[i].orders >= distinct[i].orders);
            RC_ASSERT(distinct[i].orders >= days[i].orders);
            RC_ASSERT(rows[i].repeat >= distinct[i].repeat);
        }
    });
}

namespace {

/// --order values: one byte, two, long ones that differ only in their last byte, and none
/// (the row's timestamp is then its order).
const std::vector<std::string> order_values = {"",
                                               "1",
                                               "2",
                                               "3",
                                               "o1",
                                               "o2",
                                               "o15",
                                               std::string(39, 'x') + "1",
                                               std::string(39, 'x') + "2",
                                               std::string(16, 'y'),
                                               std::string(8, 'z'),
                                               std::string(9, 'z')};

struct order_event {
    event e;
    int order;  ///< index into order_values
};

rc::Gen<order_event> order_events() {
    return rc::gen::build<order_event>(
        rc::gen::set(&order_event::e, events()),
        rc::gen::set(&order_event::order,
                     rc::gen::inRange(0, static_cast<int>(order_values.size()))));
}

/// Distinct (customer, order), each counted in the earliest period of its rows; without a
/// value, (customer, timestamp).
std::map<int, std::multiset<int>> first_periods(const std::vector<order_event>& log) {
    std::map<std::pair<int, std::string>, int> first;
    for (const auto& [e, order] : log) {
        if (e.cents < 0)
            continue;
        const std::string& v = order_values[static_cast<std::size_t>(order)];
        // Timestamps as keys of their own kind: a tag an id cannot hold.
        const std::string key = v.empty() ? std::to_string(e.period * 1000 + e.second) + "\n" : v;
        auto [it, fresh] = first.try_emplace({e.customer, key}, e.period);
        it->second = std::min(it->second, e.period);
    }
    std::map<int, std::multiset<int>> out;
    for (const auto& [key, period] : first)
        out[key.first].insert(period);
    return out;
}

}  // namespace

TEST_CASE("activity: an order id is one order, counted in its first period, in any row order") {
    rc::prop("order ids", [] {
        auto log = *rc::gen::nonEmpty(rc::gen::container<std::vector<order_event>>(order_events()));
        churn::activity_options o;
        o.unsorted = *rc::gen::arbitrary<bool>();
        if (!o.unsorted)  // sorted mode needs the rows of each timestamp-keyed order in time
            std::stable_sort(log.begin(), log.end(), [](const auto& a, const auto& b) {
                return std::pair(a.e.period, a.e.second) < std::pair(b.e.period, b.e.second);
            });
        std::mt19937 random(*rc::gen::arbitrary<unsigned>());
        if (o.unsorted)
            std::shuffle(log.begin(), log.end(), random);
        churn::activity a(o);
        for (const auto& [e, order] : log) {
            churn::activity_row r = row_of(e);
            r.order = order_values[static_cast<std::size_t>(order)];
            a.add(r);
        }
        const auto orders = first_periods(log);
        for (const auto& p : a.periods()) {
            std::int64_t count = 0, repeat = 0;
            for (const auto& [c, periods] : orders) {
                count += static_cast<std::int64_t>(periods.count(static_cast<int>(p.period)));
                const bool active = std::any_of(log.begin(), log.end(), [&](const auto& x) {
                    return x.e.customer == c && x.e.cents >= 0 && x.e.period == p.period;
                });
                const auto up_to =
                    std::distance(periods.begin(), periods.upper_bound(static_cast<int>(p.period)));
                repeat += active && up_to >= 2;
            }
            RC_ASSERT(p.orders == count);
            RC_ASSERT(p.repeat == repeat);
        }
        std::int64_t repeat_customers = 0;
        for (const auto& [c, periods] : orders)
            repeat_customers += periods.size() >= 2;
        RC_ASSERT(a.totals().repeat_customers == repeat_customers);
    });
}
