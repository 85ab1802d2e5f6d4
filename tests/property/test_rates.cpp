// Properties of rates computed from customer counts: every rate lies in its range, equals the
// exact fraction rounded half away from zero (checked against plain 128-bit long division),
// and retention + churn = 100 % wherever both are defined.

#include "generators.hpp"
#include "oracle.hpp"

#include <churn/churn.hpp>

#include <rapidcheck/catch.h>

#include <cstdint>
#include <limits>

namespace {

constexpr std::int64_t max_count = std::numeric_limits<std::int64_t>::max();

/// Counts from small (most articles) to the top of the int64 range.
rc::Gen<std::int64_t> count(std::int64_t lowest = 0) {
    return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(lowest, lowest + 1000),
                          rc::gen::inRange<std::int64_t>(lowest, max_count));
}

/// A count in 0 … upper, often at the ends.
rc::Gen<std::int64_t> part_of(std::int64_t upper) {
    if (upper == 0)
        return rc::gen::just<std::int64_t>(0);
    return rc::gen::oneOf(
        rc::gen::element<std::int64_t>(0, upper), rc::gen::inRange<std::int64_t>(0, upper),
        rc::gen::inRange<std::int64_t>(0, upper == max_count ? upper : upper + 1));
}

oracle::u128 u(std::int64_t v) {
    return static_cast<oracle::u128>(v);
}

}  // namespace

TEST_CASE("churn from counts is the exact fraction, rounded half away from zero") {
    rc::prop("0 <= L/S <= 1 and the rounded percentage matches long division", [] {
        const std::int64_t start = *count(1);
        const std::int64_t lost = *part_of(start);
        const int places = *rc::gen::inRange(0, 11);
        churn::period_input in;
        in.start = start;
        in.lost = lost;
        const churn::period p = churn::resolve(in);
        const churn::ratio rate = churn::churn_rate(p);
        RC_ASSERT(rate >= churn::ratio(0));
        RC_ASSERT(rate <= churn::ratio(1));
        RC_ASSERT(rate == churn::ratio(lost, start));

        const churn::decimal shown = churn::round_half_away(rate * churn::ratio(100), places);
        const oracle::u128 expected = oracle::round_half_away(u(lost) * 100, u(start), places);
        RC_ASSERT(shown.scale == places);
        RC_ASSERT(shown.units >= 0);
        RC_ASSERT(static_cast<oracle::u128>(shown.units) == expected);
        RC_ASSERT(churn::to_string(shown) == oracle::decimal_text(expected, places));
    });
}

TEST_CASE("every rate from counts lies in its range") {
    rc::prop("churn on each basis, base churn, new-customer churn, CRR and RPR", [] {
        const std::int64_t start = *rc::gen::inRange<std::int64_t>(1, max_count / 4);
        const std::int64_t acquired = *rc::gen::inRange<std::int64_t>(0, max_count / 4);
        const std::int64_t lost = *part_of(start);
        const std::int64_t lost_new = *part_of(acquired);
        churn::period_input in;
        in.start = start;
        in.lost = lost;
        in.acquired = acquired;
        in.lost_new = lost_new;
        const churn::period p = churn::resolve(in);
        RC_ASSERT(p.end == start - lost + acquired - lost_new);
        const churn::ratio zero(0), one(1);
        for (const auto b : {churn::basis::start, churn::basis::exposed, churn::basis::average}) {
            const auto base = churn::customers_at_risk(p, b);
            if (base.is_zero())
                continue;
            const churn::ratio r = churn::churn_rate(p, b);
            RC_ASSERT(r >= zero);
            RC_ASSERT(r == churn::ratio(lost + lost_new) / base);
            // Over S + N it is at most 100 %. Over S it reaches (S + N) / S when every new
            // customer left too (article 000 counts LN in), and CRR = 1 − churn goes below 0.
            if (b == churn::basis::exposed)
                RC_ASSERT(r <= one);
            if (b == churn::basis::start)
                RC_ASSERT(r <= churn::ratio(start + acquired, start));
        }
        RC_ASSERT(churn::base_churn_rate(p) >= zero);
        RC_ASSERT(churn::base_churn_rate(p) <= one);
        if (acquired > 0) {
            RC_ASSERT(churn::new_customer_churn_rate(p) >= zero);
            RC_ASSERT(churn::new_customer_churn_rate(p) <= one);
        }
        RC_ASSERT(churn::retention_rate(p) >= -churn::ratio(acquired, start));
        RC_ASSERT(churn::retention_rate(p) <= one);
        if (lost_new == 0)
            RC_ASSERT(churn::retention_rate(p) >= zero);

        const std::int64_t customers = *count(1);
        const std::int64_t repeat = *part_of(customers);
        const churn::ratio rpr = churn::repeat_purchase_rate(repeat, customers);
        RC_ASSERT(rpr >= zero);
        RC_ASSERT(rpr <= one);
    });
}

