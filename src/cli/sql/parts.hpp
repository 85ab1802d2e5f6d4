#pragma once
// What the queries of churn events and churn cohort share: the list of CTEs they are written
// as, the rows of the log in exact units, periods and their labels, and exact text for
// percentages and money, rounded half away from zero as churn rounds.

#include "cli/sql/dialect.hpp"
#include "cli/sql/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace churn::cli::sql {

class parts {
  public:
    explicit parts(const request& req) : d(req.kind), r(req) {}

    /// Adds CTE `name`, its comment saying which definition it implements.
    void step(std::string_view name, std::string_view comment, std::string body);
    /// The whole query: the CTEs, then `select`.
    std::string finish(const std::string& select) const;

    /// The steps of the rows: `log_rows` (customer, ts, day, period, order_row 0/1, and with
    /// amounts units at the log's scale; with --order order_key), and with amounts `scale`
    /// (s, f = 10^s), then `bounds` (lo, hi: the periods; before_first, after_last: those
    /// of the days just outside the data).
    void add_rows();

    bool amounts() const { return r.columns.amounts(); }
    /// Orders are distinct --order values (else timestamps, days or rows): log_rows has order_key.
    bool keyed() const { return r.columns.order && r.orders == order_rule::distinct; }
    /// The period of a day number.
    std::string period_of_day(const std::string& day) const;
    /// The month, quarter or year of a date or timestamp.
    std::string period_of_date(const std::string& date) const;
    /// The label of a period index.
    std::string label(const std::string& p) const;
    /// 100 × num / den at --precision (num ≥ 0), empty when den is 0.
    std::string percent(const std::string& num, const std::string& den) const;
    /// Money in units of the scale CTE as its exact text, and units / count at --precision.
    std::string money(const std::string& units) const;
    std::string mean(const std::string& units, const std::string& count) const;
    /// Whether the first period reported, `first` (the data's first without --from), is partial:
    /// an integer 0/1 expression over bounds; and the last.
    std::string first_partial(const std::string& first) const;
    std::string last_partial() const;
    /// 'true' or 'false'.
    std::string boolean(const std::string& condition) const;
    /// A NULL of type text, for a column without a value.
    std::string no_text() const { return d.text("NULL"); }

    const dialect d;
    const request& r;

  private:
    /// v ≥ 0, an integer in units of 10^-precision, as text with its decimals.
    std::string fixed(const std::string& v) const;
    /// round(num × 10^precision / den) for num ≥ 0, den > 0, half away from zero.
    std::string rounded(const std::string& num, const std::string& den) const;
    std::string pow10(const std::string& k) const;

    struct cte {
        std::string name, comment, body;
    };
    std::vector<cte> ctes_;
};

}  // namespace churn::cli::sql
