#pragma once
/// The customer counts of one period and how the missing ones are derived.

#include <cstdint>
#include <optional>

namespace churn {

/// What the user gave; any field may be missing.
struct period_input {
    std::optional<std::int64_t> start;     ///< S: customers at the start
    std::optional<std::int64_t> lost;      ///< L: of the starting base, lost during the period
    std::optional<std::int64_t> acquired;  ///< N: new customers during the period
    std::optional<std::int64_t> lost_new;  ///< LN: of the new customers, lost in the same period
    std::optional<std::int64_t> end;       ///< E: customers at the end
};

/// A consistent period: E = S − L + N − LN. L and LN are unknown when only their sum is.
struct period {
    std::int64_t start = 0;
    std::optional<std::int64_t> lost;
    std::int64_t acquired = 0;
    std::optional<std::int64_t> lost_new;
    std::int64_t lost_total = 0;  ///< L + LN
    std::int64_t end = 0;
    bool has_new = false;  ///< N (or LN) was given, so base and new-customer churn make sense
};

/// Derives the missing counts; throws churn::domain_error when the input is short, negative or
/// contradicts itself (the message shows the expected value).
period resolve(const period_input& in);

}  // namespace churn
