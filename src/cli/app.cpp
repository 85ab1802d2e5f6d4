#include "cli/app.hpp"
#include "cli/suggest.hpp"

#include "cli/command.hpp"
#include "cli/fd_stream.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/period.hpp>
#include <churn/version.hpp>

#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace churn::cli {

namespace {

constexpr const char* usage_hint = "run 'churn --help' for usage";

const char* const help_footer = R"(Examples:
  churn --start 400 --lost 19                     churn rate: 4.75%
  churn --start 400 --lost 15 --new 300 --lost-new 4 --explain
  churn --start 150 --lost 5 --expect 3,3% --decimal-comma   check an article's figure
  churn retention --start 100 --end 95 --new 5    CRR: 90%
  churn convert --churn 4.75 --from month --to year
  churn nps --scores answers.txt
  churn help batch                                a command's options and examples

Counts are whole numbers; money is exact decimal; rates given as input are
percentages (4.75 or 4.75%). Results are rounded half away from zero.
Exit status: 0 success, 1 the result does not match --expect, 2 any error.)";

std::vector<std::string> with_default_command(std::vector<std::string> args,
                                              const std::vector<command>& commands) {
    if (args.empty())
        return args;
    const std::string& first = args.front();
    const bool named = std::any_of(commands.begin(), commands.end(),
                                   [&](const command& c) { return c.name == first; });
    const bool top_level = first == "-h" || first == "--help" || first == "--version";
    if (!named && !top_level)
        args.insert(args.begin(), commands.front().name);
    return args;
}

/// " (did you mean X?)" for the known name nearest to `typed` (at most 2 edits, and fewer than
/// half its letters), else nothing.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& known) {
    const auto best = nearest(typed, known);
    return best ? " (did you mean " + known[*best] + "?)" : "";
}

std::vector<std::string> command_names(const std::vector<command>& commands) {
    std::vector<std::string> names;
    for (const auto& c : commands)
        names.push_back(c.name);
    return names;
}

/// Every spelling of the options of `app`: --start, -q, …
std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* o : app.get_options()) {
        for (const auto& l : o->get_lnames())
            names.push_back("--" + l);
        for (const auto& s : o->get_snames())
            names.push_back("-" + s);
    }
    return names;
}

const CLI::Option* find_option(const CLI::App& app, std::string_view spelled) {
    for (const CLI::Option* o : app.get_options()) {
        for (const auto& l : o->get_lnames())
            if (spelled == "--" + l)
                return o;
        for (const auto& s : o->get_snames())
            if (spelled == "-" + s)
                return o;
    }
    return nullptr;
}

/// Looks like an option, not a value: --name, or a known short option (a negative number such
/// as -5 is a value).
bool looks_like_option(const CLI::App& app, std::string_view arg) {
    return (arg.size() > 2 && arg.starts_with("--")) || find_option(app, arg) != nullptr;
}

/// The flag of a period count: lost_new is --lost-new.
std::string flag_name(std::string count) {
    std::replace(count.begin(), count.end(), '_', '-');
    return "--" + count;
}

/// A usage error: the message, then where to find the usage.
struct usage_error {
    std::string message;
};

/// An option that takes a value but is followed by another option or by nothing: CLI11 would
/// take the next option as its value (`--start --lost 19`) and report something else.
void check_values_given(const CLI::App& app, const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--")
            return;
        const CLI::Option* o = find_option(app, args[i]);
        if (o == nullptr || o->get_items_expected_min() == 0)
            continue;
        if (i + 1 == args.size() || looks_like_option(app, args[i + 1]))
            throw usage_error{args[i] + " needs a value"};
        ++i;
    }
}

/// The option given more often than it may be, as CLI11's ArgumentMismatch does not say in
/// words of its own.
std::string mismatch_message(const CLI::App& app, const CLI::ArgumentMismatch& e) {
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_items_expected_max() == 1 && o->count() > 1)
            return o->get_name() + " is given " + std::to_string(o->count()) +
                   " times; give it once";
    }
    return e.what();
}

/// Arguments left over: an unknown option (with the nearest known one), or stray values.
std::string extras_message(const CLI::App& app, const std::vector<std::string>& extras) {
    for (const auto& x : extras) {
        if (x.size() > 1 && x[0] == '-' && !std::isdigit(static_cast<unsigned char>(x[1])) &&
            x[1] != '.') {
            const std::string typed = x.substr(0, x.find('='));
            return "unknown option " + typed + did_you_mean(typed, option_names(app));
        }
    }
    std::string text = extras.size() == 1 ? "unexpected argument: " : "unexpected arguments: ";
    for (std::size_t i = 0; i < extras.size(); ++i)
        text += (i == 0 ? "" : " ") + extras[i];
    return text;
}

