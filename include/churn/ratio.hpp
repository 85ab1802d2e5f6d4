#pragma once
/// Exact rational numbers: every rate computed from counts or decimals is one.

#include <compare>
#include <cstdint>
#include <string>

namespace churn {

__extension__ typedef __int128 int128;

/// A reduced fraction num/den with den > 0. Arithmetic throws churn::error on overflow.
/// int128 is in the API on purpose: a rate of two int64 counts times 100 (a percentage) or
/// a quotient of two 36-digit amounts only fits in 128 bits, exactly.
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

/// An exact fraction num/den with den > 0, not reduced: the fast form of a ratio, for rates
/// taken per row of millions (reducing costs a gcd). reduced() is the ratio it equals.
struct fraction {
    int128 num = 0;
    int128 den = 1;

    ratio reduced() const { return ratio(num, den); }
};

/// The fast path of ratio::to_double: num / den correctly rounded in one double division, when
/// both fit in 53 bits (every rate of realistic counts); false, leaving `out` alone, otherwise.
inline bool small_quotient(int128 num, int128 den, double& out) {
    constexpr int128 exact = int128{1} << 53;
    if (num >= exact || num <= -exact || den >= exact || den <= -exact)
        return false;
    out = static_cast<double>(static_cast<std::int64_t>(num)) /
          static_cast<double>(static_cast<std::int64_t>(den));
    return true;
}

/// f as the nearest double, as f.reduced().to_double(), without the gcd when it can.
inline double to_double(const fraction& f) {
    double d = 0;
    return small_quotient(f.num, f.den, d) ? d : f.reduced().to_double();
}

/// Checked int128 arithmetic used by ratio and decimal; throws churn::error on overflow.
int128 checked_add(int128 a, int128 b);
int128 checked_mul(int128 a, int128 b);
/// 10^n for 0 <= n <= 38.
int128 pow10(int n);

}  // namespace churn
