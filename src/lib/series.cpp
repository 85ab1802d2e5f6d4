#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/series.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace churn {

namespace {

constexpr std::array<std::string_view, series_column_count> column_names = {"period",
                                                                            "start",
                                                                            "lost",
                                                                            "new",
                                                                            "lost_new",
                                                                            "end",
                                                                            "returned",
                                                                            "value",
                                                                            "start_revenue",
                                                                            "churned_revenue",
                                                                            "contraction_revenue",
                                                                            "expansion_revenue",
                                                                            "reactivation_revenue",
                                                                            "new_revenue",
                                                                            "end_revenue"};

/// `column "lost"`: how messages name a column; built once, so rows never allocate for it.
constexpr std::array<std::string_view, series_column_count> column_labels = {
    "column \"period\"",
    "column \"start\"",
    "column \"lost\"",
    "column \"new\"",
    "column \"lost_new\"",
    "column \"end\"",
    "column \"returned\"",
    "column \"value\"",
    "column \"start_revenue\"",
    "column \"churned_revenue\"",
    "column \"contraction_revenue\"",
    "column \"expansion_revenue\"",
    "column \"reactivation_revenue\"",
    "column \"new_revenue\"",
    "column \"end_revenue\""};

/// Short names of the revenue command's flags, read as revenue columns in a file that has
/// `start_revenue` (and as any other column in a file that has not).
struct alias {
    std::string_view name;
    series_column column;
};
constexpr std::array<alias, 4> revenue_aliases = {{
    {"churned", series_column::churned_revenue},
    {"contraction", series_column::contraction_revenue},
    {"expansion", series_column::expansion_revenue},
    {"reactivation", series_column::reactivation_revenue},
}};

constexpr std::size_t index(series_column c) {
    return static_cast<std::size_t>(c);
}

std::string_view label(series_column c) {
    return column_labels[index(c)];
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

/// Echoed text must be UTF-8: JSON requires it, and a terminal would show garbage.
void check_utf8(std::string_view text, series_column c) {
    const std::size_t bad = invalid_utf8(text);
    if (bad == std::string_view::npos)
        return;
    char byte[8];
    std::snprintf(byte, sizeof byte, "\\x%02X", static_cast<unsigned char>(text[bad]));
    throw error(std::string(label(c)) + ": not valid UTF-8 at byte " + std::to_string(bad + 1) +
                " (" + byte + "); save the file as UTF-8");
}

/// What count_cell returns for an empty cell or an absent column (counts are ≥ 0).
constexpr std::int64_t no_count = -1;

/// A count cell, or no_count. Not a std::optional: this runs for every cell of millions of
/// rows, and an optional returned through the stack costs a store-forwarding stall each time.
std::int64_t count_cell(const series_columns& columns, const std::vector<std::string_view>& fields,
                        series_column c) {
    if (!columns.has(c))
        return no_count;
    const std::string_view text = fields[*columns[c]];
    if (const std::int64_t v = plain_count(text); v >= 0)
        return v;
    if (blank(text))
        return no_count;
    return parse_count(text, label(c));
}

/// A count cell; an empty cell is a missing value.
std::optional<std::int64_t> count(const series_columns& columns,
                                  const std::vector<std::string_view>& fields, series_column c) {
    const std::int64_t v = count_cell(columns, fields, c);
    return v == no_count ? std::nullopt : std::optional<std::int64_t>(v);
}

/// An amount cell (≥ 0); an empty cell is a missing value.
std::optional<decimal> amount(const series_columns& columns,
                              const std::vector<std::string_view>& fields, series_column c,
                              number_format numbers) {
    const auto at = columns[c];
    if (!at || blank(fields[*at]))
        return std::nullopt;
    return parse_decimal(fields[*at], label(c), numbers);
}

decimal sub(const decimal& a, const decimal& b) {
    return add(a, decimal{-b.units, b.scale});
}

std::string shown(const decimal& d) {
    return to_string(d);
}

}  // namespace

std::string_view name(series_column c) {
    return column_names.at(index(c));
}

std::string canonical_column_name(std::string_view header_name) {
    std::string out;
    out.reserve(header_name.size());
    bool gap = false;
    for (const char c : header_name) {
        if (c == ' ' || c == '\t' || c == '-' || c == '_') {
            gap = true;
            continue;
        }
        if (gap && !out.empty())
            out.push_back('_');
        gap = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string column_list(const std::vector<std::string>& names) {
    std::string found;
    for (std::size_t i = 0; i < names.size() && i < 10; ++i) {
        const std::string& n = names[i];
        const bool plain =
            !n.empty() && n.size() <= 40 && invalid_utf8(n) == std::string_view::npos &&
            std::all_of(n.begin(), n.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != ',' && c != '"';
            });
        found += (i == 0 ? "" : ", ") + (plain ? n : quote(n));
    }
    if (names.size() > 10)
        found += ", … " + std::to_string(names.size()) + " columns";
    return found;
}

series_columns::series_columns(const std::vector<std::string_view>& header)
    : width_(header.size()) {
    std::vector<std::string> names;
    names.reserve(header.size());
    std::unordered_set<std::string> seen;  // linear in the columns, however many
    for (const auto h : header) {
        names.push_back(canonical_column_name(h));
        // Unnamed columns (a spreadsheet's empty ones, an index column) are no column at all.
        if (!names.back().empty() && !seen.insert(names.back()).second)
            throw error("duplicate column " + quote(names.back()));
    }
    const bool has_start_revenue = seen.count("start_revenue") > 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::optional<series_column> column;
        const auto it = std::find(column_names.begin(), column_names.end(), names[i]);
        if (it != column_names.end())
            column = static_cast<series_column>(it - column_names.begin());
        const auto a = std::find_if(revenue_aliases.begin(), revenue_aliases.end(),
                                    [&](const alias& x) { return x.name == names[i]; });
        if (a != revenue_aliases.end() && has_start_revenue)
            column = a->column;
        if (!column) {
            if (!names[i].empty())
                others_.push_back(i);
            continue;
        }
        auto& at = at_[index(*column)];
        if (at)  // one column under its name and its short name
            throw error("duplicate column \"" + std::string(name(*column)) + "\" (as " +
                        quote(names[*at]) + " and " + quote(names[i]) + ")");
        at = i;
    }
    using c = series_column;
    customers_ = has(c::start) || has(c::lost) || has(c::acquired) || has(c::lost_new) ||
                 has(c::end) || has(c::returned);
    revenue_ = has(c::start_revenue) || has(c::churned_revenue) || has(c::contraction_revenue) ||
               has(c::expansion_revenue) || has(c::reactivation_revenue) || has(c::new_revenue) ||
               has(c::end_revenue);
    const auto missing = [&](std::string_view what) {
        return error("missing column " + std::string(what) + " (found: " + column_list(names) +
                     ")");
    };
    if (customers_ || !revenue_) {
        if (!has(c::start))
            throw missing("\"start\"");
        if (!has(c::lost) && !has(c::end) && !has(c::lost_new))
            throw missing("\"lost\" or \"end\"");
    }
    if (revenue_) {
        if (!has(c::start_revenue))
            throw missing("\"start_revenue\"");
        if (!has(c::churned_revenue) && !(has(c::end_revenue) && has(c::new_revenue)))
            throw missing("\"churned_revenue\", or \"end_revenue\" with \"new_revenue\"");
    }
}

void series::read(const series_columns& columns, const std::vector<std::string_view>& fields,
                  series_row& row) {
    using c = series_column;
    // Until this row is read whole, its end is unknown to the next row.
    const link customers_before = customers_;
    const link revenue_before = revenue_;
    if (customers_ == link::known)
        customers_ = link::broken;
    if (revenue_ == link::known)
        revenue_ = link::broken;

    if (fields.size() != columns.width())
        throw error("expected " + std::to_string(columns.width()) + " fields, found " +
                    std::to_string(fields.size()));
    row.label = columns[c::period] ? fields[*columns[c::period]] : std::string_view{};
    check_utf8(row.label, c::period);

    row.customers.reset();
    if (columns.customers()) {
        period_input in;
        in.start = count(columns, fields, c::start);
        if (!in.start) {
            if (customers_before == link::none)
                throw error(
                    "column \"start\" is empty and there is no previous row whose end it could "
                    "take");
            if (customers_before == link::broken)
                throw error(
                    "column \"start\" is empty and the previous row was invalid, so the end it "
                    "would take is unknown");
            in.start = end_;
        }
        in.lost = count(columns, fields, c::lost);
        in.acquired = count(columns, fields, c::acquired);
        in.lost_new = count(columns, fields, c::lost_new);
        in.end = count(columns, fields, c::end);
        in.returned = count(columns, fields, c::returned);
        if (!in.lost && !in.end && !in.lost_new) {
            std::string empty;
            for (const auto k : {c::lost, c::end, c::lost_new})
                if (columns.has(k))
                    empty += (empty.empty() ? "\"" : " and \"") + std::string(name(k)) + "\"";
            throw error((empty.find(" and ") == std::string::npos ? "column " : "columns ") +
                        empty + (empty.find(" and ") == std::string::npos ? " is" : " are") +
                        " empty: give the customers lost or at the end");
        }
        row.customers = resolve(in);
    }

    row.value.reset();
    if (columns.has(c::value))
        row.value = amount(columns, fields, c::value, numbers_);

    row.revenue.reset();
    if (columns.revenue()) {
        period_revenue r;
        const auto start = amount(columns, fields, c::start_revenue, numbers_);
        if (start) {
            r.start = *start;
        } else if (revenue_before == link::known) {
            r.start = end_revenue_;
        } else {
            throw error(revenue_before == link::none
                            ? "column \"start_revenue\" is empty and there is no previous row "
                              "whose end_revenue it could take"
                            : "column \"start_revenue\" is empty and the previous row was "
                              "invalid or had no end_revenue, so the end it would take is "
                              "unknown");
        }
        r.churned = amount(columns, fields, c::churned_revenue, numbers_);
        const auto contraction = amount(columns, fields, c::contraction_revenue, numbers_);
        const auto expansion = amount(columns, fields, c::expansion_revenue, numbers_);
        const auto reactivation = amount(columns, fields, c::reactivation_revenue, numbers_);
        r.new_revenue = amount(columns, fields, c::new_revenue, numbers_);
        r.end = amount(columns, fields, c::end_revenue, numbers_);
        const bool movements = r.churned || contraction || expansion || reactivation;
        if (movements && !r.churned)
            throw error(
                "column \"churned_revenue\" is empty; give it (0 if nobody left) with the "
                "other movements");
        if (r.churned) {
            r.contraction = contraction.value_or(decimal{});
            r.expansion = expansion.value_or(decimal{});
            r.reactivation = reactivation.value_or(decimal{});
            const revenue_movements m{r.start, *r.churned, r.contraction, r.expansion,
                                      r.reactivation};
            try {
                r.gross_lost = gross_revenue_lost(m);
                r.net_lost = net_revenue_lost(m);
            } catch (const domain_error& e) {
                throw domain_error(std::string(columns.has(c::contraction_revenue)
                                                   ? "columns \"churned_revenue\" and "
                                                     "\"contraction_revenue\": "
                                                   : "column \"churned_revenue\": ") +
                                   e.what());
            }
            const decimal end = add(sub(r.start, r.net_lost), r.new_revenue.value_or(decimal{}));
            if (r.new_revenue && r.end && sub(*r.end, end).units != 0)
                throw domain_error("end_revenue (" + shown(*r.end) +
                                   ") contradicts start − churned − contraction + expansion + "
                                   "reactivation + new = " +
                                   shown(end));
            if (r.new_revenue || !r.end)
                r.end = end;
        } else if (r.end && r.new_revenue) {
            r.net_lost = net_revenue_lost(r.start, *r.end, *r.new_revenue);
        } else {
            throw error(
                "columns \"churned_revenue\" and \"end_revenue\" with \"new_revenue\" are empty: "
                "give the revenue lost, or the end and new revenue");
        }
        row.revenue = r;
    }

    if (row.customers) {
        customers_ = link::known;
        end_ = row.customers->end;
    }
    if (row.revenue) {
        revenue_ = row.revenue->end ? link::known : link::broken;
        if (row.revenue->end)
            end_revenue_ = *row.revenue->end;
    }
}

}  // namespace churn
