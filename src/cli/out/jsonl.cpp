// JSON Lines: one object per row, the totals as one more; nothing around them.

#include "cli/out/formats.hpp"

namespace churn::cli::out {

namespace {

class jsonl_sink final : public sink {
  public:
    using sink::sink;

    void begin(header h) override {
        for (auto& c : h.columns)
            names_.push_back(std::move(c.name));
    }

    void row(std::span<const value> values) override {
        atomically([&] {
            append_json_object(buffer_, names_, values);
            buffer_ += '\n';
        });
    }

    void summary(std::span<const total> totals) override {
        atomically([&] {
            append_json_object(buffer_, totals);
            buffer_ += '\n';
        });
    }

    /// Formulas are for people: JSON Lines leaves them out.
    void finish(const std::vector<std::string>&) override { flush(); }

  private:
    std::vector<std::string> names_;
};

}  // namespace

std::unique_ptr<sink> make_jsonl_sink(std::ostream& out, const options& o) {
    return std::make_unique<jsonl_sink>(out, o);
}

}  // namespace churn::cli::out
