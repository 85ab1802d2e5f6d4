// churn cohort: retention by acquisition cohort (SPEC §7). The log is read as churn events
// reads it (log_options); the library groups its customers (churn/cohort.hpp);
// cohort_output writes the table, and the heatmap writers draw it.

// events_output.hpp first: batch_field::value must be declared before report.hpp's value.
#include "cli/events_output.hpp"

#include "cli/app.hpp"
#include "cli/cohort_output.hpp"
#include "cli/command.hpp"
#include "cli/log_options.hpp"
#include "cli/sql/emit.hpp"

#include <churn/activity.hpp>
#include <churn/cohort.hpp>
#include <churn/error.hpp>

#include <optional>

namespace churn::cli {

namespace {

struct cohort_options_flags {
    log_flags log;
    std::string retention = "classic";
    bool wide = false;
    std::optional<std::string> show;
    std::optional<std::string> fields;
    bool customers = false;
    std::optional<std::string> cohort;
    std::optional<std::string> age;
    sql_flags sql;
};

void setup(CLI::App& app, cohort_options_flags& o) {
    add_log_options(app, o.log);
    app.add_option("--retention", o.retention,
                   "Retained at age k: active in that period (classic), or in it or any later "
                   "one (unbounded)")
        ->type_name("KIND")
        ->capture_default_str();
    app.add_flag("--wide", o.wide, "One row per cohort, one column per age (of --show)");
    add_value(app, "--show", o.show,
              "What --wide and the pictures show: pct (default), count, revenue or ltv")
        ->type_name("WHAT");
    add_value(app, "--fields", o.fields, "Columns of the long form, in order")->type_name("LIST");
    app.add_flag("--customers", o.customers,
                 "Print the customers behind one cell instead (with --cohort and --age)");
    add_value(app, "--cohort", o.cohort, "The cohort of --customers, e.g. 2024-03")
        ->type_name("PERIOD");
    add_value(app, "--age", o.age, "The age of --customers, in periods (0: the first)")
        ->type_name("K");
    add_sql_options(app, o.sql);
}

cohort_show show_flag(const std::string& text) {
    if (text == "pct")
        return cohort_show::pct;
    if (text == "count")
        return cohort_show::count;
    if (text == "revenue")
        return cohort_show::revenue;
    if (text == "ltv")
        return cohort_show::ltv;
    throw parse_error("--show", text, "is not one of pct, count, revenue, ltv");
}

retention_kind retention_flag(const std::string& text) {
    if (text == "classic")
        return retention_kind::classic;
    if (text == "unbounded")
        return retention_kind::unbounded;
    throw parse_error("--retention", text, "is not classic or unbounded");
}

/// The cell of --customers: a cohort and an age, checked against the flags.
struct cell_flags {
    std::int64_t cohort = 0;
    std::int64_t age = 0;
};

std::optional<cell_flags> cell_of(const cohort_options_flags& o, const calendar& cal) {
    if (!o.customers) {
        if (o.cohort || o.age)
            throw error(std::string(o.cohort ? "--cohort" : "--age") +
                        " chooses the cell of --customers; give --customers too");
        return std::nullopt;
    }
    if (!o.cohort || !o.age)
        throw error("--customers needs --cohort PERIOD and --age K: the cell, e.g. --cohort " +
                    example_label(cal) + " --age 1");
    const auto c = cal.parse_label(*o.cohort);
    if (!c)
        throw parse_error("--cohort", *o.cohort,
                          "is not a " + o.log.period + " (e.g. " + example_label(cal) + ")");
    const std::int64_t age = required_count(o.age, "--age");
    return cell_flags{*c, age};
}

/// --emit-sql: the query of the same definitions, instead of reading the log's rows.
int emit_sql(const cohort_options_flags& o, const context& ctx) {
    const log_plan plan = plan_log(o.log, ctx, "cohort", false);
    const sql::engine e = sql_engine(o.sql);
    refuse_in_sql(e, o.wide, "--wide", "the query returns the long form");
    refuse_in_sql(e, o.show.has_value(), "--show", "the query returns the long form");
    refuse_in_sql(e, o.customers, "--customers",
                  "the query returns the cells, not the ids behind one");
    const retention_kind retention = retention_flag(o.retention);
    sql::request r = sql_request(o.sql, o.log, plan, ctx, "cohort");
    r.retention = retention;
    cohort_settings s;
    s.fields = o.fields;
    r.fields = cohort_field_names(s);
    ctx.out << sql::cohort_query(r);
    return 0;
}

int run(const cohort_options_flags& o, const context& ctx) {
    if (wants_sql(o.sql))
        return emit_sql(o, ctx);
    const log_plan plan = plan_log(o.log, ctx, "cohort");
    const events_source& r = plan.source;
    cohort_settings s;
    s.f = ctx.output_format();
    s.numbers = out::options{ctx.precision(), ctx.point(), ctx.use_color()};
    s.wide = o.wide;
    if (o.show)
        s.show = show_flag(*o.show);
    s.retention = retention_flag(o.retention);
    s.cal = r.cal;
    s.terminal.width = ctx.term.stdout_is_tty && ctx.term.columns > 0 ? ctx.term.columns : 80;
    s.terminal.palette = !ctx.use_color()     ? heatmap::colors::none
                         : ctx.term.truecolor ? heatmap::colors::truecolor
                                              : heatmap::colors::xterm256;
    const bool picture = s.f == format::table || s.f == format::svg || s.f == format::html;
    if (o.wide && picture)
        throw error(
            "--wide is a form of --format csv, tsv, json or jsonl; the pictures are wide "
            "already");
    if (o.show && !o.wide && !picture)
        throw error(
            "--show chooses what --wide or a picture (--format table, svg, html) shows; "
            "the long form has every value");
    if (o.fields && (o.wide || picture))
        throw error(
            "--fields chooses columns of the long form; --wide and the pictures have "
            "their own");
    s.fields = o.fields;
    check_cohort_fields(s);
    const std::optional<cell_flags> cell = cell_of(o, r.cal);
    if (cell && (o.wide || picture))
        throw error("--customers lists ids; it takes --format csv, tsv, json or jsonl");

    cohort_options c;
    c.retention = s.retention;
    c.first = plan.first_period;
    c.last = plan.last_period;
    activity_options a;
    a.orders = order_rule::rows;  // a cohort needs activity, not orders: no order set ever
    a.cohort_revenue = true;
    a.customer_details = cell.has_value();

    std::vector<std::string> notes;
    events_tally t;
    try {
        const activity log = read_all(r, ctx, a, t);
        s.amounts = t.amounts;
        if ((s.show == cohort_show::revenue || s.show == cohort_show::ltv) && !s.amounts)
            throw error("--show " + *o.show +
                        " needs amounts: give --amount COL, or --quantity and --price");
        cohort_report report;
        report.table = log.cohorts(c);
        if (report.table.cohorts.empty())
            throw error("no customer's first order lies in " + r.cal.label(report.table.first) +
                        " … " + r.cal.label(report.table.last) + ": no cohort to report");
        const activity_totals totals = log.totals();
        if (cell) {
            const std::int64_t first = report.table.cohorts.front().period;
            if (cell->cohort < first || cell->cohort > report.table.last)
                throw parse_error("--cohort", *o.cohort,
                                  "lies outside the cohorts reported, " + r.cal.label(first) +
                                      " … " + r.cal.label(report.table.last));
            if (cell->age > report.table.last - cell->cohort)
                throw parse_error("--age", *o.age,
                                  "is past the data's end: cohort " + *o.cohort + " reaches age " +
                                      std::to_string(report.table.last - cell->cohort));
            write_customers(ctx.out, log.cohort_customers(c, cell->cohort, cell->age), s.f,
                            s.numbers, s.amounts, ctx.common.format_given);
        } else {
            // Partial where cells are: from the first cohort's period (before it, only refunds).
            const coverage cover =
                partial_periods(r, report.table.cohorts.front().period, report.table.last, totals,
                                "its cells are marked partial", notes);
            report.first_partial = cover.first_partial;
            report.last_partial = cover.last_partial;
            report.first_day = date_text(r.from_day.value_or(totals.first_day));
            report.last_day = date_text(r.to_day.value_or(totals.last_day));
            add_tally_notes(t, o.log, r, notes);
            write_cohorts(ctx.out, s, report);
        }
    } catch (const churn::error&) {
        s.amounts = t.amounts;
        if (!cell)
            write_cohorts_after_error(ctx.out, s);  // the document stays whole, with no cohorts
        throw;
    }
    ctx.out.flush();  // the notes follow the table, as those of churn events do
    for (const auto& n : notes)
        ctx.err << "churn: note: " << n << "\n";
    return skipped_rows_status(ctx.err, t.skipped, t.rows);
}

}  // namespace

command make_cohort_command() {
    auto options = std::make_shared<cohort_options_flags>();
    command c{"cohort", "From a log of orders, payments or logins: retention by acquisition cohort",
              [options](CLI::App& app) { setup(app, *options); },
              [options](const context& ctx) { return run(*options, ctx); }};
    c.formats = {"csv", "tsv", "jsonl", "json", "table", "svg", "html"};
    c.one_figure = false;
    c.examples =
        R"(A customer's cohort is the period of their first order; age k the k-th period after it.
Columns are found by name (customer_id, date, amount, ...) or given with --customer, --date,
--amount (or --quantity and --price), as in churn events.

Examples:
  churn cohort orders.csv                          every cohort and age, as CSV
  churn cohort orders.csv --format table           a heatmap in the terminal
  churn cohort orders.csv --format html > cohorts.html
  churn cohort orders.csv --wide --show ltv --period quarter
  churn cohort orders.csv --retention unbounded --from 2024-01
  churn cohort orders.csv --customers --cohort 2024-03 --age 1
  churn cohort orders.csv --emit-sql postgres      the same long form, as SQL)";
    return c;
}

}  // namespace churn::cli
