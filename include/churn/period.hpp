#pragma once
/// The customer counts of one period and how the missing ones are derived.

#include <churn/error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace churn {

/// What the user gave; any field may be missing.
struct period_input {
    std::optional<std::int64_t> start;     ///< S: customers at the start
    std::optional<std::int64_t> lost;      ///< L: of the starting base, lost during the period
    std::optional<std::int64_t> acquired;  ///< N: new customers during the period
    std::optional<std::int64_t> lost_new;  ///< LN: of the new customers, lost in the same period
    std::optional<std::int64_t> end;       ///< E: customers at the end
    std::optional<std::int64_t> returned;  ///< R: former customers who came back (reactivated)
};

/// A consistent period: E = S − L + N − LN + R. L and LN are unknown when only their sum is.
struct period {
    std::int64_t start = 0;
    std::optional<std::int64_t> lost;
    std::int64_t acquired = 0;
    std::optional<std::int64_t> lost_new;
    std::int64_t lost_total = 0;  ///< L + LN
    std::int64_t end = 0;
    /// R: in the end but neither in the start nor new, so never lost in the period; 0 unless
    /// given.
    std::int64_t returned = 0;
    bool has_new = false;  ///< N (or LN) was given, so base and new-customer churn make sense
};

/// resolve() needs a count that was not given, e.g. new: the caller says how it is given (a
/// flag, a column), so what() names only the count.
class missing_count : public domain_error {
  public:
    /// `reason; hint where`, e.g. "end (120) exceeds start (100) but …", "give them", "new".
    missing_count(const std::string& reason, const std::string& hint, std::string count);
    /// The field of period_input that is missing: "new".
    const std::string& count() const { return count_; }
    /// The message with where the count is given, e.g. "with --new" or "in a column new".
    std::string phrased(std::string_view where) const;

  private:
    std::string reason_and_hint_;
    std::string count_;
};

/// Derives the missing counts; throws churn::domain_error when the input is short, negative or
/// contradicts itself (the message shows the expected value); churn::missing_count where a count
/// that was not given would settle it.
period resolve(const period_input& in);

}  // namespace churn
