// Unit tests of include/churn/parse.hpp (and churn::quote from error.hpp, which every parse
// message uses): what each parser accepts, and the exact message of every rejection.

#include <churn/error.hpp>
#include <churn/parse.hpp>

#include "catch.hpp"

#include <cstdint>
#include <string>
#include <vector>

using churn::number_format;
using churn::parse_count;
using churn::parse_decimal;
using churn::parse_percent;
using churn::ratio;

namespace {

const number_format point{false};
const number_format comma{true};

struct accepted_count {
    const char* text;
    std::int64_t value;
};

struct accepted_decimal {
    const char* text;
    churn::int128 units;
    int scale;
};

struct rejected {
    std::string text;
    std::string message;
};

// The rules, as the messages end.
const std::string whole_rule = "is not a whole number; counts cannot have decimals";
const std::string comma_rule =
    "has a comma; for a decimal comma pass --decimal-comma, and write thousands without "
    "separators";
const std::string digits_rule = "has too many digits (at most 18 before and 18 after the point)";
const std::string range_rule = "is out of range; counts go up to 9223372036854775807";
const std::string above_rule = "is above 100%; a rate is a percentage from 0 to 100";

/// `field: "value" rule`, as every parse_error reads.
std::string message(const std::string& field, const std::string& shown, const std::string& rule) {
    return field + ": \"" + shown + "\" " + rule;
}

}  // namespace

// ---- counts ------------------------------------------------------------------------------

TEST_CASE("parse_count accepts base-10 digits, a leading zero is decimal, blanks are trimmed") {
    const std::vector<accepted_count> table = {
        {"0", 0},
        {"19", 19},
        {"400", 400},
        {"010", 10},  // never octal (CLI11 2.1 reads 8)
        {"0400", 400},
        {"007", 7},
        {" 400 ", 400},  // trimmed
        {"\t19", 19},
        {"19 ", 19},
        {"  \t 681\t ", 681},
        {"999999999999999999", 999999999999999999},  // 18 digits: the fast path
        {"9223372036854775807", INT64_MAX},          // 2^63 − 1
        {"0009223372036854775807", INT64_MAX},       // leading zeros past 19 characters
        {"000000000000000000000007", 7},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK(parse_count(c.text, "--lost") == c.value);
    }
}

TEST_CASE("parse_count rejects everything else, naming the flag, the value and the rule") {
    const std::vector<rejected> table = {
        {"", "is empty; expected a whole number ≥ 0"},
        {" ", "is empty; expected a whole number ≥ 0"},
        {"-0", "is negative; counts must be ≥ 0"},
        {"-5", "is negative; counts must be ≥ 0"},
        {"-12.50", "is negative; counts must be ≥ 0"},
        {"+1", "has a '+' sign; write the count as plain digits"},
        {"+4", "has a '+' sign; write the count as plain digits"},
        {"0x1F", "is hexadecimal; counts are written in base-10 digits"},
        {"0X1f", "is hexadecimal; counts are written in base-10 digits"},
        {"1e3", "has an exponent; write the whole number in plain digits"},
        {"1E3", "has an exponent; write the whole number in plain digits"},
        {"1.5E2", "has an exponent; write the whole number in plain digits"},
        {"1e400", "has an exponent; write the whole number in plain digits"},
        {"19.0", whole_rule},
        {"19.5", whole_rule},
        {"3,75", whole_rule},  // counts have no decimal comma either
        {"100.01", whole_rule},
        {"nan", "is not a number; expected a whole number ≥ 0"},
        {"NaN", "is not a number; expected a whole number ≥ 0"},
        {"inf", "is not a number; expected a whole number ≥ 0"},
        {"-inf", "is not a number; expected a whole number ≥ 0"},
        {"+inf", "is not a number; expected a whole number ≥ 0"},
        {"infinity", "is not a number; expected a whole number ≥ 0"},
        {"Infinity", "is not a number; expected a whole number ≥ 0"},
        {"9223372036854775808", range_rule},   // 2^63
        {"18446744073709551616", range_rule},  // 2^64
        {"99999999999999999999", range_rule},
        {" 9223372036854775808 ", range_rule},
        {"1,234", "has a thousands separator; write the count without it"},
        {"1,234,567", "has a thousands separator; write the count without it"},
        {"1 234", "has a thousands separator; write the count without it"},
        {"1 234 567", "has a thousands separator; write the count without it"},
        {"1'234", "has a thousands separator; write the count without it"},
        {"abc", "is not a whole number"},
        {"19abc", "is not a whole number"},
        {"12 34", "is not a whole number"},
        {"4.75%", "is not a whole number"},
        {"-", "is not a whole number"},
        {"1_000", "is not a whole number"},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(parse_count(c.text, "--lost"), churn::parse_error);
        CHECK_THROWS_WITH(parse_count(c.text, "--lost"), message("--lost", c.text, c.message));
    }
}

