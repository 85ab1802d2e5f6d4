// Unit tests of include/churn/metrics.hpp: every formula against a number checked by hand, and
// every worked example of the source articles (ARTICLES.md) from the articles' own numbers.

#include <churn/decimal.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include "catch.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

using churn::basis;
using churn::decimal;
using churn::period_length;
using churn::ratio;

namespace {

using count = std::optional<std::int64_t>;
constexpr std::nullopt_t none = std::nullopt;

/// Resolves a period from S, L, N, LN, E.
churn::period period_of(std::int64_t s, count l, count n = none, count ln = none, count e = none) {
    churn::period_input in;
    in.start = s;
    in.lost = l;
    in.acquired = n;
    in.lost_new = ln;
    in.end = e;
    return churn::resolve(in);
}

/// A fraction as a percentage rounded half away from zero, as churn prints it.
std::string pct(const ratio& fraction, int places) {
    return churn::to_string(churn::round_half_away(fraction * ratio(100), places));
}

/// A double fraction as a percentage, rounded half away from zero.
std::string pct(double fraction, int places) {
    return churn::to_string(churn::round_half_away(fraction * 100, places));
}

std::string text(const ratio& x, int places) {
    return churn::to_string(churn::round_half_away(x, places));
}

decimal money(std::int64_t units, int scale = 0) {
    return decimal{units, scale};
}

double convert(const ratio& c, period_length from, period_length to) {
    return churn::convert_churn(c, from, to);
}

}  // namespace

// ---- the worked examples of the articles, from their own numbers ---------------------------

TEST_CASE("A1") {
    // Article 000, September: 15 of 400 customers lost. 15 / 400 × 100 = 3.75, written 3,75%.
    const auto p = period_of(400, 15);
    CHECK(churn::churn_rate(p) == ratio(15, 400));
    CHECK(churn::churn_rate(p) == ratio(3, 80));
    CHECK(pct(churn::churn_rate(p), 2) == "3.75");
    CHECK(churn::to_string(churn::round_half_away(churn::churn_rate(p) * ratio(100), 2), ',') ==
          "3,75");
}

TEST_CASE("A2") {
    // Article 000: 400 at the start, 15 of them lost, 300 new of whom 4 lost.
    // Total lost 15 + 4 = 19; 19 / 400 × 100 = 4.75%.
    const auto p = period_of(400, 15, 300, 4);
    CHECK(p.lost_total == 19);
    CHECK(churn::churn_rate(p) == ratio(19, 400));
    CHECK(pct(churn::churn_rate(p), 2) == "4.75");
    CHECK(churn::base_churn_rate(p) == ratio(15, 400));         // 3.75% of the starting base
    CHECK(churn::new_customer_churn_rate(p) == ratio(4, 300));  // 1.33% of the new customers
}

TEST_CASE("B1") {
    // Article 002, first example: 5 of 150. 5 / 150 × 100 = 3.333…, written 3,3%.
    const auto rate = churn::churn_rate(period_of(150, 5));
    CHECK(rate == ratio(5, 150));
    CHECK(rate == ratio(1, 30));
    CHECK(pct(rate, 1) == "3.3");
    CHECK(pct(rate, 2) == "3.33");
}

TEST_CASE("B2") {
    // Article 002, Onkel Günther in January: 15 of 500. 15 / 500 × 100 = 3%.
    const auto rate = churn::churn_rate(period_of(500, 15));
    CHECK(rate == ratio(15, 500));
    CHECK(rate == ratio(3, 100));
    CHECK(pct(rate, 0) == "3");
    CHECK(pct(rate, 2) == "3.00");
}

TEST_CASE("B3") {
    // Article 002: 500 at the start, 15 lost, 200 new of whom 4 lost. 19 / 500 × 100 = 3.8%.
    const auto p = period_of(500, 15, 200, 4);
    CHECK(p.lost_total == 19);
    CHECK(churn::churn_rate(p) == ratio(19, 500));
    CHECK(pct(churn::churn_rate(p), 1) == "3.8");
    CHECK(p.end == 681);  // 500 − 15 + 200 − 4: February's start
}

TEST_CASE("B4") {
    // Article 002, February: it starts at January's end, 500 + 200 − 19 = 681; 20 lost.
    // 20 / 681 × 100 = 2.9368…, written 2,9%.
    const auto january = period_of(500, 15, 200, 4);
    REQUIRE(january.end == 681);
    const auto rate = churn::churn_rate(period_of(january.end, 20));
    CHECK(rate == ratio(20, 681));
    CHECK(pct(rate, 1) == "2.9");
    CHECK(pct(rate, 4) == "2.9369");
}

