#include "cli/out/number.hpp"

#include "cli/escape.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace churn::cli::out {

namespace {

void append_integer(std::string& out, int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
        out.append(buf, res.ptr);
    } else {
        out += to_string(decimal{v, 0});
    }
}

}  // namespace

void append_json_number(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0)
        v = 0;  // never -0
    fmt::format_to(std::back_inserter(out), "{}", v);
}

void append_json_value(std::string& out, const value& v) {
    if (const auto* i = std::get_if<int128>(&v)) {
        append_integer(out, *i);
    } else if (const auto* f = std::get_if<fraction>(&v)) {
        append_json_number(out, ratio(f->num, f->den).to_double());
    } else if (const auto* d = std::get_if<decimal>(&v)) {
        append_json_number(out, d->to_ratio().to_double());
    } else if (const auto* x = std::get_if<double>(&v)) {
        append_json_number(out, *x);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
        append_json_string(out, *s);
    } else if (const auto* b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    } else {
        out += "null";
    }
}

bool is_number(const value& v) {
    return !std::holds_alternative<std::string_view>(v) && !std::holds_alternative<bool>(v);
}

void append_plain(std::string& out, const value& v, int places, char point) {
    if (const auto* i = std::get_if<int128>(&v)) {
        append_integer(out, *i);
    } else if (const auto* f = std::get_if<fraction>(&v)) {
        out += to_string(round_half_away(f->num, f->den, places), point);
    } else if (const auto* d = std::get_if<decimal>(&v)) {
        out += to_string(*d, point);
    } else if (const auto* x = std::get_if<double>(&v)) {
        out += to_string(round_half_away(*x, places), point);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
        out += *s;
    } else if (const auto* b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    }
}

}  // namespace churn::cli::out
