// Using churn::core directly: article 000's September, computed and printed.
#include <churn/churn.hpp>

#include <iostream>
#include <string>

// A fraction as a percentage, rounded half away from zero to 2 decimals: 19/400 → "4.75%".
static std::string percent(const churn::ratio& fraction) {
    return churn::to_string(churn::round_half_away(fraction * churn::ratio(100), 2)) + "%";
}

int main() {
    churn::period_input in;  // 400 customers at the start, 15 of them lost,
    in.start = 400;          // 300 new customers, 4 of those lost too
    in.lost = 15;
    in.acquired = 300;
    in.lost_new = 4;
    const churn::period p = churn::resolve(in);  // derives the rest: 19 lost, 681 at the end

    std::cout << "customers lost:    " << p.lost_total << "\n"
              << "customers at end:  " << p.end << "\n"
              << "churn of the base: " << percent(churn::base_churn_rate(p)) << "\n"
              << "churn rate:        " << percent(churn::churn_rate(p)) << "\n"
              << "retention (CRR):   " << percent(churn::retention_rate(p)) << "\n";

    try {
        churn::period_input bad;
        bad.start = 400;
        bad.lost = 500;
        churn::resolve(bad);
    } catch (const churn::error& e) {
        std::cout << "error: " << e.what() << "\n";
    }
}
