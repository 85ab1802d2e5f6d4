#pragma once
// The columns a command can write, and --fields: which of them, in which order. A command
// declares its catalogue (the names, a contract) and its default choice; the input may add
// columns of its own (batch --keep), placed by name like the others.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace churn::cli::out {

/// A command's columns, by name, in the order its messages list them.
using catalogue = std::span<const std::string_view>;

/// "a, b, c": the names, for messages.
std::string name_list(catalogue names, std::span<const std::string> extra = {});

/// The columns `list` (a comma-separated --fields) names, as indices: i < known.size() is
/// known[i], else extra[i - known.size()]. Names compare as headers do (canonical_column_name:
/// case and blanks around them do not matter). An unknown or repeated name is an error naming
/// `flag`, saying the name is not `what`.
std::vector<std::size_t> parse_fields(std::string_view list, catalogue known,
                                      std::span<const std::string> extra = {},
                                      std::string_view flag = "--fields",
                                      std::string_view what = "an output column");

/// The columns of a document: those `list` names when given, else `defaults`; the extra
/// columns it does not name follow, in their order.
std::vector<std::size_t> choose_columns(const std::optional<std::string>& list, catalogue known,
                                        std::span<const std::size_t> defaults,
                                        std::span<const std::string> extra);

}  // namespace churn::cli::out
