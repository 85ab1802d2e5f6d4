#include "date_text.hpp"

#include <churn/date.hpp>
#include <churn/error.hpp>
#include <churn/parse.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace churn {

using namespace date_detail;

namespace {

constexpr std::int64_t micros_per_minute = 60 * micros_per_second;
// Years 0001 … 9999 for every form, epoch values too: labels have four digits and read back.
constexpr std::int64_t first_micros = days_from_civil(1, 1, 1) * micros_per_day;
constexpr std::int64_t last_micros = days_from_civil(10000, 1, 1) * micros_per_day - 1;
constexpr int max_offset_minutes = 18 * 60;

constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr const char* iso_forms =
    "does not match YYYY-MM-DD, YYYYMMDD or YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH:MM]";

[[noreturn]] void fail(std::string_view text, const std::string& rule) {
    throw error(quote(text) + " " + rule);
}

/// A zone offset as written: sign, hours, minutes (either may be out of range: checked later).
struct zone {
    bool negative = false;
    std::int64_t hours = 0;
    std::int64_t minutes = 0;
    std::int64_t total() const { return (negative ? -1 : 1) * (hours * 60 + minutes); }
    std::string text() const {
        std::string s(1, negative ? '-' : '+');  // appended: GCC 12 misreads "-" + string
        s += two_digits(hours);
        s += ':';
        s += two_digits(minutes);
        return s;
    }
};

/// Z, UTC or ±HH[[:]MM].
bool read_zone(cursor& c, zone& z) {
    if (c.take('Z') || c.take("UTC"))
        return true;
    z.negative = c.take('-');
    if (!z.negative && !c.take('+'))
        return false;
    if (!c.digits(2, 2, z.hours))
        return false;
    if (c.done())
        return true;
    c.take(':');
    return c.digits(2, 2, z.minutes);
}

/// The rule a zone out of range breaks ("offset minutes 75 (0 … 59)"), empty when in range.
std::string zone_rule(const zone& z) {
    if (z.minutes > 59)
        return "offset minutes " + std::to_string(z.minutes) + " (0 … 59)";
    if (z.hours * 60 + z.minutes > max_offset_minutes)
        return "offset " + z.text() + " (-18:00 … +18:00)";
    return {};
}

/// The digits after a decimal point in units of 10^-keep, the rest dropped; `dropped` tells
/// whether a dropped digit was not 0.
std::int64_t fraction(std::string_view digits, std::size_t keep, bool& dropped) {
    std::int64_t units = 0;
    for (std::size_t i = 0; i < keep; ++i)
        units = units * 10 + (i < digits.size() ? digits[i] - '0' : 0);
    dropped = digits.size() > keep &&
              digits.substr(keep).find_first_not_of('0') != std::string_view::npos;
    return units;
}

std::string fraction_rule(std::size_t n) {
    return "a fraction of " + std::to_string(n) + " digits (at most 9)";
}

/// The fields of a date and time as written, before their ranges are checked.
struct written {
    std::int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micros = 0;
    std::optional<zone> zoned;
};

/// Checks the ranges of the fields, the first one out of range named, and gives the instant.
timestamp combine(std::string_view text, const written& w, std::optional<int> utc_offset) {
    const std::string date = "is not a date: ";
    const std::string time = "is not a time: ";
    if (w.year < 1)
        fail(text, date + "year 0 (0001 … 9999)");
    if (w.month < 1 || w.month > 12)
        fail(text, date + "month " + std::to_string(w.month) + " (1 … 12)");
    const auto month = static_cast<unsigned>(w.month);
    const unsigned length = days_in_month(w.year, month);
    if (w.day < 1)
        fail(text, date + "day 0 (1 … " + std::to_string(length) + ")");
    if (w.day > length) {
        if (month == 2 && w.day == 29)
            fail(text, date + year_text(w.year) + " is not a leap year (February has 28 days)");
        const std::string which =
            month == 2 ? "February " + year_text(w.year) : month_names[month - 1];
        fail(text, date + which + " has " + std::to_string(length) + " days");
    }
    if (w.hour > 23)
        fail(text, time + "hour " + std::to_string(w.hour) + " (0 … 23)");
    if (w.minute > 59)
        fail(text, time + "minute " + std::to_string(w.minute) + " (0 … 59)");
    if (w.second > 59)
        fail(text, time + "second " + std::to_string(w.second) +
                       " (0 … 59, leap seconds are not supported)");
    std::int64_t micros =
        days_from_civil(w.year, month, static_cast<unsigned>(w.day)) * micros_per_day +
        ((w.hour * 60 + w.minute) * 60 + w.second) * micros_per_second + w.micros;
    if (w.zoned) {
        if (const std::string rule = zone_rule(*w.zoned); !rule.empty())
            fail(text, time + rule);
        micros += (utc_offset.value_or(0) - w.zoned->total()) * micros_per_minute;
    }
    return {micros};
}

timestamp parse_iso(std::string_view text, std::optional<int> utc_offset) {
    written w;
    cursor c(text);
    if (text.size() == 8 && c.digits(8, 8, w.year)) {  // YYYYMMDD
        w.day = w.year % 100;
        w.month = w.year / 100 % 100;
        w.year /= 10000;
        return combine(text, w, utc_offset);
    }
    if (!(c.digits(4, 4, w.year) && c.take('-') && c.digits(2, 2, w.month) && c.take('-') &&
          c.digits(2, 2, w.day)))
        fail(text, iso_forms);
    if (c.done())
        return combine(text, w, utc_offset);
    if (!(c.take('T') || c.take(' ')) || !c.digits(2, 2, w.hour) || !c.take(':') ||
        !c.digits(2, 2, w.minute))
        fail(text, iso_forms);
    if (c.take(':')) {
        if (!c.digits(2, 2, w.second))
            fail(text, iso_forms);
        if (c.take('.')) {
            const std::string_view digits = c.digit_run();
            if (digits.empty())
                fail(text, iso_forms);
            if (digits.size() > 9)
                fail(text, "is not a time: " + fraction_rule(digits.size()));
            bool dropped = false;  // a time of day is positive: dropping digits is the floor
            w.micros = fraction(digits, 6, dropped);
        }
    }
    if (!c.done()) {
        c.take(' ');  // "2024-01-01 10:00:00 +0100" (Ruby), "… UTC" (Rails)
        zone z;
        if (!read_zone(c, z) || !c.done())
            fail(text, iso_forms);
        w.zoned = z;
    }
    return combine(text, w, utc_offset);
}

/// Whether the pattern element at spec[i] is a field (%Y …), not a literal or %%.
bool field_at(std::string_view spec, std::size_t i) {
    return i + 1 < spec.size() && spec[i] == '%' && spec[i + 1] != '%';
}

timestamp parse_pattern(std::string_view text, std::string_view spec,
                        std::optional<int> utc_offset) {
    written w;
    cursor c(text);
    const auto mismatch = [&] { fail(text, "does not match " + std::string(spec)); };
    bool after_field = false;  // the previous pattern element was a field
    for (std::size_t i = 0; i < spec.size();) {
        if (spec[i] != '%' || spec[i + 1] == '%') {
            after_field = false;
            if (!c.take(spec[i]))
                mismatch();
            i += spec[i] == '%' ? 2u : 1u;
            continue;
        }
        const char field = spec[i + 1];
        i += 2;
        const bool next_to_field = after_field || field_at(spec, i);
        after_field = true;
        if (field == 'Y') {
            if (!c.digits(4, 4, w.year))
                mismatch();
            continue;
        }
        // One or two digits, but two beside another field: %Y%m%d cannot be split otherwise.
        std::int64_t* const target = field == 'm'   ? &w.month
                                     : field == 'd' ? &w.day
                                     : field == 'H' ? &w.hour
                                     : field == 'M' ? &w.minute
                                                    : &w.second;
        if (!c.digits(next_to_field ? 2 : 1, 2, *target))
            mismatch();
    }
    if (!c.done())
        mismatch();
    return combine(text, w, utc_offset);
}

timestamp parse_epoch(std::string_view text, bool millis, std::optional<int> utc_offset) {
    const char* const unit = millis ? "epoch milliseconds" : "epoch seconds";
    cursor c(text);
    const bool negative = c.take('-');
    const std::string_view whole = c.digit_run();
    std::string_view digits;
    const bool has_point = c.take('.');
    if (has_point)
        digits = c.digit_run();
    if (whole.empty() || (has_point && digits.empty()) || !c.done())
        fail(text, std::string("is not ") + unit + ": an integer such as " +
                       (millis ? "1700000000000" : "1700000000") + ", or with a fraction " +
                       (millis ? "1700000000000.5" : "1700000000.5"));
    if (digits.size() > 9)
        fail(text, std::string("is not ") + unit + ": " + fraction_rule(digits.size()));
    const std::string range =
        std::string("is outside 0001-01-01 … 9999-12-31 (") + unit + " " +
        std::to_string(floor_div(first_micros, millis ? 1000 : micros_per_second)) + " … " +
        std::to_string(floor_div(last_micros, millis ? 1000 : micros_per_second)) + ")";
    const std::size_t first = whole.find_first_not_of('0');
    if (first != std::string_view::npos && whole.size() - first > 15)  // past 9999 either way
        fail(text, range);
    std::int64_t value = 0;
    for (const char d : whole)
        value = value * 10 + (d - '0');
    bool dropped = false;
    const std::int64_t magnitude =
        value * (millis ? 1000 : micros_per_second) + fraction(digits, millis ? 3 : 6, dropped);
    // Dropped digits round toward the past, as they do in a written time of day, so that an
    // instant never moves to the next second or day.
    const std::int64_t micros = negative ? -magnitude - dropped : magnitude;
    if (micros < first_micros || micros > last_micros)
        fail(text, range);
    return {micros + utc_offset.value_or(0) * micros_per_minute};
}

}  // namespace

