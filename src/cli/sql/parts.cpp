#include "cli/sql/parts.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace churn::cli::sql {

namespace {

/// Weeks are indexed as churn's calendar does, from Monday 1970-01-05 (day 4) or Sunday
/// 1970-01-04 (day 3); the offset keeps the numerator positive, so truncation is floor.
constexpr std::int64_t week_offset = 400000;

std::string power_of_ten(int k) {
    std::string digits(static_cast<std::size_t>(k) + 1, '0');
    digits[0] = '1';
    return digits;
}

}  // namespace

void parts::step(std::string_view name, std::string_view comment, std::string body) {
    ctes_.push_back({std::string(name), std::string(comment), std::move(body)});
}

std::string parts::finish(const std::string& select) const {
    std::string out = fmt::format("-- churn {} as SQL for {} (SPEC §8): the rows of --format csv\n",
                                  r.command, name_of(r.kind));
    if (r.kind == engine::spark)  // casts, dates and intervals take the session's zone
        out +=
            "-- Spark: run with spark.sql.session.timeZone=UTC, as days are the session zone's\n";
    out += std::string(d.with()) + "\n";
    for (std::size_t i = 0; i < ctes_.size(); ++i)
        out += fmt::format("-- {}\n{} AS (\n    {}\n){}\n", ctes_[i].comment, ctes_[i].name,
                           ctes_[i].body, i + 1 < ctes_.size() ? "," : "");
    return out + select + ";\n";
}

std::string parts::pow10(const std::string& k) const {
    return d.wide(
        fmt::format("'1' || substr('000000000000000000000000000000000000', 1, CAST({} AS "
                    "INTEGER))",
                    k));
}