TEST_CASE("B5") {
    // Article 002: 681 at the start, 20 lost, 300 new of whom 5 lost.
    // 25 / 681 × 100 = 3.6710…, written 3,67%.
    const auto p = period_of(681, 20, 300, 5);
    CHECK(p.lost_total == 25);
    CHECK(churn::churn_rate(p) == ratio(25, 681));
    CHECK(pct(churn::churn_rate(p), 2) == "3.67");
}

TEST_CASE("B6") {
    // Article 002: 15 customers lost (3% of 500), each bringing an average profit of 30 000:
    // 15 × 30 000 = 450 000 a month, "almost half a million".
    const auto p = period_of(500, 15);
    CHECK(churn::churn_rate(p) == ratio(3, 100));
    const decimal lost = churn::lost_revenue(p.lost_total, money(30000));
    CHECK(lost.to_ratio() == ratio(450000));
    CHECK(churn::to_string(lost) == "450000");
    CHECK(lost.to_ratio() < ratio(500000));
}

TEST_CASE("C1") {
    // Article 001, CRR from 1 to 30 September: 100 at the start, 10 left, 5 came, so 95 at the
    // end. ((95 − 5) / 100) × 100 = 90%.
    const auto p = period_of(100, none, 5, none, 95);
    CHECK(churn::retention_rate(p) == ratio(90, 100));
    CHECK(pct(churn::retention_rate(p), 0) == "90");
    CHECK(pct(churn::retention_rate(p), 2) == "90.00");
    // The same with the 10 who left given: the 5 new all stayed.
    const auto q = period_of(100, 10, 5, none, 95);
    CHECK(q.lost_new == 0);
    CHECK(churn::retention_rate(q) == ratio(9, 10));
}

TEST_CASE("C2") {
    // Article 001, CR: 100 customers on 1 September, 90 on the 30th. L = 100 − 90 = 10, and
    // its own example divides by the start: 10 / 100 × 100 = 10%.
    const auto p = period_of(100, none, none, none, 90);
    CHECK(p.lost_total == 10);
    CHECK(churn::churn_rate(p) == ratio(10, 100));
    CHECK(pct(churn::churn_rate(p), 0) == "10");
    // The article's text says M is the end: 10 / 90 × 100 = 11.11%; churn divides by the start.
    CHECK(ratio(p.lost_total, p.end) == ratio(1, 9));
    CHECK(pct(ratio(p.lost_total, p.end), 2) == "11.11");
}

TEST_CASE("D1") {
    // Article 004: 30 of 120 cancelled. 30 / 120 × 100 = 25%.
    const auto rate = churn::churn_rate(period_of(120, 30));
    CHECK(rate == ratio(30, 120));
    CHECK(rate == ratio(1, 4));
    CHECK(pct(rate, 0) == "25");
    // And by article 004's own benchmark, 25% a month needs attention at once.
    CHECK(churn::assess_monthly_churn(rate.to_double()) == churn::assessment::attention);
}

// ---- churn rates ---------------------------------------------------------------------------

TEST_CASE("churn rate over each basis") {
    const auto p = period_of(400, 15, 300, 4);  // E = 681, L + LN = 19
    // start: 19 / 400 = 4.75%
    CHECK(churn::customers_at_risk(p, basis::start) == ratio(400));
    CHECK(churn::churn_rate(p, basis::start) == ratio(19, 400));
    CHECK(churn::churn_rate(p) == churn::churn_rate(p, basis::start));  // the default
    // exposed: 19 / (400 + 300) = 19 / 700 = 2.714…%
    CHECK(churn::customers_at_risk(p, basis::exposed) == ratio(700));
    CHECK(churn::churn_rate(p, basis::exposed) == ratio(19, 700));
    CHECK(pct(churn::churn_rate(p, basis::exposed), 2) == "2.71");
    // average: 19 / ((400 + 681) / 2) = 19 / 540.5 = 38 / 1081 = 3.515…%
    CHECK(churn::customers_at_risk(p, basis::average) == ratio(1081, 2));
    CHECK(churn::churn_rate(p, basis::average) == ratio(38, 1081));
    CHECK(pct(churn::churn_rate(p, basis::average), 2) == "3.52");
}

