// Reading an activity log (events_input.hpp): one thread parses and checks the rows into
// batches, the other counts them.

#include "cli/events_input.hpp"

#include "cli/input.hpp"

#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/parse.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

namespace churn::cli {

namespace {

/// How the log's fields are split: the given delimiter, else by the file's name.
csv_options csv_of(const std::optional<std::string>& given, std::string_view file) {
    csv_options c;
    if (!given) {
        c.delimiter = file.ends_with(".tsv") || file.ends_with(".tab") ? '\t' : ',';
        return c;
    }
    const std::string& d = *given;
    if (d == "whitespace" || d == "space" || d == " ") {
        c.whitespace = true;
        return c;
    }
    if (d == "tab" || d == "\\t" || d == "\t")
        c.delimiter = '\t';
    else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r")
        c.delimiter = d[0];
    else
        throw parse_error("--delimiter", d,
                          "is not a single character; use , ; | tab or whitespace");
    return c;
}

/// `column "InvoiceDate"`: a column of the header, for messages.
std::string column_named(const std::vector<std::string>& header, std::size_t i) {
    return "column " + quote(header[i]);
}

/// Reads one row's amount: the column, or quantity × price; 0 without either. Errors name the
/// column.
decimal amount_of(const std::vector<std::string_view>& cells, const event_columns& c,
                  const std::vector<std::string>& header, const events_source& r) {
    const auto read = [&](std::size_t i) {
        std::int64_t units = 0;
        int scale = 0;
        if (plain_amount(cells[i], units, scale))
            return decimal{units, scale};
        return parse_decimal(cells[i], column_named(header, i), r.numbers, true);
    };
    if (c.amount)
        return read(*c.amount);
    if (c.quantity && c.price) {
        const decimal q = read(*c.quantity);
        const decimal p = read(*c.price);
        try {
            return multiply(q, p);
        } catch (const churn::error& e) {
            throw error(column_named(header, *c.quantity) + " × " + column_named(header, *c.price) +
                        ": " + e.what());
        }
    }
    return {};
}

/// A progress line on stderr for a person watching a large log.
class progress {
  public:
    progress(std::ostream& err, bool shown) : err_(err), shown_(shown) {}
    void row(std::size_t rows) {
        if (shown_ && rows % (std::size_t{1} << 20) == 0) {
            err_ << "\rchurn: events: " << rows / 1000000 << "." << rows / 100000 % 10
                 << "M rows read" << std::flush;
            dirty_ = true;
        }
    }
    /// Erases the line, before a message or at the end.
    void clear() {
        if (dirty_)
            err_ << "\r\033[K" << std::flush;
        dirty_ = false;
    }
    ~progress() { clear(); }

  private:
    std::ostream& err_;
    bool shown_;
    bool dirty_ = false;
};

/// Rows handed to the aggregator a thousand at a time, which fetches their customers' memory
/// ahead (activity::add); their text is copied, since the reader's fields last one row.
class rows_batch {
  public:
    rows_batch() {
        text_.reserve(capacity * 32);
        rows_.reserve(capacity);
    }
    bool full() const { return rows_.size() == capacity || text_.size() > capacity * 24; }
    void add(activity_row r) {
        if (text_.capacity() - text_.size() < r.customer.size() + r.order.size())
            relocate(r.customer.size() + r.order.size());
        r.customer = keep(r.customer);
        r.order = keep(r.order);
        rows_.push_back(r);
    }
    std::span<const activity_row> rows() const { return rows_; }
    void clear() {
        rows_.clear();
        text_.clear();
    }

