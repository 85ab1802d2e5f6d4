// Unit tests of include/churn/date.hpp: the calendar arithmetic, every written form of a date
// and the exact message of every rejection, --utc-offset, and the periods with their labels.

#include <churn/date.hpp>
#include <churn/error.hpp>

#include "catch.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using churn::calendar;
using churn::date_format;
using churn::days_from_civil;
using churn::parse_timestamp;
using churn::parse_utc_offset;
using churn::period_unit;
using churn::timestamp;
using churn::week_start;

namespace {

constexpr std::int64_t second = 1'000'000;

/// The instant of a wall-clock time, as the tests write it.
std::int64_t at(std::int64_t y, unsigned mo, unsigned d, std::int64_t h = 0, std::int64_t mi = 0,
                std::int64_t s = 0, std::int64_t micros = 0) {
    return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * second + micros;
}

std::int64_t day(std::int64_t y, unsigned mo, unsigned d) {
    return days_from_civil(y, mo, d);
}

std::int64_t read(const std::string& text, const date_format& f = {},
                  std::optional<int> offset = {}) {
    return parse_timestamp(text, f, offset).micros;
}

struct accepted {
    std::string text;
    std::int64_t micros;
};

struct rejected {
    std::string text;
    std::string message;
};

const std::string iso_rule =
    "does not match YYYY-MM-DD, YYYYMMDD or YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH:MM]";

void check_rejected(const std::vector<rejected>& table, const date_format& f = {}) {
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(parse_timestamp(c.text, f), churn::error);
        CHECK_THROWS_WITH(parse_timestamp(c.text, f), c.message);
    }
}

const calendar days{period_unit::day};
const calendar iso_weeks{period_unit::week, week_start::monday};
const calendar sunday_weeks{period_unit::week, week_start::sunday};
const calendar months{period_unit::month};
const calendar quarters{period_unit::quarter};
const calendar years{period_unit::year};

}  // namespace

// ---- the calendar ----------------------------------------------------------------------------

TEST_CASE("days_from_civil counts from 1970-01-01, negative before") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2024, 1, 1) == 19723);
    CHECK(days_from_civil(1, 1, 1) == -719162);
    CHECK(days_from_civil(9999, 12, 31) == 2932896);
}

TEST_CASE("civil_from_days is the inverse of days_from_civil") {
    CHECK(churn::civil_from_days(0) == churn::civil_date{1970, 1, 1});
    CHECK(churn::civil_from_days(-1) == churn::civil_date{1969, 12, 31});
    CHECK(churn::civil_from_days(19723 + 59) == churn::civil_date{2024, 2, 29});
    CHECK(churn::civil_from_days(-719162) == churn::civil_date{1, 1, 1});
}

TEST_CASE("leap years are every 4th, but not every 100th, but every 400th") {
    CHECK_FALSE(churn::is_leap_year(1900));
    CHECK(churn::is_leap_year(2000));
    CHECK(churn::is_leap_year(2024));
    CHECK_FALSE(churn::is_leap_year(2023));
    CHECK(churn::days_in_month(1900, 2) == 28);
    CHECK(churn::days_in_month(2000, 2) == 29);
    CHECK(churn::days_in_month(2024, 2) == 29);
    CHECK(churn::days_in_month(2024, 4) == 30);
    CHECK(churn::days_in_month(2024, 12) == 31);
}

TEST_CASE("timestamp::day is the floor, also before 1970") {
    CHECK(timestamp{0}.day() == 0);
    CHECK(timestamp{86400 * second - 1}.day() == 0);
    CHECK(timestamp{86400 * second}.day() == 1);
    CHECK(timestamp{-1}.day() == -1);
    CHECK(timestamp{-86400 * second}.day() == -1);
    CHECK(timestamp{-86400 * second - 1}.day() == -2);
    CHECK(timestamp{1} > timestamp{0});
}

// ---- ISO forms -------------------------------------------------------------------------------

