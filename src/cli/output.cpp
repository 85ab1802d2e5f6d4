#include "cli/output.hpp"

#include "cli/escape.hpp"

#include <churn/error.hpp>

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>

namespace churn::cli {

namespace {

bool is_scaled(unit u) {
    return u == unit::percent || u == unit::points;
}

bool is_number(const field& f) {
    return !std::holds_alternative<std::string>(f.v) && !std::holds_alternative<bool>(f.v);
}

std::string unit_text(const field& f) {
    if (f.u == unit::percent)
        return "%";
    return f.suffix;
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

std::string json_escape(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string json_value(const field& f) {
    if (const auto* s = std::get_if<std::string>(&f.v))
        return json_escape(*s);
    if (const auto* b = std::get_if<bool>(&f.v))
        return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&f.v)) {
        if (!is_scaled(f.u))
            return std::to_string(*i);
    }
    const double d = approximate(f);
    if (!std::isfinite(d))
        return "null";
    return fmt::format("{}", d);
}

std::string csv_escape(const std::string& s, char delimiter) {
    std::string out;
    append_delimited_field(out, s, delimiter);
    return out;
}

std::string plain_value(const field& f, int precision, char point) {
    if (const auto* s = std::get_if<std::string>(&f.v))
        return *s;
    if (const auto* b = std::get_if<bool>(&f.v))
        return *b ? "true" : "false";
    return format_value(f, precision, point);
}

std::string colored(const std::string& s, const fmt::text_style& style, bool color) {
    return color ? fmt::format(style, "{}", s) : s;
}

fmt::text_style style_of(const field& f) {
    if (f.name == "assessment") {
        const auto& word = std::get<std::string>(f.v);
        if (word == "healthy")
            return fmt::fg(fmt::terminal_color::green);
        if (word == "watch")
            return fmt::fg(fmt::terminal_color::yellow);
        return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    }
    if (f.name == "expect_match" || f.name == "expected")
        return fmt::emphasis::bold;
    return {};
}

}  // namespace

const field& find(const report& r, const std::string& name) {
    for (const auto& f : r.fields)
        if (f.name == name)
            return f;
    throw std::out_of_range("no field " + name);
}

decimal rounded(const field& f, int places) {
    if (const auto e = exact(f))
        return round_half_away(*e, places);
    return round_half_away(approximate(f), places);
}

std::string format_value(const field& f, int precision, char point) {
    if (const auto* i = std::get_if<std::int64_t>(&f.v); i && !is_scaled(f.u))
        return std::to_string(*i);
    if (const auto* r = std::get_if<ratio>(&f.v); r && f.u == unit::none && r->den() == 1)
        return to_string(decimal{r->num(), 0}, point);
    // Amounts the user gave are echoed as written; computed money is rounded.
    if (const auto* d = std::get_if<decimal>(&f.v); d && f.u == unit::none)
        return to_string(*d, point);
    return to_string(rounded(f, precision), point);
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

std::string render_text(const report& r, const render_options& o) {
    struct line {
        std::string left, value, unit, note;
        const field* f;
    };
    std::vector<line> lines;
    std::size_t left_width = 0;
    std::size_t value_width = 0;
    std::size_t unit_width = 0;
    for (const auto& f : r.fields) {
        if (f.label.empty())
            continue;
        line l{std::string(static_cast<std::size_t>(f.indent), ' ') + f.label,
               plain_value(f, o.precision, o.point), is_number(f) ? unit_text(f) : "", f.note, &f};
        left_width = std::max(left_width, display_width(l.left));
        if (is_number(f)) {
            value_width = std::max(value_width, l.value.size());
            if (!l.note.empty())
                unit_width = std::max(unit_width, display_width(l.unit));
        }
        lines.push_back(std::move(l));
    }
    std::string out;
    for (const auto& l : lines) {
        std::string text;
        if (is_number(*l.f)) {
            const bool bold = l.f->name == r.headline;
            text = std::string(value_width - l.value.size(), ' ') +
                   colored(l.value, fmt::emphasis::bold, o.color && bold);
            text += l.unit;
            if (!l.note.empty())
                text += std::string(unit_width - display_width(l.unit) + 3, ' ') + l.note;
        } else {
            text = colored(l.value, style_of(*l.f), o.color);
            if (!l.note.empty())
                text += ": " + l.note;
        }
        out += l.left + std::string(left_width - display_width(l.left) + 2, ' ') + text;
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        out += '\n';
    }
    if (!r.explanation.empty()) {
        out += "\n";
        for (const auto& e : r.explanation)
            out += "  " + e + "\n";
    }
    return out;
}

std::string render_json(const report& r) {
    std::string out = "{\n  \"command\": " + json_escape(r.command);
    for (const auto& f : r.fields)
        out += ",\n  " + json_escape(f.name) + ": " + json_value(f);
    if (!r.explanation.empty()) {
        out += ",\n  \"explanation\": [";
        for (std::size_t i = 0; i < r.explanation.size(); ++i)
            out += (i ? ", " : "") + json_escape(r.explanation[i]);
        out += "]";
    }
    return out + "\n}\n";
}

std::string render_delimited(const report& r, const render_options& o, char delimiter) {
    std::string header;
    std::string row;
    for (const auto& f : r.fields) {
        if (!header.empty()) {
            header += delimiter;
            row += delimiter;
        }
        header += csv_escape(f.name, delimiter);
        row += csv_escape(plain_value(f, o.precision, '.'), delimiter);
    }
    return header + "\n" + row + "\n";
}

std::string render_quiet(const report& r, const render_options& o) {
    return plain_value(find(r, r.headline), o.precision, '.') + "\n";
}

}  // namespace churn::cli
