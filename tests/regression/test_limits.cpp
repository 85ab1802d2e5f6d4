// Regressions found by the I/O fault tests (tests/io): a huge line must not be held in memory.

#include <churn/error.hpp>
#include <churn/scores.hpp>

#include "catch.hpp"

#include <sstream>
#include <streambuf>
#include <string>

namespace {

/// An endless stream of '7' with no newline, like `tr '\0' 7 </dev/zero`.
class endless_digits : public std::streambuf {
  public:
    endless_digits() { setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size()); }
    /// Chunks of 64 KiB handed out after the first.
    int chunks() const { return chunks_; }

  protected:
    int_type underflow() override {
        ++chunks_;
        if (chunks_ > 200)  // 200 × 64 KiB: far past the limit, the reader should have stopped
            return traits_type::eof();
        setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
        return traits_type::to_int_type(chunk_[0]);
    }

  private:
    std::string chunk_ = std::string(1 << 16, '7');
    int chunks_ = 0;
};

}  // namespace

TEST_CASE("a score line longer than 1 MiB is an error, read in bounded memory") {
    endless_digits digits;
    std::istream in(&digits);
    try {
        churn::read_scores(in, "big.txt");
        FAIL("no error for an endless line");
    } catch (const churn::error& e) {
        CHECK(std::string(e.what()) == "big.txt:1: field longer than 1048576 bytes");
    }
    // It stopped right after the limit: 16 chunks of 64 KiB are 1 MiB.
    CHECK(digits.chunks() <= 17);
}

TEST_CASE("a line of exactly 1 MiB is still read") {
    std::istringstream in("score\n" + std::string(churn::max_score_line - 2, ' ') + "10\n");
    const auto counts = churn::read_scores(in, "wide.csv").counts;
    CHECK(counts.promoters == 1);
}