TEST_CASE("the ISO forms: dates, times, fractions and zones") {
    const std::vector<accepted> table = {
        {"2024-01-15", at(2024, 1, 15)},
        {"20240115", at(2024, 1, 15)},
        {"  2024-01-15\t", at(2024, 1, 15)},  // blanks trimmed
        {"2024-02-29", at(2024, 2, 29)},
        {"2000-02-29", at(2000, 2, 29)},
        {"0001-01-01", at(1, 1, 1)},
        {"9999-12-31 23:59:59", at(9999, 12, 31, 23, 59, 59)},
        {"1969-12-31", at(1969, 12, 31)},
        {"2024-01-15T10:30", at(2024, 1, 15, 10, 30)},
        {"2024-01-15 10:30", at(2024, 1, 15, 10, 30)},
        {"2024-01-15T10:30:45", at(2024, 1, 15, 10, 30, 45)},
        {"2024-01-15 00:00:00.0", at(2024, 1, 15)},
        {"2024-01-15T10:30:45.5", at(2024, 1, 15, 10, 30, 45, 500000)},
        {"2024-01-15T10:30:45.123456", at(2024, 1, 15, 10, 30, 45, 123456)},
        {"2024-01-15T10:30:45.123456789", at(2024, 1, 15, 10, 30, 45, 123456)},  // truncated
        {"2024-01-15T10:30:45.999999999", at(2024, 1, 15, 10, 30, 45, 999999)},
        {"2024-01-15T10:30:00Z", at(2024, 1, 15, 10, 30)},
        {"2024-01-15T10:30Z", at(2024, 1, 15, 10, 30)},
        {"2024-01-15T10:30:00+02:00", at(2024, 1, 15, 8, 30)},
        {"2024-01-15T10:30:00-05:00", at(2024, 1, 15, 15, 30)},
        {"2024-01-15T10:30:00+0530", at(2024, 1, 15, 5, 0)},
        {"2024-01-15 10:30:00+01", at(2024, 1, 15, 9, 30)},     // PostgreSQL
        {"2024-01-15 10:30:00 +0100", at(2024, 1, 15, 9, 30)},  // Ruby
        {"2024-01-15 10:30:00 UTC", at(2024, 1, 15, 10, 30)},   // Rails
        {"2024-01-15T10:30:00.25-01:00", at(2024, 1, 15, 11, 30, 0, 250000)},
        {"2024-01-15T10:30:00+18:00", at(2024, 1, 14, 16, 30)},
        {"2024-01-15T10:30:00-18:00", at(2024, 1, 16, 4, 30)},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK(read(c.text) == c.micros);
    }
}

TEST_CASE("a zoned time is converted to UTC, and a day can change") {
    const timestamp t = parse_timestamp("2024-01-01T00:30:00+01:00", {});
    CHECK(t.micros == at(2023, 12, 31, 23, 30));
    CHECK(t.day() == day(2023, 12, 31));
}

TEST_CASE(
    "with --utc-offset a zoned time is shifted to that offset, a naive one taken as written") {
    // 2024-01-01T03:30Z at -05:00 is 2023-12-31 22:30.
    CHECK(read("2024-01-01T04:30:00+01:00", {}, -300) == at(2023, 12, 31, 22, 30));
    CHECK(read("2024-01-01T03:30:00Z", {}, -300) == at(2023, 12, 31, 22, 30));
    CHECK(read("2024-01-01T23:30:00Z", {}, 60) == at(2024, 1, 2, 0, 30));
    CHECK(read("2024-01-01 03:30:00", {}, -300) == at(2024, 1, 1, 3, 30));
    CHECK(read("2024-01-01", {}, -300) == at(2024, 1, 1));
}

