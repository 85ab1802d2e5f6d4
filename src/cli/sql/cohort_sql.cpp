// SPEC §7 as SQL: retention by acquisition cohort, each cell by the definition of
// active_ages() in src/lib/cohort.cpp, written through parts.hpp for any engine.
#include "cli/sql/model.hpp"
#include "cli/sql/parts.hpp"

#include <churn/error.hpp>

#include <fmt/format.h>

namespace churn::cli::sql {

std::string cohort_query(const request& r) {
    parts q(r);
    const dialect& d = q.d;
    q.add_rows();
    const bool unbounded = r.retention == retention_kind::unbounded;
    q.step("first_orders",
           "a customer's cohort: the period of their first order (a refund is none); and their "
           "last active period",
           "SELECT customer, min(period) AS cohort, max(period) AS last_active\n    FROM "
           "log_rows\n    WHERE order_row = 1\n    GROUP BY customer");
    q.step("sizes",
           r.first_period ? "the cohorts reported, from --from on, and their customers"
                          : "the cohorts and their customers",
           fmt::format(
               "SELECT cohort, count(*) AS customers\n    FROM first_orders{}\n    GROUP "
               "BY cohort",
               r.first_period ? fmt::format("\n    WHERE cohort >= {}", *r.first_period) : ""));
    if (unbounded)
        q.step("activity",
               "unbounded: active at age k when active at c + k or later; counted here at the "
               "last active age, summed downwards below",
               "SELECT cohort, last_active - cohort AS age, count(*) AS active\n    FROM "
               "first_orders\n    GROUP BY cohort, last_active - cohort");
    else
        q.step("activity", "classic: the cohort's customers active in period c + k (age k)",
               "SELECT f.cohort, a.period - f.cohort AS age, count(*) AS active\n    FROM (SELECT "
               "DISTINCT customer, period FROM log_rows WHERE order_row = 1) a\n    JOIN "
               "first_orders f ON f.customer = a.customer\n    GROUP BY f.cohort, a.period - "
               "f.cohort");
    if (q.amounts())
        q.step("cohort_revenue",
               "the cohort's revenue at age k, refunds included; none before its first period",
               "SELECT f.cohort, g.period - f.cohort AS age, sum(g.units) AS revenue\n    FROM "
               "log_rows g\n    JOIN first_orders f ON f.customer = g.customer\n    WHERE g.period "
               ">= f.cohort\n    GROUP BY f.cohort, g.period - f.cohort");
    q.step("age_span", "the ages: 0 up to the oldest cohort's age at the last period",
           "SELECT 0 AS age_lo, max(bounds.hi) - min(sizes.cohort) AS age_hi\n    FROM sizes "
           "CROSS JOIN bounds");
    q.step("ages", "every age, 0 to the last",
           d.series("ages", "age", "age_lo", "age_hi", "age_span"));
    const std::string active =
        unbounded ? "sum(coalesce(a.active, 0)) OVER (PARTITION BY s.cohort ORDER BY ages.age "
                    "DESC ROWS UNBOUNDED PRECEDING)"
                  : "coalesce(a.active, 0)";
    std::string money;
    if (q.amounts())
        money =
            ",\n           coalesce(v.revenue, 0) AS revenue,\n           sum(coalesce(v.revenue, "
            "0)) OVER (PARTITION BY s.cohort ORDER BY ages.age ROWS UNBOUNDED PRECEDING) AS "
            "cumulative";
    q.step("cells",
           "each cohort's cells up to the last period (none past it): size, active, revenue and "
           "cumulative revenue",
           fmt::format("SELECT s.cohort, ages.age, s.customers, {} AS active{}\n    FROM sizes s "
                       "CROSS JOIN ages CROSS JOIN bounds\n    LEFT JOIN activity a ON a.cohort = "
                       "s.cohort AND a.age = ages.age{}\n    WHERE s.cohort + ages.age <= "
                       "bounds.hi",
                       active, money,
                       q.amounts() ? "\n    LEFT JOIN cohort_revenue v ON v.cohort = s.cohort AND "
                                     "v.age = ages.age"
                                   : ""));
    q.step("marked",
           "a cell is partial in a partial period: the first cohort's (the data starts inside "
           "it) or the last",
           fmt::format("SELECT cells.*, CASE WHEN (cohort + age = first_cohort AND {} = 1) OR "
                       "(cohort + age = hi AND {} = 1) THEN 1 ELSE 0 END AS partial\n    FROM "
                       "cells CROSS JOIN bounds\n    CROSS JOIN (SELECT min(cohort) AS "
                       "first_cohort FROM sizes) firsts",
                       q.first_partial("first_cohort"), q.last_partial()));
    q.step(
        "average",
        "all: each age summed over the cohorts that reached it, so every rate is weighted by "
        "cohort size",
        fmt::format("SELECT age, sum(customers) AS customers, sum(active) AS active,{} "
                    "max(partial) AS partial\n    FROM marked\n    GROUP BY age",
                    q.amounts() ? " sum(revenue) AS revenue, sum(cumulative) AS cumulative," : ""));

    const std::string money_columns = q.amounts() ? ", revenue, cumulative" : "";
    const std::string rows = fmt::format(
        "SELECT 0 AS grp, cohort, age, {0} AS cohort_label, {1} AS period_label, customers, "
        "active{2}, partial FROM marked\n      UNION ALL\n      SELECT 1, 0, age, 'all', {3}, "
        "customers, active{2}, partial FROM average",
        q.label("cohort"), q.label("cohort + age"), money_columns, q.no_text());
    std::string columns;
    for (const std::string& f : r.fields) {
        std::string v;
        if (f == "cohort")
            v = "cohort_label";
        else if (f == "age" || f == "customers" || f == "active")
            v = d.bigint(f);
        else if (f == "period")
            v = "period_label";
        else if (f == "retention_pct")
            v = q.percent("active", "customers");
        else if (f == "revenue")
            v = q.amounts() ? q.money("revenue") : q.no_text();
        else if (f == "ltv")
            v = q.amounts() ? q.mean("cumulative", "customers") : q.no_text();
        else if (f == "partial")
            v = q.boolean("partial = 1");
        else
            throw error("--emit-sql writes the columns of SPEC §7; --fields " + f + " is not one");
        columns += fmt::format("{}{} AS {}", columns.empty() ? "" : ",\n       ", v, d.ident(f));
    }
    return q.finish(fmt::format("SELECT {}\nFROM (\n      {}\n) t{}\nORDER BY grp, t.cohort, t.age",
                                columns, rows, q.amounts() ? " CROSS JOIN scale" : ""));
}

}  // namespace churn::cli::sql
