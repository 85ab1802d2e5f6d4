#pragma once
/// Dates and times of activity logs, and the calendar periods they fall in. Pure: no I/O, no
/// locale, no time zone database (offsets only).

#include <churn/error.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace churn {

/// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before), and back.
/// (H. Hinnant's algorithms: a handful of integer operations, exact over the whole int64 year
/// range the callers use.)
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
    const std::int64_t y = year - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                               // [0, 399]
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil_date {
    std::int64_t year;
    unsigned month;  ///< 1 … 12
    unsigned day;    ///< 1 … 31
    friend bool operator==(const civil_date&, const civil_date&) = default;
};

constexpr civil_date civil_from_days(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

constexpr bool is_leap_year(std::int64_t year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// 28 … 31.
constexpr unsigned days_in_month(std::int64_t year, unsigned month) {
    constexpr unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

inline constexpr std::int64_t micros_per_second = 1'000'000;
inline constexpr std::int64_t micros_per_day = 86'400 * micros_per_second;

/// An instant: microseconds since 1970-01-01T00:00, in UTC when the text had a zone (Z, ±HH:MM)
/// or --utc-offset was given, else the wall-clock time as written.
struct timestamp {
    std::int64_t micros = 0;
    /// floor(micros / 86400e6): the day it falls on.
    std::int64_t day() const {
        const std::int64_t q = micros / micros_per_day;
        return q - (micros % micros_per_day < 0);
    }
    friend auto operator<=>(const timestamp&, const timestamp&) = default;
};

/// How dates are written: the ISO forms (default), a strftime-like pattern, or epoch seconds/ms.
class date_format {
  public:
    /// ISO: YYYY-MM-DD, YYYYMMDD, YYYY-MM-DD[T ]HH:MM[:SS[.fraction]] and an optional zone
    /// Z, UTC, ±HH:MM, ±HHMM or ±HH, after at most one blank (Ruby's "… +0100", Rails' "… UTC").
    date_format() = default;
    /// "iso" (the default), "epoch", "epoch-ms", or a pattern of %Y %m %d %H %M %S and literal
    /// characters (%% a literal percent); throws churn::parse_error naming --date-format
    /// otherwise.
    /// A pattern needs %Y %m %d, each once; %H %M %S at most once, %M only after %H, %S after %M.
    /// %Y is 4 digits; %m %d %H %M %S are 1 or 2 digits, but exactly 2 right beside another
    /// field (%Y%m%d reads 20240105, not 2024015; %m/%d/%Y reads 1/5/2024 and 01/05/2024).
    static date_format parse(std::string_view spec);

    /// The default ISO forms: the only format that plain_timestamp reads.
    bool iso() const { return kind_ == kind::iso; }
    /// As given to parse ("epoch", "%d.%m.%Y"), or "ISO 8601" for the default.
    std::string_view spec() const {
        return kind_ == kind::iso ? std::string_view("ISO 8601") : std::string_view(spec_);
    }

  private:
    enum class kind { iso, pattern, epoch_seconds, epoch_millis };
    kind kind_ = kind::iso;
    std::string spec_;

    friend timestamp parse_timestamp(std::string_view, const date_format&, std::optional<int>);
};

/// Reads one date cell (surrounding blanks ignored). `offset_minutes`: --utc-offset; zoned times
/// (and epoch values, which are UTC) are converted to UTC and then shifted by it; naive times are
/// taken as written, and so are patterns (they have no zone). Years 0001 … 9999 (epoch values too).
/// Seconds 0 … 59 (a leap second 60 is rejected); a fraction of up to 9 digits keeps 6
/// (microseconds), the rest dropped (toward the past, also for negative epoch values); offsets up
/// to ±18:00. Epoch values are integers, negative allowed, with an optional fraction
/// ("1700000000.5"). Throws churn::error with a one-line message naming the value and the rule,
/// without file, line or column (the caller adds those), e.g.
///   "2023-02-29" is not a date: 2023 is not a leap year (February has 28 days)
timestamp parse_timestamp(std::string_view text, const date_format& f,
                          std::optional<int> offset_minutes = {});

/// The fast path beside parse_timestamp, for millions of rows: exactly "YYYY-MM-DD", optionally
/// followed by 'T' or ' ' and HH:MM or HH:MM:SS, no blanks, no zone, no fraction → true and the
/// timestamp; false for anything else (the caller then calls parse_timestamp, which reads or
/// explains it). Only for the ISO date_format; naive times ignore --utc-offset, so it applies
/// with or without one.
inline bool plain_timestamp(std::string_view text, timestamp& out) {
    const std::size_t n = text.size();
    if (n != 10 && n != 16 && n != 19)
        return false;
    const char* s = text.data();
    const auto digit = [s](std::size_t i) {
        return static_cast<unsigned>(static_cast<unsigned char>(s[i])) - unsigned{'0'};
    };
    // Each test is a 0/1 flag, not a branch: one branch decides the date, one the time.
    const auto not_digit = [&](std::size_t i) { return static_cast<unsigned>(digit(i) > 9); };
    const auto differs = [s](std::size_t i, char c) { return static_cast<unsigned>(s[i] != c); };
    const auto two = [&](std::size_t i) { return digit(i) * 10 + digit(i + 1); };
    unsigned bad = not_digit(0) | not_digit(1) | not_digit(2) | not_digit(3) | not_digit(5) |
                   not_digit(6) | not_digit(8) | not_digit(9) | differs(4, '-') | differs(7, '-');
    const unsigned year = two(0) * 100 + two(2);
    const unsigned month = two(5);
    const unsigned day = two(8);
    bad |= static_cast<unsigned>(year == 0) | static_cast<unsigned>(month - 1 > 11) |
           static_cast<unsigned>(day == 0);
    if (bad != 0 || day > days_in_month(year, month))
        return false;
    std::int64_t seconds = 0;
    if (n > 10) {
        bad = (differs(10, 'T') & differs(10, ' ')) | differs(13, ':') | not_digit(11) |
              not_digit(12) | not_digit(14) | not_digit(15);
        const unsigned hour = two(11);
        const unsigned minute = two(14);
        unsigned second = 0;
        if (n == 19) {
            bad |= differs(16, ':') | not_digit(17) | not_digit(18);
            second = two(17);
        }
        bad |= static_cast<unsigned>(hour > 23) | static_cast<unsigned>(minute > 59) |
               static_cast<unsigned>(second > 59);
        if (bad != 0)
            return false;
        seconds = hour * 3600 + minute * 60 + second;
    }
    out.micros = (days_from_civil(year, month, day) * 86'400 + seconds) * micros_per_second;
    return true;
}

/// --utc-offset ±HH:MM (also Z, ±HHMM, ±HH) in minutes, up to ±18:00; throws parse_error naming
/// --utc-offset.
int parse_utc_offset(std::string_view text);

enum class period_unit { day, week, month, quarter, year };
enum class week_start { monday, sunday };

/// A calendar for one log: the period unit, and where weeks start.
struct calendar {
    period_unit unit = period_unit::month;
    week_start weeks = week_start::monday;
    /// The period a day falls in, as a consecutive integer index (period p+1 follows p):
    /// day → the day number; ISO week → weeks since Monday 1970-01-05; Sunday weeks → weeks
    /// since Sunday 1970-01-04; month → year*12+month-1; quarter → year*4+(month-1)/3;
    /// year → the year.
    std::int64_t period_of(std::int64_t day) const;
    /// The first and last day of period p.
    std::int64_t first_day(std::int64_t p) const;
    std::int64_t last_day(std::int64_t p) const;
    /// The label: 2024-01-15, ISO 2024-W05 (ISO week-year: 2021-01-03 is in 2020-W53), Sunday
    /// weeks the date of their first day (the Sunday), 2024-01, 2024-Q1, 2024. Years of at least
    /// 4 digits (parse_label reads back years 0001 … 9999).
    std::string label(std::int64_t p) const;
    /// The period a label names (for --in PERIOD and --from/--to given as a label); nullopt when
    /// it is not a label of this unit. Also accepts a full date YYYY-MM-DD (the period
    /// containing it).
    std::optional<std::int64_t> parse_label(std::string_view text) const;
};

/// "day" "week" "month" "quarter" "year" (and plurals), nullopt otherwise.
std::optional<period_unit> parse_period_unit(std::string_view name);
/// The unit's name as --period takes it: day, week, month, quarter, year.
std::string_view name_of(period_unit u);

}  // namespace churn
