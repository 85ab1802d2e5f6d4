// Placeholder while the svg writer is being built on its own branch.
#include "cli/heatmap/heatmap.hpp"

#include <churn/error.hpp>

namespace churn::cli::heatmap {

void write_svg(std::ostream&, const map&) {
    throw churn::error("the svg heatmap is not drawn yet");
}

}  // namespace churn::cli::heatmap
