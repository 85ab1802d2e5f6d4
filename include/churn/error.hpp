#pragma once
/// The one exception family of the churn library.

#include <stdexcept>
#include <string>

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

/// Quote a value for a message: control bytes escaped, long values cut.
std::string quote(std::string_view value);

}  // namespace churn
