#pragma once
/// Exact rational numbers: every rate computed from counts or decimals is one.

#include <compare>
#include <cstdint>
#include <string>

namespace churn {

__extension__ typedef __int128 int128;

/// A reduced fraction num/den with den > 0. Arithmetic throws churn::error on overflow.
class ratio {
  public:
    constexpr ratio() = default;
    ratio(int128 num, int128 den = 1);  // NOLINT: an integer is a ratio

    int128 num() const { return num_; }
    int128 den() const { return den_; }

    friend ratio operator+(const ratio& a, const ratio& b);
    friend ratio operator-(const ratio& a, const ratio& b);
    friend ratio operator*(const ratio& a, const ratio& b);
    /// Throws churn::domain_error when b is zero.
    friend ratio operator/(const ratio& a, const ratio& b);
    friend ratio operator-(const ratio& a) { return ratio(-a.num_, a.den_); }
    friend bool operator==(const ratio& a, const ratio& b) = default;
    friend std::strong_ordering operator<=>(const ratio& a, const ratio& b);

    bool is_zero() const { return num_ == 0; }
    bool is_negative() const { return num_ < 0; }
    /// The nearest double (exact when num and den fit in 53 bits).
    double to_double() const;

  private:
    int128 num_ = 0;
    int128 den_ = 1;
};

/// Checked int128 arithmetic used by ratio and decimal; throws churn::error on overflow.
int128 checked_add(int128 a, int128 b);
int128 checked_mul(int128 a, int128 b);
/// 10^n for 0 <= n <= 38.
int128 pow10(int n);

}  // namespace churn
