// Placeholder while the terminal writer is being built on its own branch.
#include "cli/heatmap/heatmap.hpp"

#include <churn/error.hpp>

namespace churn::cli::heatmap {

void write_terminal(std::ostream&, const map&, const terminal_style&) {
    throw churn::error("the terminal heatmap is not drawn yet");
}

}  // namespace churn::cli::heatmap