TEST_CASE("a rate over nobody is undefined") {
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0)), "start is 0; churn rate is undefined");
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0, 0), basis::exposed),
                      "start + new is 0; churn rate is undefined");
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0), basis::average),
                      "the average of start and end is 0; churn rate is undefined");
    CHECK_THROWS_AS(churn::churn_rate(period_of(0, 0)), churn::domain_error);
    // With new customers, the message points at the basis that is defined.
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0, 200, 4)),
                      "start is 0; churn rate is undefined on the start basis (the exposed basis, "
                      "start + new, is defined)");
    // A start of 0 with new customers has an exposed and an average basis: 1 / 5, 1 / 2.
    const auto p = period_of(0, 0, 5, 1);  // E = 4
    CHECK(churn::churn_rate(p, basis::exposed) == ratio(1, 5));
    CHECK(churn::churn_rate(p, basis::average) == ratio(1, 2));
}

TEST_CASE("base and new-customer churn") {
    const auto p = period_of(400, 15, 300, 4);
    CHECK(churn::base_churn_rate(p) == ratio(15, 400));         // 3.75%
    CHECK(churn::new_customer_churn_rate(p) == ratio(4, 300));  // 1.333…%
    CHECK(pct(churn::new_customer_churn_rate(p), 2) == "1.33");
    CHECK(pct(churn::base_churn_rate(p), 2) == "3.75");
    // S, E and N give only the total: the split is unknown.
    const auto total_only = period_of(100, none, 5, none, 95);
    CHECK_THROWS_WITH(churn::base_churn_rate(total_only),
                      "lost is unknown; give lost or lost_new to split the churn");
    CHECK_THROWS_WITH(churn::new_customer_churn_rate(total_only),
                      "lost_new is unknown; give lost or lost_new");
    CHECK_THROWS_WITH(churn::new_customer_churn_rate(period_of(400, 15, 0, 0)),
                      "new is 0; churn of new customers is undefined");
    CHECK_THROWS_WITH(churn::base_churn_rate(period_of(0, 0, 5, 1)),
                      "start is 0; churn of the starting base is undefined");
}

TEST_CASE("retention rate: CRR = (E − N) / S") {
    // (681 − 300) / 400 = 381 / 400 = 95.25%
    const auto p = period_of(400, 15, 300, 4);
    CHECK(churn::retention_rate(p) == ratio(381, 400));
    CHECK(pct(churn::retention_rate(p), 2) == "95.25");
    // Without new customers, retention and churn add up to 100%: 381 / 400 + 19 / 400.
    const auto q = period_of(400, 19);
    CHECK(churn::retention_rate(q) + churn::churn_rate(q) == ratio(1));
    CHECK_THROWS_WITH(churn::retention_rate(period_of(0, 0)),
                      "start is 0; retention rate is undefined");
}

TEST_CASE("returned customers: in the end and the exposed basis, never in CRR") {
    churn::period_input in;
    in.start = 100;
    in.lost = 10;
    in.acquired = 20;
    in.returned = 5;
    const auto p = churn::resolve(in);  // E = 100 − 10 + 20 + 5 = 115
    CHECK(p.end == 115);
    CHECK(churn::churn_rate(p) == ratio(10, 100));                     // 10%
    CHECK(churn::retention_rate(p) == ratio(90, 100));                 // (115 − 20 − 5) / 100
    CHECK(churn::customers_at_risk(p, basis::exposed) == ratio(125));  // 100 + 20 + 5 served
    CHECK(churn::churn_rate(p, basis::exposed) == ratio(10, 125));     // 8%
    CHECK(churn::customers_at_risk(p, basis::average) == ratio(215, 2));  // (100 + 115) / 2
    CHECK(churn::churn_rate(p, basis::average) == ratio(20, 215));
    // CRR and churn of the base still add up to 100% without new customers.
    in.acquired.reset();
    const auto q = churn::resolve(in);  // E = 95
    CHECK(churn::retention_rate(q) + churn::churn_rate(q) == ratio(1));
    // A start of 0 with returned customers: only the exposed basis is defined.
    in.start = 0;
    in.lost = 0;
    const auto z = churn::resolve(in);
    CHECK(churn::churn_rate(z, basis::exposed) == ratio(0));
    CHECK_THROWS_WITH(churn::churn_rate(z),
                      "start is 0; churn rate is undefined on the start basis (the exposed basis, "
                      "start + new + returned, is defined)");
}