TEST_CASE("retention + churn = 100 wherever both are defined") {
    rc::prop("from L, N and LN", [] {
        const std::int64_t start = *rc::gen::inRange<std::int64_t>(1, max_count / 4);
        const std::int64_t acquired = *rc::gen::inRange<std::int64_t>(0, max_count / 4);
        churn::period_input in;
        in.start = start;
        in.lost = *part_of(start);
        in.acquired = acquired;
        in.lost_new = *part_of(acquired);
        const churn::period p = churn::resolve(in);
        const churn::ratio sum = churn::retention_rate(p) + churn::churn_rate(p);
        RC_ASSERT(sum == churn::ratio(1));
    });
    rc::prop("from S, E and N, and the rounded figures differ from 100 by at most one unit", [] {
        const std::int64_t start = *count(1);
        const std::int64_t stayed = *part_of(start);
        const std::int64_t acquired = *rc::gen::inRange<std::int64_t>(0, max_count - start + 1);
        churn::period_input in;
        in.start = start;
        in.acquired = acquired;
        in.end = stayed + acquired;
        const churn::period p = churn::resolve(in);
        const churn::ratio retention = churn::retention_rate(p);
        const churn::ratio rate = churn::churn_rate(p);
        RC_ASSERT(retention + rate == churn::ratio(1));
        RC_ASSERT(retention == churn::ratio(stayed, start));

        const int places = *rc::gen::inRange(0, 11);
        const churn::ratio hundred(100);
        const churn::decimal r = churn::round_half_away(retention * hundred, places);
        const churn::decimal c = churn::round_half_away(rate * hundred, places);
        const churn::int128 total = r.units + c.units;
        const churn::int128 target = churn::pow10(places + 2);
        // Two roundings of complementary values: exact, or one unit over at a tie.
        RC_ASSERT(total >= target);
        RC_ASSERT(total <= target + 1);
    });
}

namespace {

bool same(const churn::period& a, const churn::period& b) {
    return a.start == b.start && a.lost == b.lost && a.acquired == b.acquired &&
           a.lost_new == b.lost_new && a.lost_total == b.lost_total && a.end == b.end &&
           a.returned == b.returned && a.has_new == b.has_new;
}

}  // namespace

TEST_CASE("returned customers: E = S − L + N − LN + R however the period is given") {
    rc::prop("from the losses or from the end, the same period", [] {
        const std::int64_t start = *rc::gen::inRange<std::int64_t>(0, max_count / 4);
        const std::int64_t acquired = *rc::gen::inRange<std::int64_t>(0, max_count / 4);
        const std::int64_t returned = *gen::magnitude(max_count / 4);
        const std::int64_t lost = *part_of(start);
        const std::int64_t lost_new = *part_of(acquired);
        const bool with_new = *rc::gen::arbitrary<bool>();
        churn::period_input in;
        in.start = start;
        in.lost = lost;
        in.returned = returned;
        if (with_new) {
            in.acquired = acquired;
            in.lost_new = lost_new;
        }
        const churn::period p = churn::resolve(in);
        const std::int64_t total = lost + (with_new ? lost_new : 0);
        RC_ASSERT(p.end == start - total + (with_new ? acquired : 0) + returned);
        RC_ASSERT(p.returned == returned);
        RC_ASSERT(p.lost_total == total);

        // The end with either part, or both, gives the period back; the end alone its total.
        churn::period_input from_end = in;
        from_end.end = p.end;
        RC_ASSERT(same(churn::resolve(from_end), p));
        from_end.lost.reset();
        if (with_new) {
            RC_ASSERT(same(churn::resolve(from_end), p));
            from_end.lost = lost;
            from_end.lost_new.reset();
            RC_ASSERT(same(churn::resolve(from_end), p));
            from_end.lost.reset();
            RC_ASSERT(churn::resolve(from_end).lost_total == total);
        } else {
            RC_ASSERT(same(churn::resolve(from_end), p));
        }

        // CRR leaves the returned out, so it still completes the churn of the start basis; over
        // S + N + R, where the returned count as served, churn stays within 100 %.
        if (start > 0)
            RC_ASSERT(churn::retention_rate(p) + churn::churn_rate(p) == churn::ratio(1));
        if (!churn::customers_at_risk(p, churn::basis::exposed).is_zero())
            RC_ASSERT(churn::churn_rate(p, churn::basis::exposed) <= churn::ratio(1));
    });
}