/// The verdict of --expect, appended to the report.
bool check_expectation(const context& ctx, report& r) {
    const field headline = find(r, r.headline);
    std::string text = *ctx.common.expect;
    while (!text.empty() && (text.back() == ' ' || text.back() == '%'))
        text.pop_back();
    const decimal expected = parse_decimal(text, "--expect", ctx.numbers(), true);
    const decimal got = rounded(headline, expected.scale);
    const bool match = got == expected;
    const char point = ctx.point();
    const std::string unit = headline.u == unit::percent ? "%" : headline.suffix;
    const std::string places =
        expected.scale == 1 ? "1 decimal" : std::to_string(expected.scale) + " decimals";
    const std::string detail = "exact " + format_exact(headline, point) + unit + " is " +
                               to_string(got, point) + unit + " at " + places;
    field& e = add(r, "expected", expected, unit::none, "Expected",
                   (match ? "match: " : "MISMATCH: ") + detail);
    e.suffix = unit;
    add(r, "expect_match", match);
    return match;
}

/// "; from --start, --churned": the value options given to the command that ran, for a message
/// about a result too large to compute.
std::string given_values(const CLI::App& app) {
    std::string names;
    for (const CLI::App* sub : app.get_subcommands())
        for (const CLI::Option* o : sub->get_options()) {
            if (o->count() == 0 || o->get_type_size_max() == 0 || o->get_name() == "--format" ||
                o->get_name() == "--color")
                continue;
            names += (names.empty() ? "; from " : ", ") + o->get_name();
        }
    return names.empty() ? names : names + " (fewer digits fit)";
}

}  // namespace

std::vector<command> all_commands() {
    return {make_rate_command(),    make_retention_command(),    make_rpr_command(),
            make_ltv_command(),     make_lost_revenue_command(), make_lifetime_command(),
            make_convert_command(), make_revenue_command(),      make_nps_command(),
            make_batch_command(),   make_events_command(),       make_cohort_command()};
}

int emit(const context& ctx, report r) {
    if (!ctx.common.explain)
        r.explanation.clear();
    bool match = true;
    if (ctx.common.expect)
        match = check_expectation(ctx, r);
    const out::options o{ctx.precision(), ctx.point(), ctx.use_color()};
    const auto sink = ctx.common.quiet ? out::make_quiet_sink(ctx.out, o)
                                       : out::make_sink(ctx.output_format(), ctx.out, o);
    write(*sink, r);
    if (!match && ctx.common.quiet) {
        ctx.out.flush();  // the number first, then the verdict, also on one terminal or pipe
        ctx.err << "churn: mismatch: expected " << *ctx.common.expect << "; "
                << find(r, "expected").note.substr(std::string_view("MISMATCH: ").size()) << "\n";
    }
    return match ? exit_ok : exit_mismatch;
}

int skipped_rows_status(std::ostream& err, std::size_t skipped, std::size_t rows) {
    if (skipped == 0)
        return exit_ok;
    err << "churn: error: " << skipped << " of " << rows << (rows == 1 ? " row was" : " rows were")
        << " invalid and skipped\n";
    return exit_error;
}

