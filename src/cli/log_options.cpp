#include "cli/log_options.hpp"

#include "cli/input.hpp"

#include <churn/date.hpp>
#include <churn/error.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

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
                          example_label(cal));
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string date_text(std::int64_t day) {
    return calendar{period_unit::day, week_start::monday}.label(day);
}

std::string example_label(const calendar& cal) {
    return cal.label(cal.period_of(days_from_civil(2024, 3, 15)));
}

void add_log_options(CLI::App& app, log_flags& o) {
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
    add_value(app, "--from", o.from, "First period reported (earlier rows are history)")
        ->type_name("DATE");
    add_value(app, "--to", o.to, "Last period reported (later rows are ignored)")
        ->type_name("DATE");
    app.add_flag("--skip-invalid", o.skip_invalid,
                 "Report bad rows on stderr and go on (the exit status is still 2)");
}

log_plan plan_log(const log_flags& o, const context& ctx, std::string_view command,
                  bool reads_rows) {
    if (reads_rows && o.files.empty() && ctx.term.stdin_is_tty)
        throw error(std::string(command) +
                    " reads a log from files or standard input; give a FILE, or pipe data in");
    log_plan plan;
    events_source& r = plan.source;
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
    if (r.from_day) {
        // A date inside a period reports that period whole: its rows before the date are in
        // it, so only the rows before the period are history.
        plan.first_period = r.cal.period_of(*r.from_day);
        r.from_day = r.cal.first_day(*plan.first_period);
    }
    if (r.to_day)
        plan.last_period = r.cal.period_of(*r.to_day);
    return plan;
}

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
    // The periods reported run from --from to --to, or to the log's last row without it.
    const std::int64_t last_day = log.totals().last_day;
    if (r.from_day && !r.to_day && r.cal.period_of(*r.from_day) > r.cal.period_of(last_day))
        throw error("--from (" + date_text(*r.from_day) + ") is after the log's last row (" +
                    date_text(last_day) + "): no period to report");
    return log;
}

coverage partial_periods(const events_source& r, std::int64_t first, std::int64_t last,
                         const activity_totals& totals, std::string_view consequence,
                         std::vector<std::string>& notes) {
    const std::string why = "; " + std::string(consequence);
    // What the data covers: from its first day (or --from) to its last (or --to).
    const std::int64_t covered_from = r.from_day.value_or(totals.first_day);
    const std::int64_t covered_to = r.to_day.value_or(totals.last_day);
    coverage c;
    c.first_partial = covered_from > r.cal.first_day(first);
    c.last_partial = covered_to < r.cal.last_day(last);
    if (first == last && (c.first_partial || c.last_partial))
        notes.push_back("the only period, " + r.cal.label(first) + ", is partial: the log covers " +
                        date_text(covered_from) + " … " + date_text(covered_to) + why);
    else if (c.first_partial)
        notes.push_back("the first period, " + r.cal.label(first) +
                        ", is partial: the log starts on " + date_text(covered_from) + why);
    if (first != last && c.last_partial)
        notes.push_back("the last period, " + r.cal.label(last) + ", is partial: the log ends on " +
                        date_text(covered_to) + why);
    return c;
}

void add_tally_notes(const events_tally& t, const log_flags& o, const events_source& r,
                     std::vector<std::string>& notes) {
    if (t.guests > 0)
        notes.push_back(plural(t.guests, "row has", "rows have") + " no customer (guests) and " +
                        (t.guests == 1 ? "was" : "were") + " skipped");
    if (t.refunds > 0)
        notes.push_back(plural(t.refunds, "row has", "rows have") +
                        " a negative amount (refunds): counted in revenue, not as orders");
    if (t.history > 0) {
        const std::string start = date_text(*r.from_day);
        notes.push_back(plural(t.history, "row", "rows") + " before " +
                        (*o.from == start || o.from->size() != 10
                             ? "--from " + *o.from
                             : start + " (--from " + *o.from + " reports its whole period)") +
                        " counted as history only");
    }
    if (t.ignored > 0)
        notes.push_back(plural(t.ignored, "row", "rows") + " after --to " + *o.to + " ignored");
}

}  // namespace churn::cli
