#include <churn/decimal.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include "catch.hpp"

#include <string>

using churn::basis;
using churn::decimal;
using churn::ratio;

namespace {

churn::period period_of(std::int64_t s, std::optional<std::int64_t> l,
                        std::optional<std::int64_t> n = {}, std::optional<std::int64_t> ln = {},
                        std::optional<std::int64_t> e = {}) {
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

decimal money(std::int64_t units, int scale = 0) {
    return decimal{units, scale};
}

}  // namespace

// ---- the worked examples of the articles, from their own numbers -----------------------

TEST_CASE("A1: article 000, 15 of 400 lost is 3,75%") {
    const auto p = period_of(400, 15);
    CHECK(churn::churn_rate(p) == ratio(15, 400));
    CHECK(pct(churn::churn_rate(p), 2) == "3.75");
}

TEST_CASE("A2: article 000, (15 + 4) / 400 is 4,75%") {
    const auto p = period_of(400, 15, 300, 4);
    CHECK(p.lost_total == 19);
    CHECK(churn::churn_rate(p) == ratio(19, 400));
    CHECK(pct(churn::churn_rate(p), 2) == "4.75");
}

TEST_CASE("B1: article 002, 5 of 150 is 3,3% at the article's precision") {
    const auto rate = churn::churn_rate(period_of(150, 5));
    CHECK(rate == ratio(1, 30));
    CHECK(pct(rate, 1) == "3.3");
    CHECK(pct(rate, 2) == "3.33");
}

TEST_CASE("B2: article 002, 15 of 500 is 3%") {
    CHECK(pct(churn::churn_rate(period_of(500, 15)), 0) == "3");
}

TEST_CASE("B3: article 002, (15 + 4) / 500 is 3,8%") {
    const auto p = period_of(500, 15, 200, 4);
    CHECK(churn::churn_rate(p) == ratio(19, 500));
    CHECK(pct(churn::churn_rate(p), 1) == "3.8");
    CHECK(p.end == 681);  // February's start
}

TEST_CASE("B4: article 002, February starts at 681 and 20 lost is 2,9%") {
    const auto january = period_of(500, 15, 200, 4);
    const auto rate = churn::churn_rate(period_of(january.end, 20));
    CHECK(rate == ratio(20, 681));
    CHECK(pct(rate, 1) == "2.9");  // exactly 2.9369…%
}

TEST_CASE("B5: article 002, (20 + 5) / 681 is 3,67%") {
    const auto rate = churn::churn_rate(period_of(681, 20, 300, 5));
    CHECK(rate == ratio(25, 681));
    CHECK(pct(rate, 2) == "3.67");
}

TEST_CASE("B6: article 002, 15 lost customers at 30 000 each is 450 000") {
    CHECK(churn::to_string(churn::lost_revenue(15, money(30000))) == "450000");
}

TEST_CASE("C1: article 001, CRR ((95 − 5) / 100) × 100 is 90%") {
    const auto p = period_of(100, {}, 5, {}, 95);
    CHECK(churn::retention_rate(p) == ratio(9, 10));
}

TEST_CASE("C2: article 001, 100 then 90 customers is 10% of the start") {
    const auto p = period_of(100, {}, {}, {}, 90);
    CHECK(churn::churn_rate(p) == ratio(1, 10));
    // The article's text divides by the end: 10 / 90 = 11.11%; churn divides by the start.
    CHECK(pct(ratio(p.lost_total, p.end), 2) == "11.11");
}

TEST_CASE("D1: article 004, 30 of 120 cancelled is 25%") {
    CHECK(churn::churn_rate(period_of(120, 30)) == ratio(1, 4));
}

// ---- every formula against a hand-checked number ----------------------------------------

TEST_CASE("churn rate over each basis") {
    const auto p = period_of(400, 15, 300, 4);  // E = 681
    CHECK(churn::churn_rate(p, basis::start) == ratio(19, 400));
    CHECK(churn::churn_rate(p, basis::exposed) == ratio(19, 700));   // 2.71%
    CHECK(churn::churn_rate(p, basis::average) == ratio(38, 1081));  // 19 / 540.5
    CHECK(churn::customers_at_risk(p, basis::average) == ratio(1081, 2));
    CHECK(pct(churn::churn_rate(p, basis::exposed), 2) == "2.71");
}

TEST_CASE("a rate over nobody is undefined") {
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0)), "start is 0; churn rate is undefined");
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0, 0), basis::exposed),
                      "start + new is 0; churn rate is undefined");
    CHECK_THROWS_WITH(churn::churn_rate(period_of(0, 0), basis::average),
                      "the average of start and end is 0; churn rate is undefined");
    CHECK_THROWS_WITH(churn::retention_rate(period_of(0, 0)),
                      "start is 0; retention rate is undefined");
}