void parts::add_rows() {
    const table_columns& c = r.columns;
    const auto column = [&](const std::string& name) { return d.text(d.ident(name)); };
    const std::string customer = fmt::format("TRIM({})", column(c.customer));
    std::string date = fmt::format("TRIM({})", column(c.date));
    if (r.date_format == request::dates::iso)  // 19970101, as CDNOW writes it, is 1997-01-01
        date = fmt::format(
            "CASE WHEN length({0}) = 8 THEN substr({0}, 1, 4) || '-' || substr({0}, "
            "5, 2) || '-' || substr({0}, 7, 2) ELSE {0} END",
            date);
    std::string cols = fmt::format("{} AS customer,\n           {} AS date_text", customer, date);
    if (c.amount)
        cols += fmt::format(",\n           TRIM({}) AS amount_text", column(*c.amount));
    if (c.quantity && c.price)
        cols += fmt::format(
            ",\n           TRIM({}) AS quantity_text,\n           TRIM({}) AS price_text",
            column(*c.quantity), column(*c.price));
    if (keyed())
        cols += fmt::format(",\n           {} AS order_key", column(*c.order));
    step("log_text", "the log's columns as text; a row with an empty customer is a guest: skipped",
         fmt::format("SELECT {}\n    FROM {}\n    WHERE {} <> ''", cols, d.table(r.table),
                     customer));

    // An amount's units and decimals, from its text: -12.50 is -1250 at 2 decimals.
    const auto units = [&](const std::string& a) {
        return fmt::format(
            "CASE WHEN {0} LIKE '-%' THEN -1 ELSE 1 END * {1}", a,
            d.wide(fmt::format("NULLIF(replace(replace({}, '-', ''), '.', ''), '')", a)));
    };
    const auto decimals = [&](const std::string& a) {
        return fmt::format("CASE WHEN {0} > 0 THEN length({1}) - {0} ELSE 0 END", d.find(a, "."),
                           a);
    };
    std::string timed =
        fmt::format("customer,\n           {} AS ts",
                    r.date_format == request::dates::iso
                        ? d.timestamp("date_text", r.offset_minutes)
                        : d.epoch_timestamp("date_text", r.date_format == request::dates::epoch_ms,
                                            r.offset_minutes));
    if (c.amount)
        timed += fmt::format(",\n           {} AS amount_units,\n           {} AS amount_scale",
                             units("amount_text"), decimals("amount_text"));
    if (c.quantity && c.price)
        timed += fmt::format(
            ",\n           ({}) * ({}) AS amount_units,\n           {} + {} AS amount_scale",
            units("quantity_text"), units("price_text"), decimals("quantity_text"),
            decimals("price_text"));
    if (keyed())
        timed += ",\n           order_key";
    step("log_times",
         "each row's time (SPEC §6 values): a zone converted to UTC (or --utc-offset), a naive "
         "time as written; its amount in units and decimals",
         fmt::format("SELECT {}\n    FROM log_text", timed));

    const std::string day = d.epoch_day("ts");
    step("log_days", "each row's day; rows after --to are ignored",
         fmt::format("SELECT log_times.*, {} AS day\n    FROM log_times{}", day,
                     r.to_day ? fmt::format("\n    WHERE {} <= {}", day, *r.to_day) : ""));

    std::string rows = "customer, ts, day,\n           ";
    rows += r.cal.unit == period_unit::day || r.cal.unit == period_unit::week
                ? period_of_day("day")
                : period_of_date("ts");
    rows += " AS period";
    if (amounts()) {
        step("scale", "revenue is exact, written with the most decimals of any amount",
             fmt::format("SELECT max(amount_scale) AS s, {} AS f\n    FROM log_days",
                         pow10("max(amount_scale)")));
        rows += fmt::format(
            ",\n           amount_units * {} AS units,\n           CASE WHEN "
            "amount_units >= 0 THEN 1 ELSE 0 END AS order_row",
            pow10("s - amount_scale"));
    } else {
        rows += ",\n           1 AS order_row";
    }
    if (keyed())
        rows += ",\n           order_key";
    step("log_rows",
         fmt::format("each row's {} (SPEC §6 periods) and whether it is an order: a refund "
                     "(amount < 0) counts in revenue only",
                     name_of(r.cal.unit)),
         fmt::format("SELECT {}\n    FROM log_days{}", rows, amounts() ? " CROSS JOIN scale" : ""));

    const std::string lo =
        r.first_period ? fmt::format("CASE WHEN min(period) < {0} THEN min(period) ELSE {0} END",
                                     *r.first_period)
                       : "min(period)";
    const std::string hi = r.last_period ? std::to_string(*r.last_period) : "max(period)";
    step("bounds",
         "the periods: from the first row's (or --from's) to the last row's (or --to's); the "
         "periods of the days before and after the data, for partial periods",
         fmt::format("SELECT {} AS lo, {} AS hi,\n           {} AS before_first,\n           {} AS "
                     "after_last\n    FROM log_rows",
                     lo, hi, period_of_day("min(day) - 1"), period_of_day("max(day) + 1")));
}

std::string parts::period_of_day(const std::string& day_expr) const {
    const std::string day = "(" + day_expr + ")";
    const auto week = [&](int first) {
        return fmt::format("{} - {}",
                           d.div(fmt::format("{} - {} + {}", day, first, 7 * week_offset), "7"),
                           week_offset);
    };
    switch (r.cal.unit) {
        case period_unit::day:
            return day;
        case period_unit::week:
            return week(r.cal.weeks == week_start::monday ? 4 : 3);
        default:
            return period_of_date(d.day_date(day));
    }
}

std::string parts::period_of_date(const std::string& date) const {
    switch (r.cal.unit) {
        case period_unit::quarter:
            return fmt::format("{} * 4 + {}", d.part("YEAR", date),
                               d.div(d.part("MONTH", date) + " - 1", "3"));
        case period_unit::year:
            return d.part("YEAR", date);
        default:
            return fmt::format("{} * 12 + {} - 1", d.part("YEAR", date), d.part("MONTH", date));
    }
}

