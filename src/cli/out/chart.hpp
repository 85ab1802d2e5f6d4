#pragma once
// Bars for people: a value drawn as a row of Unicode blocks (batch --chart).

#include <string>

namespace churn::cli::out {

/// Cells a bar of the largest value takes.
constexpr int bar_width = 20;

/// A bar of `share` (0 … 1, clamped) of `width` cells in Unicode eighth blocks.
std::string bar(double share, int width);

}  // namespace churn::cli::out
