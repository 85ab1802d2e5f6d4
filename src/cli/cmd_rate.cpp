// churn rate (the default command) and churn retention: one period of customer counts.

#include "cli/command.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace churn::cli {

namespace {

struct period_options {
    std::optional<std::string> start, lost, end, acquired, lost_new, returned, value;
    std::string basis = "start";
    std::string period = "month";
};

void setup(CLI::App& app, period_options& o) {
    add_value(app, "--start", o.start, "S: customers at the start of the period");
    add_value(app, "--lost", o.lost, "L: customers of the starting base lost during the period");
    add_value(app, "--end", o.end, "E: customers at the end of the period");
    add_value(app, "--new", o.acquired, "N: customers acquired during the period");
    add_value(app, "--lost-new", o.lost_new, "LN: of the new customers, how many were lost");
    add_value(app, "--returned", o.returned,
              "R: former customers who came back during the period (reactivated)");
    add_basis_option(app, o.basis);
    add_value(app, "--value", o.value, "Value per customer, for the lost revenue");
    add_period_option(app, "--period", o.period, "Length of the period", true);
}

std::string plural(period_length p) {
    return p == period_length::half ? "half-years" : std::string(name(p)) + "s";
}

std::string assessment_note(assessment a) {
    switch (a) {
        case assessment::healthy:
            return "below the 5% monthly benchmark for e-commerce and SaaS";
        case assessment::watch:
            return "between 5% and 10% a month, worth watching";
        case assessment::attention:
            return "above 10% a month, needs attention at once";
    }
    return {};
}

std::string assessment_word(assessment a) {
    switch (a) {
        case assessment::healthy:
            return "healthy";
        case assessment::watch:
            return "watch";
        case assessment::attention:
            return "attention";
    }
    return {};
}

report calculate(const period_options& o, const context& ctx, const std::string& command,
                 const std::string& headline) {
    const basis b = basis_flag(o.basis);
    // nullopt: a snapshot that covers no period, so no lifetime, annual or monthly churn.
    const std::optional<period_length> length = period_flag(o.period, "--period", true);
    period_input in;
    in.start = required_count(o.start, "--start");
    if (!o.lost && !o.end && !o.lost_new)
        throw error("--lost or --end is required: how many customers left, or how many remain");
    in.lost = count_flag(o.lost, "--lost");
    in.end = count_flag(o.end, "--end");
    in.acquired = count_flag(o.acquired, "--new");
    in.lost_new = count_flag(o.lost_new, "--lost-new");
    in.returned = count_flag(o.returned, "--returned");
    const auto value = money_flag(o.value, "--value", ctx);
    const period p = resolve(in);

    const int prec = ctx.precision();
    const char pt = ctx.point();
    const auto pct = [&](const ratio& x) { return explain_number(x * ratio(100), prec, pt) + "%"; };
    const auto num = [&](const ratio& x) { return explain_number(x, prec, pt); };
    report r;
    r.command = command;
    r.headline = headline;
    add(r, "start", p.start);
    if (p.lost)
        add(r, "lost", *p.lost);
    if (p.has_new) {
        add(r, "new", p.acquired);
        if (p.lost_new)
            add(r, "lost_new", *p.lost_new);
    }
    add(r, "lost_total", p.lost_total);
    const ratio customers = customers_at_risk(p, b);
    add(r, "basis", o.basis);
    add(r, "customers", customers);
    add(r, "period", length ? std::string(name(*length)) : std::string("none"));

    const ratio churn = churn_rate(p, b);
    add(r, "churn_pct", churn, unit::percent, "Churn rate",
        fmt::format("{} of {} customers lost (basis: {})", p.lost_total, exact_text(customers, pt),
                    o.basis));
    std::string lost_text = std::to_string(p.lost_total);
    if (p.has_new && p.lost && p.lost_new)
        lost_text = fmt::format("({} + {})", *p.lost, *p.lost_new);
    // R, where given, is written out wherever it is a term: the exposed basis, the end, CRR.
    const bool returned = in.returned.has_value();
    const std::string plus_returned = returned ? fmt::format(" + {}", p.returned) : "";
    const std::string minus_returned = returned ? fmt::format(" − {}", p.returned) : "";
    r.explanation.push_back(fmt::format(
        "churn = {} / {} × 100 = {}", lost_text,
        b == basis::start     ? std::to_string(p.start)
        : b == basis::exposed ? fmt::format("({} + {}{})", p.start, p.acquired, plus_returned)
                              : fmt::format("(({} + {}) / 2)", p.start, p.end),
        pct(churn)));
    if (p.has_new && p.lost && p.start > 0) {  // start 0: only the exposed basis is defined
        const ratio base = base_churn_rate(p);
        field& f = add(r, "base_churn_pct", base, unit::percent, "of the starting base",
                       fmt::format("{} of {}", *p.lost, p.start));
        f.indent = 2;
        r.explanation.push_back(fmt::format("churn of the starting base = {} / {} × 100 = {}",
                                            *p.lost, p.start, pct(base)));
    }
    if (p.has_new && p.lost_new && p.acquired > 0) {
        const ratio fresh = new_customer_churn_rate(p);
        field& f = add(r, "new_churn_pct", fresh, unit::percent, "of new customers",
                       fmt::format("{} of {}", *p.lost_new, p.acquired));
        f.indent = 2;
        r.explanation.push_back(fmt::format("churn of new customers = {} / {} × 100 = {}",
                                            *p.lost_new, p.acquired, pct(fresh)));
    }
    if (p.start > 0) {
        const ratio crr = retention_rate(p);
        add(r, "retention_pct", crr, unit::percent, "Retention rate (CRR)");
    }
    if (returned)  // beside the end, which counts them
        add(r, "returned", p.returned, unit::none, "Customers returned",
            "came back: in the end, not in the start or new");
    add(r, "end", p.end, unit::none, "Customers at end");
    if (in.end && !in.lost) {
        // The end was given and the losses derived from it: show that first, since the rates
        // above use it, and never a made-up end.
        r.explanation.insert(
            r.explanation.begin(),
            in.lost_new
                ? fmt::format("lost of the starting base = {} + {}{} − {} − {} = {}", p.start,
                              p.acquired, plus_returned, *p.lost_new, p.end, *p.lost)
            : p.has_new ? fmt::format("lost = {} + {}{} − {} = {}", p.start, p.acquired,
                                      plus_returned, p.end, p.lost_total)
                        : fmt::format("lost = {}{} − {} = {}", p.start, plus_returned, p.end,
                                      p.lost_total));
    } else if (p.has_new) {
        r.explanation.push_back(fmt::format(
            "end = {} − {} + {} − {}{} = {}", p.start, p.lost.value_or(p.lost_total), p.acquired,
            p.lost_new.value_or(p.lost ? p.lost_total - *p.lost : 0), plus_returned, p.end));
    } else if (returned) {
        r.explanation.push_back(
            fmt::format("end = {} − {}{} = {}", p.start, p.lost_total, plus_returned, p.end));
    }
    if (p.start > 0)
        r.explanation.push_back(fmt::format("CRR = ({} − {}{}) / {} × 100 = {}", p.end, p.acquired,
                                            minus_returned, p.start, pct(retention_rate(p))));
    // Without a period (a snapshot) there is no lifetime to measure in periods, nothing to
    // compound over a year and no monthly benchmark to hold the churn against.
    if (length && !churn.is_zero()) {
        const ratio life = lifetime(churn);
        field& f = add(r, "lifetime_periods", life, unit::periods, "Expected lifetime");
        f.suffix = " " + plural(*length);
        r.explanation.push_back(
            fmt::format("lifetime = 1 / {} = {} {}", pct(churn), num(life), plural(*length)));
    }
    if (length && churn <= ratio(1)) {
        if (*length != period_length::year) {
            const double annual = convert_churn(churn, *length, period_length::year);
            const ratio k = periods_per(*length, period_length::year);
            add(r, "annual_churn_pct", annual, unit::percent, "Churn per year",
                fmt::format("compounded from {}", *length == period_length::day ? "daily"
                                                  : *length == period_length::half
                                                      ? "half-yearly"
                                                      : std::string(name(*length)) + "ly"));
            r.explanation.push_back(
                fmt::format("churn per year = 1 − (1 − {})^{} = {}%", pct(churn), exact_text(k, pt),
                            to_string(round_half_away(annual * 100, prec), pt)));
        }
        const double monthly = *length == period_length::month
                                   ? churn.to_double()
                                   : convert_churn(churn, *length, period_length::month);
        const assessment a = assess_monthly_churn(monthly);
        std::string note = assessment_note(a);
        if (*length != period_length::month)
            note = to_string(round_half_away(monthly * 100, prec), pt) + "% a month: " + note;
        add(r, "assessment", assessment_word(a), unit::none, "Assessment", note);
    }
    if (value) {
        const decimal lost_money = lost_revenue(p.lost_total, *value);
        add(r, "value", *value);
        add(r, "lost_revenue", lost_money, unit::money, "Lost revenue",
            fmt::format("{} customers × {}", p.lost_total, to_string(*value, pt)));
        r.explanation.push_back(fmt::format("lost revenue = {} × {} = {}", p.lost_total,
                                            to_string(*value, pt), num(lost_money.to_ratio())));
    }
    return r;
}

report calculate_rate(const period_options& o, const context& ctx) {
    return calculate(o, ctx, "rate", "churn_pct");
}

/// Text leads with the headline; machine output keeps the fields in their documented order.
report calculate_retention(const period_options& o, const context& ctx) {
    report r = calculate(o, ctx, "retention", "retention_pct");
    if (ctx.output_format() != format::text)
        return r;
    const auto first_shown = std::find_if(r.fields.begin(), r.fields.end(),
                                          [](const field& f) { return !f.label.empty(); });
    const auto headline = std::find_if(r.fields.begin(), r.fields.end(),
                                       [&](const field& f) { return f.name == r.headline; });
    if (headline != r.fields.end() && first_shown < headline)
        std::rotate(first_shown, headline, headline + 1);
    return r;
}

}  // namespace

command make_rate_command() {
    return calculation<period_options>("rate", "Churn rate of one period (the default command)",
                                       R"(Examples:
  churn rate --start 400 --lost 19                churn rate: 4.75% (rate may be left out)
  churn --start 400 --lost 15 --new 300 --lost-new 4 --explain
  churn --start 500 --end 681 --new 200           the losses derived from the end
  churn --start 100 --lost 10 --new 20 --returned 5   5 former customers back: end 115, CRR 90%
  churn --start 150 --lost 5 --expect 3,3% --decimal-comma   check an article's figure
  churn --start 1200 --lost 90 --period none      a snapshot: no lifetime or annual churn)",
                                       setup, calculate_rate);
}

command make_retention_command() {
    return calculation<period_options>("retention",
                                       "Customer retention rate, CRR = (E - N - R) / S",
                                       R"(Examples:
  churn retention --start 100 --end 95 --new 5    CRR: 90%
  churn retention --start 100 --end 95 --new 5 --explain)",
                                       setup, calculate_retention);
}

}  // namespace churn::cli
