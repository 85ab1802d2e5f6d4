#include "cli/app.hpp"

#include "cli/command.hpp"
#include "cli/fd_stream.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/version.hpp>

#include <unistd.h>
#include <algorithm>
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

/// CLI11's "--start: At Most 1 required but received 2" in plain words; other mismatches as is.
std::string plain_mismatch(std::string message) {
    const std::string_view at_most = ": At Most 1 required but received ";
    const auto at = message.find(at_most);
    if (at == std::string::npos)
        return message;
    return message.substr(0, at) + " is given " + message.substr(at + at_most.size()) +
           " times; give it once";
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
    const char point = ctx.common.decimal_comma ? ',' : '.';
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

}  // namespace

std::vector<command> all_commands() {
    return {make_rate_command(),    make_retention_command(),    make_rpr_command(),
            make_ltv_command(),     make_lost_revenue_command(), make_lifetime_command(),
            make_convert_command(), make_revenue_command(),      make_nps_command(),
            make_batch_command()};
}

int emit(const context& ctx, report r) {
    if (!ctx.common.explain)
        r.explanation.clear();
    bool match = true;
    if (ctx.common.expect)
        match = check_expectation(ctx, r);
    const out::options o{ctx.precision(), ctx.common.decimal_comma ? ',' : '.', ctx.use_color()};
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

int run(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
        std::ostream& err, const terminal& term) {
    std::vector<command> commands = all_commands();
    if (arguments.empty()) {
        err << "churn: error: nothing to compute; try 'churn --start 400 --lost 19' or "
            << usage_hint << "\n";
        return exit_error;
    }
    CLI::App app{"churn " + std::string(version) +
                 " - customer churn and retention calculator (customer churn, not code churn)"};
    app.name("churn");
    app.set_version_flag("--version", std::string("churn ") + version);
    app.footer(help_footer);
    app.require_subcommand(0, 1);
    context ctx{common_options{}, term, in, out, err};
    const command* chosen = nullptr;
    for (const auto& c : commands) {
        CLI::App* sub = app.add_subcommand(c.name, c.description);
        sub->set_version_flag("--version",
                              std::string("churn ") + version);  // as `ls -l --version`
        c.setup(*sub);
        add_common_options(*sub, ctx.common, c.formats);
        sub->callback([&chosen, &c, &ctx] {
            chosen = &c;
            if (ctx.common.format_name.empty())
                ctx.common.format_name = c.formats.front();
        });
    }
    std::vector<std::string> args = with_default_command(arguments, commands);
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
        if (chosen == nullptr) {
            err << "churn: error: no command given; " << usage_hint << "\n";
            return exit_error;
        }
        return chosen->run(ctx);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ExtrasError&) {
        // CLI11 2.1 lists them reversed; name them as they were typed.
        const std::vector<std::string> extras = app.remaining(true);
        err << "churn: error: "
            << (extras.size() == 1 ? "unexpected argument: " : "unexpected arguments: ");
        for (std::size_t i = 0; i < extras.size(); ++i)
            err << (i == 0 ? "" : " ") << extras[i];
        err << "; " << usage_hint << "\n";
        return exit_error;
    } catch (const CLI::ArgumentMismatch& e) {
        err << "churn: error: " << plain_mismatch(e.what()) << "; " << usage_hint << "\n";
        return exit_error;
    } catch (const CLI::ParseError& e) {
        // CLI11's own codes (100+) all mean a usage error.
        err << "churn: error: " << e.what() << "; " << usage_hint << "\n";
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
    const char* no_color = std::getenv("NO_COLOR");
    term.no_color = no_color != nullptr && *no_color != '\0';
    const char* term_name = std::getenv("TERM");
    term.dumb = term_name != nullptr && std::strcmp(term_name, "dumb") == 0;

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
