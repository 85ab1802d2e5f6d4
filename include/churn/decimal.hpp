#pragma once
/// Exact decimal numbers for money, input rates and rounded results.

#include <churn/ratio.hpp>

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

/// a + b exactly (scales aligned); throws churn::error on overflow.
decimal add(const decimal& a, const decimal& b);

/// x rounded half away from zero to `places` decimals (0 … 18), from the exact value.
decimal round_half_away(const ratio& x, int places);
/// num / den rounded half away from zero to `places` decimals, without reducing the fraction
/// first (the fast path for rates of counts); den 0 is a churn::domain_error.
decimal round_half_away(int128 num, int128 den, int places);
/// x rounded half away from zero to `places` decimals; for results that are not rational.
decimal round_half_away(double x, int places);

/// Plain text: optional '-', digits, and exactly `scale` decimals after `point`.
/// Zero never carries a sign.
std::string to_string(const decimal& d, char point = '.');

}  // namespace churn
