// churn revenue: gross and net revenue churn, and net revenue retention.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct revenue_options {
    std::optional<std::string> start, churned, contraction, expansion, reactivation, end, fresh;
};

void setup(CLI::App& app, revenue_options& o) {
    add_value(app, "--start", o.start, "Recurring revenue at the start of the period");
    add_value(app, "--churned", o.churned, "Revenue lost with customers who left");
    add_value(app, "--contraction", o.contraction, "Revenue lost to downgrades");
    add_value(app, "--expansion", o.expansion, "Revenue gained from upgrades");
    add_value(app, "--reactivation", o.reactivation, "Revenue regained from returning customers");
    add_value(app, "--end", o.end, "Recurring revenue at the end (with --new)");
    add_value(app, "--new", o.fresh, "Revenue from new customers (with --end)");
}

report calculate(const revenue_options& o, const context& ctx) {
    const decimal start = required_money(o.start, "--start", ctx);
    const int prec = ctx.precision();
    const char pt = ctx.point();
    const auto pct = [&](const ratio& x) { return explain_number(x * ratio(100), prec, pt) + "%"; };
    const auto money = [&](const decimal& d) { return to_string(d, pt); };
    report r;
    r.command = "revenue";
    add(r, "start", start);
    const bool movements = o.churned || o.contraction || o.expansion || o.reactivation;
    if (movements && (o.end || o.fresh))
        throw error(
            "give --churned (with --contraction, --expansion, --reactivation) or --end "
            "with --new, not both");
    ratio net;
    if (o.end || o.fresh) {
        const decimal end = required_money(o.end, "--end", ctx);
        const decimal fresh = required_money(o.fresh, "--new", ctx);
        add(r, "end", end);
        add(r, "new", fresh);
        net = net_revenue_churn(start, end, fresh);
        r.headline = "net_revenue_churn_pct";
        r.explanation.push_back(fmt::format("net revenue churn = ({} + {} − {}) / {} × 100 = {}",
                                            money(start), money(fresh), money(end), money(start),
                                            pct(net)));
    } else {
        revenue_movements m;
        m.start = start;
        m.churned = required_money(o.churned, "--churned", ctx);
        m.contraction = money_flag(o.contraction, "--contraction", ctx).value_or(decimal{});
        m.expansion = money_flag(o.expansion, "--expansion", ctx).value_or(decimal{});
        m.reactivation = money_flag(o.reactivation, "--reactivation", ctx).value_or(decimal{});
        add(r, "churned", m.churned);
        add(r, "contraction", m.contraction);
        add(r, "expansion", m.expansion);
        add(r, "reactivation", m.reactivation);
        const ratio gross = gross_revenue_churn(m);
        net = net_revenue_churn(m);
        add(r, "gross_revenue_churn_pct", gross, unit::percent, "Gross revenue churn",
            "churned + contraction, of the starting revenue");
        r.headline = "gross_revenue_churn_pct";
        r.explanation.push_back(fmt::format("gross revenue churn = ({} + {}) / {} × 100 = {}",
                                            money(m.churned), money(m.contraction), money(start),
                                            pct(gross)));
        r.explanation.push_back(
            fmt::format("net revenue churn = ({} + {} − {} − {}) / {} × 100 = {}", money(m.churned),
                        money(m.contraction), money(m.expansion), money(m.reactivation),
                        money(start), pct(net)));
    }
    add(r, "net_revenue_churn_pct", net, unit::percent, "Net revenue churn",
        net.is_negative() ? "negative: expansion outgrew the losses" : "");
    const ratio nrr = ratio(1) - net;
    add(r, "net_revenue_retention_pct", nrr, unit::percent, "Net revenue retention");
    r.explanation.push_back(fmt::format("net revenue retention = 100% − {} = {}",
                                        net.is_negative() ? "(" + pct(net) + ")" : pct(net),
                                        pct(nrr)));
    return r;
}

}  // namespace

command make_revenue_command() {
    return calculation<revenue_options>("revenue",
                                        "Gross and net revenue churn, net revenue retention",
                                        R"(Examples:
  churn revenue --start 10000 --churned 500 --contraction 200   gross revenue churn: 7%
  churn revenue --start 10000 --churned 500 --expansion 800     net revenue churn: -3%
  churn revenue --start 10000 --end 10500 --new 1000)",
                                        setup, calculate);
}

}  // namespace churn::cli
