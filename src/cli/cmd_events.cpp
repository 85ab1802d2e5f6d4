// churn events: from a raw log of orders, payments or logins to every metric per period
// (SPEC §6). This file reads the log into the aggregator (churn/activity.hpp); events_output
// writes what it counted.

// events_output.hpp first: batch_field::value must be declared before report.hpp's value.
#include "cli/events_output.hpp"

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/events_input.hpp"
#include "cli/input.hpp"
#include "cli/log_options.hpp"
#include "cli/sql/emit.hpp"

#include <churn/activity.hpp>
#include <churn/csv.hpp>
#include <churn/date.hpp>
#include <churn/error.hpp>
#include <churn/parse.hpp>

#include <fmt/format.h>

#include <exception>
#include <optional>

namespace churn::cli {

namespace {

struct events_options {
    log_flags log;
    std::optional<std::string> inactive_after;
    std::string orders = "distinct";
    bool revenue_movements = false;
    std::optional<std::string> fields;
    bool summary = false;
    bool summary_only = false;
    bool chart = false;
    std::optional<std::string> customers;
    std::optional<std::string> in;
    sql_flags sql;
};

void setup(CLI::App& app, events_options& o) {
    add_log_options(app, o.log);
    add_value(app, "--inactive-after", o.inactive_after,
              "Periods without an order after which a customer is lost (default 1)")
        ->type_name("K");
    app.add_option("--orders", o.orders,
                   "What an order is: distinct (customer, order or time), days, or rows")
        ->type_name("RULE")
        ->capture_default_str();
    app.add_flag("--revenue-movements", o.revenue_movements,
                 "Add new, expansion, contraction, churned and reactivation revenue, and NRR");
    add_value(app, "--fields", o.fields, "Columns (or totals, with --summary-only) in order")
        ->type_name("LIST");
    app.add_flag("--summary", o.summary, "Add totals: pooled churn, customers, orders, revenue");
    app.add_flag("--summary-only", o.summary_only, "Print only the totals");
    app.add_flag("--chart", o.chart, "With --format table: a bar of the churn per period");
    add_value(app, "--customers", o.customers,
              "Print the customers behind a cell instead: lost, new, returned or active")
        ->type_name("CELL");
    add_value(app, "--in", o.in, "The period of --customers, e.g. 2024-03")->type_name("PERIOD");
    add_sql_options(app, o.sql);
}

order_rule orders_flag(const std::string& text) {
    if (text == "distinct")
        return order_rule::distinct;
    if (text == "days")
        return order_rule::days;
    if (text == "rows")
        return order_rule::rows;
    throw parse_error("--orders", text, "is not one of distinct, days, rows");
}

int inactive_after_of(const events_options& o) {
    if (!o.inactive_after)
        return 1;
    const std::int64_t k = required_count(o.inactive_after, "--inactive-after");
    if (k < 1 || k > 100000)
        throw parse_error("--inactive-after", *o.inactive_after,
                          "is not a number of periods in 1 … 100000");
    return static_cast<int>(k);
}

/// --emit-sql: the query of the same definitions, instead of reading the log's rows.
int emit_sql(const events_options& o, const context& ctx) {
    const log_plan plan = plan_log(o.log, ctx, "events", false);
    const sql::engine e = sql_engine(o.sql);
    refuse_in_sql(e, o.revenue_movements, "--revenue-movements",
                  "revenue movements are not written as SQL yet");
    refuse_in_sql(e, o.summary || o.summary_only, "--summary",
                  "the query returns the periods, not their totals");
    refuse_in_sql(e, o.chart, "--chart", "a chart is drawn in a terminal");
    refuse_in_sql(e, o.customers.has_value(), "--customers",
                  "the query returns the periods, not the ids behind a cell");
    const int k = inactive_after_of(o);
    const order_rule orders = orders_flag(o.orders);
    sql::request r = sql_request(o.sql, o.log, plan, ctx, "events");
    r.inactive_after = k;
    r.orders = orders;
    events_settings s;
    s.amounts = r.columns.amounts();
    s.fields = o.fields;
    r.fields = events_field_names(s);
    ctx.out << sql::events_query(r);
    return 0;
}

/// The periods reported, with a partial first or last one flagged and named in a note.
events_log periods_of(const activity& log, const events_source& r,
                      std::optional<std::int64_t> first_period,
                      std::optional<std::int64_t> last_period, std::vector<std::string>& notes) {
    events_log out;
    try {
        out.periods = log.periods(first_period, last_period);
    } catch (const negative_revenue& e) {
        throw error(r.cal.label(e.period()) + ": " + e.what());
    }
    out.totals = log.totals();
    const coverage c = partial_periods(r, out.periods.front().period, out.periods.back().period,
                                       out.totals, "a partial period inflates churn", notes);
    out.first_partial = c.first_partial;
    out.last_partial = c.last_partial;
    return out;
}

int run(const events_options& o, const context& ctx) {
    if (wants_sql(o.sql))
        return emit_sql(o, ctx);
    const log_plan plan = plan_log(o.log, ctx, "events");
    const events_source& r = plan.source;
    const std::optional<std::int64_t> first_period = plan.first_period;
    const std::optional<std::int64_t> last_period = plan.last_period;

    activity_options a;
    a.orders = orders_flag(o.orders);
    a.inactive_after = inactive_after_of(o);
    a.revenue_movements = o.revenue_movements;
    a.customer_details = o.customers.has_value();

    events_settings s;
    s.f = ctx.output_format();
    s.numbers = out::options{ctx.precision(), ctx.point(), ctx.use_color()};
    s.chart = o.chart;
    s.summary = o.summary || o.summary_only;
    s.summary_only = o.summary_only;
    s.movements = o.revenue_movements;
    s.cal = r.cal;
    s.fields = o.fields;
    s.amounts = o.log.columns.amount || o.log.columns.quantity;  // refined by the header below
    if (o.chart && s.f != format::table)
        throw error("--chart draws in --format table only");
    std::optional<activity_cell> cell;
    std::optional<std::int64_t> cell_period;
    if (o.customers) {
        const std::string& c = *o.customers;
        cell = c == "lost"       ? activity_cell::lost
               : c == "new"      ? activity_cell::acquired
               : c == "returned" ? activity_cell::returned
               : c == "active"   ? activity_cell::active
                                 : throw parse_error("--customers", c,
                                                     "is not one of lost, new, returned, active");
        if (!o.in)
            throw error("--customers needs --in PERIOD: the period of the cell, e.g. " +
                        example_label(r.cal));
        cell_period = r.cal.parse_label(*o.in);
        if (!cell_period)
            throw parse_error("--in", *o.in,
                              "is not a " + o.log.period + " (e.g. " + example_label(r.cal) + ")");
    } else if (o.in) {
        throw error("--in chooses the period of --customers; give --customers too");
    }

    check_events_fields(s);
    std::vector<std::string> notes;
    events_tally t;
    try {
        activity log = read_all(r, ctx, a, t);
        s.amounts = t.amounts;
        if (cell) {
            // A cell of a period the table would show: from the log's first row to its last
            // (or --to, where losses after the last order show).
            const activity_totals all = log.totals();
            const std::int64_t lo = r.cal.period_of(all.first_day);
            const std::int64_t hi = last_period.value_or(r.cal.period_of(all.last_day));
            if (*cell_period < lo || *cell_period > hi)
                throw parse_error(
                    "--in", *o.in,
                    "lies outside the log's periods, " + r.cal.label(lo) + " … " + r.cal.label(hi));
            write_customers(ctx.out, log.customers(*cell, *cell_period), s.f, s.numbers, s.amounts,
                            ctx.common.format_given);
        } else {
            const events_log out = periods_of(log, r, first_period, last_period, notes);
            add_tally_notes(t, o.log, r, notes);
            write_events(ctx.out, s, out);
        }
    } catch (const churn::error&) {
        s.amounts = t.amounts;
        if (!cell)
            write_events_after_error(ctx.out, s);  // the document stays whole, with no periods
        throw;
    }
    for (const auto& n : notes)
        ctx.err << "churn: note: " << n << "\n";
    return skipped_rows_status(ctx.err, t.skipped, t.rows);
}

}  // namespace

command make_events_command() {
    auto options = std::make_shared<events_options>();
    command c{"events", "From a log of orders, payments or logins: every metric per period",
              [options](CLI::App& app) { setup(app, *options); },
              [options](const context& ctx) { return run(*options, ctx); }};
    c.formats = {"csv", "tsv", "jsonl", "json", "table"};
    c.one_figure = false;
    c.examples = R"(Columns are found by name (customer_id, date, amount, order_id, ...) or given
with --customer, --date, --amount (or --quantity and --price), --order.

Examples:
  churn events orders.csv                          every metric per month, as CSV
  churn events orders.csv --period week --format table --chart
  churn events orders.csv --inactive-after 12 --from 2024-01 --to 2024-12
  churn events orders.csv --customers lost --in 2024-03
  churn events day-*.csv --quantity Quantity --price UnitPrice --summary
  churn events orders.csv --emit-sql duckdb --table shop.orders   the same, as SQL)";
    return c;
}

}  // namespace churn::cli
