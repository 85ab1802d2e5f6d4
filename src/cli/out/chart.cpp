#include "cli/out/chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace churn::cli::out {

std::string bar(double share, int width) {
    static const std::array<std::string_view, 8> eighths = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    const auto total = static_cast<long>(std::lround(std::clamp(share, 0.0, 1.0) * width * 8));
    std::string out;
    for (long i = 0; i < total / 8; ++i)
        out += "█";
    out += eighths[static_cast<std::size_t>(total % 8)];
    return out;
}

}  // namespace churn::cli::out