TEST_CASE("a count message escapes control bytes, so a stray CR is visible") {
    CHECK_THROWS_WITH(parse_count("19\r", "--lost"), "--lost: \"19\\x0D\" is not a whole number");
    CHECK_THROWS_WITH(parse_count("\t", "--lost"),
                      "--lost: \"\\x09\" is empty; expected a whole number ≥ 0");
    CHECK_THROWS_WITH(parse_count(std::string("1\0"
                                              "9",
                                              3),
                                  "--lost"),
                      "--lost: \"1\\x009\" is not a whole number");
}

TEST_CASE("a count message names the field it is given") {
    CHECK_THROWS_WITH(parse_count("-1", "--start"),
                      "--start: \"-1\" is negative; counts must be ≥ 0");
    CHECK_THROWS_WITH(parse_count("x", "data.csv:3: column \"lost\""),
                      "data.csv:3: column \"lost\": \"x\" is not a whole number");
}

// ---- decimals (money) ----------------------------------------------------------------------

TEST_CASE("parse_decimal keeps the digits and the scale as written") {
    const std::vector<accepted_decimal> table = {
        {"0", 0, 0},
        {"3.30", 330, 2},  // scale 2, not 3.3
        {"3.3", 33, 1},
        {"30000", 30000, 0},
        {"1234.56", 123456, 2},
        {"0.005", 5, 3},
        {"010", 10, 0},
        {"010.50", 1050, 2},
        {"19.0", 190, 1},
        {"19.5", 195, 1},
        {"100.01", 10001, 2},
        {" 400 ", 400, 0},
        {" 7\t", 7, 0},
        {"999999999999999999", 999999999999999999, 0},     // 18 digits before the point
        {"0.123456789012345678", 123456789012345678, 18},  // 18 after it
        {"999999999999999999.999999999999999999", churn::pow10(36) - 1, 18},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        const churn::decimal d = parse_decimal(c.text, "--value");
        CHECK(d.units == c.units);
        CHECK(d.scale == c.scale);
    }
}

TEST_CASE("negative money only where a sign makes sense") {
    const auto d = parse_decimal("-12.50", "--value", point, true);
    CHECK(d.units == -1250);
    CHECK(d.scale == 2);
    CHECK(parse_decimal("-0", "--value", point, true).units == 0);
    CHECK(churn::to_string(parse_decimal("-0.00", "--value", point, true)) == "0.00");
    CHECK(parse_decimal("-3,75", "--value", comma, true).to_ratio() == ratio(-15, 4));
    CHECK_THROWS_WITH(parse_decimal("-12.50", "--value"),
                      "--value: \"-12.50\" is negative; expected a number ≥ 0");
    CHECK_THROWS_WITH(parse_decimal("-0", "--value"),
                      "--value: \"-0\" is negative; expected a number ≥ 0");
    CHECK_THROWS_WITH(parse_decimal("-", "--value", point, true), "--value: \"-\" is not a number");
    CHECK_THROWS_WITH(parse_decimal("--5", "--value", point, true),
                      "--value: \"--5\" is not a number");
}

