#pragma once
// CSV and TSV: a header line of column names, then a line per row; they differ in how a field
// holding the delimiter or a line break is written.

#include "cli/out/sink.hpp"

namespace churn::cli::out {

class delimited_sink final : public sink {
  public:
    using field_writer = void (*)(std::string& out, std::string_view s);
    delimited_sink(std::ostream& out, const options& o, char delimiter, field_writer field)
        : sink(out, o), delimiter_(delimiter), field_(field) {}

    void begin(header h) override;
    void row(std::span<const value> values) override;
    /// With columns, a line in them, each the total of its column (or name) or empty; without,
    /// a header line of the totals' names and a line of their values, the text totals left out.
    void summary(std::span<const total> totals) override;
    void finish(const std::vector<std::string>& explanation) override;

  private:
    void cell(std::size_t index, const value& v);

    char delimiter_;
    field_writer field_;
    std::vector<std::string> names_;
    std::string plain_;
};

}  // namespace churn::cli::out
