// Using churn::core directly: article 000's September, computed and printed.
#include <churn/churn.hpp>

#include <iostream>

int main() {
    churn::period_input in;  // 400 customers at the start, 15 of them lost,
    in.start = 400;          // 300 new customers, 4 of those lost
    in.lost = 15;
    in.acquired = 300;
    in.lost_new = 4;
    const churn::period p = churn::resolve(in);  // derives the end: 681

    const auto percent = [](const churn::ratio& fraction) {
        return churn::to_string(churn::round_half_away(fraction * churn::ratio(100), 2)) + "%";
    };
    std::cout << "customers at end: " << p.end << "\n"
              << "churn rate:       " << percent(churn::churn_rate(p)) << "\n"
              << "retention (CRR):  " << percent(churn::retention_rate(p)) << "\n";

    try {
        churn::period_input bad;
        bad.start = 400;
        bad.lost = 500;
        churn::resolve(bad);
    } catch (const churn::error& e) {
        std::cout << "error: " << e.what() << "\n";
    }
}