TEST_CASE("a decimal comma needs --decimal-comma") {
    CHECK_THROWS_WITH(parse_decimal("3,75", "--value"), message("--value", "3,75", comma_rule));
    CHECK_THROWS_WITH(parse_decimal("1,5", "--value"), message("--value", "1,5", comma_rule));
    const auto d = parse_decimal("3,75", "--value", comma);
    CHECK(d.units == 375);
    CHECK(d.scale == 2);
    // A point still works with the comma option.
    CHECK(parse_decimal("3.75", "--value", comma).to_ratio() == ratio(375, 100));
    // With a decimal comma, 1,234 is 1.234: there are no thousands separators.
    CHECK(parse_decimal("1,234", "--value", comma).to_ratio() == ratio(1234, 1000));
    CHECK_THROWS_WITH(parse_decimal("1,234", "--value"), message("--value", "1,234", comma_rule));
    CHECK_THROWS_WITH(parse_decimal("1,234,567", "--value", comma),
                      "--value: \"1,234,567\" is not a number");
    CHECK_THROWS_WITH(parse_decimal("3,", "--value", comma),
                      "--value: \"3,\" needs a digit on each side of the point, as in 0.5 or 5.0");
}

TEST_CASE("parse_decimal rejects everything else, naming the flag, the value and the rule") {
    const std::vector<rejected> table = {
        {"", "is empty; expected a number"},
        {" ", "is empty; expected a number"},
        {"-5", "is negative; expected a number ≥ 0"},
        {"+1", "has a '+' sign; write the number without it"},
        {"+4", "has a '+' sign; write the number without it"},
        {"0x1F", "is hexadecimal; write the number in base-10 digits"},
        {"1e3", "has an exponent; write the number in plain digits"},
        {"1e400", "has an exponent; write the number in plain digits"},
        {"1e-400", "has an exponent; write the number in plain digits"},
        {"nan", "is not a finite number"},
        {"inf", "is not a finite number"},
        {"-inf", "is not a finite number"},
        {"infinity", "is not a finite number"},
        {"3,75", comma_rule},
        {"1,234", comma_rule},
        {"1.234,5", comma_rule},
        {"1 234", "has a thousands separator; write the number without it"},
        {"1'234", "has a thousands separator; write the number without it"},
        {"abc", "is not a number"},
        {"12a", "is not a number"},
        {"1.2.3", "is not a number"},
        {"4.75%", "is not a number"},
        {".", "is not a number"},
        {"1.", "needs a digit on each side of the point, as in 0.5 or 5.0"},
        {".5", "needs a digit on each side of the point, as in 0.5 or 5.0"},
        {"9223372036854775807", digits_rule},
        {"1234567890123456789", digits_rule},
        {"0.1234567890123456789", digits_rule},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(parse_decimal(c.text, "--value"), churn::parse_error);
        CHECK_THROWS_WITH(parse_decimal(c.text, "--value"), message("--value", c.text, c.message));
    }
    CHECK_THROWS_WITH(parse_decimal("19\r", "--value"), "--value: \"19\\x0D\" is not a number");
}

// ---- percentages ---------------------------------------------------------------------------

TEST_CASE("parse_percent reads a percentage with an optional % sign") {
    const std::vector<accepted_decimal> table = {
        {"4.75", 475, 2}, {"4.75%", 475, 2},    {"4.75 %", 475, 2}, {" 4.75% ", 475, 2},
        {"3.3", 33, 1},   {"0", 0, 0},          {"0%", 0, 0},       {"100", 100, 0},
        {"100%", 100, 0}, {"100.00", 10000, 2},  // exactly 100 is allowed
        {"010", 10, 0},   {"0.0001", 1, 4},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        const churn::decimal d = parse_percent(c.text, "--churn");
        CHECK(d.units == c.units);
        CHECK(d.scale == c.scale);
    }
}