  private:
    static constexpr std::size_t capacity = 1024;
    std::string_view keep(std::string_view s) {
        const std::size_t at = text_.size();
        text_.append(s);
        return {text_.data() + at, s.size()};
    }
    /// Makes room for a long id: the copies move, and the rows' views with them.
    void relocate(std::size_t more) {
        std::string moved;
        moved.reserve((text_.size() + more) * 2);
        for (auto& row : rows_) {
            const auto move = [&](std::string_view& v) {
                const std::size_t at = moved.size();
                moved.append(v);
                v = {moved.data() + at, v.size()};
            };
            move(row.customer);
            move(row.order);
        }
        text_.swap(moved);
    }
    std::string text_;
    std::vector<activity_row> rows_;
};

/// Batches between the two threads: full ones from the reader to the counter, in order, and
/// back empty. Either side can stop the other: the reader at the end or at an error, the
/// counter at an error of its own.
class handoff {
  public:
    handoff() {
        for (int i = 0; i < 4; ++i)
            empty_.push_back(std::make_unique<rows_batch>());
    }
    /// The reader's first batch.
    std::unique_ptr<rows_batch> empty_batch() { return take_empty(); }
    /// The reader hands a full batch over and gets an empty one; throws stopped once the
    /// counter has given up.
    std::unique_ptr<rows_batch> pass(std::unique_ptr<rows_batch> b) {
        {
            std::lock_guard lock(m_);
            full_.push_back(std::move(b));
        }
        changed_.notify_all();
        return take_empty();
    }
    /// The reader is done, well or not.
    void finish(std::exception_ptr failure) {
        {
            std::lock_guard lock(m_);
            done_ = true;
            failure_ = std::move(failure);
        }
        changed_.notify_all();
    }
    /// The counter's next batch; nullptr once the reader is done and every batch is counted.
    std::unique_ptr<rows_batch> next() {
        std::unique_lock lock(m_);
        changed_.wait(lock, [&] { return !full_.empty() || done_; });
        if (full_.empty())
            return nullptr;
        auto b = std::move(full_.front());
        full_.pop_front();
        return b;
    }
    void give_back(std::unique_ptr<rows_batch> b) {
        b->clear();
        {
            std::lock_guard lock(m_);
            empty_.push_back(std::move(b));
        }
        changed_.notify_all();
    }
    /// The counter failed: the reader stops at its next batch.
    void halt() {
        {
            std::lock_guard lock(m_);
            halted_ = true;
        }
        changed_.notify_all();
    }
    /// What stopped the reader, if anything did.
    std::exception_ptr failure() {
        std::lock_guard lock(m_);
        return failure_;
    }

    struct stopped {};

  private:
    std::unique_ptr<rows_batch> take_empty() {
        std::unique_lock lock(m_);
        changed_.wait(lock, [&] { return !empty_.empty() || halted_; });
        if (halted_)
            throw stopped{};
        auto b = std::move(empty_.back());
        empty_.pop_back();
        return b;
    }

