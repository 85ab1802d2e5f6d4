// Placeholder while the html writer is being built on its own branch.
#include "cli/heatmap/heatmap.hpp"

#include <churn/error.hpp>

namespace churn::cli::heatmap {

void write_html(std::ostream&, const map&) {
    throw churn::error("the html heatmap is not drawn yet");
}

}  // namespace churn::cli::heatmap