TEST_CASE("impossible ISO dates, each rule with its message") {
    check_rejected({
        {"2023-02-29",
         "\"2023-02-29\" is not a date: 2023 is not a leap year (February has 28 days)"},
        {"1900-02-29",
         "\"1900-02-29\" is not a date: 1900 is not a leap year (February has 28 days)"},
        {"2024-02-30", "\"2024-02-30\" is not a date: February 2024 has 29 days"},
        {"2023-02-30", "\"2023-02-30\" is not a date: February 2023 has 28 days"},
        {"2024-04-31", "\"2024-04-31\" is not a date: April has 30 days"},
        {"2024-01-32", "\"2024-01-32\" is not a date: January has 31 days"},
        {"2024-01-00", "\"2024-01-00\" is not a date: day 0 (1 … 31)"},
        {"2024-13-01", "\"2024-13-01\" is not a date: month 13 (1 … 12)"},
        {"2024-00-10", "\"2024-00-10\" is not a date: month 0 (1 … 12)"},
        {"20241301", "\"20241301\" is not a date: month 13 (1 … 12)"},
        {"0000-01-01", "\"0000-01-01\" is not a date: year 0 (0001 … 9999)"},
        {"2024-01-01T24:00", "\"2024-01-01T24:00\" is not a time: hour 24 (0 … 23)"},
        {"2024-01-01T23:60", "\"2024-01-01T23:60\" is not a time: minute 60 (0 … 59)"},
        {"2024-01-01T23:59:60",
         "\"2024-01-01T23:59:60\" is not a time: second 60 (0 … 59, leap seconds are not "
         "supported)"},
        {"2024-01-01T00:00:00.1234567890",
         "\"2024-01-01T00:00:00.1234567890\" is not a time: a fraction of 10 digits (at most 9)"},
        {"2024-01-01T00:00+19:00",
         "\"2024-01-01T00:00+19:00\" is not a time: offset +19:00 (-18:00 … +18:00)"},
        {"2024-01-01T00:00-18:01",
         "\"2024-01-01T00:00-18:01\" is not a time: offset -18:01 (-18:00 … +18:00)"},
        {"2024-01-01T00:00+01:75",
         "\"2024-01-01T00:00+01:75\" is not a time: offset minutes 75 (0 … 59)"},
    });
}

TEST_CASE("text that is no ISO form names the forms") {
    const std::vector<std::string> texts = {
        "2024-01-1x",
        "2024-1-15",
        "24-01-15",
        "2024/01/15",
        "2024-01-15T",
        "2024-01-15T10",
        "2024-01-15T10:3",
        "2024-01-15T10:30:",
        "2024-01-15T10:30:00.",
        "2024-01-15T10:30.5",
        "2024-01-15T10:30:00+1",
        "2024-01-15T10:30:00+01:0",
        "2024-01-15T10:30:00 x",
        "2024-01-15Z",
        "2024011",
        "202401150",
        "12345678x",
        "10000-01-01",
        "2024-01-15  10:30",
        "2024-01-15T10:30:00Z ok",
        "1700000000",
    };
    for (const auto& t : texts) {
        CAPTURE(t);
        CHECK_THROWS_WITH(parse_timestamp(t, {}), churn::quote(t) + " " + iso_rule);
    }
    CHECK_THROWS_WITH(parse_timestamp("  ", {}), "\"\" is not a date: the cell is empty");
    CHECK_THROWS_WITH(parse_timestamp("2024-01-1\r", {}), "\"2024-01-1\\x0D\" " + iso_rule);
}

// ---- patterns --------------------------------------------------------------------------------

TEST_CASE("patterns read %Y %m %d %H %M %S and literals") {
    const date_format dots = date_format::parse("%d.%m.%Y");
    CHECK(read("15.01.2024", dots) == at(2024, 1, 15));
    CHECK(read("5.1.2024", dots) == at(2024, 1, 5));
    CHECK(read(" 29.02.2024 ", dots) == at(2024, 2, 29));
    const date_format us = date_format::parse("%m/%d/%Y %H:%M");
    CHECK(read("01/15/2024 10:30", us) == at(2024, 1, 15, 10, 30));
    CHECK(read("1/5/2024 9:05", us) == at(2024, 1, 5, 9, 5));
    const date_format us_date = date_format::parse("%m/%d/%Y");
    CHECK(read("1/5/2024", us_date) == at(2024, 1, 5));
    const date_format compact = date_format::parse("%Y%m%d");
    CHECK(read("20240105", compact) == at(2024, 1, 5));
    const date_format full = date_format::parse("%Y-%m-%dT%H:%M:%S");
    CHECK(read("2024-01-05T23:59:58", full) == at(2024, 1, 5, 23, 59, 58));
    const date_format hhmm = date_format::parse("%Y-%m-%d %H%M");
    CHECK(read("2024-1-5 0930", hhmm) == at(2024, 1, 5, 9, 30));
    const date_format percent = date_format::parse("%Y%%%m%%%d");
    CHECK(read("2024%01%05", percent) == at(2024, 1, 5));
    // A pattern takes no zone, so --utc-offset leaves it as written.
    CHECK(read("15.01.2024", dots, 120) == at(2024, 1, 15));
}

