#pragma once
// The definitions of SPEC §6 (churn events) and §7 (churn cohort) as one SQL query over a table
// of the log, for any engine of dialect.hpp: run where the data lives, it returns the rows and
// text of `churn events|cohort --format csv` (SPEC §8).

#include "cli/sql/dialect.hpp"

#include <churn/activity.hpp>
#include <churn/cohort.hpp>
#include <churn/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace churn::cli::sql {

/// The table's columns by name; amount, or quantity and price, or neither.
struct table_columns {
    std::string customer, date;
    std::optional<std::string> amount, quantity, price, order;

    bool amounts() const { return amount || (quantity && price); }
};

/// Everything the query depends on, checked and resolved by the command.
struct request {
    std::string command = "events";  ///< events or cohort, for the query's first line
    engine kind = engine::duckdb;
    std::string table = "events";
    table_columns columns;
    calendar cal;
    enum class dates { iso, epoch, epoch_ms };
    dates date_format = dates::iso;  ///< --date-format: ISO 8601 text or dates, or epoch numbers
    int offset_minutes = 0;          ///< --utc-offset
    std::optional<std::int64_t> first_period;  ///< --from's period: earlier rows are history
    std::optional<std::int64_t> to_day;        ///< --to: later rows are ignored
    std::optional<std::int64_t> last_period;   ///< --to's period
    bool last_partial = false;  ///< --to lies before its period's last day (known without data)
    int precision = 2;
    std::vector<std::string> fields;  ///< the output columns, in order (names of §6 or §7)
    // churn events
    int inactive_after = 1;
    order_rule orders = order_rule::distinct;
    // churn cohort
    retention_kind retention = retention_kind::classic;
};

/// One query, `WITH …; ` ending in a newline, one CTE per step with a comment naming its
/// definition.
std::string events_query(const request& r);
std::string cohort_query(const request& r);

}  // namespace churn::cli::sql
