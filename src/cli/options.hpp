#pragma once
// Options every command takes, and reading flag values with churn's own strict parser.

#include "cli/out/sink.hpp"

#include <churn/metrics.hpp>
#include <churn/parse.hpp>
#include <churn/period_length.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli {

/// The name --format takes for f.
std::string_view name_of(format f);
/// The format named `name`; any other name is an error naming --format, never a default.
format parse_format(std::string_view name);

enum class color_mode { auto_, always, never };

/// What main knows about the environment; tests pass their own.
struct terminal {
    bool stdout_is_tty = false;
    bool stdin_is_tty = false;
    bool no_color = false;       ///< NO_COLOR set and not empty
    bool dumb = false;           ///< TERM=dumb
    bool stderr_is_tty = false;  ///< progress lines go to a person
    int columns = 0;             ///< the terminal's width (stdout's, else $COLUMNS); 0 unknown
    bool truecolor = false;      ///< COLORTERM says truecolor or 24bit
};

struct common_options {
    std::string format_name;    ///< empty until parsed: the command's default
    bool format_given = false;  ///< --format was given, not defaulted
    bool quiet = false;
    std::optional<std::string> precision;
    bool explain = false;
    std::optional<std::string> expect;
    bool decimal_comma = false;
    std::string color = "auto";
};

/// Everything a command needs to run.
struct context {
    common_options common;
    terminal term;
    std::istream& in;  ///< standard input: what "-" reads
    std::ostream& out;
    std::ostream& err;
    /// Notes for stderr (e.g. how a rate was read), printed once the command has succeeded.
    mutable std::vector<std::string> notes{};

    number_format numbers() const { return number_format{common.decimal_comma}; }
    /// The decimal point of text output: ',' with --decimal-comma.
    char point() const { return common.decimal_comma ? ',' : '.'; }
    int precision() const;  ///< --precision, checked to lie in 0 … 10 (default 2)
    format output_format() const;
    bool use_color() const;
};

/// Registers the options of the table "Options every command takes"; `formats` are the values
/// --format accepts, the default first. Without `one_figure` (batch writes many figures), the
/// options that print or check one figure (-q, --explain, --expect) are left out.
void add_common_options(CLI::App& app, common_options& options,
                        const std::vector<std::string>& formats, bool one_figure = true);

/// "day, week, month, quarter, half or year" (", or none" with `none_allowed`).
std::string period_length_choices(bool none_allowed = false);
/// Registers a period length option; its help lists every value and the default (target's).
CLI::Option* add_period_option(CLI::App& app, const std::string& name, std::string& target,
                               const std::string& what, bool none_allowed = false);
/// A period length flag; with `none_allowed`, "none" (a snapshot that covers no period) is
/// nullopt. Anything else is an error naming the flag and every value.
std::optional<period_length> period_flag(const std::string& text, const std::string& flag,
                                         bool none_allowed = false);
/// Registers --basis; its help lists every basis.
CLI::Option* add_basis_option(CLI::App& app, std::string& target);
/// The --basis value: start, exposed or average.
basis basis_flag(const std::string& text);

/// Registers a string option whose presence is kept in `target`.
CLI::Option* add_value(CLI::App& app, const std::string& name, std::optional<std::string>& target,
                       const std::string& description);

/// A required or optional count flag, read strictly; the flag name is in every message.
std::optional<std::int64_t> count_flag(const std::optional<std::string>& text,
                                       const std::string& flag);
std::int64_t required_count(const std::optional<std::string>& text, const std::string& flag);
std::optional<decimal> money_flag(const std::optional<std::string>& text, const std::string& flag,
                                  const context& ctx, bool allow_negative = false);
decimal required_money(const std::optional<std::string>& text, const std::string& flag,
                       const context& ctx, bool allow_negative = false);
/// A percentage flag, returned as a fraction (4.75 → 19/400). A value between 0 and 1 written
/// without % looks like a fraction (0.05 for 5%): a note in ctx.notes says how it was read.
std::optional<ratio> percent_flag(const std::optional<std::string>& text, const std::string& flag,
                                  const context& ctx);

}  // namespace churn::cli
