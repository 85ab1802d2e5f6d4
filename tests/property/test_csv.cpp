// CSV round trip: any records, written with churn's writer (append_csv_field), read back by
// churn's reader as the same records, whatever they hold (delimiters, quotes, CR, LF, UTF-8),
// with any delimiter, LF or CRLF line ends and an optional BOM; and every record reports the
// physical line it starts on. And in whitespace mode, records of non-blank fields joined by
// any runs of blanks (and blank lines between them) read back as their fields.

#include <churn/csv.hpp>

#include <rapidcheck/catch.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using record = std::vector<std::string>;

/// Bytes a CSV field may hold: anything but NUL, with the structural ones made frequent.
rc::Gen<char> field_byte() {
    return rc::gen::oneOf(
        rc::gen::element(',', ';', '\t', '"', '\r', '\n', ' '),
        rc::gen::inRange<char>('a', 'z' + 1),
        rc::gen::map(rc::gen::inRange(1, 256), [](int b) { return static_cast<char>(b); }));
}

rc::Gen<record> records_of_one_or_more_fields() {
    return rc::gen::nonEmpty(
        rc::gen::container<record>(rc::gen::container<std::string>(field_byte())));
}

}  // namespace

TEST_CASE("CSV written by churn reads back as the same records") {
    rc::prop("write then read", [] {
        const auto records =
            *rc::gen::container<std::vector<record>>(records_of_one_or_more_fields());
        const char delimiter = *rc::gen::element(',', ';', '\t');
        const std::string eol = *rc::gen::element(std::string("\n"), std::string("\r\n"));
        const bool bom = *rc::gen::arbitrary<bool>();

        std::string text = bom ? "\xEF\xBB\xBF" : "";
        std::vector<std::size_t> lines;  // the physical line each record starts on
        std::size_t line = 1;
        for (const auto& r : records) {
            lines.push_back(line);
            const std::size_t start = text.size();
            if (r.size() == 1 && r[0].empty()) {
                text += "\"\"";  // a lone empty field, not a blank line
            } else {
                for (std::size_t i = 0; i < r.size(); ++i) {
                    if (i > 0)
                        text += delimiter;
                    churn::append_csv_field(text, r[i], delimiter);
                }
            }
            text += eol;
            for (std::size_t i = start; i < text.size(); ++i)
                line += text[i] == '\n' ? 1U : 0U;
        }

        std::istringstream in(text);
        churn::csv_options options;
        options.delimiter = delimiter;
        churn::csv_reader reader(in, "round-trip.csv", options);
        std::vector<std::string_view> fields;
        std::vector<record> back;
        std::vector<std::size_t> back_lines;
        while (reader.next(fields)) {
            back.emplace_back(fields.begin(), fields.end());
            back_lines.push_back(reader.line());
        }
        RC_ASSERT(back == records);
        RC_ASSERT(back_lines == lines);
    });
}

namespace {

/// Bytes of a field in whitespace mode: anything but blanks, line ends and NUL (a lone CR is
/// data but is left out: before LF it would end the line), with quotes and delimiters frequent.
rc::Gen<char> non_blank_byte() {
    return rc::gen::oneOf(rc::gen::element(',', ';', '|', '"', '\''),
                          rc::gen::inRange<char>('a', 'z' + 1),
                          rc::gen::map(rc::gen::inRange(1, 256), [](int b) {
                              const auto c = static_cast<char>(b);
                              return c == ' ' || c == '\t' || c == '\r' || c == '\n' ? 'x' : c;
                          }));
}

/// A run of spaces and tabs; at least one byte unless `may_be_empty`.
std::string blanks(bool may_be_empty) {
    auto run = *rc::gen::resize(6, rc::gen::container<std::string>(rc::gen::element(' ', '\t')));
    if (run.empty() && !may_be_empty)
        run = " ";
    return run;
}

}  // namespace

TEST_CASE("blank-separated records read back as their fields in whitespace mode") {
    rc::prop("join with blanks then read", [] {
        const auto records = *rc::gen::container<std::vector<record>>(
            rc::gen::nonEmpty(rc::gen::container<record>(rc::gen::resize(
                16, rc::gen::nonEmpty(rc::gen::container<std::string>(non_blank_byte()))))));
        const std::string eol = *rc::gen::element(std::string("\n"), std::string("\r\n"));
        const bool bom = *rc::gen::arbitrary<bool>();
        // Without a BOM, a first field that begins with one's bytes would lose them. (RC_PRE
        // decomposes its expression, so || would not short-circuit there.)
        const bool starts_as_bom =
            !bom && !records.empty() && records[0][0].rfind("\xEF\xBB\xBF", 0) == 0;
        RC_PRE(!starts_as_bom);

        std::string text = bom ? "\xEF\xBB\xBF" : "";
        std::vector<std::size_t> lines;
        std::size_t line = 1;
        for (const auto& r : records) {
            // Blank lines before it, some of blanks only. (A count, not a loop on a random
            // condition: shrinking could make that loop endless.)
            for (int n = *rc::gen::element(0, 0, 0, 1, 2); n > 0; --n) {
                text += blanks(true) + eol;
                ++line;
            }
            lines.push_back(line++);
            text += blanks(true);
            for (std::size_t i = 0; i < r.size(); ++i)
                text += (i > 0 ? blanks(false) : "") + r[i];
            text += blanks(true) + eol;
        }
        if (!records.empty() && *rc::gen::arbitrary<bool>())
            text.resize(text.size() - eol.size());  // no line end after the last record

        std::istringstream in(text);
        churn::csv_options options;
        options.whitespace = true;
        churn::csv_reader reader(in, "blanks.txt", options);
        std::vector<std::string_view> fields;
        std::vector<record> back;
        std::vector<std::size_t> back_lines;
        while (reader.next(fields)) {
            back.emplace_back(fields.begin(), fields.end());
            back_lines.push_back(reader.line());
        }
        RC_ASSERT(back == records);
        RC_ASSERT(back_lines == lines);
    });
}
