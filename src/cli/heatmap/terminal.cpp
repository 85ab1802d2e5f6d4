// The cohort heatmap as a terminal table: cohort and size on the left, one fixed-width column
// per age, each cell's number always written (colour only adds a background), the triangle's
// missing cells blank. It fits the width it is given: full values, then tighter columns, then
// values at 0 decimals, then the rightmost ages cut; a line under the table says what was done.

#include "cli/escape.hpp"
#include "cli/heatmap/heatmap.hpp"
#include "cli/heatmap/scale.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli::heatmap {

namespace {

constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view rule_char = "─";
constexpr std::string_view cohort_head = "cohort";
constexpr std::string_view size_head = "customers";
constexpr std::size_t size_gap = 2;   // between the cohort and size columns
constexpr std::size_t cell_gap = 1;   // before every age column, never coloured
constexpr std::size_t block_gap = 1;  // and once more before age 0, which has no mark before it

// How the age columns are drawn: which text, the coloured padding before it, and how many
// ages fit.
struct fit {
    bool brief = false;
    std::size_t pad = 1;
    std::size_t text_width = 0;  ///< every age column's, the widest value or age number
    std::size_t shown = 0;       ///< ages 0 … shown-1 drawn
    std::size_t cell_width(std::size_t mark) const { return cell_gap + pad + text_width + mark; }
};

std::string_view text_of(const cell& c, bool brief) {
    return brief && !c.brief.empty() ? c.brief : c.text;
}

std::size_t digits(std::size_t n) {
    std::size_t d = 1;
    for (; n >= 10; n /= 10)
        ++d;
    return d;
}

// The widest value of each age column.
std::vector<std::size_t> column_widths(const map& m, std::size_t ages, bool brief) {
    std::vector<std::size_t> widths(ages, 0);
    for (const row& r : m.rows)
        for (std::size_t k = 0; k < r.cells.size() && k < ages; ++k)
            if (r.cells[k].present)
                widths[k] = std::max(widths[k], display_width(text_of(r.cells[k], brief)));
    return widths;
}

// The first way of drawing the ages that fits `width` whole (tighter columns lose nothing, so
// they come before values at 0 decimals), else as many ages as fit in the tightest one (at least
// one: a table without ages says nothing).
fit choose_fit(const map& m, std::size_t ages, std::size_t fixed, std::size_t mark,
               std::size_t width) {
    if (ages == 0)
        return {};
    std::vector<std::size_t> widths[2] = {column_widths(m, ages, false),
                                          column_widths(m, ages, true)};
    for (const fit option : {fit{false, 1}, fit{false, 0}, fit{true, 1}, fit{true, 0}}) {
        fit f = option;
        f.text_width = std::max(*std::max_element(widths[f.brief].begin(), widths[f.brief].end()),
                                digits(ages - 1));
        f.shown = ages;
        if (fixed + ages * f.cell_width(mark) <= width)
            return f;
    }
    fit best{true, 0, 0, 0};
    std::size_t widest = 0;  // over ages 0 … n-1
    for (std::size_t n = 1; n <= ages; ++n) {
        widest = std::max(widest, widths[1][n - 1]);
        fit f{true, 0, std::max(widest, digits(n - 1)), n};
        if (n > 1 && fixed + n * f.cell_width(mark) > width)
            break;
        best = f;
    }
    return best;
}

void append_colour(std::string& out, colors palette, rgb background) {
    const rgb text = ink(background);
    if (palette == colors::xterm256)
        fmt::format_to(std::back_inserter(out), "\x1b[48;5;{}m\x1b[38;5;{}m",
                       xterm256_shade(background), xterm256(text));
    else
        fmt::format_to(std::back_inserter(out), "\x1b[48;2;{};{};{}m\x1b[38;2;{};{};{}m",
                       background.r, background.g, background.b, text.r, text.g, text.b);
}

// The spaces before (or after) `s` that make it fill `width` columns.
void pad_to(std::string& out, std::size_t width, std::string_view s) {
    out.append(width - std::min(width, display_width(s)), ' ');
}

void trim_right(std::string& line) {
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
}

// A word of a wrapped line: its bytes (maybe with escapes) and its columns.
struct word {
    std::string text;
    std::size_t width = 0;
};

std::vector<word> words_of(std::string_view s) {
    std::string visible;
    append_visible(visible, s);
    std::vector<word> words;
    std::size_t start = 0;
    while (start < visible.size()) {
        const std::size_t end = std::min(visible.find(' ', start), visible.size());
        if (end > start) {
            std::string w = visible.substr(start, end - start);
            const std::size_t columns = display_width(w);
            words.push_back({std::move(w), columns});
        }
        start = end + 1;
    }
    return words;
}

// Words joined by spaces, a new line before a word that would pass `width` (a word wider
// than a whole line stands alone on it).
void append_wrapped(std::string& out, const std::vector<word>& words, std::size_t width) {
    if (words.empty())
        return;
    std::size_t column = 0;
    for (const word& w : words) {
        if (column > 0 && column + 1 + w.width > width) {
            out += '\n';
            column = 0;
        }
        if (column > 0) {
            out += ' ';
            ++column;
        }
        out += w.text;
        column += w.width;
    }
    out += '\n';
}

class painter {
  public:
    painter(const map& m, const terminal_style& style)
        : m_(m),
          palette_(style.palette),
          width_(style.width > 0 ? static_cast<std::size_t>(style.width) : 80) {
        ages_ = m.ages;
        label_width_ = cohort_head.size();
        size_width_ = size_head.size();
        for (const row& r : m.rows) {
            ages_ = std::max(ages_, r.cells.size());
            std::string label;
            append_visible(label, r.label);
            label_width_ = std::max(label_width_, display_width(label));
            size_width_ = std::max(size_width_, std::to_string(r.size).size());
            partial_ = partial_ || std::any_of(r.cells.begin(), r.cells.end(), [](const cell& c) {
                           return c.present && c.partial;
                       });
        }
        mark_ = partial_ ? 1 : 0;
        fixed_ = label_width_ + size_gap + size_width_ + block_gap;
        fit_ = choose_fit(m, ages_, fixed_, mark_, width_);
    }

