// churn events: from a raw log of orders, payments or logins to every metric per period
// (SPEC §6). This file reads the log into the aggregator (churn/activity.hpp); events_output
// writes what it counted.

// events_output.hpp first: batch_field::value must be declared before report.hpp's value.
#include "cli/events_output.hpp"

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/event_columns.hpp"
#include "cli/input.hpp"
#include "cli/shim.hpp"

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
    app.add_option("files", o.files,
                   "CSV or TSV logs with a header, one log together; - is stdin")
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

/// How the log's fields are split: the given delimiter, else by the file's name.
csv_options csv_of(const std::optional<std::string>& given, std::string_view file) {
    csv_options c;
    if (!given) {
        c.delimiter = file.ends_with(".tsv") || file.ends_with(".tab") ? '\t' : ',';
        return c;
    }
    const std::string& d = *given;
    if (d == "whitespace" || d == "space" || d == " ") {
        c.delimiter = ' ';
        return c;
    }
    if (d == "tab" || d == "\\t" || d == "\t")
        c.delimiter = '\t';
    else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r")
        c.delimiter = d[0];
    else
        throw parse_error("--delimiter", d, "is not a single character; use , ; | tab or whitespace");
    return c;
}

/// What the rows are read with, from the flags.
struct reading {
    calendar cal;
    date_format dates;
    std::optional<int> offset;
    std::optional<std::int64_t> from_day;  ///< rows before it are history
    std::optional<std::int64_t> to_day;    ///< rows after it are ignored
    std::optional<std::int64_t> first;     ///< periods reported
    std::optional<std::int64_t> last;
    number_format numbers;
};

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

/// What the log held besides its orders, for the notes.
struct tally {
    std::size_t rows = 0;
    std::size_t guests = 0;
    std::size_t refunds = 0;
    std::size_t history = 0;  ///< before --from
    std::size_t ignored = 0;  ///< after --to
    std::size_t skipped = 0;  ///< invalid, with --skip-invalid
    bool amounts = false;     ///< the log has amounts (or quantities and prices)
};

std::string_view trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// `column "InvoiceDate"`: a column of the header, for messages.
std::string column_named(const std::vector<std::string>& header, std::size_t i) {
    return "column " + quote(header[i]);
}

/// Reads one row's amount: the column, or quantity × price; 0 without either. Errors name the
/// column.
decimal amount_of(const std::vector<std::string_view>& cells, const event_columns& c,
                  const std::vector<std::string>& header, const reading& r) {
    const auto read = [&](std::size_t i) {
        std::int64_t units = 0;
        int scale = 0;
        if (plain_amount(cells[i], units, scale))
            return decimal{units, scale};
        return parse_decimal(cells[i], column_named(header, i), r.numbers, true);
    };
    if (c.amount)
        return read(*c.amount);
    if (c.quantity && c.price) {
        const decimal q = read(*c.quantity);
        const decimal p = read(*c.price);
        try {
            return multiply(q, p);
        } catch (const churn::error& e) {
            throw error(column_named(header, *c.quantity) + " × " +
                        column_named(header, *c.price) + ": " + e.what());
        }
    }
    return {};
}

/// A progress line on stderr for a person watching a large log.
class progress {
  public:
    progress(std::ostream& err, bool shown) : err_(err), shown_(shown) {}
    void row(std::size_t rows) {
        if (shown_ && rows % (std::size_t{1} << 20) == 0) {
            err_ << "\rchurn: events: " << rows / 1000000 << "." << rows / 100000 % 10
                 << "M rows read" << std::flush;
            dirty_ = true;
        }
    }
    ~progress() {
        if (dirty_)
            err_ << "\r\033[K" << std::flush;
    }

  private:
    std::ostream& err_;
    bool shown_;
    bool dirty_ = false;
};

/// Rows handed to the aggregator a few hundred at a time, which fetches their customers' memory
/// ahead (activity::add); their text is copied, since the reader's fields last one row.
class rows_batch {
  public:
    rows_batch() {
        text_.reserve(capacity * 32);
        rows_.reserve(capacity);
    }
    bool full() const { return rows_.size() == capacity || text_.size() > capacity * 24; }
    void add(activity_row r) {
        if (text_.capacity() - text_.size() < r.customer.size() + r.order.size())
            relocate(r.customer.size() + r.order.size());
        r.customer = keep(r.customer);
        r.order = keep(r.order);
        rows_.push_back(r);
    }
    void flush(activity& log) {
        log.add(rows_);
        rows_.clear();
        text_.clear();
    }