TEST_CASE("base and new-customer churn") {
    const auto p = period_of(400, 15, 300, 4);
    CHECK(churn::base_churn_rate(p) == ratio(15, 400));
    CHECK(churn::new_customer_churn_rate(p) == ratio(4, 300));
    CHECK(pct(churn::new_customer_churn_rate(p), 2) == "1.33");
    CHECK_THROWS_WITH(churn::new_customer_churn_rate(period_of(400, 15, 0, 0)),
                      "new is 0; churn of new customers is undefined");
    CHECK_THROWS_AS(churn::base_churn_rate(period_of(100, {}, 5, {}, 95)), churn::domain_error);
}

TEST_CASE("retention and churn add up to 100% over the start") {
    const auto p = period_of(400, 15, 300, 4);
    CHECK(churn::retention_rate(p) == ratio(381, 400));  // (681 − 300) / 400 = 95.25%
    CHECK(churn::retention_rate(p) + churn::churn_rate(p) == ratio(1));
}

TEST_CASE("repeat purchase rate") {
    CHECK(churn::repeat_purchase_rate(30, 200) == ratio(3, 20));  // 15%
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(30, 20), "repeat (30) exceeds customers (20)");
    CHECK_THROWS_WITH(churn::repeat_purchase_rate(0, 0),
                      "customers is 0; repeat purchase rate is undefined");
}

TEST_CASE("expected lifetime is 1 / churn") {
    CHECK(churn::lifetime(ratio(19, 400)) == ratio(400, 19));  // 21.05 periods
    CHECK_THROWS_WITH(churn::lifetime(ratio(0)), "churn is 0; the expected lifetime is unbounded");
}

TEST_CASE("LTV as the articles define it") {
    // (1 000 000 − 200 000) / 400 = 2000
    CHECK(churn::ltv_from_revenue(money(1000000), money(200000), 400) == ratio(2000));
    // Marketing above revenue gives a negative LTV, not an error: (100 − 150.50) / 2 = −25.25
    CHECK(churn::ltv_from_revenue(money(100), money(15050, 2), 2) == ratio(-2525, 100));
    CHECK_THROWS_WITH(churn::ltv_from_revenue(money(1), money(0), 0),
                      "customers is 0; LTV is undefined");
}

TEST_CASE("LTV from margin and churn, lifetime and CAC") {
    // 50 × 80% / 4.75% − 120 = 842.105… − 120 = 722.105…
    const ratio ltv = churn::ltv_from_churn(money(50), ratio(4, 5), ratio(19, 400), money(120));
    CHECK(ltv == ratio(13720, 19));
    CHECK(churn::to_string(churn::round_half_away(ltv, 2)) == "722.11");
    // 50 × 80% × 24 periods = 960
    CHECK(churn::ltv_from_lifetime(money(50), ratio(4, 5), ratio(24), money(0)) == ratio(960));
    CHECK_THROWS_WITH(churn::ltv_from_churn(money(50), ratio(1), ratio(0), money(0)),
                      "churn is 0; the customer lifetime is unbounded, and so is LTV");
}

TEST_CASE("lost revenue is exact") {
    CHECK(churn::to_string(churn::lost_revenue(19, money(123456, 2))) == "23456.64");
    CHECK_THROWS_AS(churn::lost_revenue(INT64_MAX, decimal{churn::pow10(20), 0}), churn::error);
}

