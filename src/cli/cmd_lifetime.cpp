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
    add_period_option(app, "--period", o.period, "Length of the period the churn is per");
}

report calculate(const lifetime_options& o, const context& ctx) {
    const auto length = period_flag(o.period, "--period");
    const auto churn = percent_flag(o.churn, "--churn", ctx);
    if (!churn)
        throw error("--churn is required");
    const ratio life = lifetime(*churn);
    const std::string unit_name =
        *length == period_length::half ? "half-years" : std::string(name(*length)) + "s";
    const int prec = ctx.precision();
    const char pt = ctx.point();
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
    return calculation<lifetime_options>("lifetime",
                                         "Expected customer lifetime, 1 / churn, in periods",
                                         R"(Examples:
  churn lifetime --churn 4.75                     21.05 months
  churn lifetime --churn 2 --period week          50 weeks)",
                                         setup, calculate);
}

}  // namespace churn::cli
