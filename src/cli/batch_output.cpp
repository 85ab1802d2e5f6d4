#include "cli/batch_output.hpp"

#include "cli/escape.hpp"
#include "cli/options.hpp"
#include "cli/out/number.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <variant>

namespace churn::cli {

namespace {

using out::append_json_number;

constexpr std::size_t flush_at = std::size_t{1} << 16;

constexpr std::array<std::string_view, 25> field_names = {"period",
                                                          "start",
                                                          "lost",
                                                          "new",
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

std::string_view name_of(out_field f) {
    return field_names.at(static_cast<std::size_t>(f));
}

bool is_text(out_field f) {
    return f == out_field::period || f == out_field::kept;
}

bool is_count(out_field f) {
    return f >= out_field::start && f <= out_field::end;
}

bool is_percent(out_field f) {
    const std::string_view n = f == out_field::kept ? "" : name_of(f);
    return n.size() > 4 && n.substr(n.size() - 4) == "_pct";
}

/// The value of a numeric column: nothing where the metric is undefined for the row, an exact
/// fraction, an amount as written, or a double (for results that are not rational).
using metric = std::variant<std::monostate, fraction, decimal, double>;

metric exact(int128 num, int128 den = 1) {
    return fraction{num, den};
}

metric amount(const std::optional<decimal>& d) {
    return d ? metric{*d} : metric{};
}

/// A rate of the library as a percentage; nothing where it is undefined.
metric percent(const std::optional<fraction>& rate) {
    if (!rate)
        return {};
    int128 num = 0;
    if (__builtin_mul_overflow(rate->num, 100, &num))  // inline: this runs for each rate
        num = checked_mul(rate->num, 100);             // throws, saying so
    return exact(num, rate->den);
}

metric compute(const series_row& r, out_field f, const batch_settings& s) {
    using o = out_field;
    if (f >= o::start && f <= o::annual_churn_pct && !r.customers)
        return {};
    if (f >= o::start_revenue && !r.revenue)
        return {};
    switch (f) {
        case o::start:
            return exact(r.customers->start);
        case o::lost:
            return r.customers->lost ? exact(*r.customers->lost) : metric{};
        case o::acquired:
            return exact(r.customers->acquired);
        case o::lost_new:
            return r.customers->lost_new ? exact(*r.customers->lost_new) : metric{};
        case o::lost_total:
            return exact(r.customers->lost_total);
        case o::end:
            return exact(r.customers->end);
        case o::churn_pct:
            return percent(churn_fraction(*r.customers, s.denominator));
        case o::base_churn_pct:
            // Split only where new customers were given: without them it is churn_pct again.
            return r.customers->has_new ? percent(base_churn_fraction(*r.customers)) : metric{};
        case o::new_churn_pct:
            return r.customers->has_new ? percent(new_customer_churn_fraction(*r.customers))
                                        : metric{};
        case o::retention_pct:
            return percent(retention_fraction(*r.customers));
        case o::lifetime_periods: {
            const auto churn = churn_fraction(*r.customers, s.denominator);
            const auto periods = churn ? lifetime_fraction(*churn) : std::nullopt;
            return periods ? metric{*periods} : metric{};
        }
        case o::annual_churn_pct: {
            // Converted where the churn lies in 0 … 100% (the average basis can exceed it).
            const auto churn = churn_fraction(*r.customers, s.denominator);
            if (!churn || churn->num > churn->den)
                return {};
            return 100 * convert_churn(churn->reduced(), s.period, period_length::year);
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
            return r.revenue->churned ? amount(r.revenue->contraction) : metric{};
        case o::expansion_revenue:
            return r.revenue->churned ? amount(r.revenue->expansion) : metric{};
        case o::reactivation_revenue:
            return r.revenue->churned ? amount(r.revenue->reactivation) : metric{};
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
        case o::kept:
            break;
    }
    return {};
}

void append_int(std::string& out, int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
        out.append(buf, res.ptr);
    } else {
        out += to_string(decimal{v, 0});
    }
}

/// "00" … "99": digits are written two at a time.
constexpr std::array<char, 200> digit_pairs = [] {
    std::array<char, 200> t{};
    for (std::size_t i = 0; i < 100; ++i) {
        t[2 * i] = static_cast<char>('0' + i / 10);
        t[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
    return t;
}();

/// Writes the last two decimal digits of u before p; returns the new start.
char* two_digits_before(char* p, std::uint64_t u) {
    p -= 2;
    std::memcpy(p, &digit_pairs[static_cast<std::size_t>(u % 100) * 2], 2);
    return p;
}

/// Appends ±u × 10^-places (0 ≤ places ≤ 18), with all `places` decimals: the digits are
/// made from the right in a small buffer, so nothing is allocated.
void append_fixed(std::string& out, std::uint64_t u, int places, bool negative) {
    char buf[48];
    char* const end = buf + sizeof buf;
    char* p = end;
    int decimals = places;
    for (; decimals >= 2; decimals -= 2, u /= 100)
        p = two_digits_before(p, u);
    if (decimals == 1) {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    }
    if (places > 0)
        *--p = '.';
    for (; u >= 100; u /= 100)
        p = two_digits_before(p, u);
    if (u >= 10)
        p = two_digits_before(p, u);
    else
        *--p = static_cast<char>('0' + u);
    if (negative)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

/// units × 10^-scale, written without allocating in the common case.
void append_decimal(std::string& out, const decimal& d) {
    const int128 mag = d.units < 0 ? -d.units : d.units;
    if (mag > INT64_MAX || d.scale > 18) {
        out += to_string(d);
        return;
    }
    append_fixed(out, static_cast<std::uint64_t>(mag), d.scale, d.units < 0);
}

/// num / den rounded half away from zero to `places` decimals and written, when the library's
/// 64-bit fast path applies (every rate of realistic counts); false, writing nothing, otherwise.
/// The same digits as append_decimal(round_half_away(num, den, places)), without its checks:
/// this runs for each rate of each row.
bool append_small_fraction(std::string& out, int128 num, int128 den, int places) {
    std::int64_t q = 0;
    if (!round_half_away_64(num, den, places, q))
        return false;
    append_fixed(out, static_cast<std::uint64_t>(q < 0 ? -q : q), places, q < 0);
    return true;
}

/// A bar of `fraction` (0 … 1) of `width` cells in Unicode eighth blocks.
std::string bar(double fraction, int width) {
    static const std::array<std::string_view, 8> eighths = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    const auto total = static_cast<long>(std::lround(std::clamp(fraction, 0.0, 1.0) * width * 8));
    std::string out;
    for (long i = 0; i < total / 8; ++i)
        out += "█";
    out += eighths[static_cast<std::size_t>(total % 8)];
    return out;
}

/// The rate the chart draws for a row: churn, else revenue churn; none when undefined.
std::optional<double> chart_rate(const series_row& r, const batch_settings& s) {
    for (const auto f : {out_field::churn_pct, out_field::gross_revenue_churn_pct,
                         out_field::net_revenue_churn_pct}) {
        const metric m = compute(r, f, s);
        if (const auto* x = std::get_if<fraction>(&m))
            return to_double(*x);
    }
    return std::nullopt;
}

}  // namespace

std::string output_field_names() {
    std::string known;
    for (const auto n : field_names)
        known += (known.empty() ? "" : ", ") + std::string(n);
    return known;
}

batch_format batch_format_of(const std::string& name) {
    switch (parse_format(name)) {
        case format::csv:
            return batch_format::csv;
        case format::tsv:
            return batch_format::tsv;
        case format::jsonl:
            return batch_format::jsonl;
        case format::json:
            return batch_format::json;
        case format::table:
            return batch_format::table;
        case format::text:
            break;
    }
    throw parse_error("--format", name,
                      "is not a batch format; use csv, tsv, jsonl, json or table");
}

batch_writer::batch_writer(std::ostream& out, batch_settings settings)
    : out_(out), s_(settings), totals_(settings.denominator) {
    buffer_.reserve(flush_at * 2);
}

void batch_writer::begin(const series_columns& columns, std::vector<std::string> kept,
                         const std::optional<std::string>& fields) {
    using f = out_field;
    using c = series_column;
    customers_ = columns.customers();
    revenue_ = columns.revenue();
    if (fields) {
        std::string_view list = *fields;
        while (true) {
            const auto comma = list.find(',');
            const std::string name(list.substr(0, comma));
            const auto it = std::find(field_names.begin(), field_names.end(), name);
            if (it == field_names.end())
                throw parse_error("--fields", name,
                                  "is not an output column; choose from " + output_field_names());
            fields_.push_back(static_cast<out_field>(it - field_names.begin()));
            if (comma == std::string_view::npos)
                break;
            list.remove_prefix(comma + 1);
        }
    } else {
        if (columns.has(c::period))
            fields_.push_back(f::period);
        if (columns.customers()) {
            const bool has_new = columns.has(c::acquired) || columns.has(c::lost_new);
            fields_.insert(fields_.end(), {f::start, f::lost});
            if (has_new)
                fields_.insert(fields_.end(), {f::acquired, f::lost_new});
            fields_.insert(fields_.end(), {f::lost_total, f::end, f::churn_pct});
            if (has_new)
                fields_.insert(fields_.end(), {f::base_churn_pct, f::new_churn_pct});
            fields_.insert(fields_.end(), {f::retention_pct, f::lifetime_periods});
            if (s_.period != period_length::year)
                fields_.push_back(f::annual_churn_pct);
        }
        if (columns.has(c::value)) {
            fields_.push_back(f::value);
            if (columns.customers())
                fields_.push_back(f::lost_revenue);
        }
        if (columns.revenue()) {
            fields_.push_back(f::start_revenue);
            if (columns.has(c::churned_revenue))
                fields_.insert(fields_.end(), {f::churned_revenue, f::contraction_revenue,
                                               f::expansion_revenue, f::reactivation_revenue});
            if (columns.has(c::new_revenue))
                fields_.push_back(f::new_revenue);
            if (columns.has(c::end_revenue) || columns.has(c::new_revenue))
                fields_.push_back(f::end_revenue);
            if (columns.has(c::churned_revenue))
                fields_.push_back(f::gross_revenue_churn_pct);
            fields_.insert(fields_.end(), {f::net_revenue_churn_pct, f::net_revenue_retention_pct});
        }
    }
    for (const auto field : fields_)
        names_.emplace_back(name_of(field));
    for (auto& k : kept) {
        fields_.push_back(out_field::kept);
        names_.push_back(std::move(k));
    }
    if (s_.summary_only)
        return;
    switch (s_.format) {
        case batch_format::csv:
        case batch_format::tsv:
            for (std::size_t i = 0; i < names_.size(); ++i) {
                separator(i);
                text(names_[i]);
            }
            buffer_.push_back('\n');
            break;
        case batch_format::json:
            buffer_ += "[";
            break;
        case batch_format::jsonl:
            break;
        case batch_format::table:
            table_.push_back(names_);
            break;
    }
}

void batch_writer::separator(std::size_t index) {
    if (index == 0)
        return;
    if (s_.format == batch_format::tsv) {
        buffer_.push_back('\t');
    } else if (s_.format != batch_format::table) {
        buffer_.push_back(',');
    }
}

void batch_writer::text(std::string_view s) {
    switch (s_.format) {
        case batch_format::csv:
            append_csv_field(buffer_, s);
            break;
        case batch_format::tsv:
            append_tsv_field(buffer_, s);
            break;
        case batch_format::json:
        case batch_format::jsonl:
            append_json_string(buffer_, s);
            break;
        case batch_format::table:
            cell_.assign(s);
            break;
    }
}

void batch_writer::number(const std::optional<decimal>& d) {
    if (s_.format == batch_format::table) {
        cell_.clear();
        if (d)
            append_decimal(cell_, *d);
    } else if (d) {
        append_decimal(buffer_, *d);
    }
}

void batch_writer::cell(const series_row& r, out_field f) {
    const metric m = compute(r, f, s_);
    const auto* const exact = std::get_if<fraction>(&m);
    const bool integer = exact != nullptr && exact->den == 1 && is_count(f);
    if (s_.format == batch_format::json || s_.format == batch_format::jsonl) {
        // Counts are integers; rates and amounts the nearest double in shortest form;
        // undefined is null.
        if (integer) {
            append_int(buffer_, exact->num);
        } else if (exact != nullptr) {
            append_json_number(buffer_, to_double(*exact));
        } else if (const auto* a = std::get_if<decimal>(&m)) {
            append_json_number(buffer_, to_double(*a));
        } else if (const auto* x = std::get_if<double>(&m)) {
            append_json_number(buffer_, *x);
        } else {
            buffer_ += "null";
        }
        return;
    }
    if (exact != nullptr && !integer && s_.format != batch_format::table &&
        append_small_fraction(buffer_, exact->num, exact->den, s_.precision))
        return;
    std::optional<decimal> shown;
    if (const auto* a = std::get_if<decimal>(&m)) {
        shown = *a;  // amounts are echoed as written, or exactly as derived
    } else if (exact != nullptr) {
        shown = integer ? decimal{exact->num, 0}
                        : round_half_away(exact->num, exact->den, s_.precision);
    } else if (const auto* x = std::get_if<double>(&m); x != nullptr && std::isfinite(*x)) {
        shown = round_half_away(*x, s_.precision);
    }
    number(shown);
    if (s_.format == batch_format::table && shown && is_percent(f))
        cell_ += "%";
}

void batch_writer::row(const series_row& r, const std::vector<std::string_view>& kept) {
    if (s_.summary_only) {
        totals_.add(r);  // first: a row the totals cannot take is not counted
        ++rows_;
        return;
    }
    const std::size_t mark = buffer_.size();
    const bool json = s_.format == batch_format::json || s_.format == batch_format::jsonl;
    const bool table = s_.format == batch_format::table;
    try {
        if (s_.format == batch_format::json)
            buffer_ += rows_ == 0 ? "\n" : ",\n";
        if (table)
            table_.emplace_back();
        if (json)
            buffer_.push_back('{');
        std::size_t kept_index = 0;
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            separator(i);
            if (json) {
                append_json_string(buffer_, names_[i]);
                buffer_.push_back(':');
            }
            if (fields_[i] == out_field::period) {
                text(r.label);
            } else if (fields_[i] == out_field::kept) {
                text(kept_index < kept.size() ? kept[kept_index] : std::string_view{});
                ++kept_index;
            } else {
                try {
                    cell(r, fields_[i]);
                } catch (const churn::error& e) {
                    throw error("column \"" + names_[i] + "\": " + e.what());
                }
            }
            if (table)
                table_.back().push_back(cell_);
        }
        // Last, and each leaves nothing behind if it throws: a row the totals cannot take is
        // not written either.
        const double chart = s_.chart ? chart_rate(r, s_).value_or(0.0) : 0.0;
        if (s_.summary)
            totals_.add(r);
        if (s_.chart)
            churn_for_chart_.push_back(chart);
    } catch (...) {
        // A result too large to write: the row leaves no trace, so the error can skip it.
        buffer_.resize(mark);
        if (table)
            table_.pop_back();
        throw;
    }
    ++rows_;
    end_row();
}

void batch_writer::end_row() {
    if (s_.format == batch_format::json) {
        buffer_.push_back('}');
    } else if (s_.format == batch_format::jsonl) {
        buffer_ += "}\n";
    } else if (s_.format != batch_format::table) {
        buffer_.push_back('\n');
    }
    if (buffer_.size() >= flush_at)
        flush();
}

void batch_writer::flush() {
    if (!buffer_.empty() && out_)
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (out_)
        out_.flush();
}

void batch_writer::summary() {
    struct item {
        std::string_view name;
        std::string_view label;  ///< for the table's footer
        std::optional<decimal> shown;
        std::optional<double> json;  ///< the number in JSON; nullopt with shown: an integer
        bool percent = false;
    };
    // An exact rate as a percentage: rounded for text, the nearest double for JSON.
    const auto exact_item = [&](std::string_view name, std::string_view label, const ratio* x) {
        item it{name, label, std::nullopt, std::nullopt, true};
        if (x != nullptr) {
            // Exact however large the sums: no product of the parts is formed.
            it.shown = round_percent(*x, s_.precision);
            int128 num = 0;
            it.json = __builtin_mul_overflow(x->num(), 100, &num)
                          ? 100 * x->to_double()
                          : to_double(fraction{num, x->den()});
        }
        return it;
    };
    const auto approx = [&](const std::optional<double>& v) {
        return v && std::isfinite(*v)
                   ? std::optional<decimal>(round_half_away(100 * *v, s_.precision))
                   : std::nullopt;
    };
    const auto times100 = [](const std::optional<double>& v) {
        return v ? std::optional<double>(100 * *v) : std::nullopt;
    };
    std::vector<item> items = {
        {"periods", "Periods", decimal{static_cast<int128>(totals_.periods()), 0}, {}, false}};
    if (customers_) {
        const auto pooled = totals_.pooled_churn();
        const auto mean = totals_.mean_churn();
        const auto kept = totals_.compounded_retention();
        const auto annual = totals_.compounded_churn(s_.period, period_length::year);
        const auto count = [](const std::optional<std::int64_t>& n) {
            return n ? std::optional<decimal>(decimal{*n, 0}) : std::nullopt;
        };
        // The series starts with the first period's customers and ends with the last's; the
        // pooled churn is over the customers at start of every period, summed.
        items.push_back(
            {"start", "Customers at start (first period)", count(totals_.first_start()), {}});
        items.push_back({"end", "Customers at end (last period)", count(totals_.last_end()), {}});
        items.push_back(
            {"start_summed", "Customers at start, summed", decimal{totals_.start(), 0}, {}});
        items.push_back({"lost_total", "Customers lost, summed", decimal{totals_.lost(), 0}, {}});
        items.push_back(exact_item("pooled_churn_pct",
                                   s_.denominator == basis::start ? "Pooled churn (lost / start)"
                                                                  : "Pooled churn (lost / basis)",
                                   pooled ? &*pooled : nullptr));
        items.push_back(
            {"mean_churn_pct", "Mean period churn", approx(mean), times100(mean), true});
        items.push_back({"compounded_retention_pct", "Retention, compounded", approx(kept),
                         times100(kept), true});
        items.push_back({"compounded_annual_churn_pct", "Churn per year, compounded",
                         approx(annual), times100(annual), true});
    }
    if (const auto lost = totals_.lost_revenue()) {
        // Money computed from the rows: rounded to --precision like each row's.
        items.push_back({"lost_revenue", "Revenue lost, summed",
                         round_half_away(lost->to_ratio(), s_.precision), to_double(*lost)});
    }
    if (revenue_) {
        const auto gross = totals_.pooled_gross_revenue_churn();
        const auto net = totals_.pooled_net_revenue_churn();
        const ratio nrr = net ? ratio(1) - *net : ratio(0);
        items.push_back(exact_item("pooled_gross_revenue_churn_pct", "Gross revenue churn, pooled",
                                   gross ? &*gross : nullptr));
        items.push_back(exact_item("pooled_net_revenue_churn_pct", "Net revenue churn, pooled",
                                   net ? &*net : nullptr));
        items.push_back(exact_item("pooled_net_revenue_retention_pct",
                                   "Net revenue retention, pooled", net ? &nrr : nullptr));
    }

    const bool json = s_.format == batch_format::json || s_.format == batch_format::jsonl;
    if (json) {
        if (s_.format == batch_format::json && !s_.summary_only)
            buffer_ += rows_ ? ",\n" : "\n";
        buffer_ += "{\"period\":\"total\"";
        for (const auto& it : items) {
            buffer_.push_back(',');
            append_json_string(buffer_, it.name);
            buffer_.push_back(':');
            if (it.json) {
                append_json_number(buffer_, *it.json);
            } else if (!it.percent && it.shown) {
                append_int(buffer_, it.shown->units);
            } else {
                buffer_ += "null";
            }
        }
        buffer_ += s_.format == batch_format::jsonl ? "}\n" : "}";
        return;
    }
    if (s_.format == batch_format::table) {
        std::size_t width = 0;
        for (const auto& it : items)
            width = std::max(width, display_width(it.label));
        buffer_ += s_.summary_only ? "" : "\n";
        for (const auto& it : items) {
            std::string value;
            if (it.shown)
                append_decimal(value, *it.shown);
            buffer_ += std::string(it.label);
            buffer_ += std::string(width + 2 - display_width(it.label), ' ');
            buffer_ += fmt::format("{:>12}{}\n", value.empty() ? "-" : value,
                                   it.percent && !value.empty() ? "%" : "");
        }
        return;
    }
    if (s_.summary_only) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            separator(i);
            text(items[i].name);
        }
        buffer_.push_back('\n');
        for (std::size_t i = 0; i < items.size(); ++i) {
            separator(i);
            if (items[i].shown)
                append_decimal(buffer_, *items[i].shown);
        }
        buffer_.push_back('\n');
        return;
    }
    // A final CSV/TSV row in the row columns, each holding what the column means for the whole
    // series: the first start, the last end, the losses summed, the pooled rates. Retention is
    // left out: compounded, it is not 100% − the pooled churn (--summary-only shows it).
    const auto find = [&](std::string_view n) -> std::optional<decimal> {
        for (const auto& it : items)
            if (it.name == n)
                return it.shown;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        separator(i);
        std::optional<decimal> v;
        switch (fields_[i]) {
            case out_field::period:
                text("total");
                break;
            case out_field::start:
            case out_field::end:
            case out_field::lost_total:
            case out_field::lost_revenue:
                v = find(name_of(fields_[i]));
                break;
            case out_field::churn_pct:
                v = find("pooled_churn_pct");
                break;
            case out_field::annual_churn_pct:
                v = find("compounded_annual_churn_pct");
                break;
            case out_field::gross_revenue_churn_pct:
            case out_field::net_revenue_churn_pct:
            case out_field::net_revenue_retention_pct:
                v = find("pooled_" + std::string(name_of(fields_[i])));
                break;
            default:
                break;
        }
        if (v)
            append_decimal(buffer_, *v);
    }
    buffer_.push_back('\n');
}

void batch_writer::write_table() {
    std::vector<std::size_t> widths(table_.front().size(), 0);
    for (const auto& r : table_)
        for (std::size_t i = 0; i < r.size(); ++i)
            widths[i] = std::max(widths[i], display_width(r[i].empty() ? "-" : r[i]));
    double top = 0;
    for (const double c : churn_for_chart_)
        top = std::max(top, c);
    std::string line;
    for (std::size_t row = 0; row < table_.size(); ++row) {
        line.clear();
        const auto& r = table_[row];
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            // Text on the left, numbers (and their headings) on the right.
            const bool left = is_text(fields_[i]);
            const std::string_view c = r[i].empty() && row > 0 ? "-" : std::string_view(r[i]);
            const std::size_t pad = widths[i] > display_width(c) ? widths[i] - display_width(c) : 0;
            if (i > 0)
                line += "  ";
            if (!left)
                line.append(pad, ' ');
            line += c;
            if (left)
                line.append(pad, ' ');
        }
        if (s_.chart && row > 0) {
            const std::string b = bar(top > 0 ? churn_for_chart_[row - 1] / top : 0, 20);
            line += "  ";
            line += s_.color ? fmt::format(fmt::fg(fmt::terminal_color::cyan), "{}", b) : b;
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        buffer_ += line;
        buffer_ += '\n';
        if (buffer_.size() >= flush_at)
            flush();
    }
}

void batch_writer::end_after_error() {
    // The rows written so far stay a whole document: the table is drawn, the array closed.
    if (!fields_.empty() && !s_.summary_only) {
        if (s_.format == batch_format::table)
            write_table();
        if (s_.format == batch_format::json)
            buffer_ += rows_ ? "\n]\n" : "]\n";
    }
    flush();
}

void batch_writer::finish() {
    if (s_.format == batch_format::table && !s_.summary_only)
        write_table();
    if (s_.summary)
        summary();
    if (s_.format == batch_format::json && !s_.summary_only)
        buffer_ += rows_ || s_.summary ? "\n]\n" : "]\n";
    if (s_.format == batch_format::json && s_.summary_only)
        buffer_ += "\n";
    flush();
}

}  // namespace churn::cli
