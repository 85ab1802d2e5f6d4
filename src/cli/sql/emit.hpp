#pragma once
// --emit-sql and --table, which churn events and churn cohort share: the flags, and the part of
// the query's request that comes from the log's flags (SPEC §8).

#include "cli/log_options.hpp"
#include "cli/options.hpp"
#include "cli/sql/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace churn::cli {

struct sql_flags {
    std::optional<std::string> dialect;
    std::optional<std::string> table;
};

/// Registers --emit-sql DIALECT and --table NAME.
void add_sql_options(CLI::App& app, sql_flags& o);

/// Whether --emit-sql was given; --table without it is an error.
bool wants_sql(const sql_flags& s);

/// The engine --emit-sql names.
sql::engine sql_engine(const sql_flags& s);

/// Throws "--emit-sql DIALECT cannot express FLAG: why" when `given`.
void refuse_in_sql(sql::engine e, bool given, std::string_view flag, std::string_view why);

/// The request for --emit-sql, after the command has refused its own flags: the engine, the table,
/// its columns (by a log's header when a file is given, as churn would read it, else by --customer
/// and --date), the periods,
/// --utc-offset, --from/--to and --precision. Throws for a flag of the log no query expresses.
sql::request sql_request(const sql_flags& s, const log_flags& o, const log_plan& plan,
                         const context& ctx, std::string_view command);

}  // namespace churn::cli
