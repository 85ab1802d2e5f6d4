#pragma once
// The columns of churn events: which column of an activity log's header holds each role, by
// flag or guessed from the common names of SPEC §6.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli {

enum class event_role { customer, date, amount, quantity, price, order };

/// The column names --customer, --date, --amount, --quantity, --price and --order give.
struct event_column_flags {
    std::optional<std::string> customer, date, amount, quantity, price, order;
};

/// Where each role is in the header; amount, or quantity and price (amount = quantity × price),
/// or neither.
struct event_columns {
    std::size_t customer = 0, date = 0;
    std::optional<std::size_t> amount, quantity, price, order;
    std::size_t width = 0;  ///< fields in the header
    /// "columns guessed: customer CustomerID, date InvoiceDate, …" (only guessed roles), or empty.
    std::string note;
};

/// The columns of `header`: by flag (names compared in canonical form, as batch does), else
/// guessed from common names (customer_id, user_id, …; date, InvoiceDate, …; amount, revenue,
/// total; order_id, InvoiceNo, transaction_id; Quantity and UnitPrice or price when there is no
/// amount), compared in canonical form without underscores (CustomerID is customer_id).
/// Throws churn::error for a flag naming no column, two candidates for one role, no customer or
/// date column, two roles in one column, --amount with --quantity or --price, and --quantity or
/// --price alone.
event_columns find_event_columns(const std::vector<std::string_view>& header,
                                 const event_column_flags& flags);

}  // namespace churn::cli
