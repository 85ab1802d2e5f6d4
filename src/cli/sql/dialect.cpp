#include "cli/sql/dialect.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>

namespace churn::cli::sql {

namespace {

constexpr std::array<std::string_view, 5> names = {"duckdb", "postgres", "sqlite", "bigquery",
                                                   "spark"};

/// `text` between `quote`s, each character of `escaped` (the quote among them) preceded by
/// `escape`; with `hex_controls` a control character is written \xhh (BigQuery takes no raw
/// newline in a name or string).
std::string quoted(std::string_view text, char quote, char escape, std::string_view escaped,
                   bool hex_controls = false) {
    std::string out(1, quote);
    for (const char c : text) {
        if (hex_controls && static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
            continue;
        }
        if (escaped.find(c) != std::string_view::npos)
            out += escape;
        out += c;
    }
    return out + quote;
}

}  // namespace

std::optional<engine> parse_engine(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<engine>(i);
    return std::nullopt;
}

std::string_view name_of(engine e) {
    return names[static_cast<std::size_t>(e)];
}

std::string dialect::ident(std::string_view name) const {
    switch (e_) {
        case engine::bigquery:  // quoted identifiers take the escapes of string literals
            return quoted(name, '`', '\\', "`\\", true);
        case engine::spark:
            return quoted(name, '`', '`', "`");
        default:
            return quoted(name, '"', '"', "\"");
    }
}

std::string dialect::table(std::string_view name) const {
    // SQLite's WITH RECURSIVE lets every CTE see every other: a table named like one of ours
    // (log_text, periods) would be read as the CTE. A schema-qualified name never is.
    std::string out =
        e_ == engine::sqlite && name.find('.') == std::string_view::npos ? ident("main") + "." : "";
    for (std::size_t start = 0;;) {
        const std::size_t dot = name.find('.', start);
        out += ident(name.substr(start, dot - start));
        if (dot == std::string_view::npos)
            return out;
        out += '.';
        start = dot + 1;
    }
}

std::string dialect::literal(std::string_view text) const {
    // BigQuery and Spark read backslash escapes in string literals; the others only double quotes.
    if (e_ == engine::bigquery || e_ == engine::spark)
        return quoted(text, '\'', '\\', "'\\", e_ == engine::bigquery);
    return quoted(text, '\'', '\'', "'");
}

std::string dialect::text(const std::string& x) const {
    constexpr std::array<std::string_view, 5> type = {"VARCHAR", "text", "TEXT", "STRING",
                                                      "STRING"};
    return fmt::format("CAST({} AS {})", x, type[static_cast<std::size_t>(e_)]);
}

std::string dialect::bigint(const std::string& x) const {
    constexpr std::array<std::string_view, 5> type = {"BIGINT", "bigint", "INTEGER", "INT64",
                                                      "BIGINT"};
    return fmt::format("CAST({} AS {})", x, type[static_cast<std::size_t>(e_)]);
}

std::string dialect::wide(const std::string& x) const {
    constexpr std::array<std::string_view, 5> type = {"HUGEINT", "numeric", "INTEGER", "NUMERIC",
                                                      "DECIMAL(38, 0)"};
    return fmt::format("CAST({} AS {})", x, type[static_cast<std::size_t>(e_)]);
}

std::string dialect::div(const std::string& a, const std::string& b) const {
    switch (e_) {
        case engine::duckdb:
            return fmt::format("(({}) // ({}))", a, b);
        case engine::postgres:  // div() truncates numeric too, where / would not
            return fmt::format("div({}, {})", a, b);
        case engine::bigquery:
            return fmt::format("DIV({}, {})", a, b);
        case engine::spark:  // div() gives a bigint: back to decimal, for money
            return fmt::format("CAST(div({}, {}) AS DECIMAL(38, 0))", a, b);
        case engine::sqlite:
            break;
    }
    return fmt::format("(({}) / ({}))", a, b);
}

std::string dialect::mod(const std::string& a, const std::string& b) const {
    if (e_ == engine::bigquery || e_ == engine::postgres)
        return fmt::format("MOD({}, {})", a, b);
    return fmt::format("(({}) % ({}))", a, b);
}

std::string dialect::pad(const std::string& x, const std::string& width) const {
    if (e_ == engine::sqlite)  // no lpad: the last `width` characters of zeros and x
        return fmt::format("substr('000000000000000000000000000000000000' || {}, -({}))", text(x),
                           width);
    // lpad takes an int, not the bigint a count is
    return fmt::format("lpad({}, CAST({} AS INTEGER), '0')", text(x), width);
}

std::string dialect::find(const std::string& s, std::string_view needle) const {
    if (e_ == engine::sqlite || e_ == engine::spark)
        return fmt::format("instr({}, {})", s, literal(needle));
    return fmt::format("strpos({}, {})", s, literal(needle));
}

namespace {

/// SQLite's timestamps are text, to the millisecond.
constexpr std::string_view sqlite_time = "strftime('%Y-%m-%d %H:%M:%f', {}{})";

}  // namespace

std::string dialect::shifted(const std::string& ts, int minutes) const {
    if (minutes == 0)
        return ts;
    const char* sign = minutes < 0 ? "-" : "+";
    const int m = std::abs(minutes);
    switch (e_) {
        case engine::duckdb:
            return fmt::format("({} {} INTERVAL {} MINUTE)", ts, sign, m);
        case engine::postgres:
            return fmt::format("({} {} INTERVAL '{} minutes')", ts, sign, m);
        case engine::sqlite:
            return fmt::format(fmt::runtime(sqlite_time), ts,
                               fmt::format(", '{}{} minutes'", sign, m));
        case engine::bigquery:
            return fmt::format("DATETIME_ADD({}, INTERVAL {}{} MINUTE)", ts, sign, m);
        case engine::spark:
            return fmt::format("({} {} INTERVAL '{}' MINUTE)", ts, sign, m);
    }
    return {};
}

std::string dialect::timestamp(const std::string& t, int offset_minutes) const {
    // A zone is a Z, + or - after the date's ten characters.
    const std::string after_date = fmt::format("substr({}, 11)", t);
    const std::string zoned = fmt::format("{} + {} + {} > 0", find(after_date, "Z"),
                                          find(after_date, "+"), find(after_date, "-"));
    std::string utc, naive;
    switch (e_) {
        case engine::duckdb:
            utc = fmt::format("make_timestamp(epoch_us(CAST({} AS TIMESTAMPTZ)))", t);
            naive = fmt::format("CAST({} AS TIMESTAMP)", t);
            break;
        case engine::postgres:
            utc = fmt::format("(CAST({} AS timestamptz) AT TIME ZONE 'UTC')", t);
            naive = fmt::format("CAST({} AS timestamp)", t);
            break;
        case engine::sqlite:  // the date and time functions read the zone
            utc = naive = fmt::format(fmt::runtime(sqlite_time), t, "");
            break;
        case engine::bigquery: {  // DATETIME: a civil time, as churn counts it
            // BigQuery needs the seconds: 2024-01-31T23:30 becomes 2024-01-31T23:30:00.
            const std::string full = fmt::format(
                "CASE WHEN length({0}) >= 16 AND substr({0}, 17, 1) <> ':' THEN substr({0}, 1, 16) "
                "|| ':00' || substr({0}, 17) ELSE {0} END",
                t);
            utc = fmt::format("DATETIME(TIMESTAMP({}), 'UTC')", full);
            naive = fmt::format("CAST({} AS DATETIME)", full);
            break;
        }
        case engine::spark:  // the civil time in the session's zone, for zoned and naive alike
            utc = fmt::format("to_utc_timestamp(CAST({} AS TIMESTAMP), current_timezone())", t);
            naive = fmt::format("CAST({} AS TIMESTAMP)", t);
            break;
    }
    return fmt::format("CASE WHEN {}\n                THEN {}\n                ELSE {} END", zoned,
                       shifted(utc, offset_minutes), naive);
}

std::string dialect::epoch_timestamp(const std::string& t, bool millis, int offset_minutes) const {
    const std::string n = bigint(t);
    std::string utc;
    switch (e_) {
        case engine::duckdb:
            utc = fmt::format("make_timestamp({} * {})", n, millis ? "1000" : "1000000");
            break;
        case engine::postgres:
            utc = fmt::format("(TIMESTAMP '1970-01-01 00:00:00' + {} * INTERVAL '1 {}')", n,
                              millis ? "millisecond" : "second");
            break;
        case engine::sqlite:
            utc = fmt::format(fmt::runtime(sqlite_time), n + (millis ? " / 1000.0" : ""),
                              ", 'unixepoch'");
            break;
        case engine::bigquery:
            utc = fmt::format("DATETIME({}({}))", millis ? "TIMESTAMP_MILLIS" : "TIMESTAMP_SECONDS",
                              n);
            break;
        case engine::spark:
            utc = fmt::format("to_utc_timestamp({}({}), current_timezone())",
                              millis ? "timestamp_millis" : "timestamp_seconds", n);
            break;
    }
    return shifted(utc, offset_minutes);
}

std::string dialect::epoch_day(const std::string& ts) const {
    switch (e_) {
        case engine::duckdb:
            return fmt::format("date_diff('day', DATE '1970-01-01', CAST({} AS DATE))", ts);
        case engine::postgres:
            return fmt::format("(CAST({} AS date) - DATE '1970-01-01')", ts);
        case engine::sqlite:
            return fmt::format("(unixepoch(date({})) / 86400)", ts);
        case engine::bigquery:
            return fmt::format("UNIX_DATE(DATE({}))", ts);
        case engine::spark:
            return fmt::format("unix_date(CAST({} AS DATE))", ts);
    }
    return {};
}

std::string dialect::day_date(const std::string& day) const {
    switch (e_) {
        case engine::duckdb:
        case engine::postgres:
            return fmt::format("(DATE '1970-01-01' + CAST({} AS INTEGER))", day);
        case engine::sqlite:
            return fmt::format("date(({}) * 86400, 'unixepoch')", day);
        case engine::bigquery:
            return fmt::format("DATE_FROM_UNIX_DATE({})", day);
        case engine::spark:
            return fmt::format("date_from_unix_date({})", day);
    }
    return {};
}

std::string dialect::part(std::string_view field, const std::string& date) const {
    if (e_ == engine::sqlite)
        return fmt::format("CAST(strftime('{}', {}) AS INTEGER)",
                           field == "YEAR"    ? "%Y"
                           : field == "MONTH" ? "%m"
                                              : "%d",
                           date);
    if (e_ == engine::spark)
        return fmt::format("{}({})",
                           field == "YEAR"    ? "year"
                           : field == "MONTH" ? "month"
                                              : "dayofmonth",
                           date);
    return bigint(fmt::format("EXTRACT({} FROM {})", field, date));
}

std::string dialect::make_date(const std::string& y, const std::string& m,
                               const std::string& d) const {
    switch (e_) {
        case engine::duckdb:
            return fmt::format("make_date({}, {}, {})", y, m, d);
        case engine::postgres:
        case engine::spark:  // both take int, not bigint
            return fmt::format("make_date(CAST({} AS INTEGER), CAST({} AS INTEGER), {})", y, m, d);
        case engine::sqlite:
            return fmt::format("date(printf('%04d-%02d-%02d', {}, {}, {}))", y, m, d);
        case engine::bigquery:
            return fmt::format("DATE({}, {}, {})", y, m, d);
    }
    return {};
}

std::string_view dialect::with() const {
    return e_ == engine::sqlite ? "WITH RECURSIVE" : "WITH";
}

std::string dialect::series(std::string_view name, std::string_view column, std::string_view from,
                            std::string_view to, std::string_view bounds) const {
    switch (e_) {
        case engine::duckdb:
            return fmt::format("SELECT unnest(generate_series({}, {})) AS {} FROM {}", from, to,
                               column, bounds);
        case engine::postgres:
            return fmt::format("SELECT generate_series({}, {}) AS {} FROM {}", from, to, column,
                               bounds);
        case engine::sqlite:
            return fmt::format(
                "SELECT {1} AS {3} FROM {4} UNION ALL SELECT {3} + 1 FROM {0}, {4} WHERE {3} < {2}",
                name, from, to, column, bounds);
        case engine::bigquery:
            return fmt::format("SELECT {2} FROM {3}, UNNEST(GENERATE_ARRAY({0}, {1})) AS {2}", from,
                               to, column, bounds);
        case engine::spark:
            return fmt::format("SELECT explode(sequence({}, {})) AS {} FROM {}", from, to, column,
                               bounds);
    }
    return {};
}

}  // namespace churn::cli::sql
