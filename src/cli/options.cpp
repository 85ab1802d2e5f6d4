#include "cli/options.hpp"

#include "cli/output.hpp"

#include <churn/error.hpp>

#include <algorithm>
#include <array>
#include <cstddef>

namespace churn::cli {

namespace {

constexpr std::array<std::string_view, 8> format_names = {"text", "json",  "jsonl", "csv",
                                                          "tsv",  "table", "svg",   "html"};
static_assert(format_names.size() == static_cast<std::size_t>(format::html) + 1,
              "a name for every format");
static_assert(format_names[static_cast<std::size_t>(format::jsonl)] == "jsonl" &&
                  format_names[static_cast<std::size_t>(format::tsv)] == "tsv",
              "names in the order of the enum");

}  // namespace

std::string_view name_of(format f) {
    return format_names.at(static_cast<std::size_t>(f));
}

format parse_format(std::string_view name) {
    for (std::size_t i = 0; i < format_names.size(); ++i)
        if (format_names[i] == name)
            return static_cast<format>(i);
    std::string known;
    for (const auto n : format_names)
        known += (known.empty() ? "" : ", ") + std::string(n);
    throw parse_error("--format", std::string(name), "is not an output format; use " + known);
}

int context::precision() const {
    if (!common.precision)
        return 2;
    const std::string_view text = *common.precision;
    if (const auto first = text.find_first_not_of(" \t");
        first != std::string_view::npos && text[first] == '-')
        throw parse_error("--precision", *common.precision, "is negative; use 0 … 10 decimals");
    const std::int64_t p = parse_count(text, "--precision");
    if (p > 10)
        throw parse_error("--precision", *common.precision, "is above 10; use 0 … 10 decimals");
    return static_cast<int>(p);
}

format context::output_format() const {
    return parse_format(common.format_name);
}

bool context::use_color() const {
    if (common.color == "always")
        return true;
    if (common.color == "never")
        return false;
    return term.stdout_is_tty && !term.no_color && !term.dumb;
}

void add_common_options(CLI::App& app, common_options& o, const std::vector<std::string>& formats,
                        bool one_figure) {
    std::string names;
    for (const auto& f : formats)
        names += (names.empty() ? "" : ", ") + f;
    app.add_option("--format", o.format_name,
                   "Output: " + names + " (default " + formats.front() + ")")
        ->check(CLI::IsMember(formats))
        ->type_name("FORMAT")
        ->group("Output");
    if (one_figure)
        app.add_flag("-q,--quiet", o.quiet, "Print only the headline number, without unit")
            ->group("Output");
    add_value(app, "--precision", o.precision,
              "Decimals in text, CSV, TSV and quiet output (0-10, default 2)")
        ->group("Output");
    if (one_figure) {
        app.add_flag("--explain", o.explain, "Show each formula with the numbers put in")
            ->group("Output");
        add_value(app, "--expect", o.expect,
                  "Check a published figure at its own precision (e.g. 3.3%); exit 1 on mismatch")
            ->group("Output");
    }
    app.add_flag("--decimal-comma", o.decimal_comma,
                 "Accept 3,75 as 3.75 and print text with commas")
        ->group("Output");
    app.add_option("--color", o.color, "Colour text output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN")
        ->group("Output");
}

std::string period_length_choices(bool none_allowed) {
    std::string text;
    for (std::size_t i = 0; i < period_lengths.size(); ++i) {
        const bool last = i + 1 == period_lengths.size();
        text += (i == 0 ? "" : last && !none_allowed ? " or " : ", ");
        text += name(period_lengths[i]);
    }
    return none_allowed ? text + ", or none" : text;
}

CLI::Option* add_period_option(CLI::App& app, const std::string& name, std::string& target,
                               const std::string& what, bool none_allowed) {
    std::string description =
        what + ": " + period_length_choices(none_allowed) + " (default " + target + ")";
    if (none_allowed)
        description += "; none for a snapshot that covers no period";
    return app.add_option(name, target, description)->type_name("LENGTH");
}

std::optional<period_length> period_flag(const std::string& text, const std::string& flag,
                                         bool none_allowed) {
    if (none_allowed && text == "none")
        return std::nullopt;
    const auto length = parse_period_length(text);
    if (!length)
        throw parse_error(flag, text,
                          "is not a period length; use " + period_length_choices(none_allowed));
    return length;
}

CLI::Option* add_basis_option(CLI::App& app, std::string& target) {
    return app
        .add_option("--basis", target, "Denominator: start (default), exposed (S + N), average")
        ->type_name("BASIS");
}

basis basis_flag(const std::string& text) {
    if (text == "start")
        return basis::start;
    if (text == "exposed")
        return basis::exposed;
    if (text == "average")
        return basis::average;
    throw parse_error("--basis", text, "is not a basis; use start, exposed or average");
}

CLI::Option* add_value(CLI::App& app, const std::string& name, std::optional<std::string>& target,
                       const std::string& description) {
    return app
        .add_option_function<std::string>(
            name, [&target](const std::string& v) { target = v; }, description)
        ->type_name("NUM");
}

std::optional<std::int64_t> count_flag(const std::optional<std::string>& text,
                                       const std::string& flag) {
    if (!text)
        return std::nullopt;
    return parse_count(*text, flag);
}

std::int64_t required_count(const std::optional<std::string>& text, const std::string& flag) {
    if (!text)
        throw error(flag + " is required");
    return parse_count(*text, flag);
}

std::optional<decimal> money_flag(const std::optional<std::string>& text, const std::string& flag,
                                  const context& ctx, bool allow_negative) {
    if (!text)
        return std::nullopt;
    return parse_decimal(*text, flag, ctx.numbers(), allow_negative);
}

decimal required_money(const std::optional<std::string>& text, const std::string& flag,
                       const context& ctx, bool allow_negative) {
    if (!text)
        throw error(flag + " is required");
    return parse_decimal(*text, flag, ctx.numbers(), allow_negative);
}

std::optional<ratio> percent_flag(const std::optional<std::string>& text, const std::string& flag,
                                  const context& ctx) {
    if (!text)
        return std::nullopt;
    const ratio rate = parse_percent(*text, flag, ctx.numbers()).to_ratio() / ratio(100);
    if (rate > ratio(0) && rate < ratio(1, 100) && text->find('%') == std::string::npos) {
        const std::string meant = exact_text(rate * ratio(10000), ctx.point());
        std::string note = flag + " " + *text + " is read as " + *text + "%, not " + meant +
                           "%; for " + meant + "% write " + flag + " " + meant;
        if (std::find(ctx.notes.begin(), ctx.notes.end(), note) == ctx.notes.end())
            ctx.notes.push_back(std::move(note));
    }
    return rate;
}

}  // namespace churn::cli
