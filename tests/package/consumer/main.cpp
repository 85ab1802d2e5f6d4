// Article 000: 400 customers at the start, 15 of them lost, 300 new, 4 of those lost.
#include <churn/churn.hpp>

#include <iostream>

int main() {
    churn::period_input in;
    in.start = 400;
    in.lost = 15;
    in.acquired = 300;
    in.lost_new = 4;
    const churn::period p = churn::resolve(in);
    const churn::ratio rate = churn::churn_rate(p) * churn::ratio(100);
    std::cout << churn::to_string(churn::round_half_away(rate, 2)) << "% " << p.end << " "
              << churn::version << "\n";
    try {
        churn::parse_count("-5", "--lost");
    } catch (const churn::error& e) {
        std::cout << e.what() << "\n";
    }
}
