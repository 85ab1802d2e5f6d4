#include "cli/events_output.hpp"

#include "cli/batch_output.hpp"
#include "cli/out/columns.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace churn::cli {

namespace {

/// The columns only a log has; the others are batch's (batch_columns.hpp), by name.
enum class own { period, active, orders, repeat, rpr_pct, revenue, arpu, partial };

struct source {
    bool is_own;
    std::size_t id;  ///< an own or a batch_field
};

/// The catalogue: SPEC §6's columns in their order, then batch's others.
struct catalogue {
    std::vector<std::string_view> names;
    std::vector<source> sources;

    catalogue() {
        const auto mine = [&](std::string_view n, own o) {
            names.push_back(n);
            sources.push_back({true, static_cast<std::size_t>(o)});
        };
        const auto batch = [&](batch_field f) {
            names.push_back(batch_field_names[static_cast<std::size_t>(f)]);
            sources.push_back({false, static_cast<std::size_t>(f)});
        };
        mine("period", own::period);
        batch(batch_field::start);
        batch(batch_field::lost);
        batch(batch_field::acquired);
        batch(batch_field::returned);
        batch(batch_field::end);
        mine("active", own::active);
        batch(batch_field::churn_pct);
        batch(batch_field::retention_pct);
        mine("orders", own::orders);
        mine("repeat", own::repeat);
        mine("rpr_pct", own::rpr_pct);
        mine("revenue", own::revenue);
        mine("arpu", own::arpu);
        mine("partial", own::partial);
        for (std::size_t f = 0; f < batch_field_count; ++f) {
            const std::string_view n = batch_field_names[f];
            const auto b = static_cast<batch_field>(f);
            if (b != batch_field::value && b != batch_field::lost_revenue &&
                std::find(names.begin(), names.end(), n) == names.end())
                batch(b);
        }
    }

    std::size_t at(std::string_view name) const {
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) -
                                        names.begin());
    }
};

const catalogue& columns() {
    static const catalogue c;
    return c;
}

std::vector<std::size_t> default_columns(const events_settings& s) {
    const catalogue& c = columns();
    std::vector<std::string_view> chosen = {"period",        "start",  "lost",   "new",
                                            "returned",      "end",    "active", "churn_pct",
                                            "retention_pct", "orders", "repeat", "rpr_pct"};
    if (s.amounts)
        chosen.insert(chosen.end(), {"revenue", "arpu"});
    chosen.push_back("partial");
    if (s.movements)
        chosen.insert(
            chosen.end(),
            {"start_revenue", "new_revenue", "expansion_revenue", "contraction_revenue",
             "churned_revenue", "reactivation_revenue", "end_revenue", "gross_revenue_churn_pct",
             "net_revenue_churn_pct", "net_revenue_retention_pct"});
    std::vector<std::size_t> out;
    for (const auto n : chosen)
        out.push_back(c.at(n));
    return out;
}

batch_math math_of(const events_settings& s) {
    batch_math m;
    m.denominator = basis::start;  // §6: churn is lost / start
    switch (s.cal.unit) {
        case period_unit::day:
            m.period = period_length::day;
            break;
        case period_unit::week:
            m.period = period_length::week;
            break;
        case period_unit::month:
            m.period = period_length::month;
            break;
        case period_unit::quarter:
            m.period = period_length::quarter;
            break;
        case period_unit::year:
            m.period = period_length::year;
            break;
    }
    return m;
}

/// A period of a log as the series row batch computes its columns from.
series_row row_of(const activity_period& p) {
    series_row r;
    r.customers = p.counts();
    if (p.movements) {
        const activity_revenue& m = *p.movements;
        period_revenue v;
        v.start = m.start;
        v.churned = m.churned;
        v.contraction = m.contraction;
        v.expansion = m.expansion;
        v.reactivation = m.reactivation;
        v.new_revenue = m.new_revenue;
        v.end = m.end;
        const revenue_movements moves{m.start, m.churned, m.contraction, m.expansion,
                                      m.reactivation};
        v.gross_lost = gross_revenue_lost(moves);
        v.net_lost = net_revenue_lost(moves);
        r.revenue = v;
    }
    return r;
}

out::header header_of(const std::vector<std::size_t>& chosen, bool chart) {
    out::header h;
    for (const std::size_t i : chosen) {
        const source& src = columns().sources[i];
        if (!src.is_own) {
            h.columns.push_back(column_of(static_cast<batch_field>(src.id)));
            continue;
        }
        const std::string_view n = columns().names[i];
        h.columns.push_back(
            out::column{std::string(n), {}, n.ends_with("_pct") ? "%" : "", {}, 0, false});
    }
    if (chart) {
        out::column bars;
        bars.bar = true;
        h.columns.push_back(std::move(bars));
    }
    return h;
}

std::vector<std::size_t> chosen_columns(const events_settings& s) {
    return out::choose_columns(s.fields, columns().names, default_columns(s), {});
}

