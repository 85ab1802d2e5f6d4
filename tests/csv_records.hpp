// Test helpers for the CSV reader: a whole text read into records, or the error it raises.
#pragma once

#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace churn_test {

using records = std::vector<std::vector<std::string>>;

/// Every record of `text`, read as the file "data.csv".
inline records read_all(const std::string& text, churn::csv_options options = {}) {
    std::istringstream in(text);
    churn::csv_reader reader(in, "data.csv", options);
    std::vector<std::string_view> fields;
    records out;
    while (reader.next(fields))
        out.emplace_back(fields.begin(), fields.end());
    return out;
}

/// The message of the error that reading `text` raises, or "read" when it reads.
inline std::string error_of(const std::string& text, churn::csv_options options = {}) {
    try {
        read_all(text, options);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "read";
}

}  // namespace churn_test
