// Dates and periods: the calendar arithmetic is a bijection over years 0001 … 9999; every
// period of every unit is a run of consecutive days that tiles the calendar; labels read back;
// plain_timestamp is parse_timestamp wherever it answers; written instants read back exactly.

#include <churn/date.hpp>
#include <churn/error.hpp>

#include <rapidcheck/catch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using churn::calendar;
using churn::period_unit;
using churn::week_start;

const std::int64_t first = churn::days_from_civil(1, 1, 1);
const std::int64_t last = churn::days_from_civil(9999, 12, 31);

/// A day of years 0001 … 9999, often near a year's end (where weeks change their week-year).
rc::Gen<std::int64_t> any_day() {
    return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(first, last + 1),
                          rc::gen::map(rc::gen::pair(rc::gen::inRange<std::int64_t>(1, 9999),
                                                     rc::gen::inRange<std::int64_t>(-7, 8)),
                                       [](std::pair<std::int64_t, std::int64_t> yd) {
                                           return churn::days_from_civil(yd.first + 1, 1, 1) +
                                                  yd.second;
                                       }));
}

const std::vector<calendar> calendars = {
    {period_unit::day},
    {period_unit::week, week_start::monday},
    {period_unit::week, week_start::sunday},
    {period_unit::month},
    {period_unit::quarter},
    {period_unit::year},
};

rc::Gen<calendar> any_calendar() {
    return rc::gen::elementOf(calendars);
}

std::string digits(std::int64_t v, std::size_t width) {
    std::string s = std::to_string(v);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

}  // namespace

TEST_CASE("the calendar arithmetic round trips over years 0001 … 9999") {
    rc::prop("civil_from_days(days_from_civil(date)) is the date", [] {
        const auto year = *rc::gen::inRange<std::int64_t>(1, 10000);
        const auto month = *rc::gen::inRange(1u, 13u);
        const auto day = *rc::gen::inRange(1u, churn::days_in_month(year, month) + 1);
        const churn::civil_date date{year, month, day};
        RC_ASSERT(churn::civil_from_days(churn::days_from_civil(year, month, day)) == date);
    });
    rc::prop("consecutive days are consecutive dates", [] {
        const std::int64_t d = *rc::gen::inRange(first, last);
        const churn::civil_date a = churn::civil_from_days(d);
        const churn::civil_date b = churn::civil_from_days(d + 1);
        RC_ASSERT(churn::days_from_civil(a.year, a.month, a.day) == d);
        if (a.day < churn::days_in_month(a.year, a.month))
            RC_ASSERT(b == (churn::civil_date{a.year, a.month, a.day + 1}));
        else
            RC_ASSERT(b.day == 1u);
    });
}

TEST_CASE("periods tile the calendar") {
    rc::prop("a period holds its first and last day, and the next begins the day after", [] {
        const calendar c = *any_calendar();
        const std::int64_t p = c.period_of(*any_day());
        RC_ASSERT(c.period_of(c.first_day(p)) == p);
        RC_ASSERT(c.period_of(c.last_day(p)) == p);
        RC_ASSERT(c.first_day(p) <= c.last_day(p));
        RC_ASSERT(c.last_day(p) + 1 == c.first_day(p + 1));
        RC_ASSERT(c.period_of(c.first_day(p) - 1) == p - 1);
    });
    rc::prop("a day lies between its period's first and last day", [] {
        const calendar c = *any_calendar();
        const std::int64_t d = *any_day();
        const std::int64_t p = c.period_of(d);
        RC_ASSERT(c.first_day(p) <= d);
        RC_ASSERT(d <= c.last_day(p));
    });
    rc::prop("weeks have 7 days and ISO weeks start on Monday", [] {
        const calendar c{period_unit::week,
                         *rc::gen::element(week_start::monday, week_start::sunday)};
        const std::int64_t p = c.period_of(*any_day());
        RC_ASSERT(c.last_day(p) - c.first_day(p) == 6);
        // 1970-01-05 was a Monday.
        const std::int64_t offset = (c.first_day(p) - 4) % 7;
        RC_ASSERT((offset + 7) % 7 == (c.weeks == week_start::monday ? 0 : 6));
    });
}

TEST_CASE("labels read back") {
    rc::prop("parse_label(label(p)) is p, and a date inside p names p", [] {
        const calendar c = *any_calendar();
        const std::int64_t d = *any_day();
        const std::int64_t p = c.period_of(d);
        // The Sunday week of 0001-01-01 (a Monday) is labelled 0000-12-31, outside 0001 … 9999.
        RC_PRE(c.first_day(p) >= first);
        RC_ASSERT(c.parse_label(c.label(p)) == p);
        const churn::civil_date date = churn::civil_from_days(d);
        const std::string text =
            digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2);
        RC_ASSERT(c.parse_label(text) == p);
    });
    rc::prop("labels of consecutive periods are in order as text", [] {
        const calendar c = *any_calendar();
        const std::int64_t p = c.period_of(*rc::gen::inRange(first, last - 400));
        RC_ASSERT(c.label(p) < c.label(p + 1));
    });
}

