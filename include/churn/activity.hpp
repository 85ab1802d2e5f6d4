#pragma once
/// From an activity log (orders, payments, logins) to the quantities of every period, SPEC §6.
/// Pure and I/O-free: the caller reads the rows and feeds them in any order; memory is per
/// customer (their ids once, in an arena, and a bit per period of their span of activity),
/// never per event, except where distinct orders need one entry each: those of an unsorted
/// log, and the --order values of any log (an id may recur in any later row).

#include <churn/decimal.hpp>
#include <churn/period.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace churn {

/// What one order is (SPEC §6): a distinct (customer, order key), the key being the --order
/// value (its bytes, counted in the first period it is seen in), else the timestamp as
/// written; distinct (customer, day); or every row.
enum class order_rule { distinct, days, rows };

struct activity_options {
    int inactive_after = 1;  ///< K ≥ 1: alive while the latest order lies in the last K periods
    order_rule orders = order_rule::distinct;
    /// Keep one entry per distinct order, for a log that may not be sorted by time. Without it,
    /// add() throws unsorted_log at the first row older than its customer's previous row, since
    /// telling a new order from a repeated one then needs every order seen.
    bool unsorted = false;
    bool revenue_movements = false;  ///< revenue movements per period (keeps what the next does)
    /// Keep the revenue cohorts need: in a sorted log, per cohort and age (add() throws
    /// unsorted_log at a row older than its customer's previous one); unsorted, per customer
    /// and period.
    bool cohort_revenue = false;
    bool customer_details = false;  ///< keep each customer's first/last order, orders, revenue
};

/// add() met a row older than its customer's previous one, in sorted mode: read the log again
/// with activity_options::unsorted.
class unsorted_log : public error {
  public:
    using error::error;
};

/// One row of a log, as read.
struct activity_row {
    std::string_view customer;  ///< non-empty; trimmed by the caller
    std::int64_t micros = 0;    ///< the timestamp (date.hpp), for order keys and sortedness
    std::int64_t day = 0;       ///< the day it falls on
    std::int64_t period = 0;    ///< the calendar's period of that day
    decimal amount;             ///< 0 without an amount column; negative: a refund
    std::string_view order;     ///< the --order value; empty without the column
};

/// Revenue movements of one period, per customer against the period before (ChartMogul's).
struct activity_revenue {
    decimal start;         ///< revenue of the period before
    decimal new_revenue;   ///< of customers whose first order is in the period
    decimal expansion;     ///< more than the period before
    decimal contraction;   ///< less, but some
    decimal churned;       ///< some the period before, none now
    decimal reactivation;  ///< none the period before, some now, not new
    decimal end;           ///< revenue of the period
};

/// Revenue movements need every customer's revenue per period ≥ 0: the period and customer
/// where it is not (the caller names the period).
class negative_revenue : public domain_error {
  public:
    negative_revenue(std::int64_t period, std::string_view customer, const decimal& revenue);
    std::int64_t period() const { return period_; }

  private:
    std::int64_t period_;
};

/// The quantities of one period.
struct activity_period {
    std::int64_t period = 0;  ///< the calendar's index
    std::int64_t start = 0;   ///< alive at the end of the period before
    std::int64_t lost = 0;    ///< alive at the end of the period before, not at its end
    std::int64_t acquired = 0;
    std::int64_t returned = 0;  ///< active, not new, not alive at the end of the period before
    std::int64_t end = 0;       ///< alive at its end: start − lost + new + returned
    std::int64_t active = 0;    ///< with an order in it
    std::int64_t orders = 0;
    std::int64_t repeat = 0;  ///< active, with ≥ 2 orders up to its end
    decimal revenue;          ///< Σ amounts, refunds included
    std::optional<activity_revenue> movements;

    /// The §1 period: S, L, N, LN = 0 (a new customer is alive at the end of its period), R, E.
    churn::period counts() const;
};

/// One customer, for `--customers`.
struct activity_customer {
    std::string_view id;
    std::int64_t first_order = 0;  ///< micros
    std::int64_t last_order = 0;
    std::int64_t orders = 0;
    decimal revenue;
};

/// The whole log.
struct activity_totals {
    std::int64_t customers = 0;         ///< with at least one order
    std::int64_t orders = 0;            ///< over the whole log
    std::int64_t repeat_customers = 0;  ///< with ≥ 2 orders
    decimal revenue;
    std::int64_t first_day = 0;  ///< of the rows fed; both 0 without rows
    std::int64_t last_day = 0;
};

struct cohort_options;  // cohort.hpp
struct cohort_table;

/// Which customers a cell of the table counts.
enum class activity_cell { lost, acquired, returned, active };

/// The aggregator. Feed rows with add(), then ask for the periods.
class activity {
  public:
    explicit activity(activity_options o = {});
    activity(activity&&) noexcept;
    activity& operator=(activity&&) noexcept;
    ~activity();

    /// Adds one row. Throws unsorted_log (sorted mode), or churn::error when a sum would pass
    /// the exact range.
    void add(const activity_row& row);
    /// Adds rows in their order, faster than one by one: the memory of each row's customer is
    /// fetched while the others are worked on.
    void add(std::span<const activity_row> rows);

    /// Rows fed, and whether any was.
    std::size_t rows() const;

    /// Every period from `first` to `last` (the calendar's indices), empty ones included; the
    /// periods before `first` are history. Without bounds, those of the first and last row.
    /// With revenue movements, throws negative_revenue.
    std::vector<activity_period> periods(std::optional<std::int64_t> first = {},
                                         std::optional<std::int64_t> last = {}) const;
    activity_totals totals() const;

    /// The customers that `cell` of period p counts, in the order they first appeared; needs
    /// customer_details for their orders and revenue.
    std::vector<activity_customer> customers(activity_cell cell, std::int64_t p) const;

    /// The retention of each acquisition cohort (cohort.hpp), from the same customers; revenue
    /// needs cohort_revenue.
    cohort_table cohorts(const cohort_options& o) const;
    /// The customers one cell of cohorts() counts, in the order they first appeared.
    std::vector<activity_customer> cohort_customers(const cohort_options& o, std::int64_t cohort,
                                                    std::int64_t age) const;

    struct state;  ///< internal: src/lib/activity_state.hpp

  private:
    std::unique_ptr<state> s_;
};

}  // namespace churn
