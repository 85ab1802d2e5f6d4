// churn batch: a series of periods from CSV or TSV, one output row per input row, streamed.

#include "cli/app.hpp"
#include "cli/batch_output.hpp"
#include "cli/command.hpp"
#include "cli/input.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>
#include <churn/period.hpp>
#include <churn/series.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <optional>
#include <unordered_map>
#include <unordered_set>

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
    add_value(app, "--fields", o.fields,
              "Columns (or totals, with --summary-only) in order, e.g. period,churn_pct")
        ->type_name("LIST");
    app.add_flag("--summary", o.summary, "Add totals: pooled, mean and compounded churn");
    app.add_flag("--summary-only", o.summary_only, "Print only the totals");
    app.add_flag("--skip-invalid", o.skip_invalid,
                 "Report bad rows on stderr and go on (the exit status is still 2)");
    app.add_flag("--keep", o.keep, "Pass the input's other columns through");
    app.add_flag("--chart", o.chart, "With --format table: a bar of the churn per period");
    add_basis_option(app, o.basis);
    add_period_option(app, "--period", o.period, "Length of one row's period", true);
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

/// What of one input's header the output depends on: the known columns, and with --keep the
/// others by name. Every input of a series must have the same, in any order.
struct header_columns {
    std::string at;  ///< `file:line` of the header
    std::array<bool, series_column_count> known{};
    std::vector<std::string> kept;   ///< canonical names of the kept columns, in header order
    std::vector<std::string> shown;  ///< the names of both, in header order, for messages
};

header_columns columns_of(const std::vector<std::string_view>& header,
                          const series_columns& columns, bool keep, std::string at) {
    header_columns h{std::move(at), {}, {}, {}};
    std::vector<bool> used(header.size());
    for (std::size_t c = 0; c < series_column_count; ++c)
        if (const auto i = columns[static_cast<series_column>(c)]) {
            h.known[c] = true;
            used[*i] = true;
        }
    if (keep)
        for (const std::size_t i : columns.others()) {
            used[i] = true;
            h.kept.push_back(canonical_column_name(header[i]));
        }
    for (std::size_t i = 0; i < header.size(); ++i)
        if (used[i])
            h.shown.push_back(canonical_column_name(header[i]));
    return h;
}

/// The names of `a` that `b` lacks.
std::vector<std::string> lacking(const header_columns& a, const header_columns& b) {
    std::vector<std::string> out;
    for (std::size_t c = 0; c < series_column_count; ++c)
        if (a.known[c] && !b.known[c])
            out.emplace_back(name(static_cast<series_column>(c)));
    const std::unordered_set<std::string> in_b(b.kept.begin(), b.kept.end());
    for (const auto& k : a.kept)
        if (in_b.count(k) == 0)
            out.push_back(k);
    return out;
}

/// Where the first input's kept columns are in a later input's header, matched by name; throws
/// when the later input's columns are not the first's (naming both headers).
std::vector<std::size_t> match_columns(const header_columns& first, const header_columns& later,
                                       const std::vector<std::string_view>& header,
                                       const series_columns& columns) {
    const auto is_new = lacking(later, first);
    const auto missing = lacking(first, later);
    if (!is_new.empty() || !missing.empty()) {
        std::string what;
        if (!is_new.empty())
            what = column_list(is_new) + (is_new.size() == 1 ? " is new" : " are new");
        if (!missing.empty())
            what += (what.empty() ? "" : ", ") + column_list(missing) +
                    (missing.size() == 1 ? " is missing" : " are missing");
        throw error(later.at + ": the header (" + column_list(later.shown) +
                    ") has other columns than " + first.at + " (" + column_list(first.shown) +
                    "): " + what + "; the files of one series need the same columns, in any order");
    }
    std::unordered_map<std::string, std::size_t> at;
    for (const std::size_t i : columns.others())
        at.emplace(canonical_column_name(header[i]), i);
    std::vector<std::size_t> fields;
    for (const auto& k : first.kept)
        fields.push_back(at.at(k));
    return fields;
}

/// Where a header's unnamed trailing columns begin: their cells must stay empty.
std::size_t named_width(const std::vector<std::string_view>& header) {
    std::size_t n = header.size();
    while (n > 0 && canonical_column_name(header[n - 1]).empty())
        --n;
    return n;
}

/// A value in a column the header leaves unnamed is a row out of line, not data to drop.
void check_unnamed(const std::vector<std::string_view>& cells, std::size_t named) {
    for (std::size_t i = named; i < cells.size(); ++i)
        if (cells[i].find_first_not_of(" \t") != std::string_view::npos)
            throw parse_error("column " + std::to_string(i + 1), std::string(cells[i]),
                              "is under no name in the header; name the column or remove the "
                              "value");
}

