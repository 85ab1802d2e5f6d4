#include <churn/error.hpp>
#include <churn/ratio.hpp>

#include <array>
#include <cmath>
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

/// Significant bits of u > 0.
int bit_width(uint128 u) {
    const auto high = static_cast<std::uint64_t>(u >> 64);
    if (high != 0)
        return 128 - __builtin_clzll(high);
    return 64 - __builtin_clzll(static_cast<std::uint64_t>(u));
}

/// The double nearest to u / d (d > 0), rounded once, half to even as IEEE does: the first
/// 54 significant bits of the quotient by long division (r < d < 2^127, so 2r fits), the
/// last one the rounding bit, and whether anything non-zero follows them.
double nearest(uint128 u, uint128 d) {
    if (u == 0)
        return 0;
    const uint128 whole = u / d;
    uint128 r = u % d;
    std::uint64_t m = 0;
    int exponent = 0;
    bool sticky = false;
    if (whole != 0 && bit_width(whole) >= 54) {
        exponent = bit_width(whole) - 54;
        m = static_cast<std::uint64_t>(whole >> exponent);
        sticky = (whole & ((uint128{1} << exponent) - 1)) != 0 || r != 0;
    } else {
        m = static_cast<std::uint64_t>(whole);
        while (m < (std::uint64_t{1} << 53)) {
            r <<= 1;
            m <<= 1;
            if (r >= d) {
                r -= d;
                m |= 1;
            }
            --exponent;
        }
        sticky = r != 0;
    }
    const bool round_bit = (m & 1) != 0;
    m >>= 1;
    ++exponent;
    if (round_bit && (sticky || (m & 1) != 0))
        ++m;
    return std::ldexp(static_cast<double>(m), exponent);  // m ≤ 2^53: exact
}

[[noreturn]] void overflow() {
    throw overflow_error("number too large: the exact result does not fit");
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
    // Both parts exact in a double (every rate from real counts): one IEEE division rounds
    // once. Otherwise rounding the whole part and the rest apart can be an ulp off.
    if (double d = 0; small_quotient(num_, den_, d))
        return d;
    const auto magnitude = num_ < 0 ? -static_cast<uint128>(num_) : static_cast<uint128>(num_);
    const double x = nearest(magnitude, static_cast<uint128>(den_));
    return num_ < 0 ? -x : x;
}

}  // namespace churn
