// Unit tests of include/churn/period.hpp: E = S − L + N − LN + R, what is derived from what,
// and the message of every contradiction.

#include <churn/error.hpp>
#include <churn/period.hpp>

#include "catch.hpp"

#include <cstdint>
#include <optional>
#include <string>

using churn::period_input;
using churn::resolve;

namespace {

using count = std::optional<std::int64_t>;
constexpr std::nullopt_t none = std::nullopt;

/// The input in the order S, L, N, LN, E.
period_input counts(count s, count l, count n, count ln, count e) {
    period_input in;
    in.start = s;
    in.lost = l;
    in.acquired = n;
    in.lost_new = ln;
    in.end = e;
    return in;
}

/// The input in the order S, L, N, LN, E, with R returned customers.
period_input counts(count s, count l, count n, count ln, count e, count r) {
    period_input in = counts(s, l, n, ln, e);
    in.returned = r;
    return in;
}

}  // namespace

// ---- derivations ---------------------------------------------------------------------------

TEST_CASE("S and L: the end is S − L, nobody new") {
    const auto p = resolve(counts(400, 19, none, none, none));
    CHECK(p.start == 400);
    CHECK(p.lost == 19);
    CHECK(p.acquired == 0);
    CHECK(p.lost_new == 0);  // without new customers none can be lost among them
    CHECK(p.lost_total == 19);
    CHECK(p.end == 381);  // 400 − 19
    CHECK_FALSE(p.has_new);
}

TEST_CASE("S, L, N and LN: the end is S − L + N − LN") {
    const auto p = resolve(counts(400, 15, 300, 4, none));  // article 000
    CHECK(p.end == 681);                                    // 400 − 15 + 300 − 4
    CHECK(p.lost_total == 19);                              // 15 + 4
    CHECK(p.lost == 15);
    CHECK(p.lost_new == 4);
    CHECK(p.acquired == 300);
    CHECK(p.has_new);
}

TEST_CASE("S, L and N without an end: an unstated LN means none were lost") {
    const auto p = resolve(counts(400, 15, 300, none, none));
    CHECK(p.lost_new == 0);
    CHECK(p.lost_total == 15);
    CHECK(p.end == 685);  // 400 − 15 + 300
    CHECK(p.has_new);
}

TEST_CASE("N = 0 given still counts as given") {
    const auto p = resolve(counts(400, 15, 0, none, none));
    CHECK(p.has_new);
    CHECK(p.end == 385);
}

TEST_CASE("S and E without N: L is S − E") {
    const auto p = resolve(counts(100, none, none, none, 90));  // article 001: 100 then 90
    CHECK(p.lost == 10);
    CHECK(p.lost_new == 0);
    CHECK(p.lost_total == 10);
    CHECK(p.end == 90);
    CHECK_FALSE(p.has_new);
    CHECK(resolve(counts(100, none, none, none, 100)).lost == 0);  // nobody left
    CHECK(resolve(counts(100, none, none, none, 0)).lost == 100);  // everybody left
}

TEST_CASE("S, L and E without N, consistent") {
    const auto p = resolve(counts(400, 19, none, none, 381));
    CHECK(p.lost == 19);
    CHECK(p.lost_total == 19);
}

TEST_CASE("S, E and N: the total lost is S + N − E and its split is unknown") {
    const auto p = resolve(counts(100, none, 5, none, 95));  // article 001 CRR: 100 + 5 − 95
    CHECK(p.lost_total == 10);
    CHECK_FALSE(p.lost.has_value());
    CHECK_FALSE(p.lost_new.has_value());
    CHECK(p.end == 95);
    CHECK(p.has_new);
    // Everybody lost: S + N − 0.
    CHECK(resolve(counts(100, none, 5, none, 0)).lost_total == 105);
    // Nobody lost: E = S + N.
    CHECK(resolve(counts(100, none, 5, none, 105)).lost_total == 0);
}