int run(const batch_options& o, const context& ctx) {
    if (o.files.empty() && ctx.term.stdin_is_tty)
        throw error("batch reads CSV from files or standard input; give a FILE, or pipe data in");
    batch_settings settings;
    settings.f = ctx.output_format();
    settings.numbers = out::options{ctx.precision(), ctx.point(), ctx.use_color()};
    settings.chart = o.chart;
    settings.summary = o.summary || o.summary_only;
    settings.summary_only = o.summary_only;
    settings.math.denominator = basis_flag(o.basis);
    // none: a snapshot that covers no period; its rows have no lifetime or annual churn.
    settings.math.period = period_flag(o.period, "--period", true);
    if (o.chart && settings.f != format::table)
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
    // An unreadable file or a CSV syntax error stops the run like a bad row does: the rows
    // before it stay written (SPEC §5), as a whole document, however the run ends.
    struct end_on_error {
        batch_writer& w;
        ~end_on_error() {
            if (std::uncaught_exceptions() > 0)
                w.end_after_error();
        }
    } end_guard{writer};
    std::optional<header_columns> first;
    std::vector<std::size_t> kept_at;  // the kept columns' fields in this input
    while (std::istream* in = sources.next(name)) {
        csv_options csv;
        csv.delimiter = delimiter_of(delimiter, ctx.common.decimal_comma, name);
        csv_reader reader(*in, name, csv);
        if (!reader.next(cells))
            throw error(name + ": no header row (the input is empty)");
        std::string header_at = name + ":" + std::to_string(reader.line());
        if (cells.size() == 1)
            check_delimiter(cells[0], csv.delimiter, ctx.common.decimal_comma, header_at);
        const series_columns columns = [&] {
            try {
                return series_columns(cells);
            } catch (const churn::error& e) {
                throw error(header_at + ": " + e.what());
            }
        }();
        const std::size_t named = named_width(cells);
        header_columns these = columns_of(cells, columns, o.keep, std::move(header_at));
        if (!first) {
            writer.begin(columns,
                         o.keep ? kept_names(cells, columns, these.at) : std::vector<std::string>{},
                         o.fields);
            kept_at = o.keep ? columns.others() : std::vector<std::size_t>{};
            first = std::move(these);
        } else {
            kept_at = match_columns(*first, these, cells, columns);
        }
        while (reader.next(cells)) {
            ++rows;
            try {
                if (named < cells.size() && cells.size() == columns.width())
                    check_unnamed(cells, named);
                periods.read(columns, cells, row);
                kept.clear();
                for (const std::size_t i : kept_at) {
                    const std::size_t bad = invalid_utf8(cells[i]);
                    if (bad != std::string_view::npos)
                        throw error("column " + std::to_string(i + 1) +
                                    ": not valid UTF-8 at byte " + std::to_string(bad + 1) +
                                    "; save the file as UTF-8");
                    kept.push_back(cells[i]);
                }
                writer.row(row, kept);
            } catch (const churn::error& e) {
                // A missing count is a column the input lacks, not a flag.
                const auto* missing = dynamic_cast<const missing_count*>(&e);
                const std::string message =
                    name + ":" + std::to_string(reader.line()) + ": " +
                    (missing ? missing->phrased("in a column \"" + missing->count() + "\"")
                             : std::string(e.what()));
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
    return skipped_rows_status(ctx.err, skipped, rows);
}

}  // namespace

command make_batch_command() {
    auto options = std::make_shared<batch_options>();
    command c{"batch", "A series of periods from CSV or TSV: every metric per row",
              [options](CLI::App& app) { setup(app, *options); },
              [options](const context& ctx) { return run(*options, ctx); }};
    c.formats = {"csv", "tsv", "jsonl", "json", "table"};
    c.one_figure = false;
    std::string columns;
    for (std::size_t i = 0; i < series_column_count; ++i)
        columns += (i == 0   ? ""
                    : i == 7 ? ",\n  "
                             : ", ") +
                   std::string(name(static_cast<series_column>(i)));
    c.examples = "Input columns, by name in any order (case-insensitive):\n  " + columns +
                 "\nA row without start takes the previous row's end.\n\n" + R"(Examples:
  churn batch periods.csv                         every metric per row, as CSV
  churn batch periods.csv --format table --summary --chart
  churn batch a.csv b.csv --fields period,churn_pct,retention_pct
  churn batch - --format jsonl < periods.csv)";
    return c;
}

}  // namespace churn::cli
