// Unit tests of include/churn/cohort.hpp: cohort tables of hand-made logs, with periods as
// plain indices (date.hpp makes them from dates), each figure worked by hand.

#include <churn/activity.hpp>
#include <churn/cohort.hpp>

#include "catch.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using churn::activity;
using churn::activity_options;
using churn::activity_row;
using churn::cohort_options;
using churn::cohort_table;
using churn::retention_kind;

namespace {

activity_row row(const char* id, std::int64_t p, std::int64_t cents) {
    activity_row r;
    r.customer = id;
    r.period = p;
    r.day = p;
    r.micros = p;
    r.amount = churn::decimal{cents, 2};
    return r;
}

/// The contract's log: a and b first in 0, c in 1; a again in 1, b in 2; c refunds 1.00 in 2.
std::vector<activity_row> small_log() {
    return {row("a", 0, 1000), row("b", 0, 500), row("a", 1, 700),
            row("c", 1, 300),  row("b", 2, 400), row("c", 2, -100)};
}

activity fed(const std::vector<activity_row>& rows, bool unsorted = true) {
    activity_options o;
    o.orders = churn::order_rule::rows;
    o.cohort_revenue = true;
    o.unsorted = unsorted;
    activity a(o);
    for (const auto& r : rows)
        a.add(r);
    return a;
}

/// Every figure of a table, to compare two.
std::string dump(const cohort_table& t) {
    std::string out;
    const auto cell = [&](const churn::cohort_cell& c) {
        out += std::to_string(c.customers) + " " + std::to_string(c.active) + " " +
               std::to_string(static_cast<long long>(c.revenue.units)) + " " +
               std::to_string(static_cast<long long>(c.cumulative.units)) + ";";
    };
    for (const auto& c : t.cohorts) {
        out += std::to_string(c.period) + ":";
        for (const auto& x : c.cells)
            cell(x);
        out += "\n";
    }
    for (const auto& x : t.all)
        cell(x);
    return out;
}

/// The table of the unsorted mode (revenue per customer); where the rows are sorted, the
/// sorted mode (revenue per cohort as it comes) must give the same.
cohort_table table(const std::vector<activity_row>& rows, cohort_options o = {}) {
    cohort_table t = fed(rows).cohorts(o);
    std::string sorted;
    try {
        sorted = dump(fed(rows, false).cohorts(o));
    } catch (const churn::unsorted_log&) {
        return t;
    }
    CHECK(sorted == dump(t));
    return t;
}

/// active per age of each cohort, then of the average.
std::vector<std::vector<std::int64_t>> actives(const cohort_table& t) {
    std::vector<std::vector<std::int64_t>> out;
    for (const auto& c : t.cohorts) {
        out.emplace_back();
        for (const auto& x : c.cells)
            out.back().push_back(x.active);
    }
    out.emplace_back();
    for (const auto& x : t.all)
        out.back().push_back(x.active);
    return out;
}

/// num/den of a rate, as "num/den", to compare exactly.
std::string exact(const std::optional<churn::fraction>& f) {
    REQUIRE(f);
    return std::to_string(static_cast<long long>(f->num)) + "/" +
           std::to_string(static_cast<long long>(f->den));
}

std::string cents(const churn::decimal& d) {
    REQUIRE(d.scale == 2);
    return std::to_string(static_cast<long long>(d.units));
}

}  // namespace

TEST_CASE("cohort: classic retention of a hand-made log, the triangle and its sizes") {
    const cohort_table t = table(small_log());
    REQUIRE(t.cohorts.size() == 2);
    CHECK(t.cohorts[0].period == 0);
    CHECK(t.cohorts[0].customers == 2);
    CHECK(t.cohorts[1].period == 1);
    CHECK(t.cohorts[1].customers == 1);
    // Cells past the last period do not exist: ages 0 … 2 for cohort 0, 0 … 1 for cohort 1.
    CHECK(actives(t) == std::vector<std::vector<std::int64_t>>{{2, 1, 1}, {1, 0}, {3, 1, 1}});
}

TEST_CASE("cohort: unbounded retention counts a customer active at any later age") {
    cohort_options o;
    o.retention = retention_kind::unbounded;
    const cohort_table t = table(small_log(), o);
    // b orders in 0 and 2: retained at 1 too; c only refunds in 2: not active there.
    CHECK(actives(t) == std::vector<std::vector<std::int64_t>>{{2, 2, 1}, {1, 0}, {3, 2, 1}});
}

TEST_CASE("cohort: revenue per age includes refunds and LTV accumulates it per customer") {
    const cohort_table t = table(small_log());
    const auto& first = t.cohorts[0].cells;
    CHECK(cents(first[0].revenue) == "1500");
    CHECK(cents(first[1].revenue) == "700");
    CHECK(cents(first[2].revenue) == "400");
    CHECK(cents(first[2].cumulative) == "2600");
    CHECK(exact(churn::cohort_ltv_fraction(first[2])) == "2600/200");  // 13.00
    const auto& second = t.cohorts[1].cells;
    CHECK(cents(second[1].revenue) == "-100");  // the refund: revenue, not activity
    CHECK(second[1].active == 0);
    CHECK(cents(second[1].cumulative) == "200");
}

