#include <churn/error.hpp>
#include <churn/parse.hpp>

#include "catch.hpp"

#include <string>

using churn::parse_count;
using churn::parse_decimal;
using churn::parse_percent;

namespace {

std::string count_error(const std::string& text) {
    try {
        parse_count(text, "--lost");
    } catch (const churn::parse_error& e) {
        return e.what();
    }
    return "accepted";
}

std::string decimal_error(const std::string& text, churn::number_format f = {},
                          bool allow_negative = false) {
    try {
        parse_decimal(text, "--value", f, allow_negative);
    } catch (const churn::parse_error& e) {
        return e.what();
    }
    return "accepted";
}

std::string percent_error(const std::string& text, churn::number_format f = {}) {
    try {
        parse_percent(text, "--churn", f);
    } catch (const churn::parse_error& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("counts are base-10 digits, a leading zero is decimal") {
    CHECK(parse_count("0", "--lost") == 0);
    CHECK(parse_count("19", "--lost") == 19);
    CHECK(parse_count("010", "--start") == 10);
    CHECK(parse_count("0400", "--start") == 400);
    CHECK(parse_count("9223372036854775807", "--start") == INT64_MAX);
}

TEST_CASE("counts ignore surrounding blanks") {
    CHECK(parse_count(" 400 ", "--start") == 400);
    CHECK(parse_count("\t19", "--lost") == 19);
}

TEST_CASE("every rejected count names the flag, the value and the rule") {
    const std::string whole = "is not a whole number; counts cannot have decimals";
    CHECK(count_error("") == "--lost: \"\" is empty; expected a whole number ≥ 0");
    CHECK(count_error(" ") == "--lost: \" \" is empty; expected a whole number ≥ 0");
    CHECK(count_error("-5") == "--lost: \"-5\" is negative; counts must be ≥ 0");
    CHECK(count_error("-0") == "--lost: \"-0\" is negative; counts must be ≥ 0");
    CHECK(count_error("+4") == "--lost: \"+4\" has a '+' sign; write the count as plain digits");
    CHECK(count_error("+1") == "--lost: \"+1\" has a '+' sign; write the count as plain digits");
    CHECK(count_error("19.5") == "--lost: \"19.5\" " + whole);
    CHECK(count_error("19.0") == "--lost: \"19.0\" " + whole);
    CHECK(count_error("3,75") == "--lost: \"3,75\" " + whole);
    CHECK(count_error("1e3") ==
          "--lost: \"1e3\" has an exponent; write the whole number in plain digits");
    CHECK(count_error("1.5E2") ==
          "--lost: \"1.5E2\" has an exponent; write the whole number in plain digits");
    CHECK(count_error("0x1F") ==
          "--lost: \"0x1F\" is hexadecimal; counts are written in base-10 digits");
    CHECK(count_error("nan") == "--lost: \"nan\" is not a number; expected a whole number ≥ 0");
    CHECK(count_error("inf") == "--lost: \"inf\" is not a number; expected a whole number ≥ 0");
    CHECK(count_error("-inf") == "--lost: \"-inf\" is not a number; expected a whole number ≥ 0");
    CHECK(count_error("Infinity") ==
          "--lost: \"Infinity\" is not a number; expected a whole number ≥ 0");
    CHECK(count_error("1,234") ==
          "--lost: \"1,234\" has a thousands separator; write the count without it");
    CHECK(count_error("1 234") ==
          "--lost: \"1 234\" has a thousands separator; write the count without it");
    CHECK(count_error("1 234 567") ==
          "--lost: \"1 234 567\" has a thousands separator; write the count without it");
    CHECK(count_error("abc") == "--lost: \"abc\" is not a whole number");
    CHECK(count_error("19abc") == "--lost: \"19abc\" is not a whole number");
    CHECK(count_error("19\r") == "--lost: \"19\\x0D\" is not a whole number");
    CHECK(count_error("9223372036854775808") ==
          "--lost: \"9223372036854775808\" is out of range; counts go up to 9223372036854775807");
    CHECK(count_error("18446744073709551616") ==
          "--lost: \"18446744073709551616\" is out of range; counts go up to "
          "9223372036854775807");
}

TEST_CASE("decimals keep the number of decimals as written") {
    const auto d = parse_decimal("3.30", "--value");
    CHECK(d.units == 330);
    CHECK(d.scale == 2);
    CHECK(parse_decimal("30000", "--value").scale == 0);
    CHECK(parse_decimal("1234.56", "--value").to_ratio() == churn::ratio(123456, 100));
    CHECK(parse_decimal(" 7 ", "--value").to_ratio() == churn::ratio(7));
}

TEST_CASE("negative amounts only where a sign makes sense") {
    CHECK(parse_decimal("-12.50", "--value", {}, true).to_ratio() == churn::ratio(-25, 2));
    CHECK(decimal_error("-12.50") == "--value: \"-12.50\" is negative; expected a number ≥ 0");
}

TEST_CASE("a decimal comma needs --decimal-comma") {
    CHECK(decimal_error("3,75") ==
          "--value: \"3,75\" has a comma; for a decimal comma pass --decimal-comma, and write "
          "thousands without separators");
    const churn::number_format comma{true};
    CHECK(parse_decimal("3,75", "--value", comma).to_ratio() == churn::ratio(375, 100));
    CHECK(parse_decimal("3.75", "--value", comma).to_ratio() == churn::ratio(375, 100));
}

TEST_CASE("every rejected decimal names the flag, the value and the rule") {
    CHECK(decimal_error("") == "--value: \"\" is empty; expected a number");
    CHECK(decimal_error("nan") == "--value: \"nan\" is not a finite number");
    CHECK(decimal_error("-inf") == "--value: \"-inf\" is not a finite number");
    CHECK(decimal_error("1e400") ==
          "--value: \"1e400\" has an exponent; write the number in plain digits");
    CHECK(decimal_error("1e-400") ==
          "--value: \"1e-400\" has an exponent; write the number in plain digits");
    CHECK(decimal_error("0x10") ==
          "--value: \"0x10\" is hexadecimal; write the number in base-10 digits");
    CHECK(decimal_error("+3") == "--value: \"+3\" has a '+' sign; write the number without it");
    CHECK(decimal_error("1 234") ==
          "--value: \"1 234\" has a thousands separator; write the number without it");
    CHECK(decimal_error("1.") == "--value: \"1.\" is not a number");
    CHECK(decimal_error(".5") == "--value: \".5\" is not a number");
    CHECK(decimal_error("1.2.3") == "--value: \"1.2.3\" is not a number");
    CHECK(decimal_error("12a") == "--value: \"12a\" is not a number");
    CHECK(decimal_error("1234567890123456789") ==
          "--value: \"1234567890123456789\" has too many digits (at most 18 before and 18 "
          "after the point)");
}

TEST_CASE("a rate is a percentage with an optional % sign") {
    CHECK(parse_percent("4.75", "--churn").to_ratio() == churn::ratio(475, 100));
    CHECK(parse_percent("4.75%", "--churn").to_ratio() == churn::ratio(475, 100));
    CHECK(parse_percent("4.75 %", "--churn").to_ratio() == churn::ratio(475, 100));
    CHECK(parse_percent("4,75 %", "--churn", {true}).to_ratio() == churn::ratio(475, 100));
    CHECK(parse_percent("100", "--churn").to_ratio() == churn::ratio(100));
    CHECK(parse_percent("0", "--churn").to_ratio() == churn::ratio(0));
}

TEST_CASE("a rate above 100% or below 0 is rejected") {
    CHECK(percent_error("100.01") ==
          "--churn: \"100.01\" is above 100%; a rate is a percentage from 0 to 100");
    CHECK(percent_error("150%") ==
          "--churn: \"150%\" is above 100%; a rate is a percentage from 0 to 100");
    CHECK(percent_error("-1") == "--churn: \"-1\" is negative; expected a number ≥ 0");
    CHECK(percent_error("%") == "--churn: \"\" is empty; expected a number");
}

TEST_CASE("quoted values escape control bytes and are cut when long") {
    CHECK(churn::quote("a\"b") == "\"a\\\"b\"");
    CHECK(churn::quote("\x1b[31m") == "\"\\x1B[31m\"");
    CHECK(churn::quote(std::string(50, '9')) == "\"" + std::string(40, '9') + "…\"");
}
