// The batch writer of src/cli/batch_output.hpp, called directly on hand-made rows.
#include "cli/batch_output.hpp"

#include <churn/decimal.hpp>
#include <churn/series.hpp>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catch.hpp"

namespace {

/// Rows of `start` and `lost` only, written as churn_pct at `places` decimals.
std::string churn_column(const std::vector<std::pair<std::int64_t, std::int64_t>>& rows,
                         int places) {
    const churn::series_columns columns(std::vector<std::string_view>{"period", "start", "lost"});
    std::ostringstream out;
    churn::cli::batch_settings settings;
    settings.numbers.precision = places;
    churn::cli::batch_writer writer(out, settings);
    writer.begin(columns, {}, std::string("churn_pct"));
    for (const auto& [start, lost] : rows) {
        churn::period p;
        p.start = start;
        p.lost = lost;
        p.lost_total = lost;
        p.end = start - lost;
        churn::series_row r;
        r.customers = p;
        writer.row(r, {});
    }
    writer.finish();
    return out.str();
}

}  // namespace

TEST_CASE("batch rates are the exact fraction rounded half away, whatever its size") {
    // Fractions that fit 64-bit arithmetic are written without round_half_away, larger ones
    // with it: both must give its digits, ties and the ends of the int64 range included.
    constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();
    std::vector<std::pair<std::int64_t, std::int64_t>> rows;
    for (const std::int64_t start :
         {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, std::int64_t{8}, std::int64_t{16},
          std::int64_t{400}, std::int64_t{40000}, std::int64_t{1} << 31,
          std::int64_t{92233720368547758}, std::int64_t{1} << 62, top})
        for (const std::int64_t lost :
             {std::int64_t{0}, std::int64_t{1}, start / 8, start / 3, start / 2, start - 1, start})
            rows.emplace_back(start, lost);
    std::uint64_t seed = 2026;
    for (int i = 0; i < 5000; ++i) {
        seed = seed * 6364136223846793005U + 1442695040888963407U;  // Knuth's MMIX LCG
        const auto start = static_cast<std::int64_t>(((seed >> 1) >> (seed % 63)) | 1);
        rows.emplace_back(start, static_cast<std::int64_t>(seed >> 7) % start);
    }
    for (int places = 0; places <= 10; ++places) {
        std::string expected = "churn_pct\n";
        for (const auto& [start, lost] : rows)
            expected +=
                churn::to_string(churn::round_half_away(churn::int128{lost} * 100, start, places)) +
                "\n";
        CHECK(churn_column(rows, places) == expected);
    }
}
