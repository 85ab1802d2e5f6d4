// churn lifetime: expected customer lifetime from a churn rate.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct lifetime_options {
    std::optional<std::string> churn;
    std::string period = "month";
};

void setup(CLI::App& app, lifetime_options& o) {
    add_value(app, "--churn", o.churn, "Churn rate per period, in percent (4.75 or 4.75%)");
    app.add_option("--period", o.period, "Length of the period: day, week, month (default), …");
}

report calculate(const lifetime_options& o, const context& ctx) {
    const auto length = parse_period_length(o.period);
    if (!length)
        throw parse_error("--period", o.period,
                          "is not a period length; use day, week, month, quarter, half or year");
    const auto churn = percent_flag(o.churn, "--churn", ctx);
    if (!churn)
        throw error("--churn is required");
    const ratio life = lifetime(*churn);
    const std::string unit_name =
        *length == period_length::half ? "half-years" : std::string(name(*length)) + "s";
    const int prec = ctx.precision();
    const char pt = ctx.common.decimal_comma ? ',' : '.';
    report r;
    r.command = "lifetime";
    r.headline = "lifetime_periods";
    add(r, "churn_pct", *churn, unit::percent, "Churn rate");
    add(r, "period", std::string(name(*length)));
    add(r, "lifetime_periods", life, unit::periods, "Expected lifetime").suffix = " " + unit_name;
    r.explanation.push_back(fmt::format("lifetime = 1 / {}% = {} {}",
                                        explain_number(*churn * ratio(100), prec, pt),
                                        explain_number(life, prec, pt), unit_name));
    return r;
}

}  // namespace

command make_lifetime_command() {
    return calculation<lifetime_options>(
        "lifetime", "Expected customer lifetime, 1 / churn, in periods", setup, calculate);
}

}  // namespace churn::cli