TEST_CASE("repeat purchase rate: RPR = Q / T") {
    CHECK(churn::repeat_purchase_rate(30, 200) == ratio(3, 20));  // 15%
    CHECK(pct(churn::repeat_purchase_rate(30, 200), 2) == "15.00");
    CHECK(pct(churn::repeat_purchase_rate(1, 3), 2) == "33.33");  // 33.333…
    CHECK(churn::repeat_purchase_rate(0, 5) == ratio(0));
    CHECK(churn::repeat_purchase_rate(5, 5) == ratio(1));
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(30, 20), "repeat (30) exceeds customers (20)");
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(0, 0),
                      "customers is 0; repeat purchase rate is undefined");
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(-1, 10),
                      "repeat (-1) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(-10, -5),
                      "repeat (-10) is negative; counts must be ≥ 0");
}

// ---- lifetime and LTV ----------------------------------------------------------------------

TEST_CASE("expected lifetime is 1 / churn") {
    // 1 / 4.75% = 400 / 19 = 21.052… periods
    CHECK(churn::lifetime(ratio(19, 400)) == ratio(400, 19));
    CHECK(text(churn::lifetime(ratio(19, 400)), 2) == "21.05");
    CHECK(churn::lifetime(ratio(1, 4)) == ratio(4));  // D1: 25% → 4 months
    CHECK(churn::lifetime(ratio(1)) == ratio(1));     // everybody leaves: one period
    CHECK(churn::lifetime(ratio(2)) == ratio(1, 2));  // over 100% on the average basis
    CHECK_THROWS_WITH(churn::lifetime(ratio(0)), "churn is 0; the expected lifetime is unbounded");
    CHECK_THROWS_WITH(churn::lifetime(ratio(-1, 20)),
                      "churn is negative; the expected lifetime is undefined");
}

TEST_CASE("LTV as the articles define it: (revenue − marketing) / customers") {
    // (1 000 000 − 200 000) / 400 = 2000
    CHECK(churn::ltv_from_revenue(money(1000000), money(200000), 400) == ratio(2000));
    // (1000.00 − 0.01) / 3 = 999.99 / 3 = 333.33
    CHECK(churn::ltv_from_revenue(money(100000, 2), money(1, 2), 3) == ratio(33333, 100));
    // Marketing above revenue gives a negative LTV, not an error: (100 − 150.50) / 2 = −25.25
    CHECK(churn::ltv_from_revenue(money(100), money(15050, 2), 2) == ratio(-2525, 100));
    CHECK(text(churn::ltv_from_revenue(money(100), money(15050, 2), 2), 2) == "-25.25");
    CHECK_THROWS_WITH(churn::ltv_from_revenue(money(1), money(0), 0),
                      "customers is 0; LTV is undefined");
    CHECK_THROWS_WITH(churn::ltv_from_revenue(money(1), money(0), -4),
                      "customers (-4) is negative; counts must be ≥ 0");
}

TEST_CASE("LTV from ARPU, margin and churn, with and without CAC") {
    // 50 × 80% / 4.75% − 120 = 842.105… − 120 = 722.105…; exactly 16000/19 − 120 = 13720/19
    const ratio ltv = churn::ltv_from_churn(money(50), ratio(4, 5), ratio(19, 400), money(120));
    CHECK(ltv == ratio(13720, 19));
    CHECK(text(ltv, 2) == "722.11");
    // Without CAC: 50 × 80% / 4.75% = 16000 / 19 = 842.11
    const ratio gross = churn::ltv_from_churn(money(50), ratio(4, 5), ratio(19, 400), money(0));
    CHECK(gross == ratio(16000, 19));
    CHECK(text(gross, 2) == "842.11");
    // Margin 100%: 50 / 5% = 1000
    CHECK(churn::ltv_from_churn(money(50), ratio(1), ratio(1, 20), money(0)) == ratio(1000));
    // Cents stay exact: 29.99 × 70% / 10% − 15.50 = 209.93 − 15.50 = 194.43
    CHECK(churn::ltv_from_churn(money(2999, 2), ratio(7, 10), ratio(1, 10), money(1550, 2)) ==
          ratio(19443, 100));
    // A CAC above the value gives a negative LTV: 10 / 50% − 30 = −10
    CHECK(churn::ltv_from_churn(money(10), ratio(1), ratio(1, 2), money(30)) == ratio(-10));
    CHECK_THROWS_WITH(churn::ltv_from_churn(money(50), ratio(1), ratio(0), money(0)),
                      "churn is 0; the customer lifetime is unbounded, and so is LTV");
    CHECK_THROWS_AS(churn::ltv_from_churn(money(50), ratio(1), ratio(-1, 10), money(0)),
                    churn::domain_error);
}