TEST_CASE("period lengths and conversion") {
    using churn::period_length;
    CHECK(churn::periods_per(period_length::month, period_length::year) == ratio(12));
    CHECK(churn::periods_per(period_length::month, period_length::quarter) == ratio(3));
    CHECK(churn::periods_per(period_length::week, period_length::month) == ratio(1461, 336));
    CHECK(churn::periods_per(period_length::day, period_length::year) == ratio(36525, 100));
    // 1 − 0.9525^12 = 0.442326…; 1 − 0.95^12 = 0.459639…
    const double a =
        churn::convert_churn(ratio(19, 400), period_length::month, period_length::year);
    const double b = churn::convert_churn(ratio(1, 20), period_length::month, period_length::year);
    CHECK_THAT(a, Catch::Matchers::WithinRel(0.44232675121725, 1e-12));
    CHECK(churn::to_string(churn::round_half_away(a * 100, 2)) == "44.23");
    CHECK(churn::to_string(churn::round_half_away(b * 100, 2)) == "45.96");
    CHECK(churn::convert_churn(ratio(1), period_length::month, period_length::year) == 1.0);
    CHECK(churn::convert_churn(ratio(0), period_length::month, period_length::year) == 0.0);
    // Back from a year to a month undoes it: 1 − (1 − 0.4423…)^(1/12) = 4.75%
    CHECK_THAT(churn::convert_churn(ratio(1), period_length::year, period_length::month),
               Catch::Matchers::WithinAbs(1.0, 1e-15));
    CHECK_THROWS_AS(churn::convert_churn(ratio(3, 2), period_length::month, period_length::year),
                    churn::domain_error);
}

TEST_CASE("period names") {
    using churn::period_length;
    CHECK(churn::parse_period_length("month") == period_length::month);
    CHECK(churn::parse_period_length("Months") == period_length::month);
    CHECK(churn::parse_period_length("yearly") == period_length::year);
    CHECK(churn::parse_period_length("half") == period_length::half);
    CHECK(churn::parse_period_length("quarterly") == period_length::quarter);
    CHECK_FALSE(churn::parse_period_length("fortnight").has_value());
    CHECK(churn::name(period_length::week) == "week");
}

TEST_CASE("gross and net revenue churn, net revenue retention") {
    churn::revenue_movements m;
    m.start = money(10000);
    m.churned = money(500);
    m.contraction = money(200);
    m.expansion = money(900);
    m.reactivation = money(100);
    CHECK(churn::gross_revenue_churn(m) == ratio(7, 100));  // (500 + 200) / 10000
    CHECK(churn::net_revenue_churn(m) == ratio(-3, 100));   // (700 − 1000) / 10000
    CHECK(ratio(1) - churn::net_revenue_churn(m) == ratio(103, 100));
    // From start, end and new revenue: (10000 + 1000 − 10400) / 10000 = 6%
    CHECK(churn::net_revenue_churn(money(10000), money(10400), money(1000)) == ratio(6, 100));
    m.start = money(0);
    CHECK_THROWS_WITH(churn::gross_revenue_churn(m),
                      "start revenue is 0; revenue churn is undefined");
}

TEST_CASE("NPS from counts and from scores") {
    churn::nps_counts c{60, 25, 15};
    CHECK(churn::nps(c) == ratio(45, 100));
    churn::nps_counts s;
    for (std::int64_t score : {6, 7, 8, 9, 10, 0})
        churn::add_score(s, score);
    CHECK(s.detractors == 2);  // 6 and 0
    CHECK(s.passives == 2);    // 7 and 8
    CHECK(s.promoters == 2);   // 9 and 10
    CHECK(churn::nps(churn::nps_counts{0, 0, 5}) == ratio(-1));
    CHECK_THROWS_WITH(churn::add_score(s, 11), "score 11 is outside 0 … 10");
    CHECK_THROWS_WITH(churn::nps(churn::nps_counts{}), "no answers; NPS is undefined");
}

TEST_CASE("the article 004 benchmark") {
    using churn::assessment;
    CHECK(churn::assess_monthly_churn(0.0475) == assessment::healthy);
    CHECK(churn::assess_monthly_churn(ratio(5, 100).to_double()) == assessment::watch);
    CHECK(churn::assess_monthly_churn(ratio(10, 100).to_double()) == assessment::watch);
    CHECK(churn::assess_monthly_churn(0.1001) == assessment::attention);
}
