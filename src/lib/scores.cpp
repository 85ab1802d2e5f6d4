#include <churn/csv.hpp>
#include <churn/error.hpp>
#include <churn/parse.hpp>
#include <churn/scores.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace churn {

namespace {

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

/// The delimiter of a score file: the first non-blank line's tab, else ';', else ','. Quotes
/// are not looked at: a name holding another delimiter is too odd to guess around.
char delimiter_of(std::string_view start) {
    std::string_view line;
    while (!start.empty()) {
        const auto nl = start.find('\n');
        line = start.substr(0, nl);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            break;
        start.remove_prefix(nl == std::string_view::npos ? start.size() : nl + 1);
    }
    for (const char d : {'\t', ';', ','})
        if (line.find(d) != std::string_view::npos)
            return d;
    return ',';
}

bool is_score_name(std::string_view name) {
    std::string l(name);
    for (char& c : l)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == "score" || l == "nps" || l == "rating";
}

/// A cell that starts like a number ("10", "-1", "9.5", "+9"): a score, never a column name.
bool looks_numeric(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return false;
    const char c = s[first];
    const char next = first + 1 < s.size() ? s[first + 1] : '\0';
    return std::isdigit(static_cast<unsigned char>(c)) ||
           ((c == '-' || c == '+' || c == '.') && std::isdigit(static_cast<unsigned char>(next)));
}

/// A number with decimals, `8.5` or `8,5`.
bool is_decimal(std::string_view cell) {
    try {
        parse_decimal(cell, "", number_format{true});
        return true;
    } catch (const parse_error&) {
        return false;
    }
}

constexpr const char* out_of_range = "is outside 0 … 10; NPS scores run from 0 to 10";

/// One answer, 0 … 10; `field` names the file, line and column.
std::int64_t score_of(std::string_view cell, const std::string& field) {
    const std::string value(cell);
    if (const auto first = cell.find_first_not_of(" \t");
        first != std::string_view::npos && cell[first] == '-' && looks_numeric(cell))
        throw parse_error(field, value, out_of_range);
    std::int64_t score = 0;
    try {
        score = parse_count(cell, field);
    } catch (const parse_error&) {
        if (!is_decimal(cell))
            throw;  // not a number at all: parse_count's reason is the one to give
        throw parse_error(field, value,
                          "is not a whole number; NPS scores are whole numbers from 0 to 10");
    }
    if (score > 10)
        throw parse_error(field, value, out_of_range);
    return score;
}

}  // namespace

score_answers read_scores(std::istream& in, std::string_view source) {
    csv_options options;
    options.max_field = max_score_line;
    options.max_record = max_score_line;
    csv_reader reader(in, std::string(source), options);
    reader.set_delimiter(delimiter_of(reader.peek()));
    score_answers answers;
    std::vector<std::string_view> cells;
    bool header_seen = false;
    std::size_t column = 0;
    std::size_t fields = 1;  // in the header
    std::string column_name = "score";
    while (reader.next(cells)) {
        if (cells.size() == 1 && blank(cells[0]))
            continue;  // a blank line, or one of blanks
        const std::string where = reader.source() + ":" + std::to_string(reader.line());
        if (!header_seen) {
            header_seen = true;
            if (cells.size() != 1 || !looks_numeric(cells[0])) {
                const auto it = std::find_if(cells.begin(), cells.end(), is_score_name);
                if (it == cells.end() && cells.size() != 1)
                    throw error(where + ": no column named score, nps or rating in the header");
                column = it == cells.end() ? 0 : static_cast<std::size_t>(it - cells.begin());
                column_name = cells[column];
                fields = cells.size();
                if (fields == 1)
                    reader.set_delimiter('\0');  // one column: "9,5" is one (bad) value, never 9
                continue;
            }
            reader.set_delimiter('\0');  // no header: this line is the first score
        }
        // "1,9,5" under "id,score" is a decimal comma or a ragged row, never the score 9.
        if (cells.size() != fields)
            throw error(where + ": expected " + std::to_string(fields) +
                        " fields as in the header, found " + std::to_string(cells.size()));
        const std::string_view cell = cells[column];
        if (blank(cell)) {
            ++answers.blank;
            continue;
        }
        add_score(answers.counts, score_of(cell, where + ": column " + quote(column_name)));
    }
    return answers;
}

}  // namespace churn