TEST_CASE("LTV from ARPU, margin and a lifetime, with and without CAC") {
    // 50 × 80% × 24 periods = 960
    CHECK(churn::ltv_from_lifetime(money(50), ratio(4, 5), ratio(24), money(0)) == ratio(960));
    // − CAC 120 = 840
    CHECK(churn::ltv_from_lifetime(money(50), ratio(4, 5), ratio(24), money(120)) == ratio(840));
    // 49.99 × 100% × 12 = 599.88
    CHECK(churn::ltv_from_lifetime(money(4999, 2), ratio(1), ratio(12), money(0)) ==
          ratio(59988, 100));
    // A fractional lifetime: 40 × 50% × 2.5 = 50
    CHECK(churn::ltv_from_lifetime(money(40), ratio(1, 2), ratio(5, 2), money(0)) == ratio(50));
    // The churn form is the lifetime form with lifetime = 1 / churn.
    CHECK(churn::ltv_from_churn(money(50), ratio(4, 5), ratio(19, 400), money(120)) ==
          churn::ltv_from_lifetime(money(50), ratio(4, 5), ratio(400, 19), money(120)));
}

TEST_CASE("lost revenue is exact") {
    // 19 × 1234.56 = 23456.64
    const decimal d = churn::lost_revenue(19, money(123456, 2));
    CHECK(churn::to_string(d) == "23456.64");
    CHECK(d.scale == 2);  // the value's own scale is kept
    // 15 × 30000.00 = 450000.00
    CHECK(churn::to_string(churn::lost_revenue(15, money(3000000, 2))) == "450000.00");
    // 3 × 0.10 = 0.30 exactly (in doubles 0.30000000000000004)
    CHECK(churn::lost_revenue(3, money(10, 2)).to_ratio() == ratio(3, 10));
    CHECK(churn::to_string(churn::lost_revenue(0, money(999))) == "0");
    CHECK_THROWS_AS(churn::lost_revenue(INT64_MAX, decimal{churn::pow10(20), 0}), churn::error);
    CHECK_THROWS_WITH(churn::lost_revenue(-3, money(10)),
                      "lost customers (-3) is negative; counts must be ≥ 0");
}

// ---- period lengths and conversion ---------------------------------------------------------

TEST_CASE("periods_per is exact: month to year is 12") {
    using P = period_length;
    CHECK(churn::periods_per(P::month, P::year) == ratio(12));  // 365.25 / (365.25 / 12)
    CHECK(churn::periods_per(P::year, P::month) == ratio(1, 12));
    CHECK(churn::periods_per(P::month, P::quarter) == ratio(3));
    CHECK(churn::periods_per(P::quarter, P::year) == ratio(4));
    CHECK(churn::periods_per(P::half, P::year) == ratio(2));
    CHECK(churn::periods_per(P::month, P::half) == ratio(6));
    CHECK(churn::periods_per(P::day, P::week) == ratio(7));
    CHECK(churn::periods_per(P::week, P::month) == ratio(1461, 336));  // 30.4375 / 7 = 4.348…
    CHECK(churn::periods_per(P::day, P::month) == ratio(487, 16));     // 30.4375 days
    CHECK(churn::periods_per(P::day, P::year) == ratio(36525, 100));   // 365.25 days
    CHECK(churn::periods_per(P::week, P::year) == ratio(36525, 700));  // 52.178… weeks
    CHECK(churn::periods_per(P::month, P::month) == ratio(1));
}

