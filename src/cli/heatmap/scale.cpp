#include "cli/heatmap/scale.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace churn::cli::heatmap {

namespace {

// ColorBrewer Blues, 9 classes (Cynthia Brewer, colorbrewer2.org): sequential, one hue.
constexpr std::array<rgb, 9> stops = {{{247, 251, 255},
                                       {222, 235, 247},
                                       {198, 219, 239},
                                       {158, 202, 225},
                                       {107, 174, 214},
                                       {66, 146, 198},
                                       {33, 113, 181},
                                       {8, 81, 156},
                                       {8, 48, 107}}};

constexpr rgb dark_ink{
    0, 0, 0};  // pure black: with white, every shade has a contrast of at least 4.58 (WCAG AA 4.5)
constexpr rgb light_ink{255, 255, 255};

double linear(std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(rgb c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace

rgb shade(double t) {
    if (!(t > 0))  // NaN too
        t = 0;
    t = std::min(t, 1.0);
    const double x = t * (stops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(x), stops.size() - 2);
    const double f = x - static_cast<double>(i);
    const auto mix = [f](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
    };
    return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g),
            mix(stops[i].b, stops[i + 1].b)};
}

double contrast(rgb a, rgb b) {
    const double x = luminance(a) + 0.05;
    const double y = luminance(b) + 0.05;
    return std::max(x, y) / std::min(x, y);
}

rgb ink(rgb background) {
    return contrast(background, dark_ink) >= contrast(background, light_ink) ? dark_ink : light_ink;
}

std::string percent_label(double pct) {
    std::string s = fmt::format("{:.2f}", pct);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    if (s == "-0")
        s = "0";
    return s + "%";
}

std::string hex(rgb c) {
    return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

int xterm256(rgb c) {
    // The cube's levels are 0, 95, 135, 175, 215, 255; the greys 8, 18, …, 238.
    constexpr std::array<int, 6> levels = {0, 95, 135, 175, 215, 255};
    const auto nearest_level = [&](int v) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < levels.size(); ++i)
            if (std::abs(levels[i] - v) < std::abs(levels[best] - v))
                best = i;
        return best;
    };
    const std::size_t r = nearest_level(c.r), g = nearest_level(c.g), b = nearest_level(c.b);
    const auto distance = [&](int x, int y, int z) {
        return (x - c.r) * (x - c.r) + (y - c.g) * (y - c.g) + (z - c.b) * (z - c.b);
    };
    const int cube = static_cast<int>(16 + 36 * r + 6 * g + b);
    const int cube_d = distance(levels[r], levels[g], levels[b]);
    const int mean = (c.r + c.g + c.b) / 3;
    const int grey = std::clamp((mean - 8 + 5) / 10, 0, 23);
    const int v = 8 + 10 * grey;
    return distance(v, v, v) < cube_d ? 232 + grey : cube;
}

int xterm256_shade(rgb shade) {
    // Blues of the cube, from white to navy: (index, colour).
    constexpr std::array<std::pair<int, rgb>, 15> blues = {{{231, {255, 255, 255}},
                                                            {195, {215, 255, 255}},
                                                            {189, {215, 215, 255}},
                                                            {153, {175, 215, 255}},
                                                            {117, {135, 215, 255}},
                                                            {111, {135, 175, 255}},
                                                            {75, {95, 175, 255}},
                                                            {74, {95, 175, 215}},
                                                            {68, {95, 135, 215}},
                                                            {32, {0, 135, 215}},
                                                            {26, {0, 95, 215}},
                                                            {25, {0, 95, 175}},
                                                            {24, {0, 95, 135}},
                                                            {18, {0, 0, 135}},
                                                            {17, {0, 0, 95}}}};
    const double l = luminance(shade);
    int best = blues.front().first;
    double distance = 2;
    for (const auto& [index, colour] : blues)
        if (std::abs(luminance(colour) - l) < distance) {
            distance = std::abs(luminance(colour) - l);
            best = index;
        }
    return best;
}

}  // namespace churn::cli::heatmap
