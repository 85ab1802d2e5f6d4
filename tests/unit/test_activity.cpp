// Unit tests of include/churn/activity.hpp: every quantity of SPEC §6 on hand-made logs, with
// periods as plain indices (date.hpp makes them from dates).

#include <churn/activity.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using churn::activity;
using churn::activity_options;
using churn::activity_period;
using churn::activity_row;
using churn::order_rule;

namespace {

/// A row of customer `id` in period p at `micros`, for `cents` / 100.
activity_row row(const char* id, std::int64_t p, std::int64_t micros, std::int64_t cents,
                 const char* order = "") {
    activity_row r;
    r.customer = id;
    r.period = p;
    r.day = micros;
    r.micros = micros;
    r.amount = churn::decimal{cents, 2};
    r.order = order;
    return r;
}

/// A: orders in 0, 1, 3; B: two orders in 0, one in 2; C: one in 1, refunded in 2.
std::vector<activity_row> log() {
    return {row("A", 0, 1, 1000),  row("B", 0, 2, 100),  row("B", 0, 3, 200),
            row("A", 1, 10, 550),  row("C", 1, 11, 400), row("B", 2, 20, 300),
            row("C", 2, 21, -400), row("A", 3, 30, 225)};
}

std::vector<activity_period> periods_of(const std::vector<activity_row>& rows,
                                        activity_options o = {}) {
    activity a(o);
    for (const auto& r : rows)
        a.add(r);
    return a.periods();
}

/// start, lost, new, returned, end, active, orders, repeat.
std::vector<std::int64_t> counts(const activity_period& p) {
    return {p.start, p.lost, p.acquired, p.returned, p.end, p.active, p.orders, p.repeat};
}

}  // namespace

TEST_CASE("activity: every count of a hand-made log with K = 1") {
    const auto p = periods_of(log());
    REQUIRE(p.size() == 4);
    //                                 S  L  N  R  E  act ord rep
    CHECK(counts(p[0]) == std::vector<std::int64_t>{0, 0, 2, 0, 2, 2, 3, 1});
    CHECK(counts(p[1]) == std::vector<std::int64_t>{2, 1, 1, 0, 2, 2, 2, 1});
    CHECK(counts(p[2]) == std::vector<std::int64_t>{2, 2, 0, 1, 1, 1, 1, 1});
    CHECK(counts(p[3]) == std::vector<std::int64_t>{1, 1, 0, 1, 1, 1, 1, 1});
    CHECK(churn::to_string(p[0].revenue) == "13.00");
    CHECK(churn::to_string(p[1].revenue) == "9.50");
    CHECK(churn::to_string(p[2].revenue) == "-1.00");  // the refund counts in revenue
    CHECK(churn::to_string(p[3].revenue) == "2.25");
    for (const auto& x : p)
        CHECK(x.end == x.start - x.lost + x.acquired + x.returned);
}

TEST_CASE("activity: K = 3 keeps customers through gaps of up to 3 periods") {
    activity_options o;
    o.inactive_after = 3;
    const auto p = periods_of(log(), o);
    REQUIRE(p.size() == 4);
    CHECK(counts(p[0]) == std::vector<std::int64_t>{0, 0, 2, 0, 2, 2, 3, 1});
    CHECK(counts(p[1]) == std::vector<std::int64_t>{2, 0, 1, 0, 3, 2, 2, 1});
    CHECK(counts(p[2]) == std::vector<std::int64_t>{3, 0, 0, 0, 3, 1, 1, 1});
    CHECK(counts(p[3]) == std::vector<std::int64_t>{3, 0, 0, 0, 3, 1, 1, 1});
    // Asked for later periods, the losses after the last orders show: C at 1 + 3, B at 5.
    activity a(o);
    for (const auto& r : log())
        a.add(r);
    const auto later = a.periods(0, 6);
    REQUIRE(later.size() == 7);
    CHECK(later[4].lost == 1);
    CHECK(later[5].lost == 1);
    CHECK(later[6].lost == 1);
    CHECK(later[6].end == 0);
}

