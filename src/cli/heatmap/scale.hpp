#pragma once
// The one colour scale of every heatmap: a single hue (ColorBrewer's Blues), light for low
// retention and dark for high, ordered for the eye and readable with any colour vision; and
// the ink that reads on each shade.

#include <cstdint>
#include <string>

namespace churn::cli::heatmap {

struct rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const rgb&) const = default;
};

/// The shade at t in [0, 1] (clamped): 0 the lightest, 1 the darkest.
rgb shade(double t);
/// Black-ish or white text, whichever contrasts more with `background` (WCAG ratio).
rgb ink(rgb background);
/// The WCAG 2 contrast ratio of two colours, 1 … 21.
double contrast(rgb a, rgb b);
/// A percentage on the scale or an axis (not a value of the data, which the caller writes
/// exactly): at most two decimals, no trailing zeros, and "%". 12.5 → "12.5%", 40 → "40%".
std::string percent_label(double pct);
/// #rrggbb.
std::string hex(rgb c);
/// The nearest colour of the xterm 256-colour cube or grey ramp (16 … 255).
int xterm256(rgb c);
/// A shade in 256 colours: the blue of the palette whose lightness is nearest. The nearest
/// colour of the cube would jump between teal, lavender and grey, out of order.
int xterm256_shade(rgb shade);

}  // namespace churn::cli::heatmap
