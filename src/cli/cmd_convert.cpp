// churn convert: a churn rate over another period length, compounded.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct convert_options {
    std::optional<std::string> churn;
    std::string from = "month";
    std::string to = "year";
};

void setup(CLI::App& app, convert_options& o) {
    add_value(app, "--churn", o.churn, "Churn rate per --from period, in percent");
    add_period_option(app, "--from", o.from, "Period of the given rate");
    add_period_option(app, "--to", o.to, "Period to convert to");
}

report calculate(const convert_options& o, const context& ctx) {
    const period_length from = *period_flag(o.from, "--from");
    const period_length to = *period_flag(o.to, "--to");
    const auto churn = percent_flag(o.churn, "--churn", ctx);
    if (!churn)
        throw error("--churn is required");
    const double converted = convert_churn(*churn, from, to);
    const ratio k = periods_per(from, to);
    const int prec = ctx.precision();
    const char pt = ctx.point();
    report r;
    r.command = "convert";
    r.headline = "churn_pct";
    add(r, "from", std::string(name(from)));
    add(r, "to", std::string(name(to)));
    add(r, "input_churn_pct", *churn, unit::percent, fmt::format("Churn per {}", name(from)));
    add(r, "periods", k);
    add(r, "churn_pct", converted, unit::percent, fmt::format("Churn per {}", name(to)),
        fmt::format("compounded: 1 − (1 − c)^{}", exact_text(k, pt)));
    r.explanation.push_back(fmt::format("churn per {} = 1 − (1 − {}%)^{} = {}%", name(to),
                                        explain_number(*churn * ratio(100), prec, pt),
                                        exact_text(k, pt),
                                        to_string(round_half_away(converted * 100, prec), pt)));
    return r;
}

}  // namespace

command make_convert_command() {
    return calculation<convert_options>("convert",
                                        "Churn over another period length: 1 - (1 - c)^(to / from)",
                                        R"(Examples:
  churn convert --churn 4.75 --from month --to year   44.23% a year
  churn convert --churn 10 --from quarter --to month
  churn convert --churn 45 --from year --to month)",
                                        setup, calculate);
}

}  // namespace churn::cli
