#pragma once
/// Reading survey answers (0–10 scores) for NPS.

#include <churn/metrics.hpp>

#include <cstddef>
#include <istream>
#include <string_view>

namespace churn {

/// The longest line read_scores accepts, in bytes (1 MiB).
inline constexpr std::size_t max_score_line = std::size_t{1} << 20;

/// Reads one score per line, or a CSV/TSV/semicolon file whose header names a column
/// `score` (or `nps`, `rating`; a one-column file needs no such name, and a first line that is a
/// number is a score, not a header). Rows have the header's width. Blank lines are skipped.
/// Errors name `source:line`, the value and the rule; a line longer than max_score_line is one.
nps_counts read_scores(std::istream& in, std::string_view source);

}  // namespace churn