    std::mutex m_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<rows_batch>> full_;
    std::vector<std::unique_ptr<rows_batch>> empty_;
    bool done_ = false;
    bool halted_ = false;
    std::exception_ptr failure_;
};

}  // namespace

std::vector<std::string> read_header(const events_source& r, const context& ctx,
                                     std::string& name) {
    input_files sources(r.files, ctx.in);
    std::istream* in = sources.next(name);
    if (in == nullptr)
        throw error("no input to read a header from");
    csv_reader reader(*in, name, csv_of(r.delimiter, name));
    std::vector<std::string_view> cells;
    if (!reader.next(cells))
        throw error(name + ": no header row (the input is empty)");
    return {cells.begin(), cells.end()};
}

namespace {

/// The reading half: parses every input into batches, handing each full one over.
void parse_rows(const events_source& r, const context& ctx, events_tally& t, std::size_t told,
                handoff& out) {
    input_files sources(r.files, ctx.in);
    std::string name;
    std::vector<std::string_view> cells;
    progress shown(ctx.err, ctx.term.stderr_is_tty);
    std::unique_ptr<rows_batch> batch = out.empty_batch();
    bool first_file = true;
    bool orders = false;  // the first file has an order column
    std::string first;    // its name
    while (std::istream* in = sources.next(name)) {
        csv_reader reader(*in, name, csv_of(r.delimiter, name));
        if (!reader.next(cells))
            throw error(name + ": no header row (the input is empty)");
        const event_columns c = [&] {
            try {
                return find_event_columns(cells, r.columns);
            } catch (const churn::error& e) {
                throw error(name + ":" + std::to_string(reader.line()) + ": " + e.what());
            }
        }();
        if (first_file && told == 0 && !c.note.empty())
            ctx.err << "churn: note: " << name << ": " << c.note << "\n";
        // The files of one log have the same roles: amounts in all or none, orders likewise.
        const bool amounts = c.amount || (c.quantity && c.price);
        if (first_file) {
            t.amounts = amounts;
            orders = c.order.has_value();
            first = name;
        } else if (amounts != t.amounts || c.order.has_value() != orders) {
            const char* role = amounts != t.amounts ? "amount" : "order";
            const bool here = amounts != t.amounts ? amounts : c.order.has_value();
            throw error(name + ":" + std::to_string(reader.line()) + ": the header has " +
                        (here ? "an " : "no ") + role + " column but " + first + "'s has " +
                        (here ? "none" : "one") + "; the files of one log need the same columns");
        }
        first_file = false;
        std::vector<std::string> header(cells.begin(), cells.end());
        activity_row row;
        while (reader.next(cells)) {
            if (batch->full())
                batch = out.pass(std::move(batch));
            ++t.rows;
            shown.row(t.rows);
            try {
                if (cells.size() != c.width)
                    throw error("the row has " + std::to_string(cells.size()) +
                                (cells.size() == 1 ? " field" : " fields") + ", the header " +
                                std::to_string(c.width));
                row.customer = trim_blanks(cells[c.customer]);
                if (row.customer.empty()) {
                    ++t.guests;
                    continue;
                }
                const std::size_t bad = invalid_utf8(row.customer);
                if (bad != std::string_view::npos)
                    throw error(column_named(header, c.customer) + ": not valid UTF-8 at byte " +
                                std::to_string(bad + 1) + "; save the file as UTF-8");
                timestamp when;
                if (!r.dates.iso() || !plain_timestamp(cells[c.date], when)) {
                    try {
                        when = parse_timestamp(cells[c.date], r.dates, r.offset);
                    } catch (const churn::error& e) {
                        throw error(column_named(header, c.date) + ": " + e.what());
                    }
                }
                row.micros = when.micros;
                row.day = when.day();
                row.amount = amount_of(cells, c, header, r);
                row.order = c.order ? trim_blanks(cells[*c.order]) : std::string_view{};
            } catch (const churn::error& e) {
                const std::string message =
                    name + ":" + std::to_string(reader.line()) + ": " + e.what();
                if (!r.skip_invalid)
                    throw error(message);
                ++t.skipped;
                if (t.rows > told) {
                    shown.clear();
                    ctx.err << "churn: error: " << message << " (row skipped)\n";
                }
                continue;
            }
            if (r.to_day && row.day > *r.to_day) {
                ++t.ignored;
                continue;
            }
            if (r.from_day && row.day < *r.from_day)
                ++t.history;
            if (row.amount.units < 0)
                ++t.refunds;
            row.period = r.cal.period_of(row.day);
            batch->add(row);
        }
    }
    out.pass(std::move(batch));
}

}  // namespace

void check_delimiter_flag(const std::optional<std::string>& delimiter) {
    csv_of(delimiter, "");
}

void read_events(const events_source& src, const context& ctx, activity& log, events_tally& t,
                 std::size_t told) {
    handoff batches;
    std::thread reader([&] {
        std::exception_ptr failure;
        try {
            parse_rows(src, ctx, t, told, batches);
        } catch (const handoff::stopped&) {
        } catch (...) {
            failure = std::current_exception();
        }
        batches.finish(failure);
    });
    try {
        while (auto b = batches.next()) {
            log.add(b->rows());
            batches.give_back(std::move(b));
        }
    } catch (...) {
        batches.halt();
        reader.join();
        throw;
    }
    reader.join();
    if (const auto failure = batches.failure())
        std::rethrow_exception(failure);
}

}  // namespace churn::cli