    void paint(std::string& out) {
        append_wrapped(out, words_of(m_.title), width_);
        append_wrapped(out, words_of(m_.subtitle), width_);
        header(out);
        for (const row& r : m_.rows)
            if (!r.average)
                table_row(out, r);
        bool ruled = false;
        for (const row& r : m_.rows) {
            if (!r.average)
                continue;
            if (!ruled) {
                for (std::size_t i = 0; i < table_width(); ++i)
                    out += rule_char;
                out += '\n';
                ruled = true;
            }
            table_row(out, r);
        }
        legend(out);
        if (partial_ && !m_.partial_note.empty())
            append_wrapped(out, words_of("* " + m_.partial_note), width_);
        fitted(out);
    }

  private:
    std::size_t table_width() const { return fixed_ + fit_.shown * fit_.cell_width(mark_); }

    void header(std::string& out) const {
        if (fit_.shown > 0) {
            const std::string ages =
                "age in " + (m_.age_unit.empty() ? std::string("periods") : m_.age_unit + "s");
            const std::size_t at = fixed_ + cell_gap + fit_.pad;
            out.append(at + ages.size() <= width_ ? at : width_ - std::min(width_, ages.size()),
                       ' ');
            out += ages;
            out += '\n';
        }
        std::string line(cohort_head);
        pad_to(line, label_width_ + size_gap + size_width_ - size_head.size(), cohort_head);
        line += size_head;
        line.append(block_gap, ' ');
        for (std::size_t k = 0; k < fit_.shown; ++k) {
            const std::string age = std::to_string(k);
            line.append(cell_gap + fit_.pad, ' ');
            pad_to(line, fit_.text_width, age);
            line += age;
            line.append(mark_, ' ');
        }
        trim_right(line);
        out += line;
        out += '\n';
    }