TEST_CASE("activity: an order exactly K periods later keeps the customer, K + 1 returns them") {
    for (const int k : {1, 3, 12}) {
        activity_options o;
        o.inactive_after = k;
        activity a(o);
        a.add(row("D", 0, 1, 100));
        a.add(row("E", 0, 2, 100));
        a.add(row("D", k, 10, 100));      // gap K: alive throughout
        a.add(row("E", k + 1, 20, 100));  // gap K + 1: lost at K, returned at K + 1
        const auto p = a.periods();
        REQUIRE(p.size() == static_cast<std::size_t>(k + 2));
        CHECK(p[static_cast<std::size_t>(k)].returned == 0);
        CHECK(p[static_cast<std::size_t>(k)].lost == 1);
        CHECK(p[static_cast<std::size_t>(k)].end == 1);
        CHECK(p[static_cast<std::size_t>(k + 1)].returned == 1);
        // D's order at K is lost at 2K, which is K + 1 when K = 1.
        CHECK(p[static_cast<std::size_t>(k + 1)].lost == (k == 1 ? 1 : 0));
        CHECK(p[static_cast<std::size_t>(k + 1)].end == (k == 1 ? 1 : 2));
    }
}

TEST_CASE("activity: rows of one order are one order, unless --orders rows") {
    const std::vector<activity_row> rows = {row("A", 0, 5, 100), row("A", 0, 5, 200),
                                            row("A", 0, 6, 100, "")};
    CHECK(periods_of(rows)[0].orders == 2);
    CHECK(periods_of(rows)[0].repeat == 1);
    activity_options o;
    o.orders = order_rule::rows;
    CHECK(periods_of(rows, o)[0].orders == 3);
    o.orders = order_rule::days;
    const std::vector<activity_row> days = {row("A", 0, 5, 100), row("A", 0, 5, 200)};
    CHECK(periods_of(days, o)[0].orders == 1);
    CHECK(periods_of(days, o)[0].repeat == 0);
    // With an order column, the order value decides, whatever the times.
    const std::vector<activity_row> keyed = {row("A", 0, 5, 100, "X1"), row("A", 0, 6, 200, "X1"),
                                             row("A", 0, 7, 100, "X2")};
    CHECK(periods_of(keyed)[0].orders == 2);
}

TEST_CASE("activity: order ids of every length from 0 to 40 bytes are told apart") {
    // One-byte ids once all hashed alike: "1", "2", "3" were one order.
    for (std::size_t n = 0; n <= 40; ++n) {
        for (const bool unsorted : {false, true}) {
            std::vector<std::string> ids;
            for (char last : {'1', '2', '3'})
                ids.push_back(n == 0 ? std::string() : std::string(n - 1, 'x') + last);
            activity_options o;
            o.unsorted = unsorted;
            const std::vector<activity_row> rows = {
                row("a", 0, 1, 100, ids[0].c_str()), row("a", 0, 2, 100, ids[1].c_str()),
                row("a", 2, 3, 100, ids[2].c_str()), row("a", 2, 4, 100, ids[0].c_str())};
            const auto p = periods_of(rows, o);
            INFO("id length " << n << (unsorted ? ", unsorted" : ", sorted"));
            // Without a value, each row's timestamp is its order: 2, 0, 2.
            CHECK(p[0].orders == 2);
            CHECK(p[1].orders == 0);
            CHECK(p[2].orders == (n == 0 ? 2 : 1));
        }
    }
}

