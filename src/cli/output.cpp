#include "cli/output.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

namespace churn::cli {

namespace {

bool is_scaled(unit u) {
    return u == unit::percent || u == unit::points;
}

/// The exact value in display units, when the field holds one.
std::optional<ratio> exact(const field& f) {
    const ratio scale = is_scaled(f.u) ? ratio(100) : ratio(1);
    if (const auto* r = std::get_if<ratio>(&f.v))
        return *r * scale;
    if (const auto* d = std::get_if<decimal>(&f.v))
        return d->to_ratio() * scale;
    if (const auto* i = std::get_if<std::int64_t>(&f.v))
        return ratio(*i) * scale;
    return std::nullopt;
}

double approximate(const field& f) {
    if (const auto e = exact(f))
        return e->to_double();
    const double scale = is_scaled(f.u) ? 100.0 : 1.0;
    return std::get<double>(f.v) * scale;
}

/// A field's cell: counts and whole numbers of no unit are integers, amounts the user gave
/// are echoed as written, every other number is its exact value in display units (rounded by
/// the sink), or a double where the result is not rational.
out::value cell(const field& f) {
    if (const auto* s = std::get_if<std::string>(&f.v))
        return std::string_view(*s);
    if (const auto* b = std::get_if<bool>(&f.v))
        return *b;
    if (const auto* i = std::get_if<std::int64_t>(&f.v); i && !is_scaled(f.u))
        return int128{*i};
    if (const auto* r = std::get_if<ratio>(&f.v); r && f.u == unit::none && r->den() == 1)
        return r->num();
    if (const auto* d = std::get_if<decimal>(&f.v); d && f.u == unit::none)
        return *d;
    if (const auto e = exact(f))
        return out::fraction{e->num(), e->den()};
    return approximate(f);
}

}  // namespace

const field& find(const report& r, const std::string& name) {
    for (const auto& f : r.fields)
        if (f.name == name)
            return f;
    throw std::out_of_range("no field " + name);
}

void write(out::sink& s, const report& r) {
    out::header h;
    h.command = r.command;
    h.record = true;
    std::vector<out::value> values;
    for (const auto& f : r.fields) {
        if (f.name == r.headline)
            h.headline = h.columns.size();
        h.columns.push_back(
            out::column{f.name, f.label, f.u == unit::percent ? "%" : f.suffix, f.note, f.indent});
        values.push_back(cell(f));
    }
    s.begin(std::move(h));
    s.row(values);
    s.finish(r.explanation);
}

decimal rounded(const field& f, int places) {
    if (const auto e = exact(f))
        return round_half_away(*e, places);
    return round_half_away(approximate(f), places);
}

std::string exact_text(const ratio& x, char point) {
    for (int places = 0; places <= 10; ++places) {
        const decimal d = round_half_away(x, places);
        if (d.to_ratio() == x)
            return to_string(d, point);
    }
    return to_string(round_half_away(x, 6), point) + "…";
}

std::string format_exact(const field& f, char point) {
    if (const auto e = exact(f))
        return exact_text(*e, point);
    return to_string(rounded(f, 6), point) + "…";
}

std::string explain_number(const ratio& x, int precision, char point) {
    return to_string(round_half_away(x, precision), point);
}

}  // namespace churn::cli