TEST_CASE("cohort: the all row sums each age over the cohorts that reached it") {
    const cohort_table t = table(small_log());
    REQUIRE(t.all.size() == 3);
    CHECK(t.all[0].customers == 3);
    CHECK(t.all[1].customers == 3);  // both cohorts reached age 1
    CHECK(t.all[2].customers == 2);  // only the first reached age 2
    // Weighted by size: (1 + 0) / (2 + 1) = 1/3, not the mean of 1/2 and 0 (1/4).
    CHECK(exact(churn::cohort_retention_fraction(t.all[1])) == "1/3");
    CHECK(cents(t.all[1].revenue) == "600");
    CHECK(exact(churn::cohort_ltv_fraction(t.all[1])) == "2400/300");  // 8.00
}

TEST_CASE("cohort: a period without a first order is no cohort, and a cohort of one") {
    // x first in 0, y first in 3: periods 1 and 2 have none.
    const cohort_table t = table({row("x", 0, 100), row("x", 2, 100), row("y", 3, 100)});
    REQUIRE(t.cohorts.size() == 2);
    CHECK(t.cohorts[1].period == 3);
    CHECK(t.cohorts[1].customers == 1);
    CHECK(actives(t) == std::vector<std::vector<std::int64_t>>{{1, 0, 1, 0}, {1}, {2, 0, 1, 0}});
}

TEST_CASE("cohort: rows in any order give the same table") {
    auto rows = small_log();
    std::reverse(rows.begin(), rows.end());
    CHECK_THROWS_AS(fed(rows, false), churn::unsorted_log);  // the sorted mode knows it is not
    CHECK(actives(table(rows)) == actives(table(small_log())));
    CHECK(cents(table(rows).cohorts[0].cells[2].cumulative) == "2600");
}

TEST_CASE("cohort: --from leaves earlier cohorts out and --to cuts the ages") {
    cohort_options o;
    o.first = 1;
    const cohort_table from = table(small_log(), o);
    REQUIRE(from.cohorts.size() == 1);  // a and b are of cohort 0: history
    CHECK(from.cohorts[0].period == 1);
    o = {};
    o.last = 1;
    const cohort_table to = table(small_log(), o);
    CHECK(actives(to) == std::vector<std::vector<std::int64_t>>{{2, 1}, {1}, {3, 1}});
    CHECK(cents(to.cohorts[0].cells[1].cumulative) == "2200");
    o.last = 4;  // past the log: ages up to 4, none active
    CHECK(actives(table(small_log(), o))[0] == std::vector<std::int64_t>{2, 1, 1, 0, 0});
}

TEST_CASE(
    "cohort: a refund before the first order is in no cell, a refund-only customer in no cohort") {
    const cohort_table t =
        table({row("r", 0, -500), row("r", 1, 1000), row("only", 1, -200), row("r", 2, 100)});
    REQUIRE(t.cohorts.size() == 1);
    CHECK(t.cohorts[0].period == 1);
    CHECK(t.cohorts[0].customers == 1);
    CHECK(cents(t.cohorts[0].cells[0].revenue) == "1000");
    CHECK(cents(t.cohorts[0].cells[1].cumulative) == "1100");
}

TEST_CASE("cohort: a refund before the first order of its own period is the cohort's revenue") {
    // s refunds, then orders, both in period 1; the earlier refund of period 0 is in no cell.
    const cohort_table t = table({row("s", 0, -300), row("s", 1, -50), row("s", 1, 200)});
    REQUIRE(t.cohorts.size() == 1);
    CHECK(cents(t.cohorts[0].cells[0].revenue) == "150");
}

TEST_CASE("cohort: the customers behind a cell, classic and unbounded") {
    const activity a = fed(small_log());
    const auto ids = [&](retention_kind k, std::int64_t c, std::int64_t age) {
        cohort_options o;
        o.retention = k;
        std::vector<std::string> out;
        for (const auto& x : a.cohort_customers(o, c, age))
            out.emplace_back(x.id);
        return out;
    };
    CHECK(ids(retention_kind::classic, 0, 0) == std::vector<std::string>{"a", "b"});
    CHECK(ids(retention_kind::classic, 0, 1) == std::vector<std::string>{"a"});
    CHECK(ids(retention_kind::unbounded, 0, 1) == std::vector<std::string>{"a", "b"});
    CHECK(ids(retention_kind::classic, 1, 1).empty());
}

TEST_CASE("cohort: hundreds of periods, no limit") {
    std::vector<activity_row> rows;
    for (std::int64_t p = 0; p < 400; ++p)
        rows.push_back(row("loyal", p, 100));
    rows.push_back(row("late", 399, 100));
    const cohort_table t = table(rows);
    REQUIRE(t.cohorts.size() == 2);
    CHECK(t.cohorts[0].cells.size() == 400);
    CHECK(t.cohorts[0].cells[399].active == 1);
    CHECK(t.all.size() == 400);
    CHECK(t.all[0].customers == 2);
    CHECK(t.all[399].customers == 1);
}