TEST_CASE("a value that does not fit its pattern, or is impossible, says so") {
    check_rejected(
        {
            {"15-01-2024", "\"15-01-2024\" does not match %d.%m.%Y"},
            {"15.01.24", "\"15.01.24\" does not match %d.%m.%Y"},
            {"115.01.2024", "\"115.01.2024\" does not match %d.%m.%Y"},
            {"15.01.2024 10:00", "\"15.01.2024 10:00\" does not match %d.%m.%Y"},
            {"31.04.2024", "\"31.04.2024\" is not a date: April has 30 days"},
            {"29.02.2023",
             "\"29.02.2023\" is not a date: 2023 is not a leap year (February has 28 days)"},
            {"1.13.2024", "\"1.13.2024\" is not a date: month 13 (1 … 12)"},
        },
        date_format::parse("%d.%m.%Y"));
    check_rejected({{"2024015", "\"2024015\" does not match %Y%m%d"},
                    {"2024-1-5", "\"2024-1-5\" does not match %Y%m%d"}},
                   date_format::parse("%Y%m%d"));
    check_rejected({{"1/5/2024 25:00", "\"1/5/2024 25:00\" is not a time: hour 25 (0 … 23)"}},
                   date_format::parse("%m/%d/%Y %H:%M"));
}

TEST_CASE("date_format::parse rejects what is no pattern, naming --date-format") {
    const std::vector<rejected> table = {
        {"%Y-%q-%d",
         "--date-format: \"%Y-%q-%d\" has an unknown %q (a pattern knows %Y %m %d %H %M %S and "
         "%%, or give epoch or epoch-ms)"},
        {"%Y-%m-%d%",
         "--date-format: \"%Y-%m-%d%\" ends in a lone % (write %% for a percent sign)"},
        {"%Y-%m", "--date-format: \"%Y-%m\" lacks %d (a date needs %Y, %m and %d)"},
        {"", "--date-format: \"\" lacks %Y (a date needs %Y, %m and %d)"},
        {"epochs", "--date-format: \"epochs\" lacks %Y (a date needs %Y, %m and %d)"},
        {"%Y-%m-%d %m", "--date-format: \"%Y-%m-%d %m\" has %m twice"},
        {"%Y-%m-%d %M", "--date-format: \"%Y-%m-%d %M\" has %M without %H"},
        {"%Y-%m-%d %H %S", "--date-format: \"%Y-%m-%d %H %S\" has %S without %M"},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(date_format::parse(c.text), churn::parse_error);
        CHECK_THROWS_WITH(date_format::parse(c.text), c.message);
    }
    CHECK(date_format{}.iso());
    CHECK(date_format::parse("iso").iso());
    CHECK_FALSE(date_format::parse("%Y%m%d").iso());
    CHECK(date_format::parse("%Y%m%d").spec() == "%Y%m%d");
    CHECK(date_format{}.spec() == "ISO 8601");
}

// ---- epoch -----------------------------------------------------------------------------------

TEST_CASE("epoch seconds and milliseconds, negative and fractional") {
    const date_format s = date_format::parse("epoch");
    const date_format ms = date_format::parse("epoch-ms");
    CHECK(read("0", s) == 0);
    CHECK(read("1700000000", s) == 1700000000 * second);
    CHECK(read(" 1700000000 ", s) == 1700000000 * second);
    CHECK(read("1700000000.5", s) == 1700000000 * second + 500000);
    CHECK(read("1700000000.123456789", s) == 1700000000 * second + 123456);
    CHECK(read("-1", s) == -second);
    CHECK(read("-1.5", s) == -1500000);
    // Dropped digits round toward the past: the instant stays in its day.
    CHECK(read("-0.0000001", s) == -1);
    CHECK(timestamp{read("-0.0000001", s)}.day() == -1);
    CHECK(read("1700000000000", ms) == 1700000000 * second);
    CHECK(read("1700000000123.5", ms) == 1700000000 * second + 123500);
    CHECK(read("-1", ms) == -1000);
    CHECK(read("-62135596800", s) == at(1, 1, 1));
    CHECK(read("253402300799", s) == at(9999, 12, 31, 23, 59, 59));
    // Epoch values are UTC: --utc-offset shifts them.
    CHECK(read("0", s, -300) == at(1969, 12, 31, 19, 0));
}

