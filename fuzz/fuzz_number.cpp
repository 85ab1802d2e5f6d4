// libFuzzer target: churn's number parsers (parse_count, parse_decimal, parse_percent).
// The first byte chooses the parser and its options, the rest is the text. Besides "no crash",
// it asserts properties against an independent oracle:
//   - a count is accepted exactly when the trimmed text is base-10 digits that std::from_chars
//     reads completely without overflow, and then the values agree;
//   - an accepted decimal or percent prints (to_string) and parses back to the same digits and
//     scale, and std::from_chars<double> reads the printed text to the same double;
//   - a percent lies in 0 … 100; a decimal is negative only when negatives were allowed;
//   - every rejection is a churn::parse_error that names the field.

#include <churn/error.hpp>
#include <churn/parse.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view field = "--field";

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_number: %s for \"%.*s\"\n", what, static_cast<int>(text.size()),
                 text.data());
    std::abort();
}

void check(bool ok, const char* what, std::string_view text) {
    if (!ok)
        fail(what, text);
}

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool only_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (const char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

void check_rejection(const churn::error& e, std::string_view text) {
    const std::string message = e.what();
    check(message.rfind(std::string(field) + ": ", 0) == 0, "message does not name the field",
          text);
    check(message.find('\n') == std::string::npos, "message spans lines", text);
}

void fuzz_count(std::string_view text) {
    const std::string_view s = trim_blanks(text);
    std::int64_t expected = 0;
    bool oracle_accepts = false;
    if (only_digits(s)) {
        const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), expected, 10);
        oracle_accepts = ec == std::errc() && ptr == s.data() + s.size();
    }
    try {
        const std::int64_t value = churn::parse_count(text, field);
        check(oracle_accepts, "parse_count accepted what from_chars rejects", text);
        check(value == expected, "parse_count and from_chars disagree", text);
        check(value >= 0, "negative count", text);
        // Round trip: the printed count reads back to itself.
        check(churn::parse_count(std::to_string(value), field) == value, "count round trip", text);
    } catch (const churn::parse_error& e) {
        check(!oracle_accepts, "parse_count rejected a plain count", text);
        check_rejection(e, text);
    }
}

/// The printed decimal reads back identically (units and scale) and agrees with from_chars.
void check_decimal(const churn::decimal& d, std::string_view text, churn::number_format format,
                   bool allow_negative) {
    check(d.scale >= 0 && d.scale <= 18, "scale out of 0 … 18", text);
    check(allow_negative || d.units >= 0, "negative value accepted", text);
    const char point = format.decimal_comma ? ',' : '.';
    const std::string printed = churn::to_string(d, point);
    const churn::decimal back = churn::parse_decimal(printed, field, format, true);
    check(back.units == d.units && back.scale == d.scale, "decimal round trip", text);
    // from_chars reads the same text (with a '.' point) to the correctly rounded double.
    const std::string dotted = churn::to_string(d, '.');
    double oracle = 0;
    const auto [ptr, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), oracle);
    check(ec == std::errc() && ptr == dotted.data() + dotted.size(), "from_chars rejects output",
          text);
    const double ours = d.to_ratio().to_double();
    check(std::fabs(ours - oracle) <= 2 * std::fabs(oracle) * 2.220446049250313e-16,
          "to_double differs from from_chars", text);
}

void fuzz_decimal(std::string_view text, churn::number_format format, bool allow_negative) {
    try {
        const churn::decimal d = churn::parse_decimal(text, field, format, allow_negative);
        check_decimal(d, text, format, allow_negative);
    } catch (const churn::parse_error& e) {
        check_rejection(e, text);
    }
}

void fuzz_percent(std::string_view text, churn::number_format format) {
    try {
        const churn::decimal d = churn::parse_percent(text, field, format);
        check(d.units >= 0 && d.to_ratio() <= churn::ratio(100), "percent outside 0 … 100", text);
        check_decimal(d, text, format, false);
        const char point = format.decimal_comma ? ',' : '.';
        const churn::decimal back =
            churn::parse_percent(churn::to_string(d, point) + "%", field, format);
        check(back.units == d.units && back.scale == d.scale, "percent round trip", text);
    } catch (const churn::parse_error& e) {
        check_rejection(e, text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const unsigned selector = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const churn::number_format format{(selector & 4) != 0};
    switch (selector & 3) {
        case 0:
            fuzz_count(text);
            break;
        case 1:
            fuzz_decimal(text, format, (selector & 8) != 0);
            break;
        default:
            fuzz_percent(text, format);
            break;
    }
    return 0;
}
