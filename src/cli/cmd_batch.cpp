// churn batch: a series of periods from CSV or TSV, one output row per input row, streamed.

#include "cli/app.hpp"
#include "cli/batch_output.hpp"
#include "cli/command.hpp"
#include "cli/input.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>
#include <churn/series.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <optional>

namespace churn::cli {

namespace {

struct batch_options {
    std::vector<std::string> files;
    std::optional<std::string> delimiter;
    std::optional<std::string> fields;
    bool summary = false;
    bool summary_only = false;
    bool skip_invalid = false;
    bool keep = false;
    bool chart = false;
    std::string basis = "start";
    std::string period = "month";
};

void setup(CLI::App& app, batch_options& o) {
    app.add_option("files", o.files, "CSV or TSV files with a header, read in order; - is stdin")
        ->type_name("FILE");
    add_value(app, "--delimiter", o.delimiter,
              "Field delimiter: , ; | or tab (default: tab for *.tsv, else , or ; with "
              "--decimal-comma)")
        ->type_name("CHAR");
    add_value(app, "--fields", o.fields, "Output columns, in order, e.g. period,churn_pct")
        ->type_name("LIST");
    app.add_flag("--summary", o.summary, "Add totals: pooled, mean and compounded churn");
    app.add_flag("--summary-only", o.summary_only, "Print only the totals");
    app.add_flag("--skip-invalid", o.skip_invalid,
                 "Report bad rows on stderr and go on (the exit status is still 2)");
    app.add_flag("--keep", o.keep, "Pass the input's other columns through");
    app.add_flag("--chart", o.chart, "With --format table: a bar of the churn per period");
    app.add_option("--basis", o.basis, "Denominator: start (default), exposed (S + N), average")
        ->check(CLI::IsMember({"start", "exposed", "average"}));
    app.add_option("--period", o.period, "Length of one row's period (default month)");
}

/// The delimiter --delimiter names, if it is given.
std::optional<char> given_delimiter(const batch_options& o) {
    if (!o.delimiter)
        return std::nullopt;
    const std::string& d = *o.delimiter;
    if (d == "tab" || d == "\\t" || d == "\t")
        return '\t';
    if (d.size() != 1 || d == "\"" || d == "\n" || d == "\r")
        throw parse_error("--delimiter", d, "is not a single character; use , ; | or tab");
    return d[0];
}

/// The delimiter of one input: the given one, else tab for a file named *.tsv or *.tab, else
/// ',' (';' with --decimal-comma).
char delimiter_of(std::optional<char> given, bool decimal_comma, std::string_view file) {
    if (given)
        return *given;
    if (file.ends_with(".tsv") || file.ends_with(".tab"))
        return '\t';
    return decimal_comma ? ';' : ',';
}

/// A header that is one column holding another delimiter was split with the wrong one: say
/// which to pass, rather than report a missing column.
void check_delimiter(std::string_view header, char delimiter, bool decimal_comma,
                     const std::string& where) {
    const auto shown = [](char d) {
        return d == '\t' ? std::string("tab") : "'" + std::string(1, d) + "'";
    };
    for (const char other : {';', ',', '\t'}) {
        if (other == delimiter || header.find(other) == std::string_view::npos)
            continue;
        std::string hint =
            "pass --delimiter " + (other == '\t' ? std::string("tab") : shown(other));
        if (other == ';' && !decimal_comma)
            hint = "for a European file " + hint + " (and --decimal-comma for 3,75)";
        if (other == ',' && decimal_comma)
            hint = "--decimal-comma makes ';' the delimiter; for a comma-separated file " + hint;
        throw error(where + ": the header has " + shown(other) + " but no " + shown(delimiter) +
                    "; " + hint);
    }
}

/// The header's names of the columns passed through with --keep.
std::vector<std::string> kept_names(const std::vector<std::string_view>& header,
                                    const series_columns& columns, const std::string& where) {
    std::vector<std::string> names;
    for (const std::size_t i : columns.others()) {
        const std::size_t bad = invalid_utf8(header[i]);
        if (bad != std::string_view::npos)
            throw error(where + ": column " + std::to_string(i + 1) +
                        ": the name is not valid UTF-8 at byte " + std::to_string(bad + 1) +
                        "; save the file as UTF-8");
        names.emplace_back(header[i]);
    }
    return names;
}

int run(const batch_options& o, const context& ctx) {
    if (o.files.empty() && ctx.term.stdin_is_tty)
        throw error("batch reads CSV from files or standard input; give a FILE, or pipe data in");
    // These check or explain one figure; a batch writes a figure per row and column.
    if (ctx.common.expect)
        throw error(
            "--expect checks one figure; churn batch writes many (compare a column, "
            "e.g. --fields period,churn_pct)");
    if (ctx.common.quiet)
        throw error(
            "--quiet prints one number; churn batch writes a table (choose columns "
            "with --fields)");
    if (ctx.common.explain)
        throw error(
            "--explain shows the formulas of one calculation; run churn rate on a row "
            "to see them");
    batch_settings settings;
    settings.format = batch_format_of(ctx.common.format_name);
    settings.precision = ctx.precision();
    settings.color = ctx.use_color();
    settings.chart = o.chart;
    settings.summary = o.summary || o.summary_only;
    settings.summary_only = o.summary_only;
    settings.denominator = o.basis == "exposed"   ? basis::exposed
                           : o.basis == "average" ? basis::average
                                                  : basis::start;
    const auto length = parse_period_length(o.period);
    if (!length)
        throw parse_error("--period", o.period,
                          "is not a period length; use day, week, month, quarter, half or year");
    settings.period = *length;
    if (o.chart && settings.format != batch_format::table)
        throw error("--chart draws in --format table only");
    if (o.summary_only && o.chart)
        throw error("--chart draws the rows, which --summary-only leaves out");
    const std::optional<char> delimiter = given_delimiter(o);

    batch_writer writer(ctx.out, settings);
    input_files sources(o.files, ctx.in);
    series periods(ctx.numbers());
    series_row row;
    std::string name;
    std::vector<std::string_view> cells;
    std::vector<std::string_view> kept;
    std::size_t skipped = 0;
    std::size_t rows = 0;
    bool started = false;
    // An unreadable file or a CSV syntax error stops the run like a bad row does: the rows
    // before it stay written (SPEC §5), as a whole document, however the run ends.
    struct end_on_error {
        batch_writer& w;
        ~end_on_error() {
            if (std::uncaught_exceptions() > 0)
                w.end_after_error();
        }
    } end_guard{writer};
    while (std::istream* in = sources.next(name)) {
        csv_options csv;
        csv.delimiter = delimiter_of(delimiter, ctx.common.decimal_comma, name);
        csv_reader reader(*in, name, csv);
        if (!reader.next(cells))
            throw error(name + ": no header row (the input is empty)");
        const std::string header_at = name + ":" + std::to_string(reader.line());
        if (cells.size() == 1)
            check_delimiter(cells[0], csv.delimiter, ctx.common.decimal_comma, header_at);
        const series_columns columns = [&] {
            try {
                return series_columns(cells);
            } catch (const churn::error& e) {
                throw error(header_at + ": " + e.what());
            }
        }();
        if (!started) {
            writer.begin(
                columns,
                o.keep ? kept_names(cells, columns, header_at) : std::vector<std::string>{},
                o.fields);
            started = true;
        }
        while (reader.next(cells)) {
            ++rows;
            try {
                periods.read(columns, cells, row);
                kept.clear();
                if (o.keep) {
                    for (const std::size_t i : columns.others()) {
                        const std::size_t bad = invalid_utf8(cells[i]);
                        if (bad != std::string_view::npos)
                            throw error("column " + std::to_string(i + 1) +
                                        ": not valid UTF-8 at byte " + std::to_string(bad + 1) +
                                        "; save the file as UTF-8");
                        kept.push_back(cells[i]);
                    }
                }
                writer.row(row, kept);
            } catch (const churn::error& e) {
                const std::string message =
                    name + ":" + std::to_string(reader.line()) + ": " + e.what();
                if (!o.skip_invalid)
                    throw error(message);
                writer.flush();  // the rows before it, then the message, on a shared terminal
                ctx.err << "churn: error: " << message << " (row skipped)\n";
                ++skipped;
            }
            if (!writer.ok())
                return exit_ok;  // the reader went away or the disk is full: main says which
        }
    }
    if (rows == 0)
        throw error(name + ": no data rows, only a header");
    writer.finish();
    if (skipped > 0) {
        ctx.err << "churn: error: " << skipped << " of " << rows
                << (rows == 1 ? " row was" : " rows were") << " invalid and skipped\n";
        return exit_error;
    }
    return exit_ok;
}

}  // namespace

command make_batch_command() {
    auto options = std::make_shared<batch_options>();
    command c{"batch", "A series of periods from CSV or TSV: every metric per row",
              [options](CLI::App& app) { setup(app, *options); },
              [options](const context& ctx) { return run(*options, ctx); }};
    c.formats = {"csv", "tsv", "jsonl", "json", "table"};
    return c;
}

}  // namespace churn::cli
