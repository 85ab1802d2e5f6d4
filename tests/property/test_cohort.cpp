// Properties of the cohort table (churn/cohort.hpp) on random logs: every cell equals SPEC §7
// applied literally (a brute force over each customer's rows), in both of the aggregator's
// modes (revenue per cohort as the sorted rows come, per customer when unsorted), whatever
// the order of the rows; unbounded retention is at least classic and never rises with age.

#include <churn/activity.hpp>
#include <churn/cohort.hpp>

#include <rapidcheck/catch.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

struct event {
    int customer;  ///< 0 … 7
    int period;    ///< 0 … 9
    int cents;     ///< negative: a refund
};

const std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g", "h"};

rc::Gen<event> events() {
    return rc::gen::build<event>(rc::gen::set(&event::customer, rc::gen::inRange(0, 8)),
                                 rc::gen::set(&event::period, rc::gen::inRange(0, 10)),
                                 rc::gen::set(&event::cents, rc::gen::inRange(-300, 1000)));
}

std::vector<event> by_time(std::vector<event> log) {
    std::stable_sort(log.begin(), log.end(),
                     [](const event& a, const event& b) { return a.period < b.period; });
    return log;
}

churn::cohort_table run(const std::vector<event>& log, const churn::cohort_options& c,
                        bool unsorted) {
    churn::activity_options o;
    o.orders = churn::order_rule::rows;
    o.cohort_revenue = true;
    o.unsorted = unsorted;
    churn::activity a(o);
    for (const auto& e : log) {
        churn::activity_row r;
        r.customer = ids[static_cast<std::size_t>(e.customer)];
        r.period = e.period;
        r.micros = e.period;
        r.day = e.period;
        r.amount = churn::decimal{e.cents, 2};
        a.add(r);
    }
    return a.cohorts(c);
}

/// One cell as §7 words it: customers, active, revenue and cumulative revenue in cents.
struct cell {
    std::int64_t customers = 0, active = 0, revenue = 0, cumulative = 0;
    bool operator==(const cell&) const = default;
};

/// SPEC §7 literally, cohort by cohort and age by age, over the periods first … last.
std::map<int, std::vector<cell>> brute(const std::vector<event>& log, int first, int last,
                                       churn::retention_kind kind) {
    std::map<int, int> cohort;  // customer → period of the first order (a row with cents ≥ 0)
    for (const auto& e : log)
        if (e.cents >= 0 && (!cohort.count(e.customer) || e.period < cohort[e.customer]))
            cohort[e.customer] = e.period;
    std::map<int, std::vector<cell>> out;
    for (int c = first; c <= last; ++c) {
        std::vector<int> members;
        for (const auto& [x, p] : cohort)
            if (p == c)
                members.push_back(x);
        if (members.empty())
            continue;
        std::int64_t cumulative = 0;
        for (int k = 0; c + k <= last; ++k) {
            cell v;
            v.customers = static_cast<std::int64_t>(members.size());
            for (const int x : members) {
                bool active = false;
                for (const auto& e : log) {
                    if (e.customer != x || e.period > last)
                        continue;
                    if (e.period == c + k)
                        v.revenue += e.cents;
                    if (e.cents >= 0 &&
                        (kind == churn::retention_kind::classic ? e.period == c + k
                                                                : e.period >= c + k))
                        active = true;
                }
                v.active += active;
            }
            cumulative += v.revenue;
            v.cumulative = cumulative;
            out[c].push_back(v);
        }
    }
    return out;
}

std::map<int, std::vector<cell>> cells_of(const churn::cohort_table& t) {
    std::map<int, std::vector<cell>> out;
    for (const auto& c : t.cohorts)
        for (const auto& x : c.cells)
            out[static_cast<int>(c.period)].push_back(
                {x.customers, x.active, static_cast<std::int64_t>(x.revenue.units),
                 static_cast<std::int64_t>(x.cumulative.units)});
    return out;
}

}  // namespace

TEST_CASE("cohort: properties") {
    rc::prop("every cell is SPEC §7 applied literally, in both modes and any row order", [] {
        const auto log = *rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events()));
        const bool unbounded = *rc::gen::arbitrary<bool>();
        const auto from = *rc::gen::maybe(rc::gen::inRange(0, 10));
        const auto to = *rc::gen::maybe(rc::gen::inRange(0, 12));
        churn::cohort_options o;
        o.retention = unbounded ? churn::retention_kind::unbounded : churn::retention_kind::classic;
        if (from)
            o.first = *from;
        if (to)
            o.last = *to;
        // Rows after --to are not fed, as the reader ignores them.
        std::vector<event> fed;
        for (const auto& e : log)
            if (!to || e.period <= *to)
                fed.push_back(e);
        RC_PRE(!fed.empty());
        int lo = fed.front().period, hi = lo;
        for (const auto& e : fed) {
            lo = std::min(lo, e.period);
            hi = std::max(hi, e.period);
        }
        const int first = from ? *from : lo;
        const int last = to ? *to : hi;
        const auto expected = brute(fed, first, last, o.retention);
        const auto shuffled = *rc::gen::arbitrary<bool>() ? fed : by_time(fed);
        RC_ASSERT(cells_of(run(shuffled, o, true)) == expected);
        RC_ASSERT(cells_of(run(by_time(fed), o, false)) == expected);
    });

    rc::prop("the all row sums the cohorts that reached each age", [] {
        const auto log = *rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events()));
        const auto t = run(log, {}, true);
        for (std::size_t k = 0; k < t.all.size(); ++k) {
            cell sum;
            for (const auto& c : t.cohorts)
                if (k < c.cells.size()) {
                    sum.customers += c.cells[k].customers;
                    sum.active += c.cells[k].active;
                    sum.revenue += static_cast<std::int64_t>(c.cells[k].revenue.units);
                    sum.cumulative += static_cast<std::int64_t>(c.cells[k].cumulative.units);
                }
            const auto& a = t.all[k];
            RC_ASSERT(sum ==
                      (cell{a.customers, a.active, static_cast<std::int64_t>(a.revenue.units),
                            static_cast<std::int64_t>(a.cumulative.units)}));
        }
    });

    rc::prop("unbounded retention is at least classic and never rises with age", [] {
        const auto log = *rc::gen::nonEmpty(rc::gen::container<std::vector<event>>(events()));
        churn::cohort_options u;
        u.retention = churn::retention_kind::unbounded;
        const auto classic = run(log, {}, true);
        const auto unbounded = run(log, u, true);
        RC_ASSERT(classic.cohorts.size() == unbounded.cohorts.size());
        for (std::size_t i = 0; i < classic.cohorts.size(); ++i) {
            const auto& c = classic.cohorts[i].cells;
            const auto& v = unbounded.cohorts[i].cells;
            RC_ASSERT(c.front().active == c.front().customers);  // age 0: every customer
            for (std::size_t k = 0; k < c.size(); ++k) {
                RC_ASSERT(v[k].active >= c[k].active);
                if (k > 0)
                    RC_ASSERT(v[k].active <= v[k - 1].active);
            }
        }
    });
}