/// The log's own totals after batch's: customers ever, orders, revenue, repeat customers and the
/// whole log's repeat purchase rate.
void add_log_totals(std::vector<out::total>& t, const events_settings& s,
                    const activity_totals& log) {
    t.push_back({"customers", "", "Customers, ever", int128{log.customers}, ""});
    t.push_back({"orders", "orders", "Orders", int128{log.orders}, ""});
    if (s.amounts)
        t.push_back({"revenue", "revenue", "Revenue", log.revenue, ""});
    t.push_back({"repeat_customers", "", "Customers with 2 or more orders",
                 int128{log.repeat_customers}, ""});
    t.push_back({"rpr_pct", "", "Repeat purchase rate (whole log)",
                 percent(repeat_purchase_fraction(log.repeat_customers, log.customers)), "%"});
}

}  // namespace

std::vector<std::string> events_field_names(const events_settings& s) {
    std::vector<std::string> out;
    for (const std::size_t i : chosen_columns(s))
        out.emplace_back(columns().names[i]);
    return out;
}

void check_events_fields(const events_settings& s) {
    if (!s.summary_only)
        chosen_columns(s);
}

void write_events(std::ostream& out, const events_settings& s, const events_log& log) {
    const auto sink = out::make_sink(s.f, out, s.numbers);
    const batch_math m = math_of(s);
    series_totals totals(basis::start);
    const std::vector<std::size_t> chosen =
        s.summary_only ? std::vector<std::size_t>{} : chosen_columns(s);
    sink->begin(s.summary_only ? out::header{} : header_of(chosen, s.chart));
    std::vector<out::value> values(chosen.size() + (s.chart ? 1 : 0));
    std::string label;
    for (std::size_t i = 0; i < log.periods.size(); ++i) {
        const activity_period& p = log.periods[i];
        const series_row r = row_of(p);
        totals.add(r);
        if (s.summary_only)
            continue;
        label = s.cal.label(p.period);
        for (std::size_t c = 0; c < chosen.size(); ++c) {
            const source& src = columns().sources[chosen[c]];
            if (!src.is_own) {
                values[c] = batch_cell(r, static_cast<batch_field>(src.id), m);
                continue;
            }
            switch (static_cast<own>(src.id)) {
                case own::period:
                    values[c] = std::string_view(label);
                    break;
                case own::active:
                    values[c] = int128{p.active};
                    break;
                case own::orders:
                    values[c] = int128{p.orders};
                    break;
                case own::repeat:
                    values[c] = int128{p.repeat};
                    break;
                case own::rpr_pct:
                    values[c] = percent(repeat_purchase_fraction(p.repeat, p.active));
                    break;
                case own::revenue:
                    values[c] = p.revenue;
                    break;
                case own::arpu: {
                    const auto a = arpu_fraction(p.revenue, p.active);
                    values[c] = a ? out::value{*a} : out::value{};
                    break;
                }
                case own::partial:
                    values[c] = (i == 0 && log.first_partial) ||
                                (i + 1 == log.periods.size() && log.last_partial);
                    break;
            }
        }
        if (s.chart)
            values.back() = chart_rate(r, m);
        sink->row(values);
    }
    if (s.summary) {
        std::vector<out::total> t = series_total_cells(totals, m, true, false, s.movements);
        add_log_totals(t, s, log.totals);
        if (s.summary_only && s.fields) {
            std::vector<std::string_view> names;
            for (const auto& x : t)
                names.push_back(x.name);
            std::vector<out::total> picked;
            for (const std::size_t i :
                 out::parse_fields(*s.fields, names, {}, "--fields", "a total"))
                picked.push_back(t[i]);
            t = std::move(picked);
        }
        sink->summary(t);
    }
    sink->finish({});
}

void write_events_after_error(std::ostream& out, const events_settings& s) {
    const auto sink = out::make_sink(s.f, out, s.numbers);
    sink->begin(s.summary_only ? out::header{} : header_of(chosen_columns(s), s.chart));
    sink->finish({});
}

namespace {

/// 2024-01-15, or 2024-01-15T08:26:00 when the time is not midnight.
std::string time_text(std::int64_t micros) {
    const timestamp t{micros};
    const std::int64_t day = t.day();
    std::string out = calendar{period_unit::day, week_start::monday}.label(day);
    const std::int64_t seconds = (micros - day * micros_per_day) / micros_per_second;
    if (micros != day * micros_per_day)
        out += fmt::format("T{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return out;
}

}  // namespace

void write_customers(std::ostream& out, const std::vector<activity_customer>& customers, format f,
                     const out::options& numbers, bool amounts, bool details) {
    if (!details) {
        std::string text;
        for (const auto& c : customers) {
            text += printable(c.id);
            text += '\n';
        }
        out << text;
        return;
    }
    const auto sink = out::make_sink(f, out, numbers);
    out::header h;
    for (const std::string_view n : {"customer", "first_order", "last_order", "orders", "revenue"})
        if (n != "revenue" || amounts)
            h.columns.push_back(out::column{std::string(n), {}, {}, {}, 0, false});
    sink->begin(std::move(h));
    std::vector<out::value> values(amounts ? 5 : 4);
    for (const auto& c : customers) {
        const std::string first = time_text(c.first_order);
        const std::string last = time_text(c.last_order);
        values[0] = c.id;
        values[1] = std::string_view(first);
        values[2] = std::string_view(last);
        values[3] = int128{c.orders};
        if (amounts)
            values[4] = c.revenue;
        sink->row(values);
    }
    sink->finish({});
}

}  // namespace churn::cli
