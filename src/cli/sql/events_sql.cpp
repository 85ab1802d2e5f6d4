// SPEC §6 as SQL: the periods of churn events, each quantity by the definition of walk() in
// src/lib/activity.cpp, written through parts.hpp for any engine.
#include "cli/sql/model.hpp"
#include "cli/sql/parts.hpp"

#include <churn/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace churn::cli::sql {

namespace {

/// Orders of a customer in a period, by the --orders rule: distinct timestamps, distinct days,
/// or rows; refund rows are none.
std::string orders_of(const request& r) {
    switch (r.orders) {
        case order_rule::rows:
            return "sum(order_row)";
        case order_rule::days:
            return "count(DISTINCT CASE WHEN order_row = 1 THEN day END)";
        case order_rule::distinct:
            break;
    }
    return "count(DISTINCT CASE WHEN order_row = 1 THEN ts END)";
}

}  // namespace

std::string events_query(const request& r) {
    parts q(r);
    const dialect& d = q.d;
    q.add_rows();
    // An --order value is one order, counted in the period of its first row, active or not in
    // the periods of its other rows; a timestamp or a day lies in one period anyway.
    const bool keyed = q.keyed();
    if (keyed)
        q.step("orders", "an order: a distinct (customer, --order value), in its first period",
               "SELECT customer, period, count(*) AS orders\n    FROM (SELECT customer, order_key, "
               "min(period) AS period FROM log_rows WHERE order_row = 1 GROUP BY customer, "
               "order_key) o\n    GROUP BY customer, period");
    q.step("customer_periods",
           "per customer and period: orders, and revenue with refunds (a period of refunds only "
           "is not active)",
           keyed ? fmt::format("SELECT g.customer, g.period, sum(g.order_row) AS order_rows, "
                               "max(coalesce(o.orders, 0)) AS orders{}\n    FROM log_rows g\n    "
                               "LEFT JOIN orders o ON o.customer = g.customer AND o.period = "
                               "g.period\n    GROUP BY g.customer, g.period",
                               q.amounts() ? ", sum(g.units) AS revenue" : "")
                 : fmt::format("SELECT customer, period, sum(order_row) AS order_rows, {} AS "
                               "orders{}\n    FROM log_rows\n    GROUP BY customer, period",
                               orders_of(r), q.amounts() ? ", sum(units) AS revenue" : ""));
    const std::string w = "OVER (PARTITION BY customer ORDER BY period";
    q.step("active_periods",
           "a customer's active periods: the one before, the one after, and their orders so far",
           fmt::format("SELECT customer, period, orders,\n           lag(period) {0}) AS prev,\n  "
                       "         lead(period) {0}) AS next,\n           sum(orders) {0} ROWS "
                       "UNBOUNDED PRECEDING) AS orders_so_far\n    FROM customer_periods\n    "
                       "WHERE order_rows > 0",
                       w));
    const int k = r.inactive_after;
    q.step("period_counts",
           fmt::format("active; new: first order ever; returned: not alive at the end of the "
                       "period before (no order in the {} before); repeat: 2 or more orders so far",
                       k == 1 ? std::string("one") : std::to_string(k)),
           fmt::format("SELECT period, count(*) AS active, sum(orders) AS orders,\n           "
                       "sum(CASE WHEN prev IS NULL THEN 1 ELSE 0 END) AS acquired,\n           "
                       "sum(CASE WHEN prev < period - {0} THEN 1 ELSE 0 END) AS returned,\n        "
                       "   sum(CASE WHEN orders_so_far >= 2 THEN 1 ELSE 0 END) AS repeaters\n    "
                       "FROM active_periods\n    GROUP BY period",
                       k));
    q.step(
        "losses",
        fmt::format("lost in p: alive at the end of p - 1, not at the end of p: the last order "
                    "in p - {}, none since (K = {})",
                    k, k),
        fmt::format("SELECT period + {0} AS period, count(*) AS lost\n    FROM active_periods\n  "
                    "  WHERE next IS NULL OR next > period + {0}\n    GROUP BY period + {0}",
                    k));
    if (q.amounts())
        q.step("period_revenue", "revenue per period: every amount, refunds included",
               "SELECT period, sum(revenue) AS revenue\n    FROM customer_periods\n    GROUP BY "
               "period");
    q.step("periods", "every period from the first to the last, empty ones included",
           d.series("periods", "period", "lo", "hi", "bounds"));
    const auto zero = [](std::string_view table, std::string_view column) {
        return fmt::format("coalesce({}.{}, 0)", table, column);
    };
    q.step("movements",
           "end = start - lost + new + returned, summed from the first period; start is the end "
           "of the period before",
           fmt::format(
               "SELECT periods.period, {0} AS active, {1} AS orders, {2} AS acquired,\n           "
               "{3} AS returned, {4} AS repeaters, {5} AS lost,{6}\n           sum({2} + {3} - "
               "{5}) OVER (ORDER BY periods.period ROWS UNBOUNDED PRECEDING) AS alive_end\n    "
               "FROM periods\n    LEFT JOIN period_counts c ON c.period = periods.period\n    LEFT "
               "JOIN losses l ON l.period = periods.period{7}",
               zero("c", "active"), zero("c", "orders"), zero("c", "acquired"),
               zero("c", "returned"), zero("c", "repeaters"), zero("l", "lost"),
               q.amounts() ? fmt::format("\n           {} AS revenue,", zero("v", "revenue")) : "",
               q.amounts() ? "\n    LEFT JOIN period_revenue v ON v.period = periods.period" : ""));
    const std::string first = r.first_period ? std::to_string(*r.first_period) : "lo";
    q.step("report", "the periods reported, from --from on; alive at the start of each",
           fmt::format("SELECT m.*, alive_end - acquired - returned + lost AS alive_start,\n     "
                       "      CASE WHEN (m.period = {0} AND {1} = 1) OR (m.period = hi AND {2} = "
                       "1) THEN 1 ELSE 0 END AS partial\n    FROM movements m CROSS JOIN bounds\n  "
                       "  WHERE m.period >= {0}",
                       first, q.first_partial(first), q.last_partial()));

    // The counts, by their name in SPEC §6 and in the report step.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> counts = {{
        {"start", "alive_start"},
        {"lost", "lost"},
        {"new", "acquired"},
        {"returned", "returned"},
        {"end", "alive_end"},
        {"active", "active"},
        {"orders", "orders"},
        {"repeat", "repeaters"},
    }};
    std::string columns;
    for (const std::string& f : r.fields) {
        std::string v;
        const auto count =
            std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == f; });
        if (count != counts.end())
            v = d.bigint(std::string(count->second));
        else if (f == "period")
            v = q.label("period");
        else if (f == "churn_pct")
            v = q.percent("lost", "alive_start");
        else if (f == "retention_pct")
            v = q.percent("alive_start - lost", "alive_start");
        else if (f == "rpr_pct")
            v = q.percent("repeaters", "active");
        else if (f == "revenue")
            v = q.money("revenue");
        else if (f == "arpu")
            v = q.mean("revenue", "active");
        else if (f == "partial")
            v = q.boolean("partial = 1");
        else
            throw error("--emit-sql writes the columns of SPEC §6; --fields " + f + " is not one");
        columns += fmt::format("{}{} AS {}", columns.empty() ? "" : ",\n       ", v, d.ident(f));
    }
    return q.finish(fmt::format("SELECT {}\nFROM report{}\nORDER BY report.period", columns,
                                q.amounts() ? " CROSS JOIN scale" : ""));
}

}  // namespace churn::cli::sql
