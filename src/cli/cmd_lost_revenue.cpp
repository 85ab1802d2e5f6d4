// churn lost-revenue: what the customers who left were worth (article 002).

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct lost_revenue_options {
    std::optional<std::string> lost, lost_new, value;
};

void setup(CLI::App& app, lost_revenue_options& o) {
    add_value(app, "--lost", o.lost, "Customers lost (of the starting base)");
    add_value(app, "--lost-new", o.lost_new, "New customers lost in the same period (added)");
    add_value(app, "--value", o.value, "Average profit or revenue per customer");
}

report calculate(const lost_revenue_options& o, const context& ctx) {
    const std::int64_t lost = required_count(o.lost, "--lost");
    const std::int64_t lost_new = count_flag(o.lost_new, "--lost-new").value_or(0);
    const decimal value = required_money(o.value, "--value", ctx);
    std::int64_t total;
    if (__builtin_add_overflow(lost, lost_new, &total))
        throw error("--lost + --lost-new is too large to compute");
    const decimal money = lost_revenue(total, value);
    const char pt = ctx.point();
    report r;
    r.command = "lost-revenue";
    r.headline = "lost_revenue";
    add(r, "lost", lost);
    if (o.lost_new)
        add(r, "lost_new", lost_new);
    add(r, "lost_total", total);
    add(r, "value", value);
    add(r, "lost_revenue", money, unit::money, "Lost revenue",
        fmt::format("{} customers × {}", total, to_string(value, pt)));
    r.explanation.push_back(fmt::format("lost revenue = {} × {} = {}", total, to_string(value, pt),
                                        explain_number(money.to_ratio(), ctx.precision(), pt)));
    return r;
}

}  // namespace

command make_lost_revenue_command() {
    return calculation<lost_revenue_options>(
        "lost-revenue", "Revenue lost with the customers who left: lost × value",
        R"(Examples:
  churn lost-revenue --lost 19 --value 30         lost revenue: 570.00
  churn lost-revenue --lost 15 --lost-new 4 --value 29.90)",
        setup, calculate);
}

}  // namespace churn::cli