TEST_CASE("activity: an order id that recurs in a later period is counted in its first") {
    // o1 in 0 and again in 2, o2 in 1: orders 1, 1, 0 and repeat from 1, in every row order.
    std::vector<activity_row> rows = {row("a", 0, 5, 100, "o1"), row("a", 1, 35, 100, "o2"),
                                      row("a", 2, 65, 100, "o1")};
    std::sort(rows.begin(), rows.end(),
              [](const activity_row& x, const activity_row& y) { return x.micros < y.micros; });
    do {
        for (const bool unsorted : {false, true}) {
            activity_options o;
            o.unsorted = unsorted;
            const auto p = periods_of(rows, o);
            REQUIRE(p.size() == 3);
            CHECK(p[0].orders == 1);
            CHECK(p[1].orders == 1);
            CHECK(p[2].orders == 0);
            CHECK(p[0].repeat == 0);
            CHECK(p[1].repeat == 1);
            CHECK(p[2].repeat == 1);  // active in 2, two orders up to its end
        }
    } while (std::next_permutation(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
        return x.micros < y.micros;
    }));
    // A second order seen late moves the customer's repeat period back: o2 in 3, then in 1.
    const std::vector<activity_row> late = {row("b", 0, 5, 100, "o1"), row("b", 3, 95, 100, "o2"),
                                            row("b", 1, 35, 100, "o2")};
    activity_options o;
    o.unsorted = true;
    const auto p = periods_of(late, o);
    CHECK(p[1].orders == 1);
    CHECK(p[3].orders == 0);
    CHECK(p[1].repeat == 1);
}

TEST_CASE("activity: an unsorted log gives the sorted log's periods") {
    auto rows = log();
    std::mt19937 random(7);
    activity_options o;
    o.unsorted = true;
    const auto sorted = periods_of(rows, o);
    for (int i = 0; i < 20; ++i) {
        std::shuffle(rows.begin(), rows.end(), random);
        const auto p = periods_of(rows, o);
        REQUIRE(p.size() == sorted.size());
        for (std::size_t j = 0; j < p.size(); ++j) {
            CHECK(counts(p[j]) == counts(sorted[j]));
            CHECK(p[j].revenue == sorted[j].revenue);
        }
    }
}

TEST_CASE("activity: sorted mode stops at a row older than its customer's last") {
    activity a;
    a.add(row("A", 1, 10, 100));
    CHECK_THROWS_AS(a.add(row("A", 0, 5, 100)), churn::unsorted_log);
    // Another customer's older row is fine: sorted means per customer.
    activity b;
    b.add(row("A", 1, 10, 100));
    CHECK_NOTHROW(b.add(row("B", 0, 5, 100)));
}

TEST_CASE("activity: a long span of periods spills out of the inline bits") {
    activity a;
    a.add(row("A", 0, 1, 100));
    a.add(row("A", 100, 2, 100));
    a.add(row("A", 230, 3, 100));
    const auto p = a.periods();
    REQUIRE(p.size() == 231);
    CHECK(p[1].lost == 1);
    CHECK(p[100].returned == 1);
    CHECK(p[230].returned == 1);
    CHECK(p[230].end == 1);
    activity_options o;
    o.unsorted = true;
    activity b(o);  // inserted backwards: the bits move
    b.add(row("A", 230, 3, 100));
    b.add(row("A", 100, 2, 100));
    b.add(row("A", 0, 1, 100));
    b.add(row("A", 50, 4, 100));
    const auto q = b.periods();
    CHECK(q[50].returned == 1);
    CHECK(q[0].acquired == 1);
}

TEST_CASE("activity: totals and the customers behind a cell") {
    activity_options o;
    o.customer_details = true;
    activity a(o);
    for (const auto& r : log())
        a.add(r);
    const auto t = a.totals();
    CHECK(t.customers == 3);
    CHECK(t.orders == 7);
    CHECK(t.repeat_customers == 2);
    CHECK(churn::to_string(t.revenue) == "23.75");
    const auto lost = a.customers(churn::activity_cell::lost, 2);
    REQUIRE(lost.size() == 2);
    CHECK(lost[0].id == "A");
    CHECK(lost[0].orders == 3);
    CHECK(churn::to_string(lost[0].revenue) == "17.75");
    CHECK(lost[1].id == "C");
    CHECK(churn::to_string(lost[1].revenue) == "0.00");
    CHECK(a.customers(churn::activity_cell::returned, 3).at(0).id == "A");
    CHECK(a.customers(churn::activity_cell::acquired, 1).at(0).id == "C");
    CHECK(a.customers(churn::activity_cell::active, 0).size() == 2);
}

