// libFuzzer target: churn::read_scores, the reader of `churn nps --scores FILE` (one 0-10
// score per line, or a CSV/TSV/semicolon file with a score column). Asserted for every input:
//   - it returns or throws churn::error, nothing else;
//   - an error is one line that starts with "fuzz.csv:LINE: " (or "fuzz.csv:LINE:COLUMN: ");
//   - the counts it returns are written back one score per line and read again unchanged.

#include <churn/error.hpp>
#include <churn/scores.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_scores: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    churn::nps_counts counts;
    try {
        counts = churn::read_scores(in, "fuzz.csv").counts;
    } catch (const churn::error& e) {
        const std::string message = e.what();
        const std::string prefix = "fuzz.csv:";
        std::size_t digits = prefix.size();
        while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9')
            ++digits;
        const std::size_t line_end = digits;
        if (message.compare(digits, 1, ":") == 0) {  // a quoting error adds :COLUMN
            ++digits;
            while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9')
                ++digits;
            if (message.compare(digits, 2, ": ") != 0)
                digits = line_end;
        }
        if (message.rfind(prefix, 0) != 0 || line_end == prefix.size() ||
            message.compare(digits, 2, ": ") != 0)
            fail("error without file:line", message);
        if (message.find('\n') != std::string::npos)
            fail("error spans lines", message);
        return 0;
    }
    if (counts.promoters < 0 || counts.passives < 0 || counts.detractors < 0)
        fail("negative count", "");
    if (counts.promoters + counts.passives + counts.detractors > static_cast<std::int64_t>(size))
        fail("more answers than bytes", "");
    std::string again;
    for (std::int64_t i = 0; i < counts.promoters; ++i)
        again += "10\n";
    for (std::int64_t i = 0; i < counts.passives; ++i)
        again += "8\n";
    for (std::int64_t i = 0; i < counts.detractors; ++i)
        again += "0\n";
    std::istringstream back_in(again);
    const churn::nps_counts back = churn::read_scores(back_in, "again").counts;
    if (back.promoters != counts.promoters || back.passives != counts.passives ||
        back.detractors != counts.detractors)
        fail("counts do not round-trip", again);
    return 0;
}
