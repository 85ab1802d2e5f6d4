// churn batch: a series of periods from CSV or TSV, one output row per input row, streamed.

#include "cli/app.hpp"
#include "cli/batch_output.hpp"
#include "cli/command.hpp"
#include "cli/fd_stream.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
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
              "Field delimiter: , (default), ; or tab (default ; with --decimal-comma)")
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

/// Input columns churn understands.
enum class input : std::size_t { period, start, lost, acquired, lost_new, end, value, count };
constexpr std::array<std::string_view, 7> input_names = {"period",   "start", "lost", "new",
                                                         "lost_new", "end",   "value"};

/// A header name in canonical form: lower case, blanks and dashes as underscores.
std::string canonical(std::string_view name) {
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
        name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
        name.remove_suffix(1);
    std::string out;
    for (const char c : name) {
        if (c == ' ' || c == '-') {
            out.push_back('_');
        } else {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

/// Where each known column is in the current file, and which columns are passed through.
struct header_map {
    std::array<std::optional<std::size_t>, static_cast<std::size_t>(input::count)> at{};
    std::size_t width = 0;
    std::vector<std::size_t> others;
    std::vector<std::string> other_names;

    const std::optional<std::size_t>& operator[](input i) const {
        return at[static_cast<std::size_t>(i)];
    }
};

header_map map_header(const std::vector<std::string_view>& names, const std::string& where) {
    header_map h;
    h.width = names.size();
    std::vector<std::string> seen;
    std::unordered_set<std::string> seen_set;  // linear in the columns, however many
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name = canonical(names[i]);
        if (!seen_set.insert(name).second)
            throw error(where + ": duplicate column " + quote(name));
        seen.push_back(name);
        const auto it = std::find(input_names.begin(), input_names.end(), name);
        if (it != input_names.end()) {
            h.at[static_cast<std::size_t>(it - input_names.begin())] = i;
        } else {
            h.others.push_back(i);
            h.other_names.emplace_back(names[i]);
        }
    }
    // The names found, at most ten; odd ones (control bytes, commas, long) quoted like any
    // value, so the message stays one short line whatever the header holds.
    const auto shown = [](const std::string& n) {
        const bool plain =
            n.size() <= 40 && std::all_of(n.begin(), n.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != ',' && c != '"';
            });
        return plain && !n.empty() ? n : quote(n);
    };
    std::string found;
    for (std::size_t i = 0; i < seen.size() && i < 10; ++i)
        found += (i == 0 ? "" : ", ") + shown(seen[i]);
    if (seen.size() > 10)
        found += ", … " + std::to_string(seen.size()) + " columns";
    if (!h[input::start])
        throw error(where + ": missing column \"start\" (found: " + found + ")");
    if (!h[input::lost] && !h[input::end] && !h[input::lost_new])
        throw error(where + ": missing column \"lost\" or \"end\" (found: " + found + ")");
    return h;
}

/// A reader for each input in turn, opened in one place: "-" is standard input.
class inputs {
  public:
    explicit inputs(const std::vector<std::string>& files)
        : files_(files.empty() ? std::vector<std::string>{"-"} : files) {}

    /// Opens the next input; nullptr after the last.
    std::istream* next(std::string& name) {
        if (index_ == files_.size())
            return nullptr;
        const std::string& path = files_[index_++];
        if (path == "-") {
            name = "<stdin>";
            stdin_ = std::make_unique<std::istream>(&stdin_buf_);
            return stdin_.get();
        }
        name = path;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0)
            throw error(path + ": " + std::strerror(errno));
        if (S_ISDIR(st.st_mode))
            throw error(path + ": Is a directory");
        file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*file_)
            throw error(path + ": " + std::strerror(errno));
        return file_.get();
    }

  private:
    std::vector<std::string> files_;
    std::size_t index_ = 0;
    fd_istreambuf stdin_buf_{STDIN_FILENO};
    std::unique_ptr<std::istream> stdin_;
    std::unique_ptr<std::ifstream> file_;
};

char delimiter_of(const batch_options& o, const context& ctx) {
    if (!o.delimiter)
        return ctx.common.decimal_comma ? ';' : ',';
    const std::string& d = *o.delimiter;
    if (d == "tab" || d == "\\t" || d == "\t")
        return '\t';
    if (d.size() != 1 || d == "\"" || d == "\n" || d == "\r")
        throw parse_error("--delimiter", d, "is not a single character; use , ; | or tab");
    return d[0];
}

