#include <churn/error.hpp>
#include <churn/parse.hpp>
#include <churn/scores.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace churn {

namespace {

std::vector<std::string> split(const std::string& line, char delimiter) {
    std::vector<std::string> cells;
    std::string cell;
    for (const char c : line) {
        if (c == delimiter) {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.push_back(cell);
    for (auto& c : cells)
        if (c.size() >= 2 && c.front() == '"' && c.back() == '"')
            c = c.substr(1, c.size() - 2);
    return cells;
}

char delimiter_of(const std::string& header) {
    for (const char d : {'\t', ';', ','})
        if (header.find(d) != std::string::npos)
            return d;
    return ',';
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Like std::getline, but a line longer than max_score_line throws: memory stays bounded
/// whatever the input (a 100 MB line, /dev/zero). False at the end of the input.
bool get_line(std::istream& in, std::string& line, std::string_view source, std::size_t line_no) {
    line.clear();
    for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
        if (c == '\n')
            return true;
        if (line.size() == max_score_line)
            throw error(std::string(source) + ":" + std::to_string(line_no) +
                        ": line longer than " + std::to_string(max_score_line) +
                        " bytes; a score file has one short line per answer");
        line.push_back(static_cast<char>(c));
    }
    return !line.empty();
}

/// A cell that starts like a number ("10", "-1", "9.5", "+9"): a score, never a column name.
bool looks_numeric(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return false;
    const char c = s[first];
    const char next = first + 1 < s.size() ? s[first + 1] : '\0';
    return std::isdigit(static_cast<unsigned char>(c)) ||
           ((c == '-' || c == '+' || c == '.') && std::isdigit(static_cast<unsigned char>(next)));
}

constexpr const char* out_of_range = "is outside 0 … 10; NPS scores run from 0 to 10";

}  // namespace

nps_counts read_scores(std::istream& in, std::string_view source) {
    nps_counts counts;
    std::string line;
    std::size_t line_no = 0;
    bool header_seen = false;
    std::size_t column = 0;
    std::size_t fields = 1;  // in the header
    char delimiter = ',';
    std::string column_name = "score";
    while (get_line(in, line, source, line_no + 1)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const std::string where = std::string(source) + ":" + std::to_string(line_no);
        if (!header_seen) {
            header_seen = true;
            delimiter = delimiter_of(line);
            const auto names = split(line, delimiter);
            if (names.size() == 1 && looks_numeric(names[0])) {
                delimiter = '\0';  // no header: this line is the first score
            } else {
                const auto it = std::find_if(names.begin(), names.end(), [](const std::string& n) {
                    const std::string l = lower(n);
                    return l == "score" || l == "nps" || l == "rating";
                });
                if (it == names.end() && names.size() != 1)
                    throw error(where + ": no column named score, nps or rating in the header");
                column = it == names.end() ? 0 : static_cast<std::size_t>(it - names.begin());
                column_name = names[column];
                fields = names.size();
                if (fields == 1)
                    delimiter = '\0';  // one column: "9,5" is one (bad) value, never 9
                continue;
            }
        }
        const auto cells =
            delimiter == '\0' ? std::vector<std::string>{line} : split(line, delimiter);
        // split() does not know quotes, so only an unquoted line is held to the header's width:
        // "1,9,5" under "id,score" is a decimal comma or a ragged row, never the score 9.
        if (column >= cells.size() ||
            (cells.size() != fields && line.find('"') == std::string::npos))
            throw error(where + ": expected " + std::to_string(fields) +
                        " fields as in the header, found " + std::to_string(cells.size()));
        const std::string field = where + ": column \"" + column_name + "\"";
        const std::string& cell = cells[column];
        if (const auto first = cell.find_first_not_of(" \t");
            first != std::string::npos && cell[first] == '-' && looks_numeric(cell))
            throw parse_error(field, cell, out_of_range);
        const std::int64_t score = parse_count(cell, field);
        if (score > 10)
            throw parse_error(field, cell, out_of_range);
        add_score(counts, score);
    }
    if (in.bad())
        throw error(std::string(source) + ": read error");
    return counts;
}

}  // namespace churn