    void table_row(std::string& out, const row& r) const {
        std::string label;
        append_visible(label, r.label);
        const bool strong = r.average && palette_ != colors::none;
        std::string line;
        if (strong)
            line += bold;
        line += label;
        if (strong)
            line += reset;
        pad_to(line, label_width_ + size_gap, label);
        const std::string size = std::to_string(r.size);
        pad_to(line, size_width_, size);
        line += size;
        line.append(block_gap, ' ');
        for (std::size_t k = 0; k < fit_.shown; ++k) {
            line.append(cell_gap, ' ');
            const cell* c = k < r.cells.size() && r.cells[k].present ? &r.cells[k] : nullptr;
            if (c == nullptr) {
                line.append(fit_.pad + fit_.text_width + mark_, ' ');
                continue;
            }
            if (palette_ != colors::none)
                append_colour(line, palette_, shade(shade_position(m_, *c)));
            const std::string_view text = text_of(*c, fit_.brief);
            line.append(fit_.pad, ' ');
            pad_to(line, fit_.text_width, text);
            line += text;
            if (mark_ > 0)
                line += c->partial ? '*' : ' ';
            if (palette_ != colors::none)
                line += reset;
        }
        trim_right(line);
        out += line;
        out += '\n';
    }

    // What the numbers are and, in colour, the scale from 0 to `top` (at or above it: darkest).
    void legend(std::string& out) const {
        std::vector<word> words =
            words_of("cells: " + m_.value_name + (m_.unit.empty() ? "" : " (" + m_.unit + ")"));
        if (palette_ != colors::none && !words.empty()) {
            words.back().text += ',';
            ++words.back().width;
            for (const auto* w : {"shaded", "by", "retention:", "0%"}) {
                const std::string_view s(w);
                words.push_back({std::string(s), s.size()});
            }
            constexpr int steps = 8;
            word scale{"", 2 * steps};
            for (int i = 0; i < steps; ++i) {
                append_colour(scale.text, palette_, shade(static_cast<double>(i) / (steps - 1)));
                scale.text += "  ";
                scale.text += reset;
            }
            words.push_back(std::move(scale));
            words.push_back({percent_label(m_.top) + (m_.top < 100 ? " or more" : ""), 0});
            words.back().width = display_width(words.back().text);
        }
        append_wrapped(out, words, width_);
    }

    // The line that says how the table was fitted, when it had to be.
    void fitted(std::string& out) const {
        const bool cut = fit_.shown < ages_;
        bool abbreviated = false;
        if (fit_.brief)
            for (const row& r : m_.rows)
                for (std::size_t k = 0; k < r.cells.size() && k < fit_.shown && !abbreviated; ++k)
                    abbreviated =
                        r.cells[k].present && text_of(r.cells[k], true) != r.cells[k].text;
        if (!cut && !abbreviated)
            return;
        std::string line;
        if (cut)
            line += fit_.shown == 1 ? fmt::format("age 0 of {} shown", ages_)
                                    : fmt::format("ages 0–{} of {} shown", fit_.shown - 1, ages_);
        if (abbreviated)
            line += cut ? ", values at 0 decimals" : "values at 0 decimals";
        line += fmt::format(" to fit {} columns; --format csv --wide shows {}", width_,
                            cut ? "every age" : "them in full");
        append_wrapped(out, words_of(line), width_);
    }

    const map& m_;
    colors palette_;
    std::size_t width_;
    std::size_t ages_ = 0;
    std::size_t label_width_ = 0;
    std::size_t size_width_ = 0;
    std::size_t fixed_ = 0;
    std::size_t mark_ = 0;
    bool partial_ = false;
    fit fit_;
};

}  // namespace

void write_terminal(std::ostream& out, const map& m, const terminal_style& style) {
    std::string text;
    painter(m, style).paint(text);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace churn::cli::heatmap
