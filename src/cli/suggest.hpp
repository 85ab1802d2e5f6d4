#pragma once
// "Did you mean …?": the known name nearest to what was typed, for commands, flags and the
// column names of a header.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace churn::cli {

/// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The index of the name in `known` nearest to `typed`, if one is near enough to be what was
/// meant: at most 2 edits, and fewer than half its letters.
template <typename Name>
std::optional<std::size_t> nearest(std::string_view typed, const std::vector<Name>& known) {
    std::optional<std::size_t> best;
    std::size_t best_distance = 3;
    for (std::size_t i = 0; i < known.size(); ++i) {
        const std::string_view k = known[i];
        const std::size_t d = edit_distance(typed, k);
        if (d < best_distance && 2 * d < k.size()) {
            best = i;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace churn::cli