TEST_CASE("what is no epoch value, or past year 9999, says so") {
    check_rejected(
        {
            {"1.7e9",
             "\"1.7e9\" is not epoch seconds: an integer such as 1700000000, or with a fraction "
             "1700000000.5"},
            {"2024-01-01",
             "\"2024-01-01\" is not epoch seconds: an integer such as 1700000000, or with a "
             "fraction 1700000000.5"},
            {"+5",
             "\"+5\" is not epoch seconds: an integer such as 1700000000, or with a fraction "
             "1700000000.5"},
            {"1.",
             "\"1.\" is not epoch seconds: an integer such as 1700000000, or with a fraction "
             "1700000000.5"},
            {"1.0000000001",
             "\"1.0000000001\" is not epoch seconds: a fraction of 10 digits (at most 9)"},
            {"253402300800",
             "\"253402300800\" is outside 0001-01-01 … 9999-12-31 (epoch seconds -62135596800 … "
             "253402300799)"},
            {"-62135596801",
             "\"-62135596801\" is outside 0001-01-01 … 9999-12-31 (epoch seconds -62135596800 … "
             "253402300799)"},
            {"99999999999999999999999",
             "\"99999999999999999999999\" is outside 0001-01-01 … 9999-12-31 (epoch seconds "
             "-62135596800 … 253402300799)"},
        },
        date_format::parse("epoch"));
    check_rejected(
        {
            {"x",
             "\"x\" is not epoch milliseconds: an integer such as 1700000000000, or with a "
             "fraction "
             "1700000000000.5"},
            {"253402300800000",
             "\"253402300800000\" is outside 0001-01-01 … 9999-12-31 (epoch milliseconds "
             "-62135596800000 … 253402300799999)"},
        },
        date_format::parse("epoch-ms"));
}

// ---- the fast path ---------------------------------------------------------------------------

TEST_CASE("plain_timestamp reads plain dates and times, and leaves the rest to parse_timestamp") {
    for (const std::string text : {"2024-01-15", "2024-02-29", "2024-01-15T10:30",
                                   "2024-01-15 10:30:45", "0001-01-01", "9999-12-31 23:59:59"}) {
        CAPTURE(text);
        timestamp t;
        REQUIRE(churn::plain_timestamp(text, t));
        CHECK(t.micros == read(text));
    }
    for (const std::string text :
         {"20240115", " 2024-01-15", "2024-01-15Z", "2024-01-15T10:30Z", "2024-01-15T10:30:00.0",
          "2023-02-29", "2024-13-01", "2024-00-01", "0000-01-01", "2024-01-15T24:00",
          "2024-01-15T10:60", "2024-01-15T10:30:60", "2024-01-15x10:30", "2024-01-15T10-30",
          "2024/01/15", "2024-01-1x", ""}) {
        CAPTURE(text);
        timestamp t{42};
        CHECK_FALSE(churn::plain_timestamp(text, t));
        CHECK(t.micros == 42);
    }
}

// ---- --utc-offset ----------------------------------------------------------------------------

TEST_CASE("parse_utc_offset reads ±HH:MM, ±HHMM, ±HH and Z") {
    CHECK(parse_utc_offset("+01:00") == 60);
    CHECK(parse_utc_offset("-05:00") == -300);
    CHECK(parse_utc_offset("+0530") == 330);
    CHECK(parse_utc_offset("-09:30") == -570);
    CHECK(parse_utc_offset("+02") == 120);
    CHECK(parse_utc_offset("Z") == 0);
    CHECK(parse_utc_offset("UTC") == 0);
    CHECK(parse_utc_offset("+18:00") == 1080);
    CHECK(parse_utc_offset("-18:00") == -1080);
    CHECK(parse_utc_offset(" -00:00 ") == 0);
}