TEST_CASE("parse_percent with a decimal comma, as the articles write it") {
    CHECK(parse_percent("3,75", "--churn", comma).to_ratio() == ratio(15, 4));
    CHECK(parse_percent("4,75 %", "--churn", comma).to_ratio() == ratio(19, 4));
    CHECK(parse_percent("3,3%", "--churn", comma).to_ratio() == ratio(33, 10));
    CHECK(parse_percent("4.75", "--churn", comma).to_ratio() == ratio(19, 4));
    CHECK_THROWS_WITH(parse_percent("3,75", "--churn"), message("--churn", "3,75", comma_rule));
    // The message quotes the value as typed, % sign included.
    CHECK_THROWS_WITH(parse_percent("4,75 %", "--churn"), message("--churn", "4,75 %", comma_rule));
}

TEST_CASE("parse_percent rejects everything else, quoting the value as typed") {
    const std::vector<rejected> table = {
        {"", "is empty; expected a number"},
        {" ", "is empty; expected a number"},
        {"%", "is empty; expected a number"},
        {" % ", "is empty; expected a number"},
        {"-0", "is negative; expected a number ≥ 0"},
        {"-5", "is negative; expected a number ≥ 0"},
        {"-5%", "is negative; expected a number ≥ 0"},
        {"+1", "has a '+' sign; write the number without it"},
        {"+4%", "has a '+' sign; write the number without it"},
        {"0x1F", "is hexadecimal; write the number in base-10 digits"},
        {"1e3", "has an exponent; write the number in plain digits"},
        {"1e400", "has an exponent; write the number in plain digits"},
        {"nan", "is not a finite number"},
        {"nan%", "is not a finite number"},
        {"inf", "is not a finite number"},
        {"-inf", "is not a finite number"},
        {"infinity", "is not a finite number"},
        {"1,234", comma_rule},
        {"1 234", "has a thousands separator; write the number without it"},
        {"abc", "is not a number"},
        {"4.75%%", "is not a number"},
        {"%4.75", "is not a number"},
        {".5%", "needs a digit on each side of the point, as in 0.5 or 5.0"},
        {"100.01", above_rule},
        {"150%", above_rule},
        {" 400 ", above_rule},
        {"999999999999999999", above_rule},
        {"1234567890123456789", digits_rule},
    };
    for (const auto& c : table) {
        CAPTURE(c.text);
        CHECK_THROWS_AS(parse_percent(c.text, "--churn"), churn::parse_error);
        CHECK_THROWS_WITH(parse_percent(c.text, "--churn"), message("--churn", c.text, c.message));
    }
    CHECK_THROWS_WITH(parse_percent("19\r", "--churn"), "--churn: \"19\\x0D\" is not a number");
    CHECK_THROWS_WITH(parse_percent("100,5", "--churn", comma),
                      message("--churn", "100,5", above_rule));
}

// ---- quoting values in messages ------------------------------------------------------------

TEST_CASE("quoted values escape quotes, backslashes and control bytes") {
    CHECK(churn::quote("400") == "\"400\"");
    CHECK(churn::quote("") == "\"\"");
    CHECK(churn::quote("a\"b") == "\"a\\\"b\"");
    CHECK(churn::quote("a\\b") == "\"a\\\\b\"");
    CHECK(churn::quote("\x1b[31m") == "\"\\x1B[31m\"");  // no terminal escapes in messages
    CHECK(churn::quote("\x7f") == "\"\\x7F\"");
    CHECK(churn::quote("a\nb") == "\"a\\x0Ab\"");  // a message stays on one line
    CHECK(churn::quote("Günther") == "\"Günther\"");
}