TEST_CASE("S, E, N and one part: the other part is derived") {
    const auto from_lost = resolve(counts(400, 15, 300, none, 681));
    CHECK(from_lost.lost_new == 4);  // 19 − 15
    CHECK(from_lost.lost_total == 19);
    const auto from_lost_new = resolve(counts(400, none, 300, 4, 681));
    CHECK(from_lost_new.lost == 15);  // 19 − 4
    CHECK(from_lost_new.lost_total == 19);
}

TEST_CASE("all five given and consistent") {
    const auto p = resolve(counts(400, 15, 300, 4, 681));
    CHECK(p.end == 681);
    CHECK(p.lost == 15);
    CHECK(p.lost_new == 4);
    CHECK(p.lost_total == 19);
}

TEST_CASE("an empty period resolves to zeros") {
    const auto p = resolve(counts(0, 0, none, none, none));
    CHECK(p.end == 0);
    CHECK(p.lost_total == 0);
}

TEST_CASE("counts near 2^63 − 1 resolve without overflow") {
    const auto p = resolve(counts(INT64_MAX, 1, none, none, none));
    CHECK(p.end == INT64_MAX - 1);
    const auto q = resolve(counts(INT64_MAX - 10, none, 10, none, INT64_MAX));
    CHECK(q.lost_total == 0);
}

// ---- what is missing -----------------------------------------------------------------------

TEST_CASE("start is required, and lost or end") {
    CHECK_THROWS_WITH(resolve(counts(none, 15, none, none, none)),
                      "start is required: the customers at the start of the period");
    CHECK_THROWS_WITH(resolve(counts(400, none, none, none, none)),
                      "lost or end is required to know how many customers left");
    CHECK_THROWS_WITH(resolve(counts(400, none, 300, 4, none)),
                      "lost or end is required to know how many customers left");
    CHECK_THROWS_AS(resolve(counts(none, none, none, none, none)), churn::domain_error);
}

TEST_CASE("lost_new without new") {
    CHECK_THROWS_WITH(
        resolve(counts(400, 15, none, 4, none)),
        "lost_new (4) needs new: give the number of customers acquired in the period");
    CHECK_THROWS_WITH(
        resolve(counts(400, none, none, 4, 390)),
        "lost_new (4) needs new: give the number of customers acquired in the period");
}

// ---- contradictions ------------------------------------------------------------------------

TEST_CASE("lost > start") {
    const std::string message =
        "lost (500) exceeds start (400): the starting base cannot lose more customers than it "
        "has";
    CHECK_THROWS_WITH(resolve(counts(400, 500, none, none, none)), message);
    CHECK_THROWS_WITH(resolve(counts(400, 500, 300, none, none)), message);
    CHECK_THROWS_WITH(resolve(counts(400, 500, 300, none, 200)), message);
    CHECK_THROWS_AS(resolve(counts(400, 500, none, none, none)), churn::domain_error);
}

TEST_CASE("lost_new > new") {
    CHECK_THROWS_WITH(resolve(counts(400, 15, 3, 4, none)), "lost_new (4) exceeds new (3)");
    CHECK_THROWS_WITH(resolve(counts(400, 15, 0, 1, none)), "lost_new (1) exceeds new (0)");
    CHECK_THROWS_WITH(resolve(counts(400, none, 3, 4, 300)), "lost_new (4) exceeds new (3)");
}

TEST_CASE("E > S without N names the missing count, phrased by the caller") {
    CHECK_THROWS_WITH(
        resolve(counts(400, none, none, none, 420)),
        "end (420) exceeds start (400) but no new customers were given; give them (new)");
    CHECK_THROWS_WITH(
        resolve(counts(400, 0, none, none, 401)),
        "end (401) exceeds start (400) but no new customers were given; give them (new)");
    try {
        resolve(counts(400, none, none, none, 420));
        FAIL("no missing_count thrown");
    } catch (const churn::missing_count& e) {
        CHECK(e.count() == "new");
        CHECK(e.phrased("in a column new") ==
              "end (420) exceeds start (400) but no new customers were given; give them in a "
              "column new");
    }
    CHECK_THROWS_AS(resolve(counts(400, 15, none, none, 390)), churn::missing_count);
}

