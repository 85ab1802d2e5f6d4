#include "cli/sql/emit.hpp"

#include "cli/event_columns.hpp"
#include "cli/events_input.hpp"

#include <churn/error.hpp>

namespace churn::cli {

void add_sql_options(CLI::App& app, sql_flags& o) {
    add_value(app, "--emit-sql", o.dialect,
              "Print the same definitions as one SQL query instead: duckdb, postgres, sqlite, "
              "bigquery or spark")
        ->type_name("DIALECT");
    add_value(app, "--table", o.table, "The table --emit-sql reads (default events; schema.table)")
        ->type_name("NAME");
}

bool wants_sql(const sql_flags& s) {
    if (s.table && !s.dialect)
        throw error("--table names the table --emit-sql reads; give --emit-sql DIALECT too");
    return s.dialect.has_value();
}

sql::engine sql_engine(const sql_flags& s) {
    const auto kind = sql::parse_engine(*s.dialect);
    if (!kind)
        throw parse_error("--emit-sql", *s.dialect,
                          "is not one of duckdb, postgres, sqlite, bigquery, spark");
    return *kind;
}

void refuse_in_sql(sql::engine e, bool given, std::string_view flag, std::string_view why) {
    if (given)
        throw error("--emit-sql " + std::string(sql::name_of(e)) + " cannot express " +
                    std::string(flag) + ": " + std::string(why));
}

namespace {

/// The columns by name: a log's header read as churn reads it, or the flags alone.
sql::table_columns columns_of(const log_flags& o, const log_plan& plan, const context& ctx) {
    sql::table_columns c;
    const event_column_flags& f = o.columns;
    for (const auto& [flag, name] : {std::pair{"--customer", &f.customer},
                                     {"--date", &f.date},
                                     {"--amount", &f.amount},
                                     {"--quantity", &f.quantity},
                                     {"--price", &f.price},
                                     {"--order", &f.order}})
        if (*name && (*name)->empty())
            throw parse_error(flag, **name, "is empty: name a column");
    if (o.files.empty()) {
        if (!f.customer || !f.date)
            throw error(
                "--emit-sql needs the table's columns: give --customer COL and --date COL, or a "
                "log whose header names them");
        if (f.quantity.has_value() != f.price.has_value())
            throw error("--quantity and --price go together: amount = quantity × price");
        c.customer = *f.customer;
        c.date = *f.date;
        c.amount = f.amount;
        c.quantity = f.quantity;
        c.price = f.price;
        c.order = f.order;
        return c;
    }
    std::string name;
    const std::vector<std::string> header = read_header(plan.source, ctx, name);
    const std::vector<std::string_view> cells(header.begin(), header.end());
    event_columns found;
    try {
        found = find_event_columns(cells, f);
    } catch (const churn::error& e) {
        throw error(name + ":1: " + e.what());
    }
    if (!found.note.empty())
        ctx.err << "churn: note: " << name << ": " << found.note << "\n";
    const auto named = [&](std::optional<std::size_t> i) -> std::optional<std::string> {
        if (i)
            return header[*i];
        return std::nullopt;
    };
    c.customer = header[found.customer];
    c.date = header[found.date];
    c.amount = named(found.amount);
    c.quantity = named(found.quantity);
    c.price = named(found.price);
    c.order = named(found.order);
    return c;
}

}  // namespace

sql::request sql_request(const sql_flags& s, const log_flags& o, const log_plan& plan,
                         const context& ctx, std::string_view command) {
    sql::request r;
    r.command = std::string(command);
    r.kind = sql_engine(s);
    if (s.table) {
        if (s.table->empty() || s.table->front() == '.' || s.table->back() == '.' ||
            s.table->find("..") != std::string::npos)
            throw parse_error("--table", *s.table,
                              "is not a table name (dots separate schema and table)");
        r.table = *s.table;
    }
    if (o.date_format == "epoch" || o.date_format == "epoch-ms")
        r.date_format =
            *o.date_format == "epoch" ? sql::request::dates::epoch : sql::request::dates::epoch_ms;
    else
        refuse_in_sql(r.kind, o.date_format.has_value(),
                      "--date-format " + o.date_format.value_or(""),
                      "the query reads dates as DATE, TIMESTAMP or ISO 8601 text, or epoch and "
                      "epoch-ms numbers");
    refuse_in_sql(r.kind, o.skip_invalid, "--skip-invalid",
                  "a query has no rows to skip and report");
    refuse_in_sql(r.kind, ctx.common.decimal_comma, "--decimal-comma",
                  "the query writes CSV, with decimal points");
    refuse_in_sql(r.kind, ctx.common.format_given && ctx.output_format() != format::csv, "--format",
                  "the query returns the rows of --format csv");
    const events_source& src = plan.source;
    r.columns = columns_of(o, plan, ctx);
    r.cal = src.cal;
    r.offset_minutes = src.offset.value_or(0);
    r.first_period = plan.first_period;
    r.last_period = plan.last_period;
    r.to_day = src.to_day;
    if (src.to_day)
        r.last_partial = *src.to_day < src.cal.last_day(*plan.last_period);
    r.precision = ctx.precision();
    return r;
}

}  // namespace churn::cli
