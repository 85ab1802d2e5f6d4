#pragma once
/// The one exception family of the churn library.

#include <stdexcept>
#include <string>
#include <string_view>

namespace churn {

/// Every failure the library reports: bad input, undefined or contradictory values, bad data.
/// The message names the field, the value and the rule broken, and fits on one line.
class error : public std::runtime_error {
  public:
    explicit error(const std::string& message) : std::runtime_error(message) {}
};

/// A value could not be read: `field: "value" rule`.
class parse_error : public error {
  public:
    parse_error(const std::string& field, const std::string& value, const std::string& rule);
};

/// Values that are readable but make the requested metric undefined or contradict each other.
class domain_error : public error {
  public:
    using error::error;
};

/// An exact result has more digits than 128-bit arithmetic holds. The library does not know
/// which flags or columns the values came from; the caller adds them.
class overflow_error : public error {
  public:
    using error::error;
};

/// Input shown in a message, whole: each control byte and each byte that is not part of valid
/// UTF-8 written as `\xNN`, so that the message stays one line of valid UTF-8 (file names).
std::string printable(std::string_view text);

/// Quote a value for a message: as printable, with `"` and `\` escaped, long values cut.
std::string quote(std::string_view value);

}  // namespace churn
