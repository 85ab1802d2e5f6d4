#pragma once
/// The length of one period (day … year), its names, and exact ratios between lengths.

#include <churn/ratio.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace churn {

/// Period lengths for conversion: day, week, month, quarter, half, year.
enum class period_length { day, week, month, quarter, half, year };

/// Every length, shortest first.
inline constexpr std::array<period_length, 6> period_lengths = {
    period_length::day,     period_length::week, period_length::month,
    period_length::quarter, period_length::half, period_length::year};
static_assert(period_lengths.back() == period_length::year &&
                  static_cast<std::size_t>(period_length::year) + 1 == period_lengths.size(),
              "period_lengths lists every period_length in order");

/// Parses "day" … "year" (also plural and "monthly"-style adjectives); nullopt otherwise.
std::optional<period_length> parse_period_length(std::string_view name);
/// "day" … "year".
std::string_view name(period_length p);
/// Length to / length from, exactly (month → year is 12).
ratio periods_per(period_length from, period_length to);

}  // namespace churn
