#pragma once
/// Customer churn and retention metrics. Rates are fractions (0.0475, not 4.75): percent
/// is a rendering choice. Functions throw churn::domain_error where a metric is undefined or a
/// count is negative.

#include <churn/decimal.hpp>
#include <churn/period.hpp>
#include <churn/period_length.hpp>
#include <churn/ratio.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace churn {

/// The denominator of a churn rate.
enum class basis {
    start,    ///< S, as every source article does
    exposed,  ///< S + N + R, "customers served" (R, the returned, were served too)
    average,  ///< (S + E) / 2
};

/// Customers the rate is taken over, for the chosen basis (a ratio: the average may be .5).
ratio customers_at_risk(const period& p, basis b);

// The fast forms of the rates, for a batch of millions of periods: the exact fraction, not
// reduced, or nullopt where the rate is undefined (the ratio forms below throw there and say
// why). Each ratio form is its fast form reduced: one definition of every rate.

/// The customers at risk, unreduced: S, S + N + R, or (S + E) / 2.
inline fraction basis_fraction(const period& p, basis b) {
    switch (b) {
        case basis::exposed:
            return {int128{p.start} + p.acquired + p.returned, 1};
        case basis::average:
            return {int128{p.start} + p.end, 2};
        case basis::start:
            break;
    }
    return {p.start, 1};
}
/// (L + LN) / basis: over (S + E) / 2 as 2 (L + LN) / (S + E).
inline std::optional<fraction> churn_fraction(const period& p, basis b) {
    const fraction base = basis_fraction(p, b);
    if (base.num == 0)
        return std::nullopt;
    return fraction{p.lost_total * base.den, base.num};
}
/// L / S, where L is known and S > 0.
inline std::optional<fraction> base_churn_fraction(const period& p) {
    if (!p.lost || p.start == 0)
        return std::nullopt;
    return fraction{*p.lost, p.start};
}
/// LN / N, where LN is known and N > 0.
inline std::optional<fraction> new_customer_churn_fraction(const period& p) {
    if (!p.lost_new || p.acquired == 0)
        return std::nullopt;
    return fraction{*p.lost_new, p.acquired};
}
/// (E − N − R) / S, where S > 0: of the starting base, the share still there at the end.
inline std::optional<fraction> retention_fraction(const period& p) {
    if (p.start == 0)
        return std::nullopt;
    return fraction{int128{p.end} - p.acquired - p.returned, p.start};
}
/// 1 / churn, where churn > 0.
inline std::optional<fraction> lifetime_fraction(const fraction& churn) {
    if (churn.num <= 0)
        return std::nullopt;
    return fraction{churn.den, churn.num};
}
/// RPR, Q / T: repeat customers over customers, where there are any.
inline std::optional<fraction> repeat_purchase_fraction(std::int64_t repeat,
                                                        std::int64_t customers) {
    if (customers <= 0)
        return std::nullopt;
    return fraction{repeat, customers};
}
/// ARPU: revenue over customers, exactly, where there are any.
inline std::optional<fraction> arpu_fraction(const decimal& revenue, std::int64_t customers) {
    if (customers <= 0)
        return std::nullopt;
    return fraction{revenue.units, pow10(revenue.scale) * customers};
}
/// (L + LN) / basis.
ratio churn_rate(const period& p, basis b = basis::start);
/// L / S; needs L known.
ratio base_churn_rate(const period& p);
/// LN / N; needs LN known and N > 0.
ratio new_customer_churn_rate(const period& p);
/// CRR = (E − N − R) / S.
ratio retention_rate(const period& p);
/// RPR = Q / T: repeat customers over all customers.
ratio repeat_purchase_rate(std::int64_t repeat, std::int64_t customers);

/// Expected customer lifetime in periods: 1 / churn; churn 0 or negative is an error.
ratio lifetime(const ratio& churn);

/// LTV as the articles define it: (revenue − marketing cost) / customers.
ratio ltv_from_revenue(const decimal& revenue, const decimal& marketing, std::int64_t customers);
/// LTV = ARPU × margin × lifetime − CAC, with lifetime in periods.
ratio ltv_from_lifetime(const decimal& arpu, const ratio& margin, const ratio& lifetime_periods,
                        const decimal& cac);
/// LTV = ARPU × margin / churn − CAC; churn 0 is an error (the lifetime is unbounded).
ratio ltv_from_churn(const decimal& arpu, const ratio& margin, const ratio& churn,
                     const decimal& cac);

/// Lost revenue: lost customers × value per customer (exact).
decimal lost_revenue(std::int64_t lost_customers, const decimal& value_per_customer);

/// Churn over another period length: 1 − (1 − c)^(to / from). Not rational in general.
double convert_churn(const ratio& churn, period_length from, period_length to);

/// Revenue movements of one period; all amounts ≥ 0, start > 0.
struct revenue_movements {
    decimal start;
    decimal churned;
    decimal contraction;
    decimal expansion;
    decimal reactivation;
};
/// Revenue lost, gross: churned + contraction. Throws churn::domain_error when it exceeds the
/// start: the customers of the start cannot take away more revenue than they brought.
decimal gross_revenue_lost(const revenue_movements& r);
/// Revenue lost, net: churned + contraction − expansion − reactivation (checked as above).
decimal net_revenue_lost(const revenue_movements& r);
/// Revenue lost, net, from start, end and new revenue: start + new − end.
decimal net_revenue_lost(const decimal& start, const decimal& end, const decimal& new_revenue);

/// The fast form of the revenue rates: lost / start, exactly; nullopt when start is 0.
std::optional<fraction> revenue_churn_fraction(const decimal& lost, const decimal& start);
/// The fast form of net revenue retention: (start − net lost) / start; nullopt when start is 0.
std::optional<fraction> revenue_retention_fraction(const decimal& net_lost, const decimal& start);

/// (churned + contraction) / start.
ratio gross_revenue_churn(const revenue_movements& r);
/// (churned + contraction − expansion − reactivation) / start; may be negative.
ratio net_revenue_churn(const revenue_movements& r);
/// Net revenue churn from start, end and new revenue: (start + new − end) / start.
ratio net_revenue_churn(const decimal& start, const decimal& end, const decimal& new_revenue);

/// NPS counts; promoters score 9–10, passives 7–8, detractors 0–6.
struct nps_counts {
    std::int64_t promoters = 0;
    std::int64_t passives = 0;
    std::int64_t detractors = 0;
};
/// Adds one 0–10 score; throws churn::domain_error outside 0 … 10.
void add_score(nps_counts& counts, std::int64_t score);
/// (promoters − detractors) / all answers, as a fraction in −1 … 1.
ratio nps(const nps_counts& counts);

/// The article 004 benchmark for a monthly churn rate.
enum class assessment {
    healthy,    ///< below 5 %
    watch,      ///< 5 % … 10 %
    attention,  ///< above 10 %
};
assessment assess_monthly_churn(double monthly_churn);

}  // namespace churn
