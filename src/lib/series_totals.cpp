// The totals of a series (series.hpp), added row by row in constant memory.

#include <churn/error.hpp>
#include <churn/series.hpp>

#include <cmath>

namespace churn {

void series_totals::add(const series_row& row) {
    // The sums that can overflow first, into copies: a row the totals cannot take exactly
    // leaves them as they were, and is not counted.
    decimal gross_start = gross_start_;
    decimal gross_lost = gross_lost_;
    decimal net_start = net_start_;
    decimal net_lost = net_lost_;
    decimal lost_revenue = lost_revenue_;
    try {
        if (row.revenue) {
            const period_revenue& r = *row.revenue;
            if (r.gross_lost) {
                gross_start = churn::add(gross_start, r.start);
                gross_lost = churn::add(gross_lost, *r.gross_lost);
            }
            net_start = churn::add(net_start, r.start);
            net_lost = churn::add(net_lost, r.net_lost);
        }
        if (row.customers && row.value)
            lost_revenue = churn::add(lost_revenue,
                                      churn::lost_revenue(row.customers->lost_total, *row.value));
    } catch (const churn::error&) {
        throw error(
            "the --summary totals of revenue pass 38 digits here and cannot be added exactly");
    }
    gross_start_ = gross_start;
    gross_lost_ = gross_lost;
    net_start_ = net_start;
    net_lost_ = net_lost;
    lost_revenue_ = lost_revenue;
    has_lost_revenue_ = has_lost_revenue_ || (row.customers && row.value);

    ++periods_;
    if (row.customers) {
        const period& p = *row.customers;
        if (!first_start_)
            first_start_ = p.start;
        start_ += p.start;
        lost_ += p.lost_total;
        last_end_ = p.end;
        if (const auto churn = churn_fraction(p, basis_)) {
            basis_num_ += churn->num;
            basis_den_ += churn->den;
            // Neumaier's compensated sum: the mean of ten million rates stays exact to the last
            // digit shown.
            const double x = to_double(*churn);
            const double t = churn_sum_ + x;
            churn_carry_ +=
                std::abs(churn_sum_) >= std::abs(x) ? (churn_sum_ - t) + x : (x - t) + churn_sum_;
            churn_sum_ = t;
            ++churn_periods_;
        }
        if (const auto kept = retention_fraction(p)) {
            ++retention_periods_;
            if (kept->num <= 0)
                retention_zero_ = true;
            else
                log_retention_ += std::log(to_double(*kept));
        }
    }
}

std::optional<ratio> series_totals::pooled_churn() const {
    if (basis_den_ == 0)
        return std::nullopt;
    return ratio(basis_num_, basis_den_);
}

std::optional<double> series_totals::mean_churn() const {
    if (churn_periods_ == 0)
        return std::nullopt;
    return (churn_sum_ + churn_carry_) / static_cast<double>(churn_periods_);
}

std::optional<double> series_totals::compounded_retention() const {
    if (retention_periods_ == 0)
        return std::nullopt;
    return retention_zero_ ? 0.0 : std::exp(log_retention_);
}

std::optional<double> series_totals::compounded_churn(period_length each, period_length to) const {
    const auto kept = compounded_retention();
    if (!kept)
        return std::nullopt;
    // The series spans retention_periods_ periods of length `each`; per `to` the retention is
    // kept^(length of to / length of the series).
    const double exponent =
        periods_per(each, to).to_double() / static_cast<double>(retention_periods_);
    if (*kept == 0)
        return 1.0;
    return -std::expm1(exponent * std::log(*kept));
}

std::optional<ratio> series_totals::pooled_gross_revenue_churn() const {
    if (gross_start_.units == 0)
        return std::nullopt;
    return gross_lost_.to_ratio() / gross_start_.to_ratio();
}

std::optional<ratio> series_totals::pooled_net_revenue_churn() const {
    if (net_start_.units == 0)
        return std::nullopt;
    return net_lost_.to_ratio() / net_start_.to_ratio();
}

}  // namespace churn
