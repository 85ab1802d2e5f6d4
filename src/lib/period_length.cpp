#include <churn/period_length.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

namespace churn {

namespace {

constexpr std::size_t lengths = period_lengths.size();
/// Lengths in 1/48 day, so that every ratio between them is exact.
constexpr std::array<std::int64_t, lengths> length_units = {48, 336, 1461, 4383, 8766, 17532};
constexpr std::array<std::string_view, lengths> length_names = {"day",     "week", "month",
                                                                "quarter", "half", "year"};

}  // namespace

std::optional<period_length> parse_period_length(std::string_view text) {
    std::string s(text);
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "daily")
        return period_length::day;
    if (s == "weekly")
        return period_length::week;
    if (s == "monthly")
        return period_length::month;
    if (s == "quarterly")
        return period_length::quarter;
    if (s == "half-year" || s == "halfyear" || s == "semiannual" || s == "half-yearly")
        return period_length::half;
    if (s == "yearly" || s == "annual" || s == "annually")
        return period_length::year;
    if (s.size() > 1 && s.back() == 's')
        s.pop_back();
    const auto it = std::find(length_names.begin(), length_names.end(), s);
    if (it == length_names.end())
        return std::nullopt;
    return static_cast<period_length>(it - length_names.begin());
}

std::string_view name(period_length p) {
    return length_names.at(static_cast<std::size_t>(p));
}

ratio periods_per(period_length from, period_length to) {
    return ratio(length_units.at(static_cast<std::size_t>(to)),
                 length_units.at(static_cast<std::size_t>(from)));
}

}  // namespace churn
