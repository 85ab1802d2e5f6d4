#include "cli/batch_columns.hpp"

#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

namespace churn::cli {

const std::array<std::string_view, batch_field_count> batch_field_names = {
    "period",
    "start",
    "lost",
    "new",
    "returned",
    "lost_new",
    "lost_total",
    "end",
    "churn_pct",
    "base_churn_pct",
    "new_churn_pct",
    "retention_pct",
    "lifetime_periods",
    "annual_churn_pct",
    "value",
    "lost_revenue",
    "start_revenue",
    "churned_revenue",
    "contraction_revenue",
    "expansion_revenue",
    "reactivation_revenue",
    "new_revenue",
    "end_revenue",
    "gross_revenue_churn_pct",
    "net_revenue_churn_pct",
    "net_revenue_retention_pct"};
static_assert(static_cast<std::size_t>(batch_field::net_revenue_retention_pct) + 1 ==
              batch_field_count);

std::vector<std::size_t> default_fields(const series_columns& columns, const batch_math& m) {
    using f = batch_field;
    using c = series_column;
    std::vector<f> fields;
    fields.reserve(batch_field_count);
    if (columns.has(c::period))
        fields.push_back(f::period);
    if (columns.customers()) {
        const bool has_new = columns.has(c::acquired) || columns.has(c::lost_new);
        fields.insert(fields.end(), {f::start, f::lost});
        if (has_new)
            fields.push_back(f::acquired);
        if (columns.has(c::returned))
            fields.push_back(f::returned);
        if (has_new)
            fields.push_back(f::lost_new);
        fields.insert(fields.end(), {f::lost_total, f::end, f::churn_pct});
        if (has_new)
            fields.insert(fields.end(), {f::base_churn_pct, f::new_churn_pct});
        fields.push_back(f::retention_pct);
        // A snapshot (no period) has neither: --fields may still ask for them, empty.
        if (m.period)
            fields.push_back(f::lifetime_periods);
        if (m.period && m.period != period_length::year)
            fields.push_back(f::annual_churn_pct);
    }
    if (columns.has(c::value)) {
        fields.push_back(f::value);
        if (columns.customers())
            fields.push_back(f::lost_revenue);
    }
    if (columns.revenue()) {
        fields.push_back(f::start_revenue);
        if (columns.has(c::churned_revenue))
            fields.insert(fields.end(), {f::churned_revenue, f::contraction_revenue,
                                         f::expansion_revenue, f::reactivation_revenue});
        if (columns.has(c::new_revenue))
            fields.push_back(f::new_revenue);
        if (columns.has(c::end_revenue) || columns.has(c::new_revenue))
            fields.push_back(f::end_revenue);
        if (columns.has(c::churned_revenue))
            fields.push_back(f::gross_revenue_churn_pct);
        fields.insert(fields.end(), {f::net_revenue_churn_pct, f::net_revenue_retention_pct});
    }
    std::vector<std::size_t> indices;
    for (const auto field : fields)
        indices.push_back(static_cast<std::size_t>(field));
    return indices;
}

out::column column_of(batch_field f) {
    const std::string_view name = batch_field_names.at(static_cast<std::size_t>(f));
    return out::column{std::string(name), {}, name.ends_with("_pct") ? "%" : "", {}, 0, false};
}

namespace {

out::value count(std::int64_t n) {
    return int128{n};
}

out::value exact(int128 num, int128 den) {
    return out::fraction{num, den};
}

out::value amount(const std::optional<decimal>& d) {
    return d ? out::value{*d} : out::value{};
}

}  // namespace

out::value percent(const std::optional<fraction>& rate) {
    if (!rate)
        return {};
    int128 num = 0;
    if (__builtin_mul_overflow(rate->num, 100, &num))  // inline: this runs for each rate
        num = checked_mul(rate->num, 100);             // throws, saying so
    return exact(num, rate->den);
}

out::value batch_cell(const series_row& r, batch_field f, const batch_math& m) {
    using o = batch_field;
    if (f >= o::start && f <= o::annual_churn_pct && !r.customers)
        return {};
    if (f >= o::start_revenue && !r.revenue)
        return {};
    switch (f) {
        case o::start:
            return count(r.customers->start);
        case o::lost:
            return r.customers->lost ? count(*r.customers->lost) : out::value{};
        case o::acquired:
            return count(r.customers->acquired);
        case o::returned:
            return count(r.customers->returned);
        case o::lost_new:
            return r.customers->lost_new ? count(*r.customers->lost_new) : out::value{};
        case o::lost_total:
            return count(r.customers->lost_total);
        case o::end:
            return count(r.customers->end);
        case o::churn_pct:
            return percent(churn_fraction(*r.customers, m.denominator));
        case o::base_churn_pct:
            // Split only where new customers were given: without them it is churn_pct again.
            return r.customers->has_new ? percent(base_churn_fraction(*r.customers)) : out::value{};
        case o::new_churn_pct:
            return r.customers->has_new ? percent(new_customer_churn_fraction(*r.customers))
                                        : out::value{};
        case o::retention_pct:
            return percent(retention_fraction(*r.customers));
        case o::lifetime_periods: {
            if (!m.period)
                return {};  // a snapshot covers no period: no lifetime in periods
            const auto churn = churn_fraction(*r.customers, m.denominator);
            const auto periods = churn ? lifetime_fraction(*churn) : std::nullopt;
            return periods ? out::value{*periods} : out::value{};
        }
        case o::annual_churn_pct: {
            // Converted where the churn lies in 0 … 100% (the average basis can exceed it).
            const auto churn = churn_fraction(*r.customers, m.denominator);
            if (!m.period || !churn || churn->num > churn->den)
                return {};
            return 100 * convert_churn(churn->reduced(), *m.period, period_length::year);
        }
        case o::value:
            return amount(r.value);
        case o::lost_revenue: {
            if (!r.value || !r.customers)
                return {};
            // Money computed from the row: rounded to --precision like every result.
            const decimal lost = lost_revenue(r.customers->lost_total, *r.value);
            return exact(lost.units, pow10(lost.scale));
        }
        case o::start_revenue:
            return amount(r.revenue->start);
        case o::churned_revenue:
            return amount(r.revenue->churned);
        case o::contraction_revenue:
            return r.revenue->churned ? amount(r.revenue->contraction) : out::value{};
        case o::expansion_revenue:
            return r.revenue->churned ? amount(r.revenue->expansion) : out::value{};
        case o::reactivation_revenue:
            return r.revenue->churned ? amount(r.revenue->reactivation) : out::value{};
        case o::new_revenue:
            return amount(r.revenue->new_revenue);
        case o::end_revenue:
            return amount(r.revenue->end);
        case o::gross_revenue_churn_pct:
            if (!r.revenue->gross_lost)
                return {};
            return percent(revenue_churn_fraction(*r.revenue->gross_lost, r.revenue->start));
        case o::net_revenue_churn_pct:
            return percent(revenue_churn_fraction(r.revenue->net_lost, r.revenue->start));
        case o::net_revenue_retention_pct:
            return percent(revenue_retention_fraction(r.revenue->net_lost, r.revenue->start));
        case o::period:
            break;
    }
    return {};
}

double chart_rate(const series_row& r, const batch_math& m) {
    for (const auto f : {batch_field::churn_pct, batch_field::gross_revenue_churn_pct,
                         batch_field::net_revenue_churn_pct}) {
        const out::value v = batch_cell(r, f, m);
        if (const auto* x = std::get_if<fraction>(&v))
            return to_double(*x);
    }
    return 0;
}

}  // namespace churn::cli
