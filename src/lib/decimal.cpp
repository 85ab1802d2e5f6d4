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

decimal add(const decimal& a, const decimal& b) {
    const int scale = std::max(a.scale, b.scale);
    const int128 ua = checked_mul(a.units, pow10(scale - a.scale));
    const int128 ub = checked_mul(b.units, pow10(scale - b.scale));
    return decimal{checked_add(ua, ub), scale};
}

decimal round_half_away(int128 num, int128 den, int places) {
    check_places(places);
    if (den == 0)
        throw domain_error("division by zero");  // never integer division by 0 (SIGFPE)
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const int128 scaled = checked_mul(num, pow10(places));
    constexpr int128 small = int128{1} << 62;
    if (scaled < small && scaled > -small && den < small) {
        // The common case, in 64-bit arithmetic: much faster than 128-bit division.
        const auto s = static_cast<std::int64_t>(scaled);
        const auto d = static_cast<std::int64_t>(den);
        std::int64_t q = s / d;
        const std::int64_t r = s % d;
        if ((r < 0 ? -r : r) * 2 >= d)
            q += s < 0 ? -1 : 1;
        return decimal{q, places};
    }
    int128 q = scaled / den;
    const int128 r = scaled % den;
    if (checked_mul(r < 0 ? -r : r, 2) >= den)
        q += scaled < 0 ? -1 : 1;
    return decimal{q, places};
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
        throw error("number too large: the result does not fit");
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
