// churn events: from a raw log of orders, payments or logins to every metric per period
// (SPEC §6). This file reads the log into the aggregator (churn/activity.hpp); events_output
// writes what it counted.

// events_output.hpp first: batch_field::value must be declared before report.hpp's value.
#include "cli/events_output.hpp"

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/events_input.hpp"
#include "cli/input.hpp"

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
    std::vector<std::string> files;
    event_column_flags columns;
    std::optional<std::string> delimiter;
    std::optional<std::string> date_format;
    std::optional<std::string> utc_offset;
    std::string period = "month";
    std::string week_start = "monday";
    std::optional<std::string> inactive_after;
    std::string orders = "distinct";
    std::optional<std::string> from;
    std::optional<std::string> to;
    bool skip_invalid = false;
    bool revenue_movements = false;
    std::optional<std::string> fields;
    bool summary = false;
    bool summary_only = false;
    bool chart = false;
    std::optional<std::string> customers;
    std::optional<std::string> in;
};

void setup(CLI::App& app, events_options& o) {
    app.add_option("files", o.files, "CSV or TSV logs with a header, one log together; - is stdin")
        ->type_name("FILE");
    add_value(app, "--customer", o.columns.customer, "Column of the customer id")->type_name("COL");
    add_value(app, "--date", o.columns.date, "Column of the date or time")->type_name("COL");
    add_value(app, "--amount", o.columns.amount, "Column of the amount (negative: a refund)")
        ->type_name("COL");
    add_value(app, "--quantity", o.columns.quantity, "Column of the quantity (with --price)")
        ->type_name("COL");
    add_value(app, "--price", o.columns.price,
              "Column of the unit price (amount = quantity × price)")
        ->type_name("COL");
    add_value(app, "--order", o.columns.order, "Column of the order id (rows of one order)")
        ->type_name("COL");
    add_value(app, "--delimiter", o.delimiter,
              "Field delimiter: , ; | tab or whitespace (default: tab for *.tsv, else ,)")
        ->type_name("CHAR");
    add_value(app, "--date-format", o.date_format,
              "How dates are written: %Y %m %d %H %M %S and literals, epoch or epoch-ms "
              "(default ISO 8601)")
        ->type_name("FMT");
    add_value(app, "--utc-offset", o.utc_offset,
              "Convert times with a zone to this offset, e.g. +01:00 (default UTC)")
        ->type_name("±HH:MM");
    app.add_option("--period", o.period, "Length of a period: day, week, month, quarter or year")
        ->type_name("UNIT")
        ->capture_default_str();
    app.add_option("--week-start", o.week_start, "ISO weeks start on monday; or sunday")
        ->type_name("DAY")
        ->capture_default_str();
    add_value(app, "--inactive-after", o.inactive_after,
              "Periods without an order after which a customer is lost (default 1)")
        ->type_name("K");
    app.add_option("--orders", o.orders,
                   "What an order is: distinct (customer, order or time), days, or rows")
        ->type_name("RULE")
        ->capture_default_str();
    add_value(app, "--from", o.from, "First period reported (earlier rows are history)")
        ->type_name("DATE");
    add_value(app, "--to", o.to, "Last period reported (later rows are ignored)")
        ->type_name("DATE");
    app.add_flag("--skip-invalid", o.skip_invalid,
                 "Report bad rows on stderr and go on (the exit status is still 2)");
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
}

