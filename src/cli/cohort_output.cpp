#include "cli/cohort_output.hpp"

#include "cli/batch_columns.hpp"
#include "cli/out/columns.hpp"
#include "cli/out/number.hpp"

#include <churn/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace churn::cli {

namespace {

constexpr std::array<std::string_view, 9> long_columns = {
    "cohort", "age", "period", "customers", "active", "retention_pct", "revenue", "ltv", "partial"};

/// The first period with cells: the first cohort's (the table's first may hold only refunds).
std::int64_t first_cells(const cohort_report& r) {
    return r.table.cohorts.empty() ? r.table.first : r.table.cohorts.front().period;
}

/// Whether a period of the table is a partial one.
bool partial_at(const cohort_report& r, std::int64_t period) {
    return (period == first_cells(r) && r.first_partial) ||
           (period == r.table.last && r.last_partial);
}

/// Whether any cohort's cell at `age` is partial: the average's cell then is too.
bool partial_age(const cohort_report& r, std::size_t age) {
    return std::any_of(r.table.cohorts.begin(), r.table.cohorts.end(), [&](const cohort_row& c) {
        return age < c.cells.size() && partial_at(r, c.period + static_cast<std::int64_t>(age));
    });
}

out::value revenue_of(const cohort_settings& s, const decimal& d) {
    return s.amounts ? out::value{d} : out::value{};
}

out::value ltv_of(const cohort_settings& s, const cohort_cell& c) {
    const auto f = cohort_ltv_fraction(c);
    return s.amounts && f ? out::value{*f} : out::value{};
}

/// What --show puts in a cell.
out::value shown(const cohort_settings& s, const cohort_cell& c) {
    switch (s.show) {
        case cohort_show::pct:
            return percent(cohort_retention_fraction(c));
        case cohort_show::count:
            return int128{c.active};
        case cohort_show::revenue:
            return revenue_of(s, c.revenue);
        case cohort_show::ltv:
            return ltv_of(s, c);
    }
    return {};
}

out::column plain_column(std::string name, std::string suffix = {}) {
    return out::column{std::move(name), {}, std::move(suffix), {}, 0, false};
}

std::vector<std::size_t> long_fields(const cohort_settings& s) {
    std::vector<std::size_t> all(long_columns.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return out::choose_columns(s.fields, long_columns, all, {});
}

out::header long_header(const std::vector<std::size_t>& chosen) {
    out::header h;
    for (const std::size_t i : chosen) {
        const std::string_view n = long_columns[i];
        h.columns.push_back(plain_column(std::string(n), n.ends_with("_pct") ? "%" : ""));
    }
    return h;
}

out::header wide_header(std::size_t ages) {
    out::header h;
    h.columns.push_back(plain_column("cohort"));
    h.columns.push_back(plain_column("customers"));
    for (std::size_t k = 0; k < ages; ++k)
        h.columns.push_back(plain_column(std::to_string(k)));
    return h;
}

void write_long(out::sink& sink, const cohort_settings& s, const cohort_report& r) {
    const std::vector<std::size_t> chosen = long_fields(s);
    sink.begin(long_header(chosen));
    std::vector<out::value> v(long_columns.size());
    std::vector<out::value> picked(chosen.size());
    const auto cells = [&](std::string_view cohort, std::size_t age, const cohort_cell& c,
                           std::string_view period, bool partial) {
        v[0] = cohort;
        v[1] = int128{static_cast<std::int64_t>(age)};
        v[2] = period.empty() ? out::value{} : out::value{period};
        v[3] = int128{c.customers};
        v[4] = int128{c.active};
        v[5] = percent(cohort_retention_fraction(c));
        v[6] = revenue_of(s, c.revenue);
        v[7] = ltv_of(s, c);
        v[8] = partial;
        for (std::size_t i = 0; i < chosen.size(); ++i)
            picked[i] = v[chosen[i]];
        sink.row(picked);
    };
    for (const cohort_row& c : r.table.cohorts) {
        const std::string label = s.cal.label(c.period);
        for (std::size_t k = 0; k < c.cells.size(); ++k) {
            const std::int64_t p = c.period + static_cast<std::int64_t>(k);
            const std::string period = s.cal.label(p);
            cells(label, k, c.cells[k], period, partial_at(r, p));
        }
    }
    for (std::size_t k = 0; k < r.table.all.size(); ++k)
        cells("all", k, r.table.all[k], {}, partial_age(r, k));
}

void write_wide(out::sink& sink, const cohort_settings& s, const cohort_report& r) {
    const std::size_t ages = r.table.all.size();
    sink.begin(wide_header(ages));
    std::vector<out::value> v(ages + 2);
    for (const cohort_row& c : r.table.cohorts) {
        const std::string label = s.cal.label(c.period);
        std::fill(v.begin(), v.end(), out::value{});
        v[0] = std::string_view(label);
        v[1] = int128{c.customers};
        for (std::size_t k = 0; k < c.cells.size(); ++k)
            v[k + 2] = shown(s, c.cells[k]);
        sink.row(v);
    }
    if (!r.table.all.empty()) {
        v[0] = std::string_view("all");
        v[1] = int128{r.table.all.front().customers};
        for (std::size_t k = 0; k < ages; ++k)
            v[k + 2] = shown(s, r.table.all[k]);
        sink.row(v);
    }
}

/// daily, weekly, monthly, quarterly, yearly.
std::string adjective(period_unit u) {
    return u == period_unit::day ? "daily" : std::string(name_of(u)) + "ly";
}

std::string text_of(const out::value& v, int places, char point) {
    std::string t;
    // An amount is written as it is in full, rounded like a fraction when brief.
    if (const auto* d = std::get_if<decimal>(&v); d != nullptr && places == 0)
        out::append_plain(t, fraction{d->units, pow10(d->scale)}, 0, point);
    else
        out::append_plain(t, v, places, point);
    return t;
}

heatmap::cell heat_cell(const cohort_settings& s, const cohort_cell& c, bool partial) {
    heatmap::cell h;
    h.present = true;
    const out::value v = shown(s, c);
    h.text = text_of(v, s.numbers.precision, s.numbers.point);
    h.brief = text_of(v, 0, s.numbers.point);
    if (const auto f = cohort_retention_fraction(c))
        h.retention = 100 * to_double(*f);
    h.partial = partial;
    return h;
}

}  // namespace

heatmap::map heatmap_of(const cohort_settings& s, const cohort_report& r) {
    const cohort_table& t = r.table;
    heatmap::map m;
    const std::string adj = adjective(s.cal.unit);
    const std::string_view unit = name_of(s.cal.unit);
    switch (s.show) {
        case cohort_show::pct:
            m.title = fmt::format("Retention by {} cohort", adj);
            m.value_name = "retention";
            m.unit = "%";
            break;
        case cohort_show::count:
            m.title = fmt::format("Active customers by {} cohort", adj);
            m.value_name = "active customers";
            break;
        case cohort_show::revenue:
            m.title = fmt::format("Revenue by {} cohort", adj);
            m.value_name = "revenue";
            break;
        case cohort_show::ltv:
            m.title = fmt::format("Cumulative revenue per customer (LTV) by {} cohort", adj);
            m.value_name = "LTV";
            break;
    }
    const std::int64_t customers = t.all.empty() ? 0 : t.all.front().customers;
    m.subtitle = fmt::format(
        "{}: active in the k-th {} after the first order{} · cohorts {} … {} · {} customers",
        s.retention == retention_kind::classic ? "classic retention" : "unbounded retention", unit,
        s.retention == retention_kind::classic ? "" : " or any later one", s.cal.label(t.first),
        s.cal.label(t.last), customers);
    m.age_unit = std::string(unit);
    m.ages = t.all.size();
    double top = 0;
    for (const cohort_row& c : t.cohorts) {
        heatmap::row row;
        row.label = s.cal.label(c.period);
        row.size = c.customers;
        for (std::size_t k = 0; k < c.cells.size(); ++k) {
            row.cells.push_back(
                heat_cell(s, c.cells[k], partial_at(r, c.period + static_cast<std::int64_t>(k))));
            if (k > 0)
                top = std::max(top, row.cells.back().retention);
        }
        m.rows.push_back(std::move(row));
    }
    if (!t.all.empty()) {
        heatmap::row all;
        all.label = "all";
        all.size = customers;
        all.average = true;
        for (std::size_t k = 0; k < t.all.size(); ++k)
            all.cells.push_back(heat_cell(s, t.all[k], partial_age(r, k)));
        m.rows.push_back(std::move(all));
    }
    m.top = top > 0 ? top : 100;
    std::vector<std::string> parts;
    if (r.first_partial)
        parts.push_back(s.cal.label(first_cells(r)) + " (the data starts " + r.first_day + ")");
    if (r.last_partial && (t.last != first_cells(r) || !r.first_partial))
        parts.push_back(s.cal.label(t.last) + " (the data ends " + r.last_day + ")");
    for (std::size_t i = 0; i < parts.size(); ++i)
        m.partial_note += (i == 0 ? "marked cells lie in a partial period: " : ", ") + parts[i];
    return m;
}

void write_cohorts(std::ostream& out, const cohort_settings& s, const cohort_report& r) {
    switch (s.f) {
        case format::table:
            heatmap::write_terminal(out, heatmap_of(s, r), s.terminal);
            return;
        case format::svg:
            heatmap::write_svg(out, heatmap_of(s, r));
            return;
        case format::html:
            heatmap::write_html(out, heatmap_of(s, r));
            return;
        default:
            break;
    }
    const auto sink = out::make_sink(s.f, out, s.numbers);
    if (s.wide)
        write_wide(*sink, s, r);
    else
        write_long(*sink, s, r);
    sink->finish({});
}

std::vector<std::string> cohort_field_names(const cohort_settings& s) {
    std::vector<std::string> out;
    for (const std::size_t i : long_fields(s))
        out.emplace_back(long_columns[i]);
    return out;
}

void check_cohort_fields(const cohort_settings& s) {
    long_fields(s);
}

void write_cohorts_after_error(std::ostream& out, const cohort_settings& s) {
    if (s.f == format::table || s.f == format::svg || s.f == format::html)
        return;
    const auto sink = out::make_sink(s.f, out, s.numbers);
    sink->begin(s.wide ? wide_header(0) : long_header(long_fields(s)));
    sink->finish({});
}

}  // namespace churn::cli