namespace {

/// A date and time in the plain shape, its fields sometimes out of range.
std::string plain_shape() {
    const auto year =
        *rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 10000),
                        rc::gen::element<std::int64_t>(0, 1, 1900, 2000, 2023, 2024, 9999));
    const auto month = *rc::gen::inRange<std::int64_t>(0, 14);
    const auto day = *rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 33),
                                     rc::gen::element<std::int64_t>(28, 29, 30, 31));
    std::string s = digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2);
    const int time = *rc::gen::inRange(0, 3);  // none, HH:MM, HH:MM:SS
    if (time > 0) {
        s += *rc::gen::element('T', ' ');
        s += digits(*rc::gen::inRange<std::int64_t>(0, 25), 2) + ":" +
             digits(*rc::gen::inRange<std::int64_t>(0, 61), 2);
        if (time == 2)
            s += ":" + digits(*rc::gen::inRange<std::int64_t>(0, 61), 2);
    }
    return s;
}

/// The plain shape with a few bytes changed, inserted or removed: near-valid text.
std::string near_plain() {
    std::string s = plain_shape();
    const int edits = *rc::gen::inRange(0, 3);
    for (int e = 0; e < edits; ++e) {
        const auto at = *rc::gen::inRange<std::size_t>(0, s.size() + 1);
        const char c = *rc::gen::element('0', '1', '9', '-', ':', 'T', ' ', 'Z', '+', '.', 'x', '/',
                                         '\t', '\0');
        switch (*rc::gen::inRange(0, 3)) {
            case 0:
                if (at < s.size())
                    s[at] = c;
                break;
            case 1:
                s.insert(at, 1, c);
                break;
            default:
                if (at < s.size())
                    s.erase(at, 1);
        }
    }
    return s;
}

}  // namespace

TEST_CASE("plain_timestamp is parse_timestamp wherever it answers") {
    rc::prop("on dates and times in the plain shape, in range or not, and near them", [] {
        const std::string text = *rc::gen::exec(near_plain);
        churn::timestamp fast;
        if (!churn::plain_timestamp(text, fast))
            return;
        RC_ASSERT(churn::parse_timestamp(text, {}).micros == fast.micros);
    });
    rc::prop("it answers for every valid text of the plain shape", [] {
        const std::string text = *rc::gen::exec(plain_shape);
        churn::timestamp slow;
        try {
            slow = churn::parse_timestamp(text, {});
        } catch (const churn::error&) {
            churn::timestamp fast;
            RC_ASSERT_FALSE(churn::plain_timestamp(text, fast));
            return;
        }
        churn::timestamp fast;
        RC_ASSERT(churn::plain_timestamp(text, fast));
        RC_ASSERT(fast.micros == slow.micros);
    });
}

TEST_CASE("written instants read back") {
    rc::prop("an ISO time with a fraction and a zone is the UTC instant, and a pattern agrees", [] {
        const std::int64_t d = *rc::gen::inRange(first + 1, last);
        const auto seconds = *rc::gen::inRange<std::int64_t>(0, 86400);
        const auto nanos = *rc::gen::inRange<std::int64_t>(0, 1'000'000'000);
        const auto offset = *rc::gen::inRange(-18 * 60, 18 * 60 + 1);
        const churn::civil_date c = churn::civil_from_days(d);
        const std::string date =
            digits(c.year, 4) + "-" + digits(c.month, 2) + "-" + digits(c.day, 2);
        const std::string time = digits(seconds / 3600, 2) + ":" + digits(seconds / 60 % 60, 2) +
                                 ":" + digits(seconds % 60, 2);
        const int magnitude = offset < 0 ? -offset : offset;
        const std::string zone = std::string(offset < 0 ? "-" : "+") + digits(magnitude / 60, 2) +
                                 ":" + digits(magnitude % 60, 2);
        const std::int64_t naive = (d * 86400 + seconds) * 1'000'000;
        RC_ASSERT(
            churn::parse_timestamp(date + "T" + time + "." + digits(nanos, 9) + zone, {}).micros ==
            naive + nanos / 1000 - offset * 60'000'000LL);
        const auto pattern = churn::date_format::parse("%d.%m.%Y %H:%M:%S");
        const std::string european =
            digits(c.day, 2) + "." + digits(c.month, 2) + "." + digits(c.year, 4) + " " + time;
        RC_ASSERT(churn::parse_timestamp(european, pattern).micros == naive);
        const auto epoch = churn::date_format::parse("epoch");
        RC_ASSERT(churn::parse_timestamp(std::to_string(naive / 1'000'000), epoch).micros == naive);
    });
}