std::string parts::label(const std::string& p_expr) const {
    const std::string p = "(" + p_expr + ")";
    const auto date_label = [&](const std::string& day) {
        const std::string date = d.day_date(day);
        return fmt::format("{} || '-' || {} || '-' || {}", d.pad(d.part("YEAR", date), "4"),
                           d.pad(d.part("MONTH", date), "2"), d.pad(d.part("DAY", date), "2"));
    };
    switch (r.cal.unit) {
        case period_unit::day:
            return date_label(p);
        case period_unit::week: {
            if (r.cal.weeks == week_start::sunday)
                return date_label(fmt::format("7 * {} + 3", p));
            // An ISO week is its Thursday's year's, numbered from that year's first Thursday.
            const std::string thursday = fmt::format("(7 * {} + 7)", p);
            const std::string year = d.part("YEAR", d.day_date(thursday));
            const std::string jan1 = d.epoch_day(d.make_date(year, "1", "1"));
            return fmt::format(
                "{} || '-W' || {}", d.pad(year, "4"),
                d.pad(d.div(fmt::format("{} - {}", thursday, jan1), "7") + " + 1", "2"));
        }
        case period_unit::month:
            return fmt::format("{} || '-' || {}", d.pad(d.div(p, "12"), "4"),
                               d.pad(d.mod(p, "12") + " + 1", "2"));
        case period_unit::quarter:
            return fmt::format("{} || '-Q' || {}", d.pad(d.div(p, "4"), "4"),
                               d.text(d.mod(p, "4") + " + 1"));
        case period_unit::year:
            return d.pad(p, "4");
    }
    return {};
}

std::string parts::rounded(const std::string& num, const std::string& den) const {
    const std::string scale = power_of_ten(r.precision);
    return fmt::format("{} * {} + {}", d.div(num, den), scale,
                       d.div(fmt::format("{} * 2{} + {}", d.mod(num, den), scale.substr(1), den),
                             fmt::format("2 * {}", den)));
}

std::string parts::fixed(const std::string& v) const {
    if (r.precision == 0)
        return d.text(v);
    const std::string scale = power_of_ten(r.precision);
    return fmt::format("{} || '.' || {}", d.text(d.div(v, scale)),
                       d.pad(d.mod(v, scale), std::to_string(r.precision)));
}

std::string parts::percent(const std::string& num, const std::string& den) const {
    return fmt::format("CASE WHEN {1} > 0 THEN {0} END",
                       fixed(rounded(d.wide(num) + " * 100", den)), den);
}

std::string parts::money(const std::string& units) const {
    const std::string magnitude = fmt::format("abs({})", units);
    return fmt::format(
        "CASE WHEN {0} < 0 THEN '-' ELSE '' END || {1} || CASE WHEN s > 0 THEN '.' || {2} ELSE '' "
        "END",
        units, d.text(d.div(magnitude, "f")), d.pad(d.mod(magnitude, "f"), "s"));
}

std::string parts::mean(const std::string& units, const std::string& count) const {
    const std::string v = rounded(fmt::format("abs({})", units), fmt::format("{} * f", count));
    return fmt::format(
        "CASE WHEN {1} > 0 THEN CASE WHEN {0} < 0 AND {2} > 0 THEN '-' ELSE '' END "
        "|| {3} END",
        units, count, v, fixed(v));
}

std::string parts::first_partial(const std::string& first) const {
    if (r.first_period)
        return "0";  // --from reports its period whole: the rows before it are history
    // The data starts inside `first` when its first day is in it, and so is the day before.
    return fmt::format("CASE WHEN lo = {0} AND before_first = {0} THEN 1 ELSE 0 END", first);
}

std::string parts::last_partial() const {
    if (r.to_day)
        return r.last_partial ? "1" : "0";
    return "CASE WHEN after_last = hi THEN 1 ELSE 0 END";
}

std::string parts::boolean(const std::string& condition) const {
    return fmt::format("CASE WHEN {} THEN 'true' ELSE 'false' END", condition);
}

}  // namespace churn::cli::sql