TEST_CASE("activity: revenue movements per customer against the period before") {
    activity_options o;
    o.revenue_movements = true;
    // X: 10, 15, 5, –, 7; Y: new in 1 with 20, then 20.
    const std::vector<activity_row> rows = {row("X", 0, 1, 1000), row("X", 1, 2, 1500),
                                            row("Y", 1, 3, 2000), row("X", 2, 4, 500),
                                            row("Y", 2, 5, 2000), row("X", 4, 6, 700)};
    const auto p = periods_of(rows, o);
    REQUIRE(p.size() == 5);
    const auto m = [&](std::size_t i) { return *p[i].movements; };
    CHECK(churn::to_string(m(0).new_revenue) == "10.00");
    CHECK(churn::to_string(m(1).start) == "10.00");
    CHECK(churn::to_string(m(1).expansion) == "5.00");
    CHECK(churn::to_string(m(1).new_revenue) == "20.00");
    CHECK(churn::to_string(m(2).contraction) == "10.00");
    CHECK(churn::to_string(m(3).churned) == "25.00");  // X's 5 and Y's 20
    CHECK(churn::to_string(m(4).reactivation) == "7.00");
    CHECK(churn::to_string(m(4).end) == "7.00");
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto x = m(i);
        CHECK(churn::to_string(x.end) ==
              churn::to_string(
                  churn::add(churn::add(churn::add(x.start, churn::decimal{-x.churned.units, 2}),
                                        churn::decimal{-x.contraction.units, 2}),
                             churn::add(churn::add(x.expansion, x.reactivation), x.new_revenue))));
    }
    activity bad(o);
    bad.add(row("X", 0, 1, -100));
    CHECK_THROWS_AS(bad.periods(), churn::negative_revenue);
}

TEST_CASE("activity: the tables grow: many customers and, unsorted, many distinct orders") {
    activity_options o;
    o.unsorted = true;
    activity a(o);
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i)
        ids.push_back("customer-with-a-long-id-" + std::to_string(i));  // past 16 bytes: the arena
    for (int round = 0; round < 2; ++round)  // the second round repeats every order
        for (int i = 19999; i >= 0; --i) {
            auto r = row("", i % 3, 1000 - i % 7, 100);
            r.customer = ids[static_cast<std::size_t>(i)];
            a.add(r);
            r.micros += 10000;  // a second, distinct order
            a.add(r);
        }
    const auto t = a.totals();
    CHECK(t.customers == 20000);
    CHECK(t.orders == 40000);
    CHECK(t.repeat_customers == 20000);
    CHECK(a.customers(churn::activity_cell::acquired, 2).size() == 6666);
}

TEST_CASE("activity: the order ids grow: many of them, short and long, sorted or not") {
    for (const bool unsorted : {false, true}) {
        activity_options o;
        o.unsorted = unsorted;
        activity a(o);
        std::vector<std::string> orders;
        for (int i = 0; i < 30000; ++i)
            orders.push_back(i % 2 ? std::to_string(i) : "invoice-" + std::to_string(i) + "-x");
        for (int round = 0; round < 2; ++round)  // the second round repeats every order
            for (int i = 0; i < 30000; ++i) {
                auto r = row(i % 3 ? "a" : "b", round, round * 100000 + i, 100);
                r.order = orders[static_cast<std::size_t>(i)];
                a.add(r);
            }
        const auto p = a.periods();
        CHECK(p[0].orders == 30000);
        CHECK(p[1].orders == 0);
        CHECK(a.totals().orders == 30000);
    }
}

TEST_CASE("activity: an amount too large for the sums' scale is an error, not a wrapped number") {
    auto big = row("A", 0, 1, 0);
    big.amount = churn::decimal{churn::int128{1} << 120, 0};  // 1.3 × 10^36, whole
    auto precise = row("A", 0, 2, 0);
    precise.amount = churn::decimal{1, 9};  // 0.000000001: the sums move to 9 decimals
    activity a;  // the big amount first: the sums cannot take 9 more decimals
    a.add(big);
    CHECK_THROWS_AS(a.add(precise), churn::error);
    activity b;  // the big amount last: it cannot be written in 9 decimals
    b.add(precise);
    CHECK_THROWS_AS(b.add(big), churn::error);
}
