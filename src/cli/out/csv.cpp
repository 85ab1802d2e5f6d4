// CSV (RFC 4180): a field holding the delimiter, a quote or a line break is quoted.

#include "cli/out/delimited.hpp"
#include "cli/out/formats.hpp"
#include "cli/out/number.hpp"

#include <churn/csv.hpp>

namespace churn::cli::out {

void delimited_sink::begin(header h) {
    for (auto& c : h.columns)
        names_.push_back(std::move(c.name));
    if (names_.empty())
        return;
    atomically([&] {
        for (std::size_t i = 0; i < names_.size(); ++i)
            cell(i, std::string_view(names_[i]));
        buffer_ += '\n';
    });
}

void delimited_sink::cell(std::size_t index, const value& v) {
    if (index > 0)
        buffer_ += delimiter_;
    if (const auto* s = std::get_if<std::string_view>(&v)) {
        field_(buffer_, *s);
    } else {
        append_plain(buffer_, v, o_.precision, '.');  // a comma would split the field
    }
}

void delimited_sink::row(std::span<const value> values) {
    atomically([&] {
        for (std::size_t i = 0; i < values.size(); ++i)
            cell(i, values[i]);
        buffer_ += '\n';
    });
}

void delimited_sink::summary(std::span<const total> totals) {
    atomically([&] {
        if (names_.empty()) {
            std::size_t n = 0;  // the text totals name a row of totals, which this is not
            for (const total& t : totals)
                if (!std::holds_alternative<std::string_view>(t.v))
                    cell(n++, t.name);
            buffer_ += '\n';
            n = 0;
            for (const total& t : totals)
                if (!std::holds_alternative<std::string_view>(t.v))
                    cell(n++, t.v);
        } else {
            for (std::size_t i = 0; i < names_.size(); ++i) {
                value v;
                for (const total& t : totals)
                    if ((t.column.empty() ? t.name : t.column) == names_[i])
                        v = t.v;
                cell(i, v);
            }
        }
        buffer_ += '\n';
    });
}

/// Formulas are for people: CSV and TSV leave them out.
void delimited_sink::finish(const std::vector<std::string>&) {
    flush();
}

namespace {
void csv_field(std::string& out, std::string_view s) {
    append_csv_field(out, s, ',');
}
}  // namespace

std::unique_ptr<sink> make_csv_sink(std::ostream& out, const options& o) {
    return std::make_unique<delimited_sink>(out, o, ',', csv_field);
}

}  // namespace churn::cli::out
