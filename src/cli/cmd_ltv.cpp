// churn ltv: customer lifetime value, as the articles define it or from margin and churn.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct ltv_options {
    std::optional<std::string> revenue, marketing, customers;
    std::optional<std::string> arpu, churn, lifetime, margin, cac;
};

void setup(CLI::App& app, ltv_options& o) {
    add_value(app, "--revenue", o.revenue, "Revenue for the year (articles' LTV)");
    add_value(app, "--marketing", o.marketing, "Advertising and marketing cost (articles' LTV)");
    add_value(app, "--customers", o.customers, "Number of customers (articles' LTV)");
    add_value(app, "--arpu", o.arpu, "Average revenue per customer per period");
    add_value(app, "--churn", o.churn, "Churn rate per period, in percent");
    add_value(app, "--lifetime", o.lifetime, "Customer lifetime in periods (instead of --churn)");
    add_value(app, "--margin", o.margin, "Gross margin in percent (default 100)");
    add_value(app, "--cac", o.cac, "Customer acquisition cost, subtracted");
}

report from_revenue(const ltv_options& o, const context& ctx) {
    if (o.arpu || o.churn || o.lifetime || o.margin || o.cac)
        throw error(
            "--revenue/--marketing/--customers cannot be combined with --arpu, --churn, "
            "--lifetime, --margin or --cac; choose one LTV formula");
    const decimal revenue = required_money(o.revenue, "--revenue", ctx);
    const decimal marketing = required_money(o.marketing, "--marketing", ctx);
    const std::int64_t customers = required_count(o.customers, "--customers");
    const ratio ltv = ltv_from_revenue(revenue, marketing, customers);
    const char pt = ctx.point();
    report r;
    r.command = "ltv";
    r.headline = "ltv";
    add(r, "revenue", revenue);
    add(r, "marketing", marketing);
    add(r, "customers", customers);
    add(r, "ltv", ltv, unit::money, "Lifetime value (LTV)",
        fmt::format("({} − {}) / {} customers", to_string(revenue, pt), to_string(marketing, pt),
                    customers));
    r.explanation.push_back(fmt::format("LTV = ({} − {}) / {} = {}", to_string(revenue, pt),
                                        to_string(marketing, pt), customers,
                                        explain_number(ltv, ctx.precision(), pt)));
    return r;
}

report from_margin(const ltv_options& o, const context& ctx) {
    const decimal arpu = required_money(o.arpu, "--arpu", ctx);
    if (o.churn && o.lifetime)
        throw error("give --churn or --lifetime, not both");
    if (!o.churn && !o.lifetime)
        throw error("--churn or --lifetime is required with --arpu");
    const ratio margin = percent_flag(o.margin, "--margin", ctx).value_or(ratio(1));
    const decimal cac = money_flag(o.cac, "--cac", ctx).value_or(decimal{});
    const int prec = ctx.precision();
    const char pt = ctx.point();
    const auto pct = [&](const ratio& x) { return explain_number(x * ratio(100), prec, pt) + "%"; };
    report r;
    r.command = "ltv";
    r.headline = "ltv";
    add(r, "arpu", arpu);
    add(r, "margin_pct", margin, unit::percent);
    ratio life;
    std::string life_text;
    if (o.churn) {
        const ratio churn = *percent_flag(o.churn, "--churn", ctx);
        add(r, "churn_pct", churn, unit::percent);
        if (churn.is_zero())
            throw domain_error("--churn is 0; the customer lifetime is unbounded, and so is LTV");
        life = lifetime(churn);
        life_text = "1 / " + pct(churn);
    } else {
        life = parse_decimal(*o.lifetime, "--lifetime", ctx.numbers()).to_ratio();
        life_text = exact_text(life, pt);
    }
    add(r, "lifetime_periods", life, unit::periods);
    add(r, "cac", cac);
    const ratio ltv = ltv_from_lifetime(arpu, margin, life, cac);
    std::string formula = fmt::format("{} × {} × {}", to_string(arpu, pt), pct(margin), life_text);
    if (cac.units != 0)
        formula += " − " + to_string(cac, pt);
    add(r, "ltv", ltv, unit::money, "Lifetime value (LTV)",
        "ARPU × margin × lifetime" + std::string(cac.units != 0 ? " − CAC" : ""));
    r.explanation.push_back("LTV = " + formula + " = " + explain_number(ltv, prec, pt));
    return r;
}

report calculate(const ltv_options& o, const context& ctx) {
    if (o.revenue || o.marketing || o.customers)
        return from_revenue(o, ctx);
    if (o.arpu || o.churn || o.lifetime)
        return from_margin(o, ctx);
    throw error(
        "ltv needs --revenue, --marketing and --customers, or --arpu with --churn or "
        "--lifetime");
}

}  // namespace

command make_ltv_command() {
    return calculation<ltv_options>("ltv",
                                    "Lifetime value: (revenue - marketing) / customers, or "
                                    "ARPU x margin / churn - CAC",
                                    R"(Examples:
  churn ltv --revenue 1000000 --marketing 200000 --customers 400   LTV: 2000.00
  churn ltv --arpu 50 --churn 5                   LTV: 1000.00 (50 / 5%)
  churn ltv --arpu 50 --churn 5 --margin 80 --cac 120

Rates are percentages: --churn 5 is 5%, --margin 80 is 80%.)",
                                    setup, calculate);
}

}  // namespace churn::cli