/// Reads one optional count; an empty cell is a missing value.
std::optional<std::int64_t> cell_count(const std::vector<std::string_view>& cells,
                                       const std::optional<std::size_t>& at,
                                       const std::string& label) {
    if (!at)
        return std::nullopt;
    const std::string_view text = cells[*at];
    if (text.find_first_not_of(" \t") == std::string_view::npos)
        return std::nullopt;
    return parse_count(text, label);
}

int run(const batch_options& o, const context& ctx) {
    if (o.files.empty() && ctx.term.stdin_is_tty)
        throw error("batch reads CSV from files or standard input; give a FILE, or pipe data in");
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
    const csv_options csv{delimiter_of(o, ctx)};
    const number_format numbers = ctx.numbers();

    batch_writer writer(ctx.out, settings);
    inputs sources(o.files);
    std::string name;
    std::vector<std::string_view> cells;
    std::optional<std::int64_t> previous_end;
    std::size_t skipped = 0;
    std::size_t rows = 0;
    bool started = false;
    std::array<std::string, static_cast<std::size_t>(input::count)> labels;
    batch_row row;
    // An unreadable file or a CSV syntax error stops the run like a bad row does: the rows
    // before it stay written (SPEC §5), so they are flushed however the run ends.
    struct flush_on_error {
        batch_writer& w;
        ~flush_on_error() {
            if (std::uncaught_exceptions() > 0)
                w.flush();
        }
    } flush_guard{writer};
    while (std::istream* in = sources.next(name)) {
        csv_reader reader(*in, name, csv);
        if (!reader.next(cells))
            throw error(name + ": no header row (the input is empty)");
        const std::string header_at = name + ":" + std::to_string(reader.line());
        if (cells.size() == 1 && csv.delimiter == ',' &&
            std::string_view(cells[0]).find(';') != std::string_view::npos)
            throw error(header_at +
                        ": the header has ';' but no ','; for a European file pass "
                        "--delimiter ';' (and --decimal-comma for 3,75)");
        const header_map header = map_header(cells, header_at);
        if (!started) {
            writer.begin(header[input::period].has_value(),
                         header[input::acquired].has_value() || header[input::lost_new].has_value(),
                         header[input::value].has_value(),
                         o.keep ? header.other_names : std::vector<std::string>{}, o.fields);
            started = true;
        }
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = "column \"" + std::string(input_names[i]) + "\"";
        while (reader.next(cells)) {
            ++rows;
            try {
                if (cells.size() != header.width)
                    throw error("expected " + std::to_string(header.width) + " fields, found " +
                                std::to_string(cells.size()));
                const auto label = [&](input i) -> const std::string& {
                    return labels[static_cast<std::size_t>(i)];
                };
                period_input p;
                p.start = cell_count(cells, header[input::start], label(input::start));
                if (!p.start) {
                    if (!previous_end)
                        throw error(
                            "column \"start\" is empty and there is no previous row "
                            "whose end it could take");
                    p.start = previous_end;
                }
                p.lost = cell_count(cells, header[input::lost], label(input::lost));
                p.acquired = cell_count(cells, header[input::acquired], label(input::acquired));
                p.lost_new = cell_count(cells, header[input::lost_new], label(input::lost_new));
                p.end = cell_count(cells, header[input::end], label(input::end));
                if (!p.lost && !p.end && !p.lost_new)
                    throw error("columns \"lost\" and \"end\" are both empty");
                row.kept.clear();
                row.p = resolve(p);
                if (header[input::period])
                    row.label = cells[*header[input::period]];
                row.value.reset();
                if (header[input::value]) {
                    const std::string_view v = cells[*header[input::value]];
                    if (v.find_first_not_of(" \t") != std::string_view::npos)
                        row.value = parse_decimal(v, label(input::value), numbers);
                }
                if (o.keep)
                    for (const std::size_t i : header.others)
                        row.kept.push_back(cells[i]);
                writer.row(row);
                previous_end = row.p.end;
            } catch (const churn::error& e) {
                const std::string message =
                    name + ":" + std::to_string(reader.line()) + ": " + e.what();
                if (!o.skip_invalid) {
                    writer.flush();
                    throw error(message);
                }
                ctx.err << "churn: error: " << message << " (row skipped)\n";
                ++skipped;
                previous_end.reset();
            }
            if (!writer.ok())
                return exit_ok;  // the reader went away or the disk is full
        }
    }
    if (rows == 0)
        throw error(name + ": no data rows, only a header");
    writer.finish();
    if (skipped > 0) {
        ctx.err << "churn: error: " << skipped << " of " << rows
                << " rows were invalid and skipped\n";
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
