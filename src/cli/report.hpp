#pragma once
// The result of one calculation, before it is rendered in any format.

#include <churn/decimal.hpp>
#include <churn/ratio.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace churn::cli {

/// How a value is shown: percent fields hold fractions and are scaled when rendered.
enum class unit { none, percent, money, periods, points };

/// A count, an exact rational, a non-rational result, an exact decimal, a word, or a verdict.
using value = std::variant<std::int64_t, ratio, double, decimal, std::string, bool>;

struct field {
    std::string name;  ///< machine name, e.g. churn_pct (a contract: never rename)
    value v;
    unit u = unit::none;
    std::string label;   ///< text label; empty means machine output only
    std::string note;    ///< text detail shown after the value
    std::string suffix;  ///< text unit for periods, e.g. " months"
    int indent = 0;
};

struct report {
    std::string command;
    std::vector<field> fields;
    std::string headline;                  ///< name of the field -q prints and --expect checks
    std::vector<std::string> explanation;  ///< formulas with the numbers put in
};

/// Appends a field and returns it for further settings.
inline field& add(report& r, std::string name, value v, unit u = unit::none, std::string label = {},
                  std::string note = {}) {
    field f;
    f.name = std::move(name);
    f.v = std::move(v);
    f.u = u;
    f.label = std::move(label);
    f.note = std::move(note);
    r.fields.push_back(std::move(f));
    return r.fields.back();
}

/// The field named `name`; throws std::out_of_range if absent.
const field& find(const report& r, const std::string& name);

}  // namespace churn::cli
