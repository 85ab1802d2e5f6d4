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
    return basis_fraction(p, b).reduced();
}

ratio churn_rate(const period& p, basis b) {
    if (const auto rate = churn_fraction(p, b))
        return rate->reduced();
    switch (b) {
        case basis::start:
            if (p.returned > 0)
                throw domain_error(
                    "start is 0; churn rate is undefined on the start basis "
                    "(the exposed basis, start + new + returned, is defined)");
            if (p.acquired > 0)
                throw domain_error(
                    "start is 0; churn rate is undefined on the start basis "
                    "(the exposed basis, start + new, is defined)");
            throw domain_error("start is 0; churn rate is undefined");
        case basis::exposed:
            // Reached only when start, new and returned are all 0.
            throw domain_error("start + new is 0; churn rate is undefined");
        case basis::average:
            throw domain_error("the average of start and end is 0; churn rate is undefined");
    }
    throw error("unknown basis");
}

ratio base_churn_rate(const period& p) {
    if (!p.lost)
        throw domain_error("lost is unknown; give lost or lost_new to split the churn");
    if (const auto rate = base_churn_fraction(p))
        return rate->reduced();
    throw domain_error("start is 0; churn of the starting base is undefined");
}

ratio new_customer_churn_rate(const period& p) {
    if (!p.lost_new)
        throw domain_error("lost_new is unknown; give lost or lost_new");
    if (const auto rate = new_customer_churn_fraction(p))
        return rate->reduced();
    throw domain_error("new is 0; churn of new customers is undefined");
}

ratio retention_rate(const period& p) {
    if (const auto rate = retention_fraction(p))
        return rate->reduced();
    throw domain_error("start is 0; retention rate is undefined");
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
    if (const auto periods = lifetime_fraction(fraction{churn.num(), churn.den()}))
        return periods->reduced();
    if (churn.is_zero())
        throw domain_error("churn is 0; the expected lifetime is unbounded");
    throw domain_error("churn is negative; the expected lifetime is undefined");
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
    int128 units = 0;
    if (__builtin_mul_overflow(value_per_customer.units, lost_customers, &units))
        throw domain_error("lost customers (" + to_string(lost_customers) +
                           ") × value per customer (" + to_string(value_per_customer) +
                           ") passes 38 digits; lost revenue cannot be computed exactly");
    return decimal{units, value_per_customer.scale};
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

decimal gross_revenue_lost(const revenue_movements& r) {
    const decimal lost = add(r.churned, r.contraction);
    if (compare(lost, r.start) > 0)
        throw domain_error("churned + contraction (" + to_string(lost) +
                           ") exceeds the start revenue (" + to_string(r.start) +
                           "): revenue of the starting customers cannot fall below 0");
    return lost;
}

decimal net_revenue_lost(const revenue_movements& r) {
    const decimal gained = add(r.expansion, r.reactivation);
    return add(gross_revenue_lost(r), decimal{-gained.units, gained.scale});
}

decimal net_revenue_lost(const decimal& start, const decimal& end, const decimal& new_revenue) {
    return add(add(start, new_revenue), decimal{-end.units, end.scale});
}

std::optional<fraction> revenue_churn_fraction(const decimal& lost, const decimal& start) {
    if (start.units == 0)
        return std::nullopt;
    // Both at the larger scale, so that only the one with fewer decimals is multiplied.
    const int scale = std::max(lost.scale, start.scale);
    int128 num = checked_mul(lost.units, pow10(scale - lost.scale));
    int128 den = checked_mul(start.units, pow10(scale - start.scale));
    if (den < 0) {
        num = -num;
        den = -den;
    }
    return fraction{num, den};
}

std::optional<fraction> revenue_retention_fraction(const decimal& net_lost, const decimal& start) {
    return revenue_churn_fraction(add(start, decimal{-net_lost.units, net_lost.scale}), start);
}

namespace {

ratio revenue_rate(const decimal& lost, const decimal& start) {
    if (const auto rate = revenue_churn_fraction(lost, start))
        return rate->reduced();
    throw domain_error("start revenue is 0; revenue churn is undefined");
}

}  // namespace

ratio gross_revenue_churn(const revenue_movements& r) {
    if (r.start.units == 0)
        throw domain_error("start revenue is 0; revenue churn is undefined");
    return revenue_rate(gross_revenue_lost(r), r.start);
}

ratio net_revenue_churn(const revenue_movements& r) {
    if (r.start.units == 0)
        throw domain_error("start revenue is 0; revenue churn is undefined");
    return revenue_rate(net_revenue_lost(r), r.start);
}

ratio net_revenue_churn(const decimal& start, const decimal& end, const decimal& new_revenue) {
    return revenue_rate(net_revenue_lost(start, end, new_revenue), start);
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