TEST_CASE("churn over another period: 1 − (1 − c)^(to / from), never 12 × monthly") {
    using P = period_length;
    // 1 − 0.9525^12 = 0.44232675… → 44.23% (12 × 4.75% would be 57%)
    const double a = convert(ratio(19, 400), P::month, P::year);
    CHECK_THAT(a, Catch::Matchers::WithinRel(0.44232675121725326, 1e-12));
    CHECK(pct(a, 2) == "44.23");
    // 1 − 0.95^12 = 0.45963991… → 45.96%
    const double b = convert(ratio(1, 20), P::month, P::year);
    CHECK_THAT(b, Catch::Matchers::WithinRel(0.459639912337363, 1e-12));
    CHECK(pct(b, 2) == "45.96");
    // 1 − 0.9^4 = 0.3439 (quarter → year)
    CHECK_THAT(convert(ratio(1, 10), P::quarter, P::year),
               Catch::Matchers::WithinRel(0.3439, 1e-12));
    // 1 − 0.97^3 = 0.087327 (month → quarter)
    CHECK_THAT(convert(ratio(3, 100), P::month, P::quarter),
               Catch::Matchers::WithinRel(0.087327, 1e-12));
    // 1 − 0.99^(1461/336) = 0.0427598… (week → month)
    CHECK_THAT(convert(ratio(1, 100), P::week, P::month),
               Catch::Matchers::WithinRel(0.042759883851672, 1e-12));
    CHECK(pct(convert(ratio(1, 100), P::week, P::month), 2) == "4.28");
    // 1 − 0.999^365.25 = 0.3061036… (day → year)
    CHECK_THAT(convert(ratio(1, 1000), P::day, P::year),
               Catch::Matchers::WithinRel(0.30610369553832, 1e-11));
    // 1 − 0.55^(1/12) = 0.0485991… (year → month)
    CHECK_THAT(convert(ratio(45, 100), P::year, P::month),
               Catch::Matchers::WithinRel(0.04859910100174768, 1e-12));
    // The same length changes nothing.
    CHECK_THAT(convert(ratio(19, 400), P::month, P::month),
               Catch::Matchers::WithinRel(0.0475, 1e-15));
}

TEST_CASE("conversion back and forth returns the rate, and the ends stay put") {
    using P = period_length;
    // Back from a year to a month undoes it: 1 − (1 − 0.4423…)^(1/12) = 4.75%
    const double yearly = convert(ratio(19, 400), P::month, P::year);
    const ratio back(static_cast<std::int64_t>(std::llround(yearly * 1e15)), churn::pow10(15));
    CHECK_THAT(convert(back, P::year, P::month), Catch::Matchers::WithinAbs(0.0475, 1e-12));
    CHECK(convert(ratio(1), P::month, P::year) == 1.0);
    CHECK(convert(ratio(1), P::year, P::month) == 1.0);
    // Zero stays zero, and positive: not −0.0, which prints as "-0".
    const double zero = convert(ratio(0), P::month, P::year);
    CHECK(zero == 0.0);
    CHECK_FALSE(std::signbit(zero));
    CHECK_FALSE(std::signbit(convert(ratio(0), P::year, P::day)));
}

TEST_CASE("only a churn of 0% … 100% can be converted") {
    using P = period_length;
    const std::string message = "churn must lie between 0% and 100% to convert it";
    CHECK_THROWS_WITH(convert(ratio(3, 2), P::month, P::year), message);
    CHECK_THROWS_WITH(convert(ratio(-1, 100), P::month, P::year), message);
    CHECK_THROWS_AS(convert(ratio(101, 100), P::month, P::year), churn::domain_error);
}

TEST_CASE("period names") {
    using P = period_length;
    const struct {
        const char* text;
        P length;
    } table[] = {
        {"day", P::day},         {"days", P::day},         {"daily", P::day},
        {"week", P::week},       {"Weeks", P::week},       {"weekly", P::week},
        {"month", P::month},     {"Months", P::month},     {"MONTHLY", P::month},
        {"quarter", P::quarter}, {"quarters", P::quarter}, {"quarterly", P::quarter},
        {"half", P::half},       {"half-year", P::half},   {"halfyear", P::half},
        {"semiannual", P::half}, {"half-yearly", P::half}, {"year", P::year},
        {"years", P::year},      {"yearly", P::year},      {"annual", P::year},
        {"annually", P::year},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK(churn::parse_period_length(c.text) == c.length);
    }
    for (const char* bad : {"", "s", "fortnight", "decade", "monthss", "mo", "12"}) {
        CAPTURE(bad);
        CHECK_FALSE(churn::parse_period_length(bad).has_value());
    }
    CHECK(churn::name(P::day) == "day");
    CHECK(churn::name(P::week) == "week");
    CHECK(churn::name(P::month) == "month");
    CHECK(churn::name(P::quarter) == "quarter");
    CHECK(churn::name(P::half) == "half");
    CHECK(churn::name(P::year) == "year");
    // Every name reads back as itself.
    for (const P p : {P::day, P::week, P::month, P::quarter, P::half, P::year})
        CHECK(churn::parse_period_length(churn::name(p)) == p);
}