TEST_CASE("E > S + N") {
    CHECK_THROWS_WITH(resolve(counts(400, none, 10, none, 420)),
                      "end (420) exceeds start + new = 410");
    CHECK_THROWS_WITH(resolve(counts(400, 0, 10, 0, 411)), "end (411) exceeds start + new = 410");
}

TEST_CASE("contradictory values show the expected value") {
    // S, L, E without N: E should be 400 − 15 = 385.
    CHECK_THROWS_WITH(resolve(counts(400, 15, none, none, 390)),
                      "end (390) contradicts start − lost = 385; if customers were acquired, "
                      "give them (new)");
    // All five: L + LN = 19, but S + N − E = 400 + 300 − 600 = 100.
    CHECK_THROWS_WITH(resolve(counts(400, 15, 300, 4, 600)),
                      "lost + lost_new = 19 contradicts start + new − end = 100");
    // L alone is more than the whole loss.
    CHECK_THROWS_WITH(resolve(counts(400, 120, 300, none, 600)),
                      "lost (120) contradicts start + new − end = 100: more lost from the base "
                      "than lost in all");
    // LN would be 55 − 40 = 15, more than the 10 new.
    CHECK_THROWS_WITH(resolve(counts(400, 40, 10, none, 355)),
                      "lost (40) contradicts start + new − end = 55: lost_new would be 15, more "
                      "than new (10)");
    // LN alone is more than the whole loss.
    CHECK_THROWS_WITH(resolve(counts(400, none, 300, 120, 600)),
                      "lost_new (120) contradicts start + new − end = 100");
    // L would be 300 − 5 = 295 from a start of 200 (400 new, 300 lost in all).
    CHECK_THROWS_WITH(resolve(counts(200, none, 400, 5, 300)),
                      "lost_new (5) contradicts start + new − end = 300: lost would be 295, more "
                      "than start (200)");
}

TEST_CASE("negative counts are errors, never rates") {
    CHECK_THROWS_WITH(resolve(counts(-1, 0, none, none, none)),
                      "start (-1) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(resolve(counts(400, -5, none, none, none)),
                      "lost (-5) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(resolve(counts(400, 5, -3, none, none)),
                      "new (-3) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(resolve(counts(400, 5, 3, -1, none)),
                      "lost_new (-1) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(resolve(counts(400, none, none, none, -2)),
                      "end (-2) is negative; counts must be ≥ 0");
}

TEST_CASE("sums past 2^63 − 1 are errors, never wrapped") {
    CHECK_THROWS_WITH(resolve(counts(INT64_MAX, 0, 1, none, none)),
                      "start + new is too large to compute");
    CHECK_THROWS_WITH(resolve(counts(INT64_MAX, none, 1, none, 5)),
                      "start + new is too large to compute");
    CHECK_THROWS_WITH(resolve(counts(10, INT64_MAX, 20, INT64_MAX, 0)),
                      "lost (9223372036854775807) exceeds start (10): the starting base cannot "
                      "lose more customers than it has");
}

// ---- returned customers --------------------------------------------------------------------

TEST_CASE("without returned, R is 0 and nothing changes") {
    const auto p = resolve(counts(400, 15, 300, 4, none));
    CHECK(p.returned == 0);
    CHECK(p.end == 681);
}

TEST_CASE("S, L, N and R: the end is S − L + N − LN + R") {
    const auto p = resolve(counts(100, 10, 20, none, none, 5));
    CHECK(p.returned == 5);
    CHECK(p.end == 115);  // 100 − 10 + 20 − 0 + 5
    CHECK(p.lost_total == 10);
    const auto q = resolve(counts(100, 10, 20, 3, none, 5));
    CHECK(q.end == 112);  // 100 − 10 + 20 − 3 + 5
    CHECK(q.lost_total == 13);
    // Without new customers: 100 − 10 + 5.
    const auto r = resolve(counts(100, 10, none, none, none, 5));
    CHECK(r.end == 95);
    CHECK_FALSE(r.has_new);
}

