#include <churn/decimal.hpp>
#include <churn/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace churn {

namespace {
constexpr int max_places = 18;

void check_places(int places) {
    if (places < 0 || places > max_places)
        throw error("precision must be between 0 and 18");
}
}  // namespace

std::strong_ordering compare(const decimal& a, const decimal& b) {
    if ((a.units < 0) != (b.units < 0))
        return a.units < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a.units < 0)
        return compare(decimal{-b.units, b.scale}, decimal{-a.units, a.scale});
    // Whole parts first; then the fractions, each below 10^36 at the larger scale.
    const int128 wa = a.units / pow10(a.scale);
    const int128 wb = b.units / pow10(b.scale);
    if (wa != wb)
        return wa <=> wb;
    const int scale = std::max(a.scale, b.scale);
    return (a.units % pow10(a.scale)) * pow10(scale - a.scale) <=>
           (b.units % pow10(b.scale)) * pow10(scale - b.scale);
}

decimal add(const decimal& a, const decimal& b) {
    const int scale = std::max(a.scale, b.scale);
    const int128 ua = checked_mul(a.units, pow10(scale - a.scale));
    const int128 ub = checked_mul(b.units, pow10(scale - b.scale));
    return decimal{checked_add(ua, ub), scale};
}

decimal multiply(const decimal& a, const decimal& b) {
    const int scale = a.scale + b.scale;
    if (scale > 36)  // 10^36 is the last power of ten a decimal's scale may use
        throw overflow_error("number too precise: the exact product has more than 36 decimals");
    return decimal{checked_mul(a.units, b.units), scale};
}

namespace {

__extension__ typedef unsigned __int128 uint128;

/// num / den × 10^digits rounded half away from zero, by long division: exact whenever the
/// result fits, however large num × 10^digits is (den > 0).
int128 long_division(int128 num, int128 den, int digits) {
    if (std::int64_t units = 0; round_half_away_64(num, den, digits, units))
        return units;
    const bool negative = num < 0;
    const auto d = static_cast<uint128>(den);
    const uint128 n = negative ? static_cast<uint128>(-(num + 1)) + 1 : static_cast<uint128>(num);
    int128 q = static_cast<int128>(n / d);
    uint128 r = n % d;
    for (int i = 0; i < digits; ++i) {
        // 10r = digit × d + x, with r < d: each partial sum stays below 2d < 2^128.
        uint128 x = 0;
        int digit = 0;
        for (int k = 0; k < 10; ++k) {
            x += r;
            if (x >= d) {
                x -= d;
                ++digit;
            }
        }
        q = checked_add(checked_mul(q, 10), digit);
        r = x;
    }
    if (r >= d - r)  // r ≥ d / 2, without overflowing 2r
        q = checked_add(q, 1);
    return negative ? -q : q;
}

}  // namespace

decimal round_half_away(int128 num, int128 den, int places) {
    check_places(places);
    if (den == 0)
        throw domain_error("division by zero");  // never integer division by 0 (SIGFPE)
    if (den < 0) {
        num = checked_mul(num, -1);
        den = -den;
    }
    return decimal{long_division(num, den, places), places};
}

decimal round_percent(const ratio& x, int places) {
    check_places(places);
    // x × 100 at `places` decimals has the digits of x at places + 2: no product to overflow.
    return decimal{long_division(x.num(), x.den(), places + 2), places};
}

decimal round_half_away(const ratio& x, int places) {
    return round_half_away(x.num(), x.den(), places);
}

decimal round_half_away(double x, int places) {
    check_places(places);
    if (!std::isfinite(x))
        throw error("result is not a finite number");
    const double scaled = std::round(x * std::pow(10.0, places));  // half away from zero
    if (std::fabs(scaled) >= 0x1p63)
        throw overflow_error("number too large: the result does not fit");
    return decimal{static_cast<std::int64_t>(scaled), places};
}

std::string to_string(const decimal& d, char point) {
    int128 u = d.units < 0 ? -d.units : d.units;
    std::string digits;
    do {
        digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
        u /= 10;
    } while (u != 0);
    while (static_cast<int>(digits.size()) <= d.scale)
        digits.push_back('0');
    std::reverse(digits.begin(), digits.end());
    std::string out;
    if (d.units < 0)
        out.push_back('-');
    const auto int_len = digits.size() - static_cast<std::size_t>(d.scale);
    out.append(digits, 0, int_len);
    if (d.scale > 0) {
        out.push_back(point);
        out.append(digits, int_len);
    }
    return out;
}

}  // namespace churn
