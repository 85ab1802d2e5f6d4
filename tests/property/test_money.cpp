// Money sums are exact: amounts typed as decimal text, added with churn::add, equal the plain
// integer sum of their minor units, in any order; lost revenue is an exact product.

#include "oracle.hpp"

#include <churn/churn.hpp>

#include <rapidcheck/catch.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

/// An amount as typed: up to 13 digits before the point and `scale` after it.
struct amount {
    std::int64_t units;
    int scale;
    std::string text;
};

rc::Gen<amount> amounts(bool allow_negative) {
    return rc::gen::exec([allow_negative] {
        const int scale = *rc::gen::inRange(0, 5);
        const std::int64_t magnitude = *rc::gen::oneOf(
            rc::gen::inRange<std::int64_t>(0, 100000),
            rc::gen::inRange<std::int64_t>(0, 1000000000000000LL));  // up to 10^15 minor units
        const bool negative = allow_negative && *rc::gen::arbitrary<bool>();
        const std::int64_t units = negative ? -magnitude : magnitude;
        return amount{units, scale,
                      oracle::decimal_text(static_cast<oracle::u128>(magnitude), scale,
                                           negative && magnitude != 0)};
    });
}

}  // namespace

TEST_CASE("money sums are exact") {
    rc::prop("the sum of parsed amounts equals the integer sum of minor units", [] {
        const bool signed_amounts = *rc::gen::arbitrary<bool>();
        auto list = *rc::gen::container<std::vector<amount>>(amounts(signed_amounts));
        // 999.95 a million times is the classic case where a double sum is 2 cents off.
        if (*rc::gen::arbitrary<bool>())
            list.insert(list.end(), 1000, amount{99995, 2, "999.95"});
        int scale = 0;
        for (const auto& a : list)
            scale = std::max(scale, a.scale);
        churn::int128 expected = 0;
        for (const auto& a : list)
            expected += static_cast<churn::int128>(a.units) * churn::pow10(scale - a.scale);

        churn::decimal sum{0, 0};
        for (const auto& a : list)
            sum = churn::add(sum, churn::parse_decimal(a.text, "amount", {}, true));
        RC_ASSERT(sum.scale == scale);
        RC_ASSERT(sum.units == expected);

        // Any order gives the same sum.
        auto shuffled = list;
        std::mt19937 rng(*rc::gen::arbitrary<std::uint32_t>());
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        churn::decimal again{0, 0};
        for (const auto& a : shuffled)
            again = churn::add(again, churn::parse_decimal(a.text, "amount", {}, true));
        RC_ASSERT(again.units == sum.units);
        RC_ASSERT(again.scale == sum.scale);
    });

    rc::prop("lost revenue is lost customers × value, exactly", [] {
        const amount value = *amounts(false);
        const std::int64_t lost = *rc::gen::inRange<std::int64_t>(0, 1000000000);
        const churn::decimal got =
            churn::lost_revenue(lost, churn::parse_decimal(value.text, "--value"));
        RC_ASSERT(got.scale == value.scale);
        RC_ASSERT(got.units == static_cast<churn::int128>(value.units) * lost);
    });
}