TEST_CASE("an end with returned: the total lost is S + N + R − E") {
    const auto p = resolve(counts(100, none, 20, none, 115, 5));  // 100 + 20 + 5 − 115
    CHECK(p.lost_total == 10);
    CHECK_FALSE(p.lost.has_value());
    const auto from_lost = resolve(counts(100, 10, 20, none, 112, 5));
    CHECK(from_lost.lost_new == 3);  // 13 − 10
    const auto from_lost_new = resolve(counts(100, none, 20, 3, 112, 5));
    CHECK(from_lost_new.lost == 10);  // 13 − 3
    const auto all_six = resolve(counts(100, 10, 20, 3, 112, 5));
    CHECK(all_six.lost_total == 13);
    // Without new customers, L is S + R − E: 100 + 5 − 95.
    const auto no_new = resolve(counts(100, none, none, none, 95, 5));
    CHECK(no_new.lost == 10);
    CHECK(no_new.lost_total == 10);
    // More at the end than at the start, every one of them back: nobody lost.
    CHECK(resolve(counts(100, none, none, none, 105, 5)).lost == 0);
    // R = 0 given is the same as none.
    CHECK(resolve(counts(100, none, 20, none, 110, 0)).lost_total == 10);
}

TEST_CASE("returned contradicting the other counts shows the expected value") {
    // All given: L + LN = 13, but S + N + R − E = 100 + 20 + 5 − 115 = 10.
    CHECK_THROWS_WITH(resolve(counts(100, 10, 20, 3, 115, 5)),
                      "lost + lost_new = 13 contradicts start + new + returned − end = 10");
    CHECK_THROWS_WITH(resolve(counts(100, 12, 20, none, 115, 5)),
                      "lost (12) contradicts start + new + returned − end = 10: more lost from "
                      "the base than lost in all");
    CHECK_THROWS_WITH(resolve(counts(100, none, 20, 12, 115, 5)),
                      "lost_new (12) contradicts start + new + returned − end = 10");
    CHECK_THROWS_WITH(resolve(counts(100, none, 20, none, 126, 5)),
                      "end (126) exceeds start + new + returned = 125");
    // Without new: E should be 100 − 10 + 5 = 95.
    CHECK_THROWS_WITH(resolve(counts(100, 10, none, none, 90, 5)),
                      "end (90) contradicts start − lost + returned = 95; if customers were "
                      "acquired, give them (new)");
    CHECK_THROWS_WITH(resolve(counts(100, none, none, none, 106, 5)),
                      "end (106) exceeds start + returned = 105 but no new customers were "
                      "given; give them (new)");
    CHECK_THROWS_AS(resolve(counts(100, none, none, none, 106, 5)), churn::missing_count);
}

TEST_CASE("the returned are all at the end") {
    const std::string message =
        "end (4) is less than returned (5): the customers who came back are among those at the "
        "end";
    CHECK_THROWS_WITH(resolve(counts(100, none, 20, none, 4, 5)), message);
    CHECK_THROWS_WITH(resolve(counts(100, none, none, none, 4, 5)), message);
    CHECK_THROWS_WITH(resolve(counts(100, 10, 20, 3, 4, 5)), message);
}

TEST_CASE("returned negative or too large") {
    CHECK_THROWS_WITH(resolve(counts(100, 10, none, none, none, -5)),
                      "returned (-5) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(resolve(counts(INT64_MAX - 1, 0, 1, none, none, 1)),
                      "start + new + returned is too large to compute");
    CHECK_THROWS_WITH(resolve(counts(INT64_MAX, 0, none, none, none, 1)),
                      "start + returned is too large to compute");
}
