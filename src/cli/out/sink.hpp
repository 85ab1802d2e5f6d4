#pragma once
// Where every result goes: a sink per output format behind one interface. A command hands it
// columns, then rows of values in those columns, then totals; the sink alone decides how they
// look. Rows of any schema: a single calculation is one row, a batch or an activity log many.

#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace churn::cli {

/// The output formats, parsed once from their names (options.cpp).
/// svg and html are pictures, not sinks: churn cohort draws them (heatmap/heatmap.hpp).
enum class format { text, json, jsonl, csv, tsv, table, svg, html };

namespace out {

/// The library's exact num / den, not necessarily reduced.
using churn::fraction;

/// A cell, in display units (a percentage is 4.75, not 0.0475): undefined (empty, `null`), a
/// count (an integer everywhere), an exact fraction (rounded to the precision; the nearest
/// double in JSON), an amount (echoed as written), a result that is not rational, text, a flag.
using value =
    std::variant<std::monostate, int128, fraction, decimal, double, std::string_view, bool>;

/// A column of the output; the text fields only matter to people's formats.
struct column {
    std::string name;    ///< machine name, e.g. churn_pct (a contract: never rename)
    std::string label;   ///< text: the label; empty leaves the column out of text
    std::string suffix;  ///< text and table: the unit after a number, e.g. "%" or " months"
    std::string note;    ///< text: detail shown after the value
    int indent = 0;      ///< text: spaces before the label
    /// table: a double per row drawn as a bar, scaled to the column's largest (batch --chart)
    bool bar = false;
};

/// What a document holds, given before its rows; without columns, a summary alone (as batch
/// --summary-only).
struct header {
    std::string command;              ///< the JSON object of a single calculation names it
    std::vector<column> columns;      ///< kept by the sink until finish
    std::size_t headline = SIZE_MAX;  ///< the column -q prints and text makes bold, if any
    /// One calculation, not a table of rows: JSON writes one object naming the command.
    bool record = false;
};

/// One total of a summary, named for what it is. Where a row of totals in the row columns is
/// written (CSV, TSV), it goes in `column`: the column it totals, if any (the pooled churn in
/// churn_pct). A text total (period "total") names that row; CSV and TSV leave it out of a
/// summary alone.
struct total {
    std::string_view name;
    std::string_view column;
    std::string_view label;  ///< for people's formats
    value v;
    std::string_view suffix;  ///< e.g. "%"
};

/// How numbers look in formats that round them.
struct options {
    int precision = 2;   ///< decimals of fractions in text, table, CSV, TSV and quiet output
    char point = '.';    ///< of text, table and quiet output (CSV, TSV and JSON keep '.')
    bool color = false;  ///< ANSI colour in text and table output
};

/// Writes a document to a stream in large blocks.
class sink {
  public:
    sink(std::ostream& out, options o) : out_(out), o_(o) {}
    sink(const sink&) = delete;
    sink& operator=(const sink&) = delete;
    virtual ~sink() = default;

    /// Starts the document: the columns every row has.
    virtual void begin(header h) = 0;
    /// Appends one row, a value per column; if it throws, nothing of the row is written.
    virtual void row(std::span<const value> values) = 0;
    /// Appends the totals, after the rows.
    virtual void summary(std::span<const total> totals) = 0;
    /// Ends the document, with the explanation of a calculation, and writes it out. Call it
    /// after an error too: the rows before it stay (a table is written, a JSON array closed).
    virtual void finish(const std::vector<std::string>& explanation) = 0;

    /// Writes what is buffered (before a message on stderr, or on an error).
    void flush();
    /// False once a write failed: stop producing rows.
    bool ok() const { return static_cast<bool>(out_); }

  protected:
    /// Runs `write`, which appends to the buffer; if it throws, the buffer is left as it was.
    template <typename Write>
    void atomically(Write&& write) {
        const std::size_t mark = buffer_.size();
        try {
            write();
        } catch (...) {
            buffer_.resize(mark);
            throw;
        }
        if (buffer_.size() >= block)
            flush();
    }

    static constexpr std::size_t block = std::size_t{1} << 16;  ///< bytes written at once

    std::ostream& out_;
    options o_;
    std::string buffer_;
};

/// The sink of a format; -q is its own sink, printing the headline alone.
std::unique_ptr<sink> make_sink(format f, std::ostream& out, const options& o);
std::unique_ptr<sink> make_quiet_sink(std::ostream& out, const options& o);

}  // namespace out
}  // namespace churn::cli