/// --from / --to: a date, or a label of the period unit (2024-03: the month).
std::int64_t bound_day(const std::string& text, const calendar& cal, const std::string& flag,
                       bool first) {
    timestamp t;
    if (plain_timestamp(text, t) && text.size() == 10)
        return t.day();
    if (const auto p = cal.parse_label(text))
        return first ? cal.first_day(*p) : cal.last_day(*p);
    throw parse_error(flag, text,
                      "is neither a date (YYYY-MM-DD) nor a period of the chosen unit, e.g. " +
                          cal.label(cal.period_of(days_from_civil(2024, 3, 15))));
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

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// Reads the log: in per-customer memory while it is sorted by time, else again with a set of
/// its distinct orders (files only: standard input is read that way from the start).
activity read_all(const events_source& r, const context& ctx, activity_options a, events_tally& t) {
    a.unsorted = a.unsorted || !input_files(r.files, ctx.in).rereadable();
    activity log(a);
    try {
        read_events(r, ctx, log, t);
    } catch (const unsorted_log&) {
        a.unsorted = true;
        log = activity(a);
        const std::size_t told = t.rows;
        t = events_tally{};
        read_events(r, ctx, log, t, told);
    }
    if (t.rows == 0)
        throw error("the log has no data rows, only a header");
    if (log.rows() == 0) {
        if (t.skipped == t.rows)
            throw error("every row of the log is invalid: no customer to count");
        if (t.ignored > 0)
            throw error("no row of the log lies up to --to");
        throw error(std::string(t.skipped > 0 ? "every valid row" : "every row") +
                    " of the log is a guest (an empty customer): no customer to count");
    }
    return log;
}

/// 2024-01-15: the label of the day's period, by day.
std::string date_text(std::int64_t day) {
    return calendar{period_unit::day, week_start::monday}.label(day);
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
    if (out.periods.empty())
        throw error("--from (" + date_text(*r.from_day) + ") is after the log's last row (" +
                    date_text(out.totals.last_day) + "): no period to report");
    const std::int64_t first = out.periods.front().period;
    const std::int64_t last = out.periods.back().period;
    // What the data covers: from its first day (or --from) to its last (or --to).
    const std::int64_t covered_from = r.from_day.value_or(out.totals.first_day);
    const std::int64_t covered_to = r.to_day.value_or(out.totals.last_day);
    out.first_partial = covered_from > r.cal.first_day(first);
    out.last_partial = covered_to < r.cal.last_day(last);
    if (first == last && (out.first_partial || out.last_partial))
        notes.push_back("the only period, " + r.cal.label(first) + ", is partial: the log covers " +
                        date_text(covered_from) + " … " + date_text(covered_to) +
                        "; a partial period inflates churn");
    else if (out.first_partial)
        notes.push_back("the first period, " + r.cal.label(first) +
                        ", is partial: the log starts on " + date_text(covered_from) +
                        "; a partial period inflates churn");
    if (first != last && out.last_partial)
        notes.push_back("the last period, " + r.cal.label(last) + ", is partial: the log ends on " +
                        date_text(covered_to) + "; a partial period inflates churn");
    return out;
}

void add_tally_notes(const events_tally& t, const events_options& o,
                     std::vector<std::string>& notes) {
    if (t.guests > 0)
        notes.push_back(plural(t.guests, "row has", "rows have") + " no customer (guests) and " +
                        (t.guests == 1 ? "was" : "were") + " skipped");
    if (t.refunds > 0)
        notes.push_back(plural(t.refunds, "row has", "rows have") +
                        " a negative amount (refunds): counted in revenue, not as orders");
    if (t.history > 0)
        notes.push_back(plural(t.history, "row", "rows") + " before --from " + *o.from +
                        " counted as history only");
    if (t.ignored > 0)
        notes.push_back(plural(t.ignored, "row", "rows") + " after --to " + *o.to + " ignored");
}

int run(const events_options& o, const context& ctx) {
    if (o.files.empty() && ctx.term.stdin_is_tty)
        throw error(
            "events reads a log from files or standard input; give a FILE, or pipe "
            "data in");
    events_source r;
    r.files = o.files;
    r.columns = o.columns;
    r.delimiter = o.delimiter;
    r.skip_invalid = o.skip_invalid;
    r.numbers = ctx.numbers();
    check_delimiter_flag(o.delimiter);
    const auto unit = parse_period_unit(o.period);
    if (!unit)
        throw parse_error("--period", o.period, "is not one of day, week, month, quarter, year");
    r.cal.unit = *unit;
    if (o.week_start == "sunday")
        r.cal.weeks = week_start::sunday;
    else if (o.week_start != "monday")
        throw parse_error("--week-start", o.week_start, "is not monday or sunday");
    if (o.date_format)
        r.dates = date_format::parse(*o.date_format);
    if (o.utc_offset)
        r.offset = parse_utc_offset(*o.utc_offset);
    if (o.from)
        r.from_day = bound_day(*o.from, r.cal, "--from", true);
    if (o.to)
        r.to_day = bound_day(*o.to, r.cal, "--to", false);
    if (r.from_day && r.to_day && *r.to_day < *r.from_day)
        throw error("--to (" + *o.to + ") is before --from (" + *o.from + ")");
    std::optional<std::int64_t> first_period;  // the periods reported
    std::optional<std::int64_t> last_period;
    if (r.from_day)
        first_period = r.cal.period_of(*r.from_day);
    if (r.to_day)
        last_period = r.cal.period_of(*r.to_day);

    activity_options a;
    a.orders = orders_flag(o.orders);
    if (o.inactive_after) {
        const std::int64_t k = required_count(o.inactive_after, "--inactive-after");
        if (k < 1 || k > 100000)
            throw parse_error("--inactive-after", *o.inactive_after,
                              "is not a number of periods in 1 … 100000");
        a.inactive_after = static_cast<int>(k);
    }
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
    s.amounts = o.columns.amount || o.columns.quantity;  // refined by the header below
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
                        r.cal.label(r.cal.period_of(days_from_civil(2024, 3, 15))));
        cell_period = r.cal.parse_label(*o.in);
        if (!cell_period)
            throw parse_error("--in", *o.in,
                              "is not a " + o.period + " (e.g. " +
                                  r.cal.label(r.cal.period_of(days_from_civil(2024, 3, 15))) + ")");
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
            write_customers(ctx.out, log.customers(*cell, *cell_period), s,
                            ctx.common.format_given);
        } else {
            const events_log out = periods_of(log, r, first_period, last_period, notes);
            add_tally_notes(t, o, notes);
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
  churn events day-*.csv --quantity Quantity --price UnitPrice --summary)";
    return c;
}

}  // namespace churn::cli
