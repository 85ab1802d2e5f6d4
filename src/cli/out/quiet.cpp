// -q: the headline alone, rounded, without unit, for a shell variable.

#include "cli/out/number.hpp"
#include "cli/out/sink.hpp"

#include <stdexcept>

namespace churn::cli::out {

namespace {

class quiet_sink final : public sink {
  public:
    using sink::sink;

    void begin(header h) override {
        if (h.headline >= h.columns.size())
            throw std::out_of_range("-q needs a headline column");
        headline_ = h.headline;
    }

    void row(std::span<const value> values) override {
        atomically([&] {
            append_plain(buffer_, values[headline_], o_.precision, o_.point);
            buffer_ += '\n';
        });
    }

    /// Totals are not the headline: -q leaves them out.
    void summary(std::span<const total>) override {}

    /// Formulas are not the headline either.
    void finish(const std::vector<std::string>&) override { flush(); }

  private:
    std::size_t headline_ = 0;
};

}  // namespace

std::unique_ptr<sink> make_quiet_sink(std::ostream& out, const options& o) {
    return std::make_unique<quiet_sink>(out, o);
}

}  // namespace churn::cli::out
