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

bool is_count(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    return first != std::string::npos &&
           std::all_of(s.begin() + static_cast<std::ptrdiff_t>(first), s.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || c == ' ';
           });
}

}  // namespace

nps_counts read_scores(std::istream& in, std::string_view source) {
    nps_counts counts;
    std::string line;
    std::size_t line_no = 0;
    bool header_seen = false;
    std::size_t column = 0;
    char delimiter = ',';
    std::string column_name = "score";
    while (std::getline(in, line)) {
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
            if (names.size() == 1 && is_count(names[0])) {
                delimiter = '\0';
            } else {
                const auto it = std::find_if(names.begin(), names.end(), [](const std::string& n) {
                    const std::string l = lower(n);
                    return l == "score" || l == "nps" || l == "rating";
                });
                if (it == names.end() && names.size() != 1)
                    throw error(where + ": no column named score, nps or rating in the header");
                column = it == names.end() ? 0 : static_cast<std::size_t>(it - names.begin());
                column_name = names[column];
                continue;
            }
        }
        const auto cells =
            delimiter == '\0' ? std::vector<std::string>{line} : split(line, delimiter);
        if (column >= cells.size())
            throw error(where + ": expected at least " + std::to_string(column + 1) +
                        " fields, found " + std::to_string(cells.size()));
        const std::string field = where + ": column \"" + column_name + "\"";
        const std::int64_t score = parse_count(cells[column], field);
        if (score > 10)
            throw parse_error(field, cells[column],
                              "is outside 0 … 10; NPS scores run from 0 to 10");
        add_score(counts, score);
    }
    if (in.bad())
        throw error(std::string(source) + ": read error");
    return counts;
}

}  // namespace churn
