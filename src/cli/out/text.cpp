// Text for people: one line per labelled column, labels left, numbers aligned on the right,
// units and notes after them; a calculation's formulas after a blank line.

#include "cli/escape.hpp"
#include "cli/out/formats.hpp"
#include "cli/out/number.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

namespace churn::cli::out {

namespace {

std::string colored(const std::string& s, const fmt::text_style& style, bool color) {
    return color ? fmt::format(style, "{}", s) : s;
}

fmt::text_style style_of(const column& c, const value& v) {
    if (c.name == "assessment") {
        const auto* word = std::get_if<std::string_view>(&v);
        if (word && *word == "healthy")
            return fmt::fg(fmt::terminal_color::green);
        if (word && *word == "watch")
            return fmt::fg(fmt::terminal_color::yellow);
        return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    }
    if (c.name == "expect_match" || c.name == "expected")
        return fmt::emphasis::bold;
    return {};
}

/// One line before alignment.
struct line {
    std::string left, value, unit;
    std::string_view note;
    bool number = false;
    bool bold = false;  ///< the headline
    fmt::text_style style;
};

class text_sink final : public sink {
  public:
    using sink::sink;

    void begin(header h) override { h_ = std::move(h); }

    void row(std::span<const value> values) override {
        atomically([&] {
            std::vector<line> lines;
            for (std::size_t i = 0; i < h_.columns.size() && i < values.size(); ++i) {
                const column& c = h_.columns[i];
                if (c.label.empty())
                    continue;
                line l;
                l.left = std::string(static_cast<std::size_t>(c.indent), ' ') + c.label;
                l.number = is_number(values[i]);
                if (l.number) {
                    append_plain(l.value, values[i], o_.precision, o_.point);
                    l.unit = c.suffix;
                } else {
                    std::string plain;
                    append_plain(plain, values[i], o_.precision, o_.point);
                    append_visible(l.value, plain);
                }
                l.note = c.note;
                l.bold = i == h_.headline;
                l.style = style_of(c, values[i]);
                lines.push_back(std::move(l));
            }
            write(lines);
        });
    }

    void summary(std::span<const total> totals) override {
        atomically([&] {
            std::vector<line> lines;
            for (const total& t : totals) {
                if (t.label.empty())
                    continue;
                line l;
                l.left = std::string(t.label);
                l.number = is_number(t.v);
                append_plain(l.value, t.v, o_.precision, o_.point);
                if (l.number)
                    l.unit = std::string(t.suffix);
                lines.push_back(std::move(l));
            }
            write(lines);
        });
    }

    void finish(const std::vector<std::string>& explanation) override {
        if (!explanation.empty()) {
            buffer_ += "\n";
            for (const auto& e : explanation)
                buffer_ += "  " + e + "\n";
        }
        flush();
    }

  private:
    /// Aligns the lines of one block; blocks after the first follow a blank line.
    void write(const std::vector<line>& lines) {
        if (blocks_++ > 0)
            buffer_ += '\n';
        std::size_t left_width = 0;
        std::size_t value_width = 0;
        std::size_t unit_width = 0;
        for (const auto& l : lines) {
            left_width = std::max(left_width, display_width(l.left));
            if (l.number) {
                value_width = std::max(value_width, l.value.size());
                if (!l.note.empty())
                    unit_width = std::max(unit_width, display_width(l.unit));
            }
        }
        for (const auto& l : lines) {
            std::string text;
            if (l.number) {
                text = std::string(value_width - l.value.size(), ' ') +
                       colored(l.value, fmt::emphasis::bold, o_.color && l.bold);
                text += l.unit;
                if (!l.note.empty())
                    text += std::string(unit_width - display_width(l.unit) + 3, ' ') +
                            std::string(l.note);
            } else {
                text = colored(l.value, l.style, o_.color);
                if (!l.note.empty())
                    text += ": " + std::string(l.note);
            }
            std::string out =
                l.left + std::string(left_width - display_width(l.left) + 2, ' ') + text;
            while (!out.empty() && out.back() == ' ')
                out.pop_back();
            buffer_ += out;
            buffer_ += '\n';
        }
    }

    header h_;
    std::size_t blocks_ = 0;
};

}  // namespace

std::unique_ptr<sink> make_text_sink(std::ostream& out, const options& o) {
    return std::make_unique<text_sink>(out, o);
}

}  // namespace churn::cli::out
