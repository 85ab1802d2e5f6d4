#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include <array>
#include <cstdint>

namespace churn {

namespace {

int128 abs128(int128 v) {
    return v < 0 ? -v : v;
}

int128 gcd128(int128 a, int128 b) {
    a = abs128(a);
    b = abs128(b);
    while (b != 0) {
        const int128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

__extension__ typedef unsigned __int128 uint128;

/// An int128 as the nearest double, from its two 64-bit halves.
double to_double_i128(int128 v) {
    const bool negative = v < 0;
    const auto u = static_cast<uint128>(negative ? -v : v);
    const double d = static_cast<double>(static_cast<std::uint64_t>(u >> 64)) * 0x1p64 +
                     static_cast<double>(static_cast<std::uint64_t>(u));
    return negative ? -d : d;
}

[[noreturn]] void overflow() {
    throw error("number too large: the exact result does not fit");
}

}  // namespace

int128 checked_add(int128 a, int128 b) {
    int128 r;
    if (__builtin_add_overflow(a, b, &r))
        overflow();
    return r;
}

int128 checked_mul(int128 a, int128 b) {
    int128 r;
    if (__builtin_mul_overflow(a, b, &r))
        overflow();
    return r;
}

int128 pow10(int n) {
    static const auto table = [] {
        std::array<int128, 39> t{};
        t[0] = 1;
        for (std::size_t i = 1; i < t.size(); ++i)
            t[i] = t[i - 1] * 10;
        return t;
    }();
    if (n < 0 || n > 38)
        overflow();
    return table[static_cast<std::size_t>(n)];
}

ratio::ratio(int128 num, int128 den) {
    if (den == 0)
        throw domain_error("division by zero");
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const int128 g = gcd128(num, den);
    num_ = g > 1 ? num / g : num;
    den_ = g > 1 ? den / g : den;
}

ratio operator+(const ratio& a, const ratio& b) {
    const int128 g = gcd128(a.den_, b.den_);
    const int128 bd = b.den_ / g;
    return ratio(checked_add(checked_mul(a.num_, bd), checked_mul(b.num_, a.den_ / g)),
                 checked_mul(a.den_, bd));
}

ratio operator-(const ratio& a, const ratio& b) {
    return a + (-b);
}

ratio operator*(const ratio& a, const ratio& b) {
    // Cross-reduce first so that products stay small.
    const int128 g1 = gcd128(a.num_, b.den_);
    const int128 g2 = gcd128(b.num_, a.den_);
    const int128 n1 = g1 > 1 ? a.num_ / g1 : a.num_;
    const int128 d2 = g1 > 1 ? b.den_ / g1 : b.den_;
    const int128 n2 = g2 > 1 ? b.num_ / g2 : b.num_;
    const int128 d1 = g2 > 1 ? a.den_ / g2 : a.den_;
    return ratio(checked_mul(n1, n2), checked_mul(d1, d2));
}

ratio operator/(const ratio& a, const ratio& b) {
    if (b.num_ == 0)
        throw domain_error("division by zero");
    return a * ratio(b.den_, b.num_);
}

std::strong_ordering operator<=>(const ratio& a, const ratio& b) {
    const int128 lhs = checked_mul(a.num_, b.den_);
    const int128 rhs = checked_mul(b.num_, a.den_);
    return lhs <=> rhs;
}

double ratio::to_double() const {
    // Correctly rounded when both parts fit in 53 bits (every rate from real counts);
    // otherwise the integer part plus the remainder's fraction, without long double.
    if (double d = 0; small_quotient(num_, den_, d))
        return d;
    const int128 whole = num_ / den_;
    const int128 rest = num_ % den_;
    return to_double_i128(whole) + to_double_i128(rest) / to_double_i128(den_);
}

}  // namespace churn
