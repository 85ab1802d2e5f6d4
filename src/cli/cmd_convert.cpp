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
    app.add_option("--from", o.from, "Period of the given rate (default month)");
    app.add_option("--to", o.to, "Period to convert to (default year)");
}

period_length length_flag(const std::string& text, const std::string& flag) {
    const auto length = parse_period_length(text);
    if (!length)
        throw parse_error(flag, text,
                          "is not a period length; use day, week, month, quarter, half or year");
    return *length;
}

report calculate(const convert_options& o, const context& ctx) {
    const period_length from = length_flag(o.from, "--from");
    const period_length to = length_flag(o.to, "--to");
    const auto churn = percent_flag(o.churn, "--churn", ctx);
    if (!churn)
        throw error("--churn is required");
    const double converted = convert_churn(*churn, from, to);
    const ratio k = periods_per(from, to);
    const int prec = ctx.precision();
    const char pt = ctx.common.decimal_comma ? ',' : '.';
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
    return calculation<convert_options>(
        "convert", "Churn over another period length: 1 - (1 - c)^(to / from)", setup, calculate);
}

}  // namespace churn::cli