TEST_CASE("parse_utc_offset rejects the rest, naming --utc-offset") {
    const std::string form = "is not an offset ±HH:MM such as +01:00 or -05:00 (or Z)";
    const std::vector<rejected> table = {
        {"1", "--utc-offset: \"1\" " + form},
        {"01:00", "--utc-offset: \"01:00\" " + form},
        {"+1:00", "--utc-offset: \"+1:00\" " + form},
        {"+01:0", "--utc-offset: \"+01:0\" " + form},
        {"CET", "--utc-offset: \"CET\" " + form},
        {"", "--utc-offset: \"\" " + form},
        {"+19:00", "--utc-offset: \"+19:00\" has offset +19:00 (-18:00 … +18:00)"},
        {"-18:30", "--utc-offset: \"-18:30\" has offset -18:30 (-18:00 … +18:00)"},
        {"+01:60", "--utc-offset: \"+01:60\" has offset minutes 60 (0 … 59)"},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(parse_utc_offset(c.text), churn::parse_error);
        CHECK_THROWS_WITH(parse_utc_offset(c.text), c.message);
    }
}

// ---- periods ---------------------------------------------------------------------------------

TEST_CASE("parse_period_unit reads the five units and their plurals") {
    CHECK(churn::parse_period_unit("day") == period_unit::day);
    CHECK(churn::parse_period_unit("weeks") == period_unit::week);
    CHECK(churn::parse_period_unit("month") == period_unit::month);
    CHECK(churn::parse_period_unit("quarters") == period_unit::quarter);
    CHECK(churn::parse_period_unit("year") == period_unit::year);
    CHECK_FALSE(churn::parse_period_unit("fortnight"));
    CHECK_FALSE(churn::parse_period_unit("s"));
    CHECK_FALSE(churn::parse_period_unit(""));
    CHECK_FALSE(churn::parse_period_unit("Month"));
}

TEST_CASE("name_of writes each unit as parse_period_unit reads it") {
    CHECK(churn::name_of(period_unit::day) == "day");
    CHECK(churn::name_of(period_unit::quarter) == "quarter");
    for (const auto u : {period_unit::day, period_unit::week, period_unit::month,
                         period_unit::quarter, period_unit::year})
        CHECK(churn::parse_period_unit(churn::name_of(u)) == u);
}

TEST_CASE("the default calendar is months with ISO weeks") {
    const calendar c;
    CHECK(c.unit == period_unit::month);
    CHECK(c.weeks == week_start::monday);
}

TEST_CASE("ISO weeks: week 53 and the week-year at year boundaries") {
    const auto label_of = [](std::int64_t d) { return iso_weeks.label(iso_weeks.period_of(d)); };
    CHECK(label_of(day(2020, 12, 31)) == "2020-W53");
    CHECK(label_of(day(2021, 1, 3)) == "2020-W53");
    CHECK(label_of(day(2021, 1, 4)) == "2021-W01");
    CHECK(iso_weeks.period_of(day(2021, 1, 4)) == iso_weeks.period_of(day(2021, 1, 3)) + 1);
    CHECK(label_of(day(2024, 12, 29)) == "2024-W52");
    CHECK(label_of(day(2024, 12, 30)) == "2025-W01");
    CHECK(label_of(day(2025, 1, 5)) == "2025-W01");
    CHECK(label_of(day(2024, 1, 29)) == "2024-W05");
    CHECK(label_of(day(2024, 1, 1)) == "2024-W01");  // a Monday
    CHECK(label_of(day(2015, 12, 31)) == "2015-W53");
    CHECK(label_of(day(1970, 1, 1)) == "1970-W01");
    CHECK(label_of(day(1969, 12, 29)) == "1970-W01");
    CHECK(label_of(day(1969, 12, 28)) == "1969-W52");
    const std::int64_t w53 = *iso_weeks.parse_label("2020-W53");
    CHECK(iso_weeks.first_day(w53) == day(2020, 12, 28));
    CHECK(iso_weeks.last_day(w53) == day(2021, 1, 3));
    CHECK(iso_weeks.first_day(*iso_weeks.parse_label("2025-W01")) == day(2024, 12, 30));
    CHECK_FALSE(iso_weeks.parse_label("2021-W53"));  // 2021 has 52 weeks
    CHECK_FALSE(iso_weeks.parse_label("2021-W00"));
    CHECK_FALSE(iso_weeks.parse_label("2021-W5"));
    CHECK_FALSE(iso_weeks.parse_label("2021-01"));
    CHECK(iso_weeks.parse_label("2021-01-03") == w53);  // a date: the week containing it
}