// ---- revenue -------------------------------------------------------------------------------

TEST_CASE("gross and net revenue churn, net revenue retention from movements") {
    churn::revenue_movements m;
    m.start = money(10000);
    m.churned = money(500);
    m.contraction = money(200);
    m.expansion = money(900);
    m.reactivation = money(100);
    // gross: (500 + 200) / 10000 = 7%
    CHECK(churn::gross_revenue_churn(m) == ratio(7, 100));
    // net: (500 + 200 − 900 − 100) / 10000 = −300 / 10000 = −3%: expansion outgrew the losses
    CHECK(churn::net_revenue_churn(m) == ratio(-3, 100));
    CHECK(pct(churn::net_revenue_churn(m), 2) == "-3.00");
    // NRR = 100% − net churn = 103%, above 100
    CHECK(ratio(1) - churn::net_revenue_churn(m) == ratio(103, 100));
    CHECK(pct(ratio(1) - churn::net_revenue_churn(m), 2) == "103.00");
}

TEST_CASE("revenue churn keeps cents exact") {
    churn::revenue_movements m;
    m.start = money(123456, 2);   // 1234.56
    m.churned = money(1234, 2);   // 12.34
    m.contraction = money(5, 1);  // 0.5
    // gross: (12.34 + 0.50) / 1234.56 = 1284 / 123456 = 1.04%
    CHECK(churn::gross_revenue_churn(m) == ratio(1284, 123456));
    CHECK(pct(churn::gross_revenue_churn(m), 2) == "1.04");
    // no expansion or reactivation: net = gross
    CHECK(churn::net_revenue_churn(m) == churn::gross_revenue_churn(m));
}

TEST_CASE("net revenue churn and retention from start, end and new revenue") {
    // (10000 + 1000 − 10400) / 10000 = 600 / 10000 = 6%; NRR 94%
    const ratio net = churn::net_revenue_churn(money(10000), money(10400), money(1000));
    CHECK(net == ratio(6, 100));
    CHECK(ratio(1) - net == ratio(94, 100));
    // More than the new revenue grew: (10000 + 1000 − 11500) / 10000 = −5%; NRR 105%
    const ratio grew = churn::net_revenue_churn(money(10000), money(11500), money(1000));
    CHECK(grew == ratio(-5, 100));
    CHECK(pct(ratio(1) - grew, 2) == "105.00");
    // The two forms agree when the movements explain the end: 10000 − 700 + 1000 + 900 + 100.
    churn::revenue_movements m;
    m.start = money(10000);
    m.churned = money(500);
    m.contraction = money(200);
    m.expansion = money(900);
    m.reactivation = money(100);
    // end without new = 10000 − 500 − 200 + 900 + 100 = 10300; with 1000 new, 11300.
    CHECK(churn::net_revenue_churn(money(10000), money(11300), money(1000)) ==
          churn::net_revenue_churn(m));
}

TEST_CASE("revenue churn from a start of 0 is undefined") {
    churn::revenue_movements m;
    m.churned = money(5);
    const std::string message = "start revenue is 0; revenue churn is undefined";
    CHECK_THROWS_WITH(churn::gross_revenue_churn(m), message);
    CHECK_THROWS_WITH(churn::net_revenue_churn(m), message);
    CHECK_THROWS_WITH(churn::net_revenue_churn(money(0, 2), money(10), money(10)), message);
}

TEST_CASE("revenue churn: the starting customers cannot take away more than they brought") {
    churn::revenue_movements m;
    m.start = money(100);
    m.churned = money(50);
    m.contraction = money(50);  // exactly all of it: 100% is the limit, still defined
    CHECK(churn::gross_revenue_churn(m) == ratio(1));
    m.contraction = money(5001, 2);  // 50.01: one cent past the start
    const std::string message =
        "churned + contraction (100.01) exceeds the start revenue (100): revenue of the "
        "starting customers cannot fall below 0";
    CHECK_THROWS_WITH(churn::gross_revenue_churn(m), message);
    CHECK_THROWS_WITH(churn::net_revenue_churn(m), message);
    m.expansion = money(1000);  // expansion does not make the losses possible
    CHECK_THROWS_WITH(churn::net_revenue_churn(m), message);
}

