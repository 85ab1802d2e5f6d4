#pragma once
/// Reading survey answers (0–10 scores) for NPS.

#include <churn/metrics.hpp>

#include <istream>
#include <string_view>

namespace churn {

/// Reads one score per line, or a CSV/TSV/semicolon file whose header names a column
/// `score` (or `nps`, `rating`; a one-column file needs no such name). Blank lines are skipped.
/// Errors name `source:line`, the value and the rule.
nps_counts read_scores(std::istream& in, std::string_view source);

}  // namespace churn
