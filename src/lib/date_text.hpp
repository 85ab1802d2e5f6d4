#pragma once
// What date.cpp (reading dates) and calendar.cpp (periods and their labels) share: a cursor over
// text, and dates written as labels and messages write them.

#include <churn/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace churn::date_detail {

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b < 0);  // b > 0 everywhere here
}

inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads a text left to right; a read that fails consumes nothing.
class cursor {
  public:
    explicit cursor(std::string_view s) : s_(s) {}
    bool done() const { return i_ == s_.size(); }
    bool take(char c) {
        if (done() || s_[i_] != c)
            return false;
        ++i_;
        return true;
    }
    bool take(std::string_view word) {
        if (s_.substr(i_, word.size()) != word)
            return false;
        i_ += word.size();
        return true;
    }
    /// min … max digits (as many as there are, up to max) into v.
    bool digits(std::size_t min, std::size_t max, std::int64_t& v) {
        std::size_t n = 0;
        std::int64_t value = 0;
        while (n < max && i_ + n < s_.size() && is_digit(s_[i_ + n]))
            value = value * 10 + (s_[i_ + n++] - '0');
        if (n < min)
            return false;
        i_ += n;
        v = value;
        return true;
    }
    /// All the digits from here, possibly none.
    std::string_view digit_run() {
        const std::size_t from = i_;
        while (!done() && is_digit(s_[i_]))
            ++i_;
        return s_.substr(from, i_ - from);
    }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
};

inline std::string two_digits(std::int64_t v) {
    return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

/// A year as labels and messages write it: at least four digits.
inline std::string year_text(std::int64_t year) {
    std::string digits = std::to_string(year < 0 ? -year : year);
    if (digits.size() < 4)
        digits.insert(0, 4 - digits.size(), '0');
    if (year < 0)
        digits.insert(digits.begin(), '-');
    return digits;
}

inline std::string date_text(std::int64_t day) {
    const civil_date c = civil_from_days(day);
    return year_text(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
}

}  // namespace churn::date_detail
