#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <cmath>
#include <string>

namespace churn {

namespace {

using std::to_string;

/// Counts come from anywhere a library user likes: a negative one is an error, never a rate.
void check_count(std::int64_t value, const char* name) {
    if (value < 0)
        throw domain_error(std::string(name) + " (" + to_string(value) +
                           ") is negative; counts must be ≥ 0");
}

ratio of(std::int64_t part, std::int64_t whole, const char* whole_name, const char* metric) {
    if (whole == 0)
        throw domain_error(std::string(whole_name) + " is 0; " + metric + " is undefined");
    return ratio(part, whole);
}

}  // namespace

ratio customers_at_risk(const period& p, basis b) {
    switch (b) {
        case basis::start:
            return ratio(p.start);
        case basis::exposed:
            return ratio(p.start) + ratio(p.acquired);
        case basis::average:
            return (ratio(p.start) + ratio(p.end)) / ratio(2);
    }
    throw error("unknown basis");
}

ratio churn_rate(const period& p, basis b) {
    const ratio base = customers_at_risk(p, b);
    if (base.is_zero()) {
        switch (b) {
            case basis::start:
                if (p.acquired > 0)
                    throw domain_error(
                        "start is 0; churn rate is undefined on the start basis "
                        "(the exposed basis, start + new, is defined)");
                throw domain_error("start is 0; churn rate is undefined");
            case basis::exposed:
                throw domain_error("start + new is 0; churn rate is undefined");
            case basis::average:
                throw domain_error("the average of start and end is 0; churn rate is undefined");
        }
    }
    return ratio(p.lost_total) / base;
}

ratio base_churn_rate(const period& p) {
    if (!p.lost)
        throw domain_error("lost is unknown; give lost or lost_new to split the churn");
    return of(*p.lost, p.start, "start", "churn of the starting base");
}

ratio new_customer_churn_rate(const period& p) {
    if (!p.lost_new)
        throw domain_error("lost_new is unknown; give lost or lost_new");
    return of(*p.lost_new, p.acquired, "new", "churn of new customers");
}

ratio retention_rate(const period& p) {
    if (p.start == 0)
        throw domain_error("start is 0; retention rate is undefined");
    return (ratio(p.end) - ratio(p.acquired)) / ratio(p.start);
}

ratio repeat_purchase_rate(std::int64_t repeat, std::int64_t customers) {
    check_count(repeat, "repeat");
    check_count(customers, "customers");
    if (repeat > customers)
        throw domain_error("repeat (" + to_string(repeat) + ") exceeds customers (" +
                           to_string(customers) + ")");
    return of(repeat, customers, "customers", "repeat purchase rate");
}

ratio lifetime(const ratio& churn) {
    if (churn.is_zero())
        throw domain_error("churn is 0; the expected lifetime is unbounded");
    if (churn.is_negative())
        throw domain_error("churn is negative; the expected lifetime is undefined");
    return ratio(1) / churn;
}

ratio ltv_from_revenue(const decimal& revenue, const decimal& marketing, std::int64_t customers) {
    check_count(customers, "customers");
    if (customers == 0)
        throw domain_error("customers is 0; LTV is undefined");
    return (revenue.to_ratio() - marketing.to_ratio()) / ratio(customers);
}

ratio ltv_from_lifetime(const decimal& arpu, const ratio& margin, const ratio& lifetime_periods,
                        const decimal& cac) {
    return arpu.to_ratio() * margin * lifetime_periods - cac.to_ratio();
}

ratio ltv_from_churn(const decimal& arpu, const ratio& margin, const ratio& churn,
                     const decimal& cac) {
    if (churn.is_zero())
        throw domain_error("churn is 0; the customer lifetime is unbounded, and so is LTV");
    return ltv_from_lifetime(arpu, margin, lifetime(churn), cac);
}

decimal lost_revenue(std::int64_t lost_customers, const decimal& value_per_customer) {
    check_count(lost_customers, "lost customers");
    return decimal{checked_mul(value_per_customer.units, lost_customers), value_per_customer.scale};
}

double convert_churn(const ratio& churn, period_length from, period_length to) {
    if (churn.is_negative() || churn > ratio(1))
        throw domain_error("churn must lie between 0% and 100% to convert it");
    if (churn == ratio(1))
        return 1.0;
    if (churn.is_zero())
        return 0.0;  // not −expm1(0), which is −0.0 and prints as "-0"
    const double exponent = periods_per(from, to).to_double();
    // 1 − (1 − c)^k, accurate for small c.
    return -std::expm1(exponent * std::log1p(-churn.to_double()));
}

namespace {

/// Revenue churn is undefined without a start, and the customers of the start cannot take
/// away more revenue than they brought.
void check_movements(const revenue_movements& r) {
    if (r.start.units == 0)
        throw domain_error("start revenue is 0; revenue churn is undefined");
    const decimal lost = add(r.churned, r.contraction);
    if (lost.to_ratio() > r.start.to_ratio())
        throw domain_error("churned + contraction (" + to_string(lost) +
                           ") exceeds the start revenue (" + to_string(r.start) +
                           "): revenue of the starting customers cannot fall below 0");
}

}  // namespace

ratio gross_revenue_churn(const revenue_movements& r) {
    check_movements(r);
    return (r.churned.to_ratio() + r.contraction.to_ratio()) / r.start.to_ratio();
}

ratio net_revenue_churn(const revenue_movements& r) {
    check_movements(r);
    return (r.churned.to_ratio() + r.contraction.to_ratio() - r.expansion.to_ratio() -
            r.reactivation.to_ratio()) /
           r.start.to_ratio();
}

ratio net_revenue_churn(const decimal& start, const decimal& end, const decimal& new_revenue) {
    if (start.units == 0)
        throw domain_error("start revenue is 0; revenue churn is undefined");
    return (start.to_ratio() + new_revenue.to_ratio() - end.to_ratio()) / start.to_ratio();
}

void add_score(nps_counts& counts, std::int64_t score) {
    if (score < 0 || score > 10)
        throw domain_error("score " + to_string(score) + " is outside 0 … 10");
    if (score >= 9) {
        ++counts.promoters;
    } else if (score >= 7) {
        ++counts.passives;
    } else {
        ++counts.detractors;
    }
}

ratio nps(const nps_counts& c) {
    check_count(c.promoters, "promoters");
    check_count(c.passives, "passives");
    check_count(c.detractors, "detractors");
    const ratio all = ratio(c.promoters) + ratio(c.passives) + ratio(c.detractors);
    if (all.is_zero())
        throw domain_error("no answers; NPS is undefined");
    return (ratio(c.promoters) - ratio(c.detractors)) / all;
}

assessment assess_monthly_churn(double monthly_churn) {
    if (monthly_churn < 0.05)
        return assessment::healthy;
    if (monthly_churn <= 0.10)
        return assessment::watch;
    return assessment::attention;
}

}  // namespace churn