int run(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
        std::ostream& err, const terminal& term) {
    std::vector<command> commands = all_commands();
    if (arguments.empty()) {
        err << "churn: error: nothing to compute; try 'churn --start 400 --lost 19' or "
            << usage_hint << "\n";
        return exit_error;
    }
    const std::vector<std::string> names = command_names(commands);
    const std::string& first = arguments.front();
    if (first == "help") {  // `churn help [command]`, as git and cargo take it
        if (arguments.size() == 1)
            return run({"--help"}, in, out, err, term);
        if (arguments.size() == 2 &&
            std::find(names.begin(), names.end(), arguments[1]) != names.end())
            return run({arguments[1], "--help"}, in, out, err, term);
        err << "churn: error: help takes the name of one command, not " << quote(arguments[1])
            << did_you_mean(arguments[1], names) << "; " << usage_hint << "\n";
        return exit_error;
    }
    if (!first.starts_with("-") && std::find(names.begin(), names.end(), first) == names.end()) {
        err << "churn: error: unknown command " << quote(first) << did_you_mean(first, names)
            << "; " << usage_hint << "\n";
        return exit_error;
    }
    CLI::App app{"churn " + std::string(version) +
                 " - customer churn and retention calculator (customer churn, not code churn)"};
    app.name("churn");
#if CLI11_VERSION_MAJOR > 2 || (CLI11_VERSION_MAJOR == 2 && CLI11_VERSION_MINOR >= 5)
    // CLI11 2.5+ re-flows these paragraphs; the examples are laid out by hand. Subcommands
    // share this formatter.
    app.get_formatter()->enable_description_formatting(false);
    app.get_formatter()->enable_footer_formatting(false);
#endif
    app.set_version_flag("--version", std::string("churn ") + version);
    app.footer(help_footer);
    app.require_subcommand(0, 1);
    context ctx{common_options{}, term, in, out, err};
    const command* chosen = nullptr;
    CLI::App* chosen_app = &app;
    for (const auto& c : commands) {
        CLI::App* sub = app.add_subcommand(c.name, c.description);
        sub->set_version_flag("--version",
                              std::string("churn ") + version);  // as `ls -l --version`
        c.setup(*sub);
        add_common_options(*sub, ctx.common, c.formats, c.one_figure);
        sub->footer(c.examples);
        sub->callback([&chosen, &c, &ctx] {
            chosen = &c;
            ctx.common.format_given = !ctx.common.format_name.empty();
            if (ctx.common.format_name.empty())
                ctx.common.format_name = c.formats.front();
        });
        if (c.name == first)
            chosen_app = sub;
    }
    // The hint names the command's own help where the user named the command.
    const std::string hint =
        chosen_app == &app ? usage_hint : "run 'churn " + first + " --help' for usage";
    std::vector<std::string> args = with_default_command(arguments, commands);
    const CLI::App& parsed =
        chosen_app == &app ? *app.get_subcommand(commands.front().name) : *chosen_app;
    try {
        check_values_given(parsed, args);
        std::reverse(args.begin(), args.end());
        app.parse(args);
        if (chosen == nullptr) {
            err << "churn: error: no command given; " << usage_hint << "\n";
            return exit_error;
        }
        const int status = chosen->run(ctx);
        for (const auto& note : ctx.notes)
            err << "churn: note: " << note << "\n";
        return status;
    } catch (const usage_error& e) {
        err << "churn: error: " << e.message << "; " << hint << "\n";
        return exit_error;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ExtrasError&) {
        // CLI11 2.1 lists them reversed; name them as they were typed.
        err << "churn: error: " << extras_message(parsed, app.remaining(true)) << "; " << hint
            << "\n";
        return exit_error;
    } catch (const CLI::ArgumentMismatch& e) {
        err << "churn: error: " << mismatch_message(parsed, e) << "; " << hint << "\n";
        return exit_error;
    } catch (const CLI::ParseError& e) {
        // CLI11's own codes (100+) all mean a usage error.
        err << "churn: error: " << e.what() << "; " << hint << "\n";
        return exit_error;
    } catch (const missing_count& e) {
        err << "churn: error: " << e.phrased("with " + flag_name(e.count())) << "\n";
        return exit_error;
    } catch (const churn::overflow_error& e) {
        // The library cannot know where the values came from; the command line does.
        err << "churn: error: " << e.what() << given_values(app) << "\n";
        return exit_error;
    } catch (const churn::error& e) {
        err << "churn: error: " << e.what() << "\n";
        return exit_error;
    } catch (const std::exception& e) {
        err << "churn: error: " << e.what() << "\n";
        return exit_error;
    }
}

int main(int argc, char** argv) {
    terminal term;
    term.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
    term.stdin_is_tty = ::isatty(STDIN_FILENO) == 1;
    term.stderr_is_tty = ::isatty(STDERR_FILENO) == 1;
    const char* no_color = std::getenv("NO_COLOR");
    term.no_color = no_color != nullptr && *no_color != '\0';
    const char* term_name = std::getenv("TERM");
    term.dumb = term_name != nullptr && std::strcmp(term_name, "dumb") == 0;
    const char* colorterm = std::getenv("COLORTERM");
    term.truecolor = colorterm != nullptr && (std::strcmp(colorterm, "truecolor") == 0 ||
                                              std::strcmp(colorterm, "24bit") == 0);
    winsize size{};
    if (term.stdout_is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        term.columns = size.ws_col;
    else if (const char* columns = std::getenv("COLUMNS"); columns != nullptr)
        term.columns = static_cast<int>(std::clamp(std::strtol(columns, nullptr, 10), 0L, 10000L));

    std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    fd_istreambuf in_buffer(STDIN_FILENO, "<stdin>");
    std::istream in(&in_buffer);
    in.exceptions(std::ios::badbit);  // a failed read throws `<stdin>: strerror`
    fd_ostream out(STDOUT_FILENO);
    int status = run(args, in, out, std::cerr, term);
    out.flush();
    if (out.error() == EPIPE)
        return status;  // the reader went away: end quietly
    if (out.error() != 0) {
        std::cerr << "churn: error: write error: " << std::strerror(out.error()) << "\n";
        return exit_error;
    }
    return status;
}

}  // namespace churn::cli
