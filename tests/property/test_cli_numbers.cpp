// The command line's digit writer has fast paths of its own: a cell's fraction is rounded by
// round_half_away_64 and written by a 64-bit fixed-point writer where they apply. Each gives
// exactly what the slow functions give: to_string(round_half_away(num, den, places), point).

#include "cli/out/number.hpp"

#include <churn/churn.hpp>

#include <rapidcheck/catch.h>

#include "generators.hpp"

#include <cstdint>
#include <limits>
#include <string>

using gen::magnitude;
using gen::top;

TEST_CASE("a fraction cell is to_string of round_half_away, whichever path writes it") {
    rc::prop("num / den at 0 … 12 places, either point, signs, ties and 128-bit parts", [] {
        const bool tie = *rc::gen::arbitrary<bool>();
        const std::int64_t den = tie ? (*magnitude(top / 16) + 1) * 2 : *magnitude(top - 1) + 1;
        const std::int64_t num =
            tie ? den / 2 * (*rc::gen::inRange<std::int64_t>(0, 7) | 1) : *magnitude(top);
        // Scaled past 64 bits, the same value takes the slow path.
        const churn::int128 k = *rc::gen::arbitrary<bool>() ? churn::int128{1} << 40 : 1;
        const churn::int128 n = (*rc::gen::arbitrary<bool>() ? -1 : 1) * churn::int128{num} * k;
        const int places = *rc::gen::inRange(0, 13);
        const char point = *rc::gen::element('.', ',');
        std::string fast;
        churn::cli::out::append_plain(fast, churn::fraction{n, churn::int128{den} * k}, places,
                                      point);
        RC_ASSERT(fast == churn::to_string(
                              churn::round_half_away(n, churn::int128{den} * k, places), point));
    });
}

TEST_CASE("an amount cell is to_string of the decimal, whichever path writes it") {
    rc::prop("units of every size at 0 … 24 places, either point", [] {
        const churn::int128 units = (*rc::gen::arbitrary<bool>() ? -1 : 1) *
                                    churn::int128{*magnitude(top)} *
                                    (*rc::gen::arbitrary<bool>() ? churn::int128{1} << 50 : 1);
        const churn::decimal d{units, *rc::gen::inRange(0, 25)};
        const char point = *rc::gen::element('.', ',');
        std::string fast;
        churn::cli::out::append_plain(fast, d, 2, point);
        RC_ASSERT(fast == churn::to_string(d, point));
    });
}