date_format date_format::parse(std::string_view spec) {
    date_format f;
    if (spec == "iso")
        return f;
    f.spec_ = std::string(spec);
    if (spec == "epoch" || spec == "epoch-ms") {
        f.kind_ = spec == "epoch" ? kind::epoch_seconds : kind::epoch_millis;
        return f;
    }
    const auto bad = [&](const std::string& rule) {
        throw parse_error("--date-format", f.spec_, rule);
    };
    constexpr std::string_view fields = "YmdHMS";
    std::array<int, 6> seen{};
    for (std::size_t i = 0; i < spec.size(); ++i) {
        if (spec[i] != '%')
            continue;
        if (i + 1 == spec.size())
            bad("ends in a lone % (write %% for a percent sign)");
        const char d = spec[++i];
        if (d == '%')
            continue;
        const std::size_t k = fields.find(d);
        if (k == std::string_view::npos)
            bad(std::string("has an unknown %") + d +
                " (a pattern knows %Y %m %d %H %M %S and %%, or give epoch or epoch-ms)");
        if (++seen[k] == 2)
            bad(std::string("has %") + d + " twice");
    }
    for (std::size_t k = 0; k < 3; ++k)
        if (seen[k] == 0)
            bad(std::string("lacks %") + fields[k] + " (a date needs %Y, %m and %d)");
    if (seen[4] && !seen[3])
        bad("has %M without %H");
    if (seen[5] && !seen[4])
        bad("has %S without %M");
    f.kind_ = kind::pattern;
    return f;
}

timestamp parse_timestamp(std::string_view text, const date_format& f,
                          std::optional<int> offset_minutes) {
    const std::string_view s = trim_blanks(text);
    if (s.empty())
        fail(s, "is not a date: the cell is empty");
    switch (f.kind_) {
        case date_format::kind::iso:
            return parse_iso(s, offset_minutes);
        case date_format::kind::pattern:
            return parse_pattern(s, f.spec_, offset_minutes);
        case date_format::kind::epoch_seconds:
            return parse_epoch(s, false, offset_minutes);
        case date_format::kind::epoch_millis:
            return parse_epoch(s, true, offset_minutes);
    }
    return {};
}

int parse_utc_offset(std::string_view text) {
    const std::string_view s = trim_blanks(text);
    cursor c(s);
    zone z;
    if (!read_zone(c, z) || !c.done())
        throw parse_error("--utc-offset", std::string(s),
                          "is not an offset ±HH:MM such as +01:00 or -05:00 (or Z)");
    if (const std::string rule = zone_rule(z); !rule.empty())
        throw parse_error("--utc-offset", std::string(s), "has " + rule);
    return static_cast<int>(z.total());
}

}  // namespace churn
