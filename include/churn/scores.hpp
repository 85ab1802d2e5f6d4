#pragma once
/// Reading survey answers (0–10 scores) for NPS.

#include <churn/metrics.hpp>

#include <cstddef>
#include <istream>
#include <string_view>

namespace churn {

/// The longest line read_scores accepts, in bytes (1 MiB).
inline constexpr std::size_t max_score_line = std::size_t{1} << 20;

/// The answers of a score file.
struct score_answers {
    nps_counts counts;
    std::size_t blank = 0;  ///< rows whose score cell is blank: no answer, not counted
};

/// Reads one score per line, or a CSV/TSV/semicolon file (RFC 4180: quoted fields may hold the
/// delimiter and newlines) whose header names a column `score` (or `nps`, `rating`; a
/// one-column file needs no such name, and a first line that is a number is a score, not a
/// header). The delimiter is the first line's: a tab, else `;`, else `,`. Rows have the
/// header's width. Blank lines are skipped; so is a row with a blank score cell, counted in
/// `blank`. Errors name `source:line`, the value and the rule; a line longer than
/// max_score_line is one.
score_answers read_scores(std::istream& in, std::string_view source);

}  // namespace churn
