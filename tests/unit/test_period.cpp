#include <churn/error.hpp>
#include <churn/period.hpp>

#include "catch.hpp"

using churn::period_input;
using churn::resolve;

namespace {

period_input counts(std::optional<std::int64_t> s, std::optional<std::int64_t> l,
                    std::optional<std::int64_t> n, std::optional<std::int64_t> ln,
                    std::optional<std::int64_t> e) {
    period_input in;
    in.start = s;
    in.lost = l;
    in.acquired = n;
    in.lost_new = ln;
    in.end = e;
    return in;
}

std::string error_of(const period_input& in) {
    try {
        resolve(in);
    } catch (const churn::domain_error& e) {
        return e.what();
    }
    return "resolved";
}

}  // namespace

TEST_CASE("the end is derived: E = S − L + N − LN") {
    const auto p = resolve(counts(400, 15, 300, 4, {}));  // article 000: 400 − 15 + 300 − 4
    CHECK(p.end == 681);
    CHECK(p.lost_total == 19);
    CHECK(p.has_new);
}

TEST_CASE("without new customers none can be lost among them") {
    const auto p = resolve(counts(400, 19, {}, {}, {}));
    CHECK(p.end == 381);
    CHECK(p.lost_new == 0);
    CHECK_FALSE(p.has_new);
}

TEST_CASE("with new customers and no end, unstated lost_new means none") {
    const auto p = resolve(counts(400, 15, 300, {}, {}));
    CHECK(p.lost_new == 0);
    CHECK(p.end == 685);
}

TEST_CASE("start and end without new: lost is S − E") {
    const auto p = resolve(counts(100, {}, {}, {}, 90));  // article 001: 100 then 90
    CHECK(p.lost == 10);
    CHECK(p.lost_total == 10);
}

TEST_CASE("start, end and new: the total lost is S + N − E, its split unknown") {
    const auto p = resolve(counts(100, {}, 5, {}, 95));  // article 001 CRR: 100 + 5 − 95
    CHECK(p.lost_total == 10);
    CHECK_FALSE(p.lost.has_value());
    CHECK_FALSE(p.lost_new.has_value());
}

TEST_CASE("start, end, new and one part: the other part is derived") {
    const auto from_lost = resolve(counts(400, 15, 300, {}, 681));
    CHECK(from_lost.lost_new == 4);
    const auto from_lost_new = resolve(counts(400, {}, 300, 4, 681));
    CHECK(from_lost_new.lost == 15);
}

TEST_CASE("consistent values are accepted") {
    CHECK(resolve(counts(400, 15, 300, 4, 681)).end == 681);
    CHECK(resolve(counts(400, 19, {}, {}, 381)).lost == 19);
}

TEST_CASE("contradictions show the expected value") {
    CHECK(error_of(counts(400, 15, 300, 4, 600)) ==
          "lost + lost_new = 19 contradicts start + new − end = 100");
    CHECK(error_of(counts(400, 15, {}, {}, 390)) ==
          "end (390) contradicts start − lost = 385; if customers were acquired, give them with "
          "--new");
    CHECK(error_of(counts(400, 120, 300, {}, 600)) ==
          "lost (120) contradicts start + new − end = 100: more lost from the base than lost "
          "in all");
    CHECK(error_of(counts(400, 40, 10, {}, 355)) ==
          "lost (40) contradicts start + new − end = 55: lost_new would be 15, more than new "
          "(10)");
    CHECK(error_of(counts(400, {}, 300, 120, 600)) ==
          "lost_new (120) contradicts start + new − end = 100");
}

TEST_CASE("impossible counts are errors") {
    CHECK(error_of(counts(400, 500, {}, {}, {})) ==
          "lost (500) exceeds start (400): the starting base cannot lose more customers than "
          "it has");
    CHECK(error_of(counts(400, 15, 3, 4, {})) == "lost_new (4) exceeds new (3)");
    CHECK(error_of(counts(400, {}, {}, {}, 420)) ==
          "end (420) exceeds start (400) but no new customers were given; give them with --new");
    CHECK(error_of(counts(400, {}, 10, {}, 420)) == "end (420) exceeds start + new = 410");
    CHECK(error_of(counts(400, 15, {}, 4, {})) ==
          "lost_new (4) needs new: give the number of customers acquired in the period");
    CHECK(error_of(counts({}, 15, {}, {}, {})) ==
          "start is required: the customers at the start of the period");
    CHECK(error_of(counts(400, {}, {}, {}, {})) ==
          "lost or end is required to know how many customers left");
}

TEST_CASE("sums past 2^63 − 1 are errors, never wrapped") {
    CHECK(error_of(counts(INT64_MAX, 0, 1, {}, {})) == "start + new is too large to compute");
}
