// --emit-sql's dialects and model (src/cli/sql): quoting that no name can escape, in each
// engine's own rules, and a query of one statement, one commented CTE per step. tests/sql runs
// the queries on DuckDB, SQLite and PostgreSQL and parses the BigQuery and Spark ones.
#include "cli/sql/dialect.hpp"
#include "cli/sql/model.hpp"

#include <churn/error.hpp>

#include <string>

#include "catch.hpp"

namespace sql = churn::cli::sql;

namespace {

sql::request request_of(sql::engine e) {
    sql::request r;
    r.kind = e;
    r.columns.customer = "customer_id";
    r.columns.date = "date";
    r.columns.amount = "amount";
    r.fields = {"period", "start", "lost", "churn_pct", "revenue", "arpu", "partial"};
    return r;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// The query without its comment lines.
std::string code_of(const std::string& q) {
    std::string out;
    for (std::size_t at = 0; at < q.size();) {
        std::size_t end = q.find('\n', at);
        end = end == std::string::npos ? q.size() : end + 1;
        if (q.compare(at, 3, "-- ") != 0)
            out += q.substr(at, end - at);
        at = end;
    }
    return out;
}

}  // namespace

TEST_CASE("every dialect is named by --emit-sql and names itself") {
    for (const char* name : {"duckdb", "postgres", "sqlite", "bigquery", "spark"}) {
        const auto e = sql::parse_engine(name);
        REQUIRE(e);
        CHECK(sql::name_of(*e) == name);
    }
    CHECK_FALSE(sql::parse_engine("mysql"));
    CHECK_FALSE(sql::parse_engine("DuckDB"));
}

TEST_CASE("a name is quoted so that its quotes cannot end it") {
    const sql::dialect duck(sql::engine::duckdb), pg(sql::engine::postgres),
        lite(sql::engine::sqlite), bq(sql::engine::bigquery), spark(sql::engine::spark);
    const std::string hostile = "we\"ird`;DROP TABLE keep;--";
    CHECK(duck.ident(hostile) == "\"we\"\"ird`;DROP TABLE keep;--\"");
    CHECK(pg.ident(hostile) == duck.ident(hostile));
    CHECK(lite.ident(hostile) == duck.ident(hostile));
    // BigQuery: a quoted name takes the escapes of a string; Spark doubles the backquote.
    CHECK(bq.ident(hostile) == "`we\"ird\\`;DROP TABLE keep;--`");
    CHECK(bq.ident("a\\b") == "`a\\\\b`");
    CHECK(bq.ident("a\nb") == "`a\\x0ab`");
    CHECK(spark.ident(hostile) == "`we\"ird``;DROP TABLE keep;--`");
    CHECK(spark.ident("a\\b") == "`a\\b`");
}

TEST_CASE("a table name's dots separate schema and table, each part quoted") {
    CHECK(sql::dialect(sql::engine::postgres).table("shop.orders") == "\"shop\".\"orders\"");
    CHECK(sql::dialect(sql::engine::bigquery).table("proj.shop.orders") ==
          "`proj`.`shop`.`orders`");
    CHECK(sql::dialect(sql::engine::duckdb).table("events") == "\"events\"");
}

TEST_CASE("a string literal doubles its quote, or escapes it where backslashes are escapes") {
    CHECK(sql::dialect(sql::engine::postgres).literal("it's \\") == "'it''s \\'");
    CHECK(sql::dialect(sql::engine::sqlite).literal("it's") == "'it''s'");
    CHECK(sql::dialect(sql::engine::bigquery).literal("it's \\") == "'it\\'s \\\\'");
    CHECK(sql::dialect(sql::engine::spark).literal("it's \\") == "'it\\'s \\\\'");
}

TEST_CASE("the query is one statement: one commented CTE per step, then the select") {
    for (const auto e : {sql::engine::duckdb, sql::engine::postgres, sql::engine::sqlite,
                         sql::engine::bigquery, sql::engine::spark}) {
        sql::request r = request_of(e);
        r.table = "x;DROP TABLE keep";
        for (const std::string& q : {sql::events_query(r), sql::cohort_query([&] {
                                         sql::request c = r;
                                         c.command = "cohort";
                                         c.fields = {"cohort", "age", "retention_pct", "ltv"};
                                         return c;
                                     }())}) {
            INFO(q);
            CHECK(q.starts_with("-- churn "));
            CHECK(q.ends_with(";\n"));
            CHECK(count(code_of(q), ";") == 2);  // the one in the quoted table name, and the end
            CHECK(count(q, " AS (\n") == count(q, "\n-- ") - (e == sql::engine::spark ? 1 : 0));
            CHECK(q.find(e == sql::engine::sqlite ? "\nWITH RECURSIVE\n" : "\nWITH\n") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("the query writes only the columns of SPEC 6 and 7") {
    sql::request r = request_of(sql::engine::duckdb);
    r.fields = {"period", "lifetime_periods"};
    CHECK_THROWS_AS(sql::events_query(r), churn::error);
    r.command = "cohort";
    r.fields = {"cohort", "churn_pct"};
    CHECK_THROWS_AS(sql::cohort_query(r), churn::error);
}

TEST_CASE("the bounds of --from and --to reach the query as numbers and not as data") {
    sql::request r = request_of(sql::engine::postgres);
    r.first_period = 24 * 12;  // 2024-01
    r.last_period = 24 * 12 + 2;
    r.to_day = 19790;  // 2024-03-08
    r.last_partial = true;
    const std::string q = sql::events_query(r);
    CHECK(q.find("<= 19790") != std::string::npos);         // rows after --to are ignored
    CHECK(q.find("m.period >= 288") != std::string::npos);  // periods before --from are history
}