// ---- NPS -----------------------------------------------------------------------------------

TEST_CASE("NPS from counts: (promoters − detractors) / all answers") {
    // (60 − 15) / 100 = 45
    CHECK(churn::nps(churn::nps_counts{60, 25, 15}) == ratio(45, 100));
    CHECK(pct(churn::nps(churn::nps_counts{60, 25, 15}), 0) == "45");
    // (3 − 2) / 6 = 16.67
    CHECK(pct(churn::nps(churn::nps_counts{3, 1, 2}), 2) == "16.67");
    // all detractors −100, all promoters 100, only passives 0
    CHECK(churn::nps(churn::nps_counts{0, 0, 5}) == ratio(-1));
    CHECK(churn::nps(churn::nps_counts{7, 0, 0}) == ratio(1));
    CHECK(churn::nps(churn::nps_counts{0, 4, 0}) == ratio(0));
    CHECK_THROWS_WITH(churn::nps(churn::nps_counts{}), "no answers; NPS is undefined");
    CHECK_THROWS_WITH(churn::nps(churn::nps_counts{5, -5, 1}),
                      "passives (-5) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(churn::nps(churn::nps_counts{-1, 0, 0}),
                      "promoters (-1) is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(churn::nps(churn::nps_counts{1, 0, -1}),
                      "detractors (-1) is negative; counts must be ≥ 0");
}

TEST_CASE("add_score: 0–6 detract, 7–8 are passive, 9–10 promote") {
    const struct {
        std::int64_t score;
        churn::nps_counts expected;
    } table[] = {
        {0, {0, 0, 1}}, {5, {0, 0, 1}}, {6, {0, 0, 1}},  {7, {0, 1, 0}},
        {8, {0, 1, 0}}, {9, {1, 0, 0}}, {10, {1, 0, 0}},
    };
    for (const auto& c : table) {
        CAPTURE(c.score);
        churn::nps_counts counts;
        churn::add_score(counts, c.score);
        CHECK(counts.promoters == c.expected.promoters);
        CHECK(counts.passives == c.expected.passives);
        CHECK(counts.detractors == c.expected.detractors);
    }
    churn::nps_counts s;
    for (std::int64_t score = 0; score <= 10; ++score)
        churn::add_score(s, score);
    CHECK(s.detractors == 7);               // 0 … 6
    CHECK(s.passives == 2);                 // 7, 8
    CHECK(s.promoters == 2);                // 9, 10
    CHECK(churn::nps(s) == ratio(-5, 11));  // (2 − 7) / 11
    CHECK_THROWS_WITH(churn::add_score(s, 11), "score 11 is outside 0 … 10");
    CHECK_THROWS_WITH(churn::add_score(s, -1), "score -1 is outside 0 … 10");
    CHECK(s.promoters + s.passives + s.detractors == 11);  // a rejected score is not counted
}

// ---- the article 004 benchmark -------------------------------------------------------------

TEST_CASE("the article 004 benchmark: below 5% healthy, 5–10% watch, above 10% attention") {
    using churn::assess_monthly_churn;
    using churn::assessment;
    CHECK(assess_monthly_churn(0.0) == assessment::healthy);
    CHECK(assess_monthly_churn(0.0475) == assessment::healthy);  // A2
    CHECK(assess_monthly_churn(0.0499999) == assessment::healthy);
    CHECK(assess_monthly_churn(std::nextafter(0.05, 0.0)) == assessment::healthy);
    // exactly 5% deserves watching
    CHECK(assess_monthly_churn(0.05) == assessment::watch);
    CHECK(assess_monthly_churn(ratio(5, 100).to_double()) == assessment::watch);
    CHECK(assess_monthly_churn(ratio(25, 500).to_double()) == assessment::watch);
    CHECK(assess_monthly_churn(0.075) == assessment::watch);
    // exactly 10% still deserves watching; only above it needs attention
    CHECK(assess_monthly_churn(0.10) == assessment::watch);
    CHECK(assess_monthly_churn(ratio(10, 100).to_double()) == assessment::watch);
    CHECK(assess_monthly_churn(std::nextafter(0.10, 1.0)) == assessment::attention);
    CHECK(assess_monthly_churn(0.1001) == assessment::attention);
    CHECK(assess_monthly_churn(1.0) == assessment::attention);
}
