#include "cli/batch_output.hpp"

#include "cli/escape.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>

namespace churn::cli {

namespace {

constexpr std::size_t flush_at = std::size_t{1} << 16;

constexpr std::array<std::string_view, 15> field_names = {
    "period",           "start",         "lost",          "new",
    "lost_new",         "lost_total",    "end",           "churn_pct",
    "base_churn_pct",   "new_churn_pct", "retention_pct", "lifetime_periods",
    "annual_churn_pct", "value",         "lost_revenue"};

std::string_view name_of(out_field f) {
    return field_names.at(static_cast<std::size_t>(f));
}

bool is_text(out_field f) {
    return f == out_field::period || f == out_field::kept;
}

bool is_count(out_field f) {
    return f >= out_field::start && f <= out_field::end;
}

/// An exact fraction num / den, or nothing where the metric is undefined for the row.
struct fraction {
    int128 num = 0;
    int128 den = 0;  ///< 0: undefined
};

/// The value of a numeric column: an exact fraction, a double, or undefined.
struct metric {
    std::optional<fraction> exact;
    std::optional<double> approx;
};

int128 basis_den(const period& p, basis b) {
    switch (b) {
        case basis::start:
            return p.start;
        case basis::exposed:
            return int128{p.start} + p.acquired;
        case basis::average:
            return int128{p.start} + p.end;  // halved: the numerator is doubled instead
    }
    return 0;
}

int128 basis_num(const period& p, basis b) {
    return b == basis::average ? int128{p.lost_total} * 2 : int128{p.lost_total};
}

metric percent(int128 num, int128 den) {
    if (den == 0)
        return {};
    return {fraction{num * 100, den}, std::nullopt};
}

metric compute(const batch_row& r, out_field f, const batch_settings& s) {
    const period& p = r.p;
    switch (f) {
        case out_field::start:
            return {fraction{p.start, 1}, {}};
        case out_field::lost:
            return p.lost ? metric{fraction{*p.lost, 1}, {}} : metric{};
        case out_field::acquired:
            return {fraction{p.acquired, 1}, {}};
        case out_field::lost_new:
            return p.lost_new ? metric{fraction{*p.lost_new, 1}, {}} : metric{};
        case out_field::lost_total:
            return {fraction{p.lost_total, 1}, {}};
        case out_field::end:
            return {fraction{p.end, 1}, {}};
        case out_field::churn_pct:
            return percent(basis_num(p, s.denominator), basis_den(p, s.denominator));
        case out_field::base_churn_pct:
            return p.has_new && p.lost ? percent(*p.lost, p.start) : metric{};
        case out_field::new_churn_pct:
            return p.has_new && p.lost_new ? percent(*p.lost_new, p.acquired) : metric{};
        case out_field::retention_pct:
            return percent(int128{p.end} - p.acquired, p.start);
        case out_field::lifetime_periods: {
            const int128 num = basis_num(p, s.denominator);
            if (num == 0 || basis_den(p, s.denominator) == 0)
                return {};
            return {fraction{basis_den(p, s.denominator), num}, {}};
        }
        case out_field::annual_churn_pct: {
            const int128 num = basis_num(p, s.denominator);
            const int128 den = basis_den(p, s.denominator);
            if (den == 0 || num > den)
                return {};
            return {std::nullopt,
                    100 * convert_churn(ratio(num, den), s.period, period_length::year)};
        }
        case out_field::value:
            return r.value ? metric{fraction{r.value->units, pow10(r.value->scale)}, {}} : metric{};
        case out_field::lost_revenue:
            if (!r.value)
                return {};
            return {fraction{checked_mul(r.value->units, p.lost_total), pow10(r.value->scale)}, {}};
        case out_field::period:
        case out_field::kept:
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

/// units × 10^-scale, written without allocating in the common case.
void append_decimal(std::string& out, const decimal& d) {
    const int128 mag = d.units < 0 ? -d.units : d.units;
    if (mag > INT64_MAX || d.scale > 18) {
        out += to_string(d);
        return;
    }
    // Digits from the right into a small buffer, the point after `scale` of them.
    char buf[48];
    char* const end = buf + sizeof buf;
    char* p = end;
    auto u = static_cast<std::uint64_t>(mag);
    for (int i = 0; i < d.scale; ++i, u /= 10)
        *--p = static_cast<char>('0' + u % 10);
    if (d.scale > 0)
        *--p = '.';
    do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (d.units < 0)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

double as_double(const fraction& f) {
    return ratio(f.num, f.den).to_double();
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

}  // namespace

batch_format batch_format_of(const std::string& name) {
    if (name == "tsv")
        return batch_format::tsv;
    if (name == "jsonl")
        return batch_format::jsonl;
    if (name == "json")
        return batch_format::json;
    if (name == "table")
        return batch_format::table;
    return batch_format::csv;
}

batch_writer::batch_writer(std::ostream& out, batch_settings settings) : out_(out), s_(settings) {
    buffer_.reserve(flush_at * 2);
}

void batch_writer::begin(bool has_period, bool has_new, bool has_value,
                         std::vector<std::string> kept, const std::optional<std::string>& fields) {
    kept_names_ = std::move(kept);
    if (fields) {
        std::string_view list = *fields;
        while (true) {
            const auto comma = list.find(',');
            const std::string name(list.substr(0, comma));
            const auto it = std::find(field_names.begin(), field_names.end(), name);
            if (it == field_names.end()) {
                std::string known;
                for (const auto n : field_names)
                    known += (known.empty() ? "" : ", ") + std::string(n);
                throw parse_error("--fields", name,
                                  "is not an output column; choose from " + known);
            }
            fields_.push_back(static_cast<out_field>(it - field_names.begin()));
            if (comma == std::string_view::npos)
                break;
            list.remove_prefix(comma + 1);
        }
    } else {
        using f = out_field;
        if (has_period)
            fields_.push_back(f::period);
        fields_.insert(fields_.end(), {f::start, f::lost});
        if (has_new)
            fields_.insert(fields_.end(), {f::acquired, f::lost_new});
        fields_.insert(fields_.end(), {f::lost_total, f::end, f::churn_pct});
        if (has_new)
            fields_.insert(fields_.end(), {f::base_churn_pct, f::new_churn_pct});
        fields_.insert(fields_.end(), {f::retention_pct, f::lifetime_periods});
        if (s_.period != period_length::year)
            fields_.push_back(f::annual_churn_pct);
        if (has_value)
            fields_.insert(fields_.end(), {f::value, f::lost_revenue});
    }
    for (const auto f : fields_)
        names_.emplace_back(name_of(f));
    for (std::size_t i = 0; i < kept_names_.size(); ++i) {
        fields_.push_back(out_field::kept);
        names_.push_back(kept_names_[i]);
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
            if (s_.chart)
                table_.back().push_back("");
            break;
    }
}

void batch_writer::separator(std::size_t index) {
    if (index == 0)
        return;
    if (s_.format == batch_format::csv) {
        buffer_.push_back(',');
    } else if (s_.format == batch_format::tsv) {
        buffer_.push_back('\t');
    } else if (s_.format == batch_format::json || s_.format == batch_format::jsonl) {
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

void batch_writer::cell(const batch_row& r, out_field f, std::size_t kept_index) {
    if (f == out_field::period)
        return text(r.label);
    if (f == out_field::kept)
        return text(kept_index < r.kept.size() ? r.kept[kept_index] : "");
    const metric m = compute(r, f, s_);
    if (s_.format == batch_format::json || s_.format == batch_format::jsonl) {
        // Counts are integers; rates the nearest double in shortest form; undefined is null.
        if (m.exact && m.exact->den == 1 && is_count(f)) {
            append_int(buffer_, m.exact->num);
        } else if (m.exact) {
            fmt::format_to(std::back_inserter(buffer_), "{}", as_double(*m.exact));
        } else if (m.approx && std::isfinite(*m.approx)) {
            fmt::format_to(std::back_inserter(buffer_), "{}", *m.approx);
        } else {
            buffer_ += "null";
        }
        return;
    }
    std::optional<decimal> shown;
    if (f == out_field::value && r.value) {
        shown = *r.value;  // amounts given are echoed as written
    } else if (m.exact) {
        shown = m.exact->den == 1 && is_count(f)
                    ? decimal{m.exact->num, 0}
                    : round_half_away(m.exact->num, m.exact->den, s_.precision);
    } else if (m.approx) {
        shown = round_half_away(*m.approx, s_.precision);
    }
    number(shown);
}

void batch_writer::row(const batch_row& r) {
    ++rows_;
    if (s_.summary || s_.chart)
        add_to_totals(r);
    if (s_.summary_only)
        return;

    const bool json = s_.format == batch_format::json || s_.format == batch_format::jsonl;
    if (s_.format == batch_format::json)
        buffer_ += rows_ == 1 ? "\n" : ",\n";
    if (s_.format == batch_format::table)
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
        cell(r, fields_[i], kept_index);
        if (fields_[i] == out_field::kept)
            ++kept_index;
        if (s_.format == batch_format::table)
            table_.back().push_back(cell_);
    }
    end_row();
}

void batch_writer::add_to_totals(const batch_row& r) {
    sum_start_ += r.p.start;
    sum_lost_ += r.p.lost_total;
    last_end_ = r.p.end;
    const int128 den = basis_den(r.p, s_.denominator);
    const double churn = den == 0 ? 0.0 : ratio(basis_num(r.p, s_.denominator), den).to_double();
    if (den != 0) {
        sum_churn_ += churn;
        ++churn_rows_;
    }
    if (s_.chart)
        churn_for_chart_.push_back(churn);
    if (r.p.start > 0) {
        const double retention =
            static_cast<double>(r.p.end - r.p.acquired) / static_cast<double>(r.p.start);
        if (retention <= 0) {
            retention_zero_ = true;
        } else {
            log_retention_ += std::log(retention);
        }
    }
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
    const double periods_per_year = periods_per(s_.period, period_length::year).to_double();
    const double compounded = retention_zero_ ? 0.0 : std::exp(log_retention_);
    const double annual = 1 - std::pow(compounded, periods_per_year / static_cast<double>(rows_));
    const std::optional<fraction> pooled =
        sum_start_ > 0 ? std::optional<fraction>(fraction{sum_lost_ * 100, sum_start_})
                       : std::nullopt;
    const double mean = churn_rows_ > 0 ? 100 * sum_churn_ / static_cast<double>(churn_rows_) : NAN;

    struct item {
        std::string_view name;
        std::optional<decimal> shown;
        double exact;
        bool integer;
    };
    const auto approx = [&](double v) {
        return std::isfinite(v) ? std::optional<decimal>(round_half_away(v, s_.precision))
                                : std::nullopt;
    };
    const std::vector<item> items = {
        {"periods", decimal{static_cast<int128>(rows_), 0}, static_cast<double>(rows_), true},
        {"start", decimal{sum_start_, 0}, 0, true},
        {"lost_total", decimal{sum_lost_, 0}, 0, true},
        {"churn_pct",
         pooled ? std::optional<decimal>(round_half_away(pooled->num, pooled->den, s_.precision))
                : std::nullopt,
         pooled ? as_double(*pooled) : NAN, false},
        {"mean_churn_pct", approx(mean), mean, false},
        {"retention_pct", approx(100 * compounded), 100 * compounded, false},
        {"annual_churn_pct", approx(100 * annual), 100 * annual, false},
    };

    const bool json = s_.format == batch_format::json || s_.format == batch_format::jsonl;
    if (json) {
        if (s_.format == batch_format::json && !s_.summary_only)
            buffer_ += rows_ ? ",\n" : "\n";
        buffer_ += "{\"period\":\"total\"";
        for (const auto& it : items) {
            buffer_.push_back(',');
            append_json_string(buffer_, it.name);
            buffer_.push_back(':');
            if (!it.shown || (!std::isfinite(it.exact) && !it.integer)) {
                buffer_ += "null";
            } else if (it.integer) {
                append_int(buffer_, it.shown->units);
            } else {
                fmt::format_to(std::back_inserter(buffer_), "{}", it.exact);
            }
        }
        buffer_ += s_.format == batch_format::jsonl ? "}\n" : "}";
        return;
    }
    if (s_.format == batch_format::table) {
        std::string out = "\n";
        const std::array<std::string_view, 7> labels = {"Periods",
                                                        "Customers at start, summed",
                                                        "Customers lost, summed",
                                                        "Pooled churn (lost / start)",
                                                        "Mean period churn",
                                                        "Retention, compounded",
                                                        "Churn per year, compounded"};
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string value;
            if (items[i].shown)
                append_decimal(value, *items[i].shown);
            const bool pct = items[i].name.size() > 4 &&
                             items[i].name.substr(items[i].name.size() - 4) == "_pct";
            out += fmt::format("{:<29}{:>12}{}\n", labels[i], value.empty() ? "-" : value,
                               pct && !value.empty() ? "%" : "");
        }
        buffer_ += out;
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
    // A final CSV/TSV row in the row columns: period "total", sums, pooled and compounded rates.
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        separator(i);
        switch (fields_[i]) {
            case out_field::period:
                text("total");
                break;
            case out_field::start:
                append_decimal(buffer_, *items[1].shown);
                break;
            case out_field::lost_total:
                append_decimal(buffer_, *items[2].shown);
                break;
            case out_field::end:
                append_int(buffer_, last_end_);
                break;
            case out_field::churn_pct:
                if (items[3].shown)
                    append_decimal(buffer_, *items[3].shown);
                break;
            case out_field::retention_pct:
                if (items[5].shown)
                    append_decimal(buffer_, *items[5].shown);
                break;
            case out_field::annual_churn_pct:
                if (items[6].shown)
                    append_decimal(buffer_, *items[6].shown);
                break;
            default:
                break;
        }
    }
    buffer_.push_back('\n');
}

void batch_writer::finish() {
    if (s_.format == batch_format::table && !s_.summary_only) {
        std::vector<std::size_t> widths(table_.front().size(), 0);
        for (const auto& r : table_)
            for (std::size_t i = 0; i < r.size(); ++i)
                widths[i] = std::max(widths[i], display_width(r[i]));
        const double top = churn_for_chart_.empty() ? 0
                                                    : *std::max_element(churn_for_chart_.begin(),
                                                                        churn_for_chart_.end());
        for (std::size_t row = 0; row < table_.size(); ++row) {
            std::string line;
            const auto& r = table_[row];
            for (std::size_t i = 0; i < fields_.size(); ++i) {
                const bool left = is_text(fields_[i]) || row == 0;
                const std::string& c = r[i].empty() && row > 0 ? std::string("-") : r[i];
                const std::size_t pad =
                    widths[i] > display_width(c) ? widths[i] - display_width(c) : 0;
                if (i > 0)
                    line += "  ";
                line += left ? c + std::string(pad, ' ') : std::string(pad, ' ') + c;
            }
            if (s_.chart && row > 0) {
                const std::string b = bar(top > 0 ? churn_for_chart_[row - 1] / top : 0, 20);
                line += "  " +
                        (s_.color ? fmt::format(fmt::fg(fmt::terminal_color::cyan), "{}", b) : b);
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            buffer_ += line + "\n";
        }
    }
    if (s_.summary)
        summary();
    if (s_.format == batch_format::json && !s_.summary_only)
        buffer_ += rows_ || s_.summary ? "\n]\n" : "]\n";
    if (s_.format == batch_format::json && s_.summary_only)
        buffer_ += "\n";
    flush();
}

}  // namespace churn::cli
