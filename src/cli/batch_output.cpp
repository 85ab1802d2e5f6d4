#include "cli/batch_output.hpp"

#include <churn/decimal.hpp>
#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include <utility>

namespace churn::cli {

namespace {

out::value count(const std::optional<std::int64_t>& n) {
    return n ? out::value{int128{*n}} : out::value{};
}

/// An exact rate as a percentage, however large its parts: the nearest double where 100 × its
/// numerator leaves int128.
out::value percent(const std::optional<ratio>& x) {
    if (!x)
        return {};
    int128 num = 0;
    if (__builtin_mul_overflow(x->num(), 100, &num))
        return 100 * x->to_double();
    return out::fraction{num, x->den()};
}

/// A rate the library approximates (a mean, a compounding), as a percentage.
out::value percent(const std::optional<double>& x) {
    return x ? out::value{100 * *x} : out::value{};
}

}  // namespace

batch_writer::batch_writer(std::ostream& out, batch_settings settings)
    : s_(settings),
      sink_(out::make_sink(settings.f, out, settings.numbers)),
      totals_(settings.math.denominator) {}

void batch_writer::begin(const series_columns& columns, std::vector<std::string> kept,
                         const std::optional<std::string>& fields) {
    customers_ = columns.customers();
    revenue_ = columns.revenue();
    lost_revenue_ = customers_ && columns.has(series_column::value);
    if (s_.summary_only) {
        if (fields) {
            std::vector<std::string_view> names;
            for (const auto& t : totals())
                names.push_back(t.name);
            chosen_totals_ = out::parse_fields(*fields, names, {}, "--fields", "a total");
        }
        sink_->begin({});
        return;
    }
    fields_ =
        out::choose_columns(fields, batch_field_names, default_fields(columns, s_.math), kept);
    out::header h;
    for (const std::size_t f : fields_) {
        h.columns.push_back(f < batch_field_count
                                ? column_of(static_cast<batch_field>(f))
                                : out::column{kept[f - batch_field_count], {}, {}, {}, 0, false});
        const std::string name = canonical_column_name(h.columns.back().name);
        for (const auto& before : names_)
            if (canonical_column_name(before) == name)  // JSON keys are unique
                throw error("--keep: the input's column \"" + h.columns.back().name +
                            "\" has the name of an output column; rename it in the header");
        names_.push_back(h.columns.back().name);
    }
    if (s_.chart) {
        out::column bars;
        bars.bar = true;
        h.columns.push_back(std::move(bars));
    }
    values_.resize(h.columns.size());
    sink_->begin(std::move(h));
}

void batch_writer::row(const series_row& r, std::span<const std::string_view> kept) {
    if (s_.summary_only) {
        totals_.add(r);  // a row the totals cannot take is not counted
        return;
    }
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        const std::size_t f = fields_[i];
        if (f >= batch_field_count) {
            const std::size_t k = f - batch_field_count;
            values_[i] = k < kept.size() ? kept[k] : std::string_view{};
        } else if (f == static_cast<std::size_t>(batch_field::period)) {
            values_[i] = std::string_view(r.label);
        } else {
            try {
                values_[i] = batch_cell(r, static_cast<batch_field>(f), s_.math);
            } catch (const churn::error& e) {
                throw error("column \"" + names_[i] + "\": " + e.what());
            }
        }
    }
    if (s_.chart)
        values_.back() = chart_rate(r, s_.math);
    if (!s_.summary) {
        sink_->row(values_);
        return;
    }
    // The totals take the row first; if the sink then cannot write it, they forget it again.
    const series_totals before = totals_;
    totals_.add(r);
    try {
        sink_->row(values_);
    } catch (...) {
        totals_ = before;
        throw;
    }
}

std::vector<out::total> batch_writer::totals() const {
    return series_total_cells(totals_, s_.math, customers_, lost_revenue_, revenue_);
}

std::vector<out::total> series_total_cells(const series_totals& totals, const batch_math& math,
                                           bool customers, bool lost_revenue, bool revenue) {
    using out::total;
    std::vector<total> t = {
        {"period", "", "", std::string_view("total"), ""},  // names the row of totals
        {"periods", "", "Periods", int128(totals.periods()), ""}};
    if (customers) {
        // The series starts with the first period's customers and ends with the last's; the
        // pooled churn is over the customers at start of every period, summed.
        t.push_back(
            {"start", "", "Customers at start (first period)", count(totals.first_start()), ""});
        t.push_back({"end", "", "Customers at end (last period)", count(totals.last_end()), ""});
        t.push_back({"start_summed", "", "Customers at start, summed", totals.start(), ""});
        t.push_back({"lost_total", "", "Customers lost, summed", totals.lost(), ""});
        t.push_back({"pooled_churn_pct", "churn_pct",
                     math.denominator == basis::start ? "Pooled churn (lost / start)"
                                                      : "Pooled churn (lost / basis)",
                     percent(totals.pooled_churn()), "%"});
        // Retention compounded is not 100% − the pooled churn: it fills no row column.
        t.push_back({"mean_churn_pct", "", "Mean period churn", percent(totals.mean_churn()), "%"});
        t.push_back({"compounded_retention_pct", "", "Retention, compounded",
                     percent(totals.compounded_retention()), "%"});
        if (math.period)
            t.push_back({"compounded_annual_churn_pct", "annual_churn_pct",
                         "Churn per year, compounded",
                         percent(totals.compounded_churn(*math.period, period_length::year)), "%"});
    }
    if (lost_revenue) {
        // Money computed from the rows: rounded to --precision like each row's.
        const auto lost = totals.lost_revenue();
        t.push_back(
            {"lost_revenue", "", "Revenue lost, summed",
             lost ? out::value{out::fraction{lost->units, pow10(lost->scale)}} : out::value{}, ""});
    }
    if (revenue) {
        const auto net = totals.pooled_net_revenue_churn();
        t.push_back({"pooled_gross_revenue_churn_pct", "gross_revenue_churn_pct",
                     "Gross revenue churn, pooled", percent(totals.pooled_gross_revenue_churn()),
                     "%"});
        t.push_back({"pooled_net_revenue_churn_pct", "net_revenue_churn_pct",
                     "Net revenue churn, pooled", percent(net), "%"});
        t.push_back({"pooled_net_revenue_retention_pct", "net_revenue_retention_pct",
                     "Net revenue retention, pooled",
                     percent(net ? std::optional<ratio>(ratio(1) - *net) : std::nullopt), "%"});
    }
    return t;
}

void batch_writer::finish() {
    if (s_.summary) {
        std::vector<out::total> t = totals();
        if (chosen_totals_) {
            std::vector<out::total> chosen;
            for (const std::size_t i : *chosen_totals_)
                chosen.push_back(t[i]);
            t = std::move(chosen);
        }
        sink_->summary(t);
    }
    sink_->finish({});
}

void batch_writer::end_after_error() {
    sink_->finish({});  // the rows written so far stay a whole document
}

}  // namespace churn::cli
