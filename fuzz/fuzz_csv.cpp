// libFuzzer target: churn::csv_reader, the RFC 4180 reader under `churn batch`. The first byte
// chooses the delimiter (',' ';' or tab) and the field limit (1 MiB, or 8 bytes to reach the
// limit's error path); the rest is the file. Asserted for every input:
//   - reading ends or throws churn::error, nothing else; an error is one line starting with
//     "fuzz.csv:LINE: " (or "fuzz.csv:LINE:COLUMN: "), LINE at least that of the last record;
//   - record lines never go backwards;
//   - every record read is written back with append_csv_field and read again unchanged
//     (after a BOM, so that a first field starting with BOM bytes survives, and with a lone
//     empty field written as "", since an empty line is a blank line to skip).

#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using records = std::vector<std::vector<std::string>>;

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_csv: %s: %s\n", what, detail.c_str());
    std::abort();
}

/// The line number of an error "fuzz.csv:LINE: ..." or "fuzz.csv:LINE:COLUMN: ...", or 0
/// when it does not look like one.
std::size_t error_line(const std::string& message) {
    const std::string prefix = "fuzz.csv:";
    if (message.rfind(prefix, 0) != 0)
        return 0;
    std::size_t line = 0;
    std::size_t i = prefix.size();
    for (; i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i)
        line = line * 10 + static_cast<std::size_t>(message[i] - '0');
    if (i < message.size() && message[i] == ':' && i + 1 < message.size() &&
        message[i + 1] >= '0' && message[i + 1] <= '9') {
        ++i;
        while (i < message.size() && message[i] >= '0' && message[i] <= '9')
            ++i;
    }
    return message.compare(i, 2, ": ") == 0 ? line : 0;
}

/// Reads everything; returns false (with the error) when the reader throws.
bool read_all(const std::string& text, const churn::csv_options& options, records& out,
              std::string& error) {
    std::istringstream in(text);
    churn::csv_reader reader(in, "fuzz.csv", options);
    std::vector<std::string_view> fields;
    std::size_t last_line = 0;
    try {
        while (reader.next(fields)) {
            if (reader.line() < last_line || reader.line() == 0)
                fail("record lines go backwards", std::to_string(reader.line()));
            last_line = reader.line();
            out.emplace_back(fields.begin(), fields.end());
        }
    } catch (const churn::error& e) {
        error = e.what();
        const std::size_t line = error_line(error);
        if (line == 0 || line < last_line)
            fail("error without a plausible file:line", error);
        if (error.find('\n') != std::string::npos)
            fail("error spans lines", error);
        return false;
    }
    return true;
}

std::string write_all(const records& rs, char delimiter) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& r : rs) {
        if (r.size() == 1 && r[0].empty()) {
            out += "\"\"\n";
            continue;
        }
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i > 0)
                out += delimiter;
            churn::append_csv_field(out, r[i], delimiter);
        }
        out += '\n';
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    churn::csv_options options;
    options.delimiter = std::string_view(",;\t,")[data[0] & 3];
    if ((data[0] & 4) != 0)
        options.max_field = 8;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

    records first;
    std::string error;
    if (!read_all(text, options, first, error))
        return 0;
    const std::string written = write_all(first, options.delimiter);
    records second;
    if (!read_all(written, options, second, error))
        fail("what was read, written back, is rejected", error + " in: " + written);
    if (second != first)
        fail("records do not round-trip", written);
    return 0;
}
