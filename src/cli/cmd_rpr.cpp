// churn rpr: repeat purchase rate.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct rpr_options {
    std::optional<std::string> repeat, customers;
};

void setup(CLI::App& app, rpr_options& o) {
    add_value(app, "--repeat", o.repeat,
              "Q: customers who came back (bought or got in touch again)");
    add_value(app, "--customers", o.customers, "T: all customers in the reporting period");
}

report calculate(const rpr_options& o, const context& ctx) {
    const std::int64_t repeat = required_count(o.repeat, "--repeat");
    const std::int64_t customers = required_count(o.customers, "--customers");
    const ratio rpr = repeat_purchase_rate(repeat, customers);
    report r;
    r.command = "rpr";
    r.headline = "rpr_pct";
    add(r, "repeat", repeat);
    add(r, "customers", customers);
    add(r, "rpr_pct", rpr, unit::percent, "Repeat purchase rate",
        fmt::format("{} of {} customers came back", repeat, customers));
    r.explanation.push_back(
        fmt::format("RPR = {} / {} × 100 = {}%", repeat, customers,
                    explain_number(rpr * ratio(100), ctx.precision(), ctx.point())));
    return r;
}

}  // namespace

command make_rpr_command() {
    return calculation<rpr_options>("rpr", "Repeat purchase rate, RPR = Q / T",
                                    R"(Examples:
  churn rpr --repeat 30 --customers 200           RPR: 15%
  churn rpr --repeat 30 --customers 200 --explain)",
                                    setup, calculate);
}

}  // namespace churn::cli
