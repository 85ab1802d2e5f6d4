#pragma once
/// Exact decimal numbers for money, input rates and rounded results.

#include <churn/ratio.hpp>

#include <array>
#include <compare>
#include <cstdint>
#include <string>

namespace churn {

/// units × 10^-scale, exactly. Money is never held in binary floating point.
struct decimal {
    int128 units = 0;
    int scale = 0;  ///< digits after the decimal point, 0 … 36

    ratio to_ratio() const { return ratio(units, pow10(scale)); }
    friend bool operator==(const decimal& a, const decimal& b) {
        return a.to_ratio() == b.to_ratio();
    }
};

/// The nearest double of d: the exact fraction's (to_double in ratio.hpp).
inline double to_double(const decimal& d) {
    return to_double(fraction{d.units, pow10(d.scale)});
}

/// a against b, exactly, whatever their sizes and scales (nothing is multiplied out).
std::strong_ordering compare(const decimal& a, const decimal& b);

/// a + b exactly (scales aligned); throws churn::error on overflow.
decimal add(const decimal& a, const decimal& b);

/// a × b exactly (quantity × price), at scale a.scale + b.scale; throws churn::overflow_error
/// past 128 bits or scale 36.
decimal multiply(const decimal& a, const decimal& b);

/// x rounded half away from zero to `places` decimals (0 … 18), from the exact value.
decimal round_half_away(const ratio& x, int places);
/// num / den rounded half away from zero to `places` decimals, without reducing the fraction
/// first (the fast path for rates of counts); den 0 is a churn::domain_error.
decimal round_half_away(int128 num, int128 den, int places);
/// The fast path of round_half_away(num, den, places), in 64-bit arithmetic: when den is in
/// 1 … 2^63 − 1 and num × 10^places fits in int64 (every rate of realistic counts), sets `units`
/// to the rounded units (scale `places`) and returns true; otherwise returns false and leaves
/// `units` alone.
inline bool round_half_away_64(int128 num, int128 den, int places, std::int64_t& units) {
    static constexpr std::array<std::int64_t, 19> scales = [] {
        std::array<std::int64_t, 19> t{};
        t[0] = 1;
        for (std::size_t i = 1; i < t.size(); ++i)
            t[i] = t[i - 1] * 10;
        return t;
    }();
    constexpr std::int64_t top = INT64_MAX;
    if (places < 0 || places > 18 || den <= 0 || den > top)
        return false;
    const std::int64_t scale = scales[static_cast<std::size_t>(places)];
    if (num > top / scale || num < -(top / scale))
        return false;
    const std::int64_t scaled = static_cast<std::int64_t>(num) * scale;
    const auto d = static_cast<std::int64_t>(den);
    std::int64_t q = scaled / d;
    const std::int64_t r = scaled % d < 0 ? -(scaled % d) : scaled % d;
    if (r >= d - r)  // r ≥ d / 2, without overflowing 2r
        q += scaled < 0 ? -1 : 1;
    units = q;
    return true;
}

/// x × 100 (a percentage) rounded half away from zero to `places` decimals (0 … 18), exactly
/// whatever the size of x's parts.
decimal round_percent(const ratio& x, int places);
/// x rounded half away from zero to `places` decimals; for results that are not rational.
decimal round_half_away(double x, int places);

/// Plain text: optional '-', digits, and exactly `scale` decimals after `point`.
/// Zero never carries a sign.
std::string to_string(const decimal& d, char point = '.');

}  // namespace churn