  private:
    static constexpr std::size_t capacity = 256;
    std::string_view keep(std::string_view s) {
        const std::size_t at = text_.size();
        text_.append(s);
        return {text_.data() + at, s.size()};
    }
    /// Makes room for a long id: the copies move, and the rows' views with them.
    void relocate(std::size_t more) {
        std::string moved;
        moved.reserve((text_.size() + more) * 2);
        for (auto& row : rows_) {
            const auto move = [&](std::string_view& v) {
                const std::size_t at = moved.size();
                moved.append(v);
                v = {moved.data() + at, v.size()};
            };
            move(row.customer);
            move(row.order);
        }
        text_.swap(moved);
    }
    std::string text_;
    std::vector<activity_row> rows_;
};

/// Reads every input into `log`. Throws unsorted_log where the aggregator needs the log again;
/// read again, the rows up to `told` have had their messages.
void read_log(const events_options& o, const context& ctx, const reading& r, activity& log,
              tally& t, std::size_t told = 0) {
    input_files sources(o.files, ctx.in);
    std::string name;
    std::vector<std::string_view> cells;
    progress shown(ctx.err, ctx.term.stderr_is_tty);
    rows_batch batch;
    bool first_file = true;
    while (std::istream* in = sources.next(name)) {
        csv_reader reader(*in, name, csv_of(o.delimiter, name));
        if (!reader.next(cells))
            throw error(name + ": no header row (the input is empty)");
        const event_columns c = [&] {
            try {
                return find_event_columns(cells, o.columns);
            } catch (const churn::error& e) {
                throw error(name + ":" + std::to_string(reader.line()) + ": " + e.what());
            }
        }();
        if (first_file && told == 0 && !c.note.empty())
            ctx.err << "churn: note: " << name << ": " << c.note << "\n";
        if (first_file)
            t.amounts = c.amount || (c.quantity && c.price);
        first_file = false;
        std::vector<std::string> header(cells.begin(), cells.end());
        std::size_t need = std::max(c.customer, c.date);
        for (const auto& i : {c.amount, c.quantity, c.price, c.order})
            if (i)
                need = std::max(need, *i);
        activity_row row;
        while (reader.next(cells)) {
            if (batch.full())
                batch.flush(log);
            ++t.rows;
            shown.row(t.rows);
            try {
                if (cells.size() <= need)
                    throw error("the row has " + std::to_string(cells.size()) +
                                (cells.size() == 1 ? " field" : " fields") + ", the header " +
                                std::to_string(c.width));
                row.customer = trimmed(cells[c.customer]);
                if (row.customer.empty()) {
                    ++t.guests;
                    continue;
                }
                const std::size_t bad = invalid_utf8(row.customer);
                if (bad != std::string_view::npos)
                    throw error(column_named(header, c.customer) + ": not valid UTF-8 at byte " +
                                std::to_string(bad + 1) + "; save the file as UTF-8");
                timestamp when;
                if (!r.dates.iso() || !plain_timestamp(cells[c.date], when)) {
                    try {
                        when = parse_timestamp(cells[c.date], r.dates, r.offset);
                    } catch (const churn::error& e) {
                        throw error(column_named(header, c.date) + ": " + e.what());
                    }
                }
                row.micros = when.micros;
                row.day = when.day();
                row.amount = amount_of(cells, c, header, r);
                row.order = c.order ? trimmed(cells[*c.order]) : std::string_view{};
            } catch (const churn::error& e) {
                const std::string message =
                    name + ":" + std::to_string(reader.line()) + ": " + e.what();
                if (!o.skip_invalid)
                    throw error(message);
                ++t.skipped;
                if (t.rows > told)
                    ctx.err << "churn: error: " << message << " (row skipped)\n";
                continue;
            }
            if (r.to_day && row.day > *r.to_day) {
                ++t.ignored;
                continue;
            }
            if (r.from_day && row.day < *r.from_day)
                ++t.history;
            if (row.amount.units < 0)
                ++t.refunds;
            row.period = r.cal.period_of(row.day);
            batch.add(row);
        }
        batch.flush(log);  // before the next input's buffer replaces this one's fields
    }
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

int run(const events_options& o, const context& ctx) {
    if (o.files.empty() && ctx.term.stdin_is_tty)
        throw error("events reads a log from files or standard input; give a FILE, or pipe "
                    "data in");
    reading r;
    r.numbers = ctx.numbers();
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
    if (r.from_day)
        r.first = r.cal.period_of(*r.from_day);
    if (r.to_day)
        r.last = r.cal.period_of(*r.to_day);

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

    // A sorted log (the usual export) is read in per-customer memory; an unsorted one needs a
    // set of its distinct orders, and a pipe cannot be read twice to find out.
    a.unsorted = !input_files(o.files, ctx.in).rereadable();
    check_events_fields(s);
    activity log(a);
    tally t;
    try {
        try {
            read_log(o, ctx, r, log, t);
        } catch (const unsorted_log&) {
            a.unsorted = true;
            log = activity(a);
            const std::size_t told = t.rows;
            t = tally{};
            read_log(o, ctx, r, log, t, told);
        }
    } catch (const churn::error&) {
        s.amounts = t.amounts;
        if (!cell)
            write_events_after_error(ctx.out, s);  // the document stays whole, with no periods
        throw;
    }
    s.amounts = t.amounts;
    if (t.rows == 0)
        throw error("the log has no data rows, only a header");
    if (log.rows() == 0)
        throw error(t.guests == t.rows - t.skipped
                        ? "every row of the log is a guest (an empty customer): no customer "
                          "to count"
                        : "no row of the log lies up to --to");
    if (cell) {
        write_customers(ctx.out, log.customers(*cell, *cell_period), s, ctx.common.format_given);
        return t.skipped > 0 ? exit_error : exit_ok;
    }
    events_log out;
    try {
        out.periods = log.periods(r.first, r.last);
    } catch (const negative_revenue& e) {
        throw error(r.cal.label(e.period()) + ": " + e.what());
    }
    out.totals = log.totals();
    if (!out.periods.empty()) {
        const std::int64_t first = out.periods.front().period;
        const std::int64_t last = out.periods.back().period;
        const std::int64_t covered_from = r.from_day.value_or(out.totals.first_day);
        const std::int64_t covered_to = r.to_day.value_or(out.totals.last_day);
        out.first_partial = covered_from > r.cal.first_day(first);
        out.last_partial = covered_to < r.cal.last_day(last);
        const auto date = [](std::int64_t day) {
            const civil_date d = civil_from_days(day);
            return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
        };
        if (out.first_partial)
            ctx.notes.push_back("the first period, " + r.cal.label(first) +
                                ", is partial: the log starts on " + date(covered_from) +
                                "; a partial period inflates churn");
        if (out.last_partial && (first != last || !out.first_partial))
            ctx.notes.push_back("the last period, " + r.cal.label(last) +
                                ", is partial: the log ends on " + date(covered_to) +
                                "; a partial period inflates churn");
    }
    if (t.guests > 0)
        ctx.notes.push_back(plural(t.guests, "row has", "rows have") +
                            " no customer (guests) and " + (t.guests == 1 ? "was" : "were") +
                            " skipped");
    if (t.refunds > 0)
        ctx.notes.push_back(plural(t.refunds, "row has", "rows have") +
                            " a negative amount (refunds): counted in revenue, not as orders");
    if (t.history > 0)
        ctx.notes.push_back(plural(t.history, "row", "rows") + " before --from " + *o.from +
                            " counted as history only");
    if (t.ignored > 0)
        ctx.notes.push_back(plural(t.ignored, "row", "rows") + " after --to " + *o.to +
                            " ignored");
    write_events(ctx.out, s, out);
    if (t.skipped > 0) {
        ctx.err << "churn: error: " << t.skipped << " of " << t.rows
                << (t.rows == 1 ? " row was" : " rows were") << " invalid and skipped\n";
        return exit_error;
    }
    return exit_ok;
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