TEST_CASE("long quoted values are cut after 40 bytes, never inside a UTF-8 character") {
    CHECK(churn::quote(std::string(40, '9')) == "\"" + std::string(40, '9') + "\"");
    CHECK(churn::quote(std::string(50, '9')) == "\"" + std::string(40, '9') + "…\"");
    // 39 ASCII bytes, then "ü" (2 bytes) crosses the limit: it is kept whole.
    CHECK(churn::quote(std::string(39, 'a') + "üxyz") == "\"" + std::string(39, 'a') + "ü…\"");
    // 39 ASCII bytes, then "…" (3 bytes) ends the value: nothing is cut.
    CHECK(churn::quote(std::string(39, 'a') + "…") == "\"" + std::string(39, 'a') + "…\"");
    const std::string cut = churn::quote(std::string(40, 'a') + "é");
    CHECK(cut == "\"" + std::string(40, 'a') + "…\"");
}

TEST_CASE("bytes that are not UTF-8 are escaped, so that a message stays valid UTF-8") {
    CHECK(churn::quote("\xFF") == "\"\\xFF\"");
    CHECK(churn::quote("a\xC3(b") == "\"a\\xC3(b\"");              // a sequence cut short
    CHECK(churn::quote("\xED\xA0\x80") == "\"\\xED\\xA0\\x80\"");  // a surrogate
    CHECK(churn::quote("Gü\xFFnther") == "\"Gü\\xFFnther\"");
    CHECK(churn::quote(std::string(39, 'a') + "\xFF\xFF") ==
          "\"" + std::string(39, 'a') + "\\xFF…\"");
    // File names are shown whole and unquoted, but on one line and as UTF-8 too.
    CHECK(churn::printable("data/a\nb.csv") == "data/a\\x0Ab.csv");
    CHECK(churn::printable("caf\xE9.csv") == "caf\\xE9.csv");
    CHECK(churn::printable("\"q\".csv") == "\"q\".csv");
    CHECK(churn::printable(std::string(60, 'x')) == std::string(60, 'x'));
}

TEST_CASE("plain_count reads 1 … 18 plain digits, and leaves anything else to parse_count") {
    CHECK(churn::plain_count("0") == 0);
    CHECK(churn::plain_count("400") == 400);
    CHECK(churn::plain_count("999999999999999999") == 999999999999999999);
    // 19 digits may pass 2^63 − 1, 20 may wrap 64 bits: parse_count reads or rejects them.
    CHECK(churn::plain_count("1000000000000000000") == -1);
    CHECK(churn::plain_count("9999999999999999999") == -1);
    CHECK(churn::plain_count("18446744073709551617") == -1);
    for (const char* other : {"", " 1", "1 ", "+1", "-1", "1.5", "1e3", "0x1"})
        CHECK(churn::plain_count(other) == -1);
}

TEST_CASE("plain_amount reads signed plain decimals, and leaves anything else to parse_decimal") {
    std::int64_t units = 0;
    int scale = 0;
    const auto amount = [&](const char* text) {
        return churn::plain_amount(text, units, scale)
                   ? std::to_string(units) + "e-" + std::to_string(scale)
                   : std::string("slow");
    };
    CHECK(amount("0") == "0e-0");
    CHECK(amount("11.77") == "1177e-2");
    CHECK(amount("-12.50") == "-1250e-2");
    CHECK(amount("-0") == "0e-0");
    CHECK(amount("007.0") == "70e-1");
    CHECK(amount("999999999999999999") == "999999999999999999e-0");
    CHECK(amount("-999999999.999999999") == "-999999999999999999e-9");
    CHECK(amount("1.123456789") == "1123456789e-9");
    // 19 digits, 10 decimals, a second point, or any other byte: parse_decimal's to judge.
    for (const char* other : {"", "-", ".", "-.5", ".5", "5.", "1.2.3", "1000000000000000000",
                              "1.0000000000", "+1", " 1", "1 ", "1,5", "1e3", "0x1", "--1", "1-"})
        CHECK(amount(other) == "slow");
}
