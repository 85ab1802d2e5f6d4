// A table for people: the rows are kept to align them, text columns on the left, numbers on
// the right with their unit, `-` where a value is undefined, a bar column drawn as bars scaled
// to its largest value; the totals below, one per line.

#include "cli/escape.hpp"
#include "cli/out/chart.hpp"
#include "cli/out/formats.hpp"
#include "cli/out/number.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace churn::cli::out {

namespace {

class table_sink final : public sink {
  public:
    using sink::sink;

    void begin(header h) override {
        std::vector<std::string> names;
        for (const auto& c : h.columns) {
            std::string name;
            append_visible(name, c.name);
            names.push_back(std::move(name));
            suffixes_.push_back(c.suffix);
            bars_.push_back(c.bar);
        }
        left_.assign(names.size(), false);
        if (!names.empty())
            cells_.push_back(std::move(names));
    }

    void row(std::span<const value> values) override {
        std::vector<std::string> cells(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (bars_[i]) {
                const auto* x = std::get_if<double>(&values[i]);
                lengths_.push_back(x != nullptr && std::isfinite(*x) ? *x : 0.0);
                top_ = std::max(top_, lengths_.back());
            } else if (const auto* s = std::get_if<std::string_view>(&values[i])) {
                append_visible(cells[i], *s);
                left_[i] = true;
            } else {
                append_plain(cells[i], values[i], o_.precision, o_.point);
                if (!cells[i].empty() && is_number(values[i]))
                    cells[i] += suffixes_[i];
            }
        }
        cells_.push_back(std::move(cells));
    }

    void summary(std::span<const total> totals) override {
        for (const total& t : totals) {
            if (t.label.empty())
                continue;
            std::string label;
            append_visible(label, t.label);
            std::string v;
            append_plain(v, t.v, o_.precision, o_.point);
            const std::string_view suffix = !v.empty() && is_number(t.v) ? t.suffix : "";
            totals_.push_back({std::move(label), std::move(v), std::string(suffix)});
        }
    }

    void finish(const std::vector<std::string>&) override {
        write_rows();
        if (!totals_.empty()) {
            std::size_t width = 0;
            for (const auto& t : totals_)
                width = std::max(width, display_width(t.label));
            if (!cells_.empty())
                buffer_ += '\n';
            for (const auto& t : totals_) {
                buffer_ += t.label;
                buffer_.append(width + 2 - display_width(t.label), ' ');
                buffer_ += fmt::format("{:>12}{}\n", t.v.empty() ? "-" : t.v, t.suffix);
            }
        }
        flush();
    }

  private:
    void write_rows() {
        if (cells_.empty())
            return;
        std::vector<std::size_t> widths(cells_.front().size(), 0);
        for (const auto& r : cells_)
            for (std::size_t i = 0; i < r.size(); ++i)
                if (!bars_[i])
                    widths[i] = std::max(widths[i], display_width(r[i].empty() ? "-" : r[i]));
        std::size_t length = 0;  // the next bar's, in lengths_
        std::string line;
        for (std::size_t row = 0; row < cells_.size(); ++row) {
            line.clear();
            const auto& r = cells_[row];
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (bars_[i]) {
                    if (i > 0)
                        line += "  ";
                    if (row > 0)
                        append_bar(line, lengths_[length++], i + 1 == r.size());
                    continue;
                }
                const std::string_view c = r[i].empty() && row > 0 ? "-" : std::string_view(r[i]);
                const std::size_t pad = widths[i] - std::min(widths[i], display_width(c));
                if (i > 0)
                    line += "  ";
                if (!left_[i])
                    line.append(pad, ' ');
                line += c;
                if (left_[i])
                    line.append(pad, ' ');
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            buffer_ += line;
            buffer_ += '\n';
            if (buffer_.size() >= block)
                flush();
        }
    }

    /// The bar of `length`, padded to its full width unless it ends the line.
    void append_bar(std::string& line, double length, bool last) const {
        const std::string b = bar(top_ > 0 ? length / top_ : 0, bar_width);
        line += o_.color ? fmt::format(fmt::fg(fmt::terminal_color::cyan), "{}", b) : b;
        if (!last)
            line.append(static_cast<std::size_t>(bar_width) - display_width(b), ' ');
    }

    std::vector<std::string> suffixes_;
    std::vector<bool> left_;       ///< columns holding text
    std::vector<bool> bars_;       ///< columns drawn as bars
    std::vector<double> lengths_;  ///< the bars' values, row by row
    double top_ = 0;               ///< the largest of them
    std::vector<std::vector<std::string>> cells_;
    struct shown_total {
        std::string label, v, suffix;
    };
    std::vector<shown_total> totals_;
};

}  // namespace

std::unique_ptr<sink> make_table_sink(std::ostream& out, const options& o) {
    return std::make_unique<table_sink>(out, o);
}

}  // namespace churn::cli::out
