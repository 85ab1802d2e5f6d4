// Calendar periods (date.hpp): the period a day falls in, its first and last day, its label
// and back.

#include "date_text.hpp"

#include <churn/date.hpp>
#include <churn/parse.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace churn {

using namespace date_detail;

namespace {

// 1970-01-05 was a Monday, day 4; 1970-01-04 a Sunday, day 3.
constexpr std::int64_t first_monday = 4;
constexpr std::int64_t first_sunday = 3;

/// The Monday of ISO week 1 of `year`: the week holding January 4th.
std::int64_t iso_week_one(std::int64_t year) {
    const std::int64_t jan4 = days_from_civil(year, 1, 4);
    return jan4 - (jan4 - first_monday - floor_div(jan4 - first_monday, 7) * 7);
}

/// A strict YYYY (0001 … 9999) at the start of s.
bool read_year(cursor& c, std::int64_t& year) {
    return c.digits(4, 4, year) && year >= 1;
}

/// A valid YYYY-MM-DD, whole.
std::optional<std::int64_t> read_date(std::string_view s) {
    cursor c(s);
    std::int64_t y = 0, m = 0, d = 0;
    if (!(read_year(c, y) && c.take('-') && c.digits(2, 2, m) && c.take('-') && c.digits(2, 2, d) &&
          c.done()))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(m)))
        return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

}  // namespace

std::int64_t calendar::period_of(std::int64_t day) const {
    switch (unit) {
        case period_unit::day:
            return day;
        case period_unit::week:
            return floor_div(day - (weeks == week_start::monday ? first_monday : first_sunday), 7);
        case period_unit::month: {
            const civil_date c = civil_from_days(day);
            return c.year * 12 + c.month - 1;
        }
        case period_unit::quarter: {
            const civil_date c = civil_from_days(day);
            return c.year * 4 + (c.month - 1) / 3;
        }
        case period_unit::year:
            return civil_from_days(day).year;
    }
    return day;
}

std::int64_t calendar::first_day(std::int64_t p) const {
    switch (unit) {
        case period_unit::day:
            return p;
        case period_unit::week:
            return p * 7 + (weeks == week_start::monday ? first_monday : first_sunday);
        case period_unit::month: {
            const std::int64_t year = floor_div(p, 12);
            return days_from_civil(year, static_cast<unsigned>(p - year * 12 + 1), 1);
        }
        case period_unit::quarter: {
            const std::int64_t year = floor_div(p, 4);
            return days_from_civil(year, static_cast<unsigned>((p - year * 4) * 3 + 1), 1);
        }
        case period_unit::year:
            return days_from_civil(p, 1, 1);
    }
    return p;
}

std::int64_t calendar::last_day(std::int64_t p) const {
    return first_day(p + 1) - 1;
}

std::string calendar::label(std::int64_t p) const {
    switch (unit) {
        case period_unit::day:
            return date_text(p);
        case period_unit::week: {
            const std::int64_t first = first_day(p);
            if (weeks == week_start::sunday)
                return date_text(first);
            // The ISO week-year is the year of the week's Thursday.
            const std::int64_t year = civil_from_days(first + 3).year;
            return year_text(year) + "-W" + two_digits((first - iso_week_one(year)) / 7 + 1);
        }
        case period_unit::month: {
            const std::int64_t year = floor_div(p, 12);
            return year_text(year) + "-" + two_digits(p - year * 12 + 1);
        }
        case period_unit::quarter: {
            const std::int64_t year = floor_div(p, 4);
            return year_text(year) + "-Q" + std::to_string(p - year * 4 + 1);
        }
        case period_unit::year:
            return year_text(p);
    }
    return {};
}

std::optional<std::int64_t> calendar::parse_label(std::string_view text) const {
    const std::string_view s = trim_blanks(text);
    if (const std::optional<std::int64_t> day = read_date(s))
        return period_of(*day);
    cursor c(s);
    std::int64_t year = 0, n = 0;
    if (!read_year(c, year))
        return std::nullopt;
    switch (unit) {
        case period_unit::day:
            return std::nullopt;
        case period_unit::week: {
            if (weeks == week_start::sunday || !c.take("-W") || !c.digits(2, 2, n) || !c.done())
                return std::nullopt;
            const std::int64_t week_one = iso_week_one(year);
            if (n < 1 || n > (iso_week_one(year + 1) - week_one) / 7)
                return std::nullopt;
            return period_of(week_one) + n - 1;
        }
        case period_unit::month:
            if (!c.take('-') || !c.digits(2, 2, n) || !c.done() || n < 1 || n > 12)
                return std::nullopt;
            return year * 12 + n - 1;
        case period_unit::quarter:
            if (!c.take("-Q") || !c.digits(1, 1, n) || !c.done() || n < 1 || n > 4)
                return std::nullopt;
            return year * 4 + n - 1;
        case period_unit::year:
            if (!c.done())
                return std::nullopt;
            return year;
    }
    return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 5> unit_names = {"day", "week", "month", "quarter", "year"};
}  // namespace

std::string_view name_of(period_unit u) {
    return unit_names.at(static_cast<std::size_t>(u));
}

std::optional<period_unit> parse_period_unit(std::string_view name) {
    if (name.size() > 1 && name.back() == 's')
        name.remove_suffix(1);
    for (std::size_t i = 0; i < unit_names.size(); ++i)
        if (name == unit_names[i])
            return static_cast<period_unit>(i);
    return std::nullopt;
}

}  // namespace churn