TEST_CASE("Sunday weeks run Sunday to Saturday and are labelled by their Sunday") {
    const std::int64_t p = sunday_weeks.period_of(day(2024, 1, 28));
    CHECK(sunday_weeks.label(p) == "2024-01-28");
    CHECK(sunday_weeks.first_day(p) == day(2024, 1, 28));
    CHECK(sunday_weeks.last_day(p) == day(2024, 2, 3));
    CHECK(sunday_weeks.period_of(day(2024, 2, 3)) == p);
    CHECK(sunday_weeks.period_of(day(2024, 2, 4)) == p + 1);
    CHECK(sunday_weeks.period_of(day(2024, 1, 27)) == p - 1);
    CHECK(sunday_weeks.parse_label("2024-01-28") == p);
    CHECK(sunday_weeks.parse_label("2024-01-31") == p);
    CHECK_FALSE(sunday_weeks.parse_label("2024-W05"));
    // The same Monday-to-Sunday days are two ISO weeks.
    CHECK(iso_weeks.period_of(day(2024, 1, 28)) + 1 == iso_weeks.period_of(day(2024, 1, 29)));
}

TEST_CASE("days, months, quarters and years: index, bounds and labels") {
    const std::int64_t d = day(2024, 1, 15);
    CHECK(days.period_of(d) == d);
    CHECK(days.label(d) == "2024-01-15");
    CHECK(days.first_day(d) == d);
    CHECK(days.last_day(d) == d);

    const std::int64_t feb = months.period_of(day(2024, 2, 10));
    CHECK(feb == 2024 * 12 + 1);
    CHECK(months.label(feb) == "2024-02");
    CHECK(months.first_day(feb) == day(2024, 2, 1));
    CHECK(months.last_day(feb) == day(2024, 2, 29));
    CHECK(months.last_day(months.period_of(day(2023, 2, 1))) == day(2023, 2, 28));
    CHECK(months.period_of(day(2023, 12, 31)) + 1 == months.period_of(day(2024, 1, 1)));

    const std::int64_t q4 = quarters.period_of(day(2023, 11, 30));
    CHECK(q4 == 2023 * 4 + 3);
    CHECK(quarters.label(q4) == "2023-Q4");
    CHECK(quarters.first_day(q4) == day(2023, 10, 1));
    CHECK(quarters.last_day(q4) == day(2023, 12, 31));
    CHECK(quarters.label(q4 + 1) == "2024-Q1");
    CHECK(quarters.last_day(q4 + 1) == day(2024, 3, 31));
    CHECK(quarters.period_of(day(2024, 4, 1)) == q4 + 2);

    const std::int64_t y = years.period_of(day(2024, 7, 1));
    CHECK(y == 2024);
    CHECK(years.label(y) == "2024");
    CHECK(years.first_day(y) == day(2024, 1, 1));
    CHECK(years.last_day(y) == day(2024, 12, 31));
    CHECK(years.label(years.period_of(day(5, 3, 1))) == "0005");
}

TEST_CASE("parse_label reads the labels of its unit, and full dates") {
    CHECK(days.parse_label("2024-01-15") == day(2024, 1, 15));
    CHECK(months.parse_label("2024-01") == 2024 * 12);
    CHECK(months.parse_label(" 2024-12 ") == 2024 * 12 + 11);
    CHECK(months.parse_label("2024-02-29") == 2024 * 12 + 1);
    CHECK(quarters.parse_label("2024-Q1") == 2024 * 4);
    CHECK(quarters.parse_label("2024-Q4") == 2024 * 4 + 3);
    CHECK(quarters.parse_label("2024-05-01") == 2024 * 4 + 1);
    CHECK(years.parse_label("2024") == 2024);
    CHECK(years.parse_label("2024-06-30") == 2024);
    for (const auto& [cal, text] :
         std::vector<std::pair<calendar, std::string>>{{days, "2024-01"},
                                                       {days, "2024-02-30"},
                                                       {months, "2024-13"},
                                                       {months, "2024-1"},
                                                       {months, "2024-Q1"},
                                                       {months, "0000-01"},
                                                       {quarters, "2024-Q5"},
                                                       {quarters, "2024-Q0"},
                                                       {quarters, "2024-01"},
                                                       {years, "24"},
                                                       {years, "2024-"},
                                                       {years, "0000"},
                                                       {years, "x"},
                                                       {months, "2023-02-29"}}) {
        CAPTURE(text);
        CHECK_FALSE(cal.parse_label(text));
    }
}
