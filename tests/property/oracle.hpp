#pragma once
// Independent reference computations for the property tests: plain unsigned 128-bit
// arithmetic and string building, sharing no code with churn::ratio or churn::decimal.

#include <cstdint>
#include <string>

namespace oracle {

__extension__ typedef unsigned __int128 u128;

/// 10^n for 0 <= n <= 38.
inline u128 pow10(int n) {
    u128 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

/// num / den × 10^places, rounded half away from zero (num, den >= 0, den > 0).
inline u128 round_half_away(u128 num, u128 den, int places) {
    const u128 scaled = num * pow10(places);
    u128 q = scaled / den;
    if (2 * (scaled % den) >= den)
        ++q;
    return q;
}

/// units as a decimal with `places` digits after the point: 475, 2 -> "4.75".
inline std::string decimal_text(u128 units, int places, bool negative = false, char point = '.') {
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(units % 10)));
        units /= 10;
    } while (units != 0);
    while (static_cast<int>(digits.size()) <= places)
        digits.insert(digits.begin(), '0');
    std::string out = negative ? "-" : "";
    out += digits.substr(0, digits.size() - static_cast<std::size_t>(places));
    if (places > 0) {
        out += point;
        out += digits.substr(digits.size() - static_cast<std::size_t>(places));
    }
    return out;
}

}  // namespace oracle
