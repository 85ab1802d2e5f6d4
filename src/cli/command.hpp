#pragma once
// A command is a name, a setup that registers its options, and a run on parsed options.

#include "cli/options.hpp"
#include "cli/report.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace churn::cli {

struct command {
    std::string name;
    std::string description;
    std::function<void(CLI::App&)> setup;    ///< registers the command's own options
    std::function<int(const context&)> run;  ///< returns the exit status
    /// Values --format accepts, the default first.
    std::vector<std::string> formats = {"text", "json", "csv", "tsv"};
    /// The footer of the command's --help: its own examples.
    std::string examples{};
    /// The command computes one figure, so -q, --explain and --expect apply.
    bool one_figure = true;
};

/// Builds a command whose options live in a struct `Options` shared by setup and run.
/// `calculate` turns parsed options into a report, which is emitted in the chosen format.
template <typename Options>
command calculation(std::string name, std::string description, std::string examples,
                    void (*setup)(CLI::App&, Options&),
                    report (*calculate)(const Options&, const context&));

/// Renders a report in the chosen format, checks --expect, and writes it in one piece.
int emit(const context& ctx, report r);

command make_rate_command();
command make_batch_command();
command make_events_command();
command make_cohort_command();
command make_retention_command();
command make_rpr_command();
command make_ltv_command();
command make_lost_revenue_command();
command make_lifetime_command();
command make_convert_command();
command make_revenue_command();
command make_nps_command();

/// Every command, the default (rate) first.
std::vector<command> all_commands();

template <typename Options>
command calculation(std::string name, std::string description, std::string examples,
                    void (*setup)(CLI::App&, Options&),
                    report (*calculate)(const Options&, const context&)) {
    auto options = std::make_shared<Options>();
    command c{
        std::move(name), std::move(description),
        [options, setup](CLI::App& app) { setup(app, *options); },
        [options, calculate](const context& ctx) { return emit(ctx, calculate(*options, ctx)); }};
    c.examples = std::move(examples);
    return c;
}

}  // namespace churn::cli
