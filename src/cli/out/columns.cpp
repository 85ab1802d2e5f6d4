#include "cli/out/columns.hpp"

#include <churn/error.hpp>
#include <churn/series.hpp>

#include <algorithm>

namespace churn::cli::out {

std::string name_list(catalogue names, std::span<const std::string> extra) {
    std::string list;
    for (const auto n : names)
        list += (list.empty() ? "" : ", ") + std::string(n);
    for (const auto& n : extra)
        list += (list.empty() ? "" : ", ") + n;
    return list;
}

std::vector<std::size_t> parse_fields(std::string_view list, catalogue known,
                                      std::span<const std::string> extra, std::string_view flag,
                                      std::string_view what) {
    std::vector<std::size_t> chosen;
    while (true) {
        const auto comma = list.find(',');
        const std::string_view given = list.substr(0, comma);
        const std::string name = canonical_column_name(given);
        std::size_t at = 0;
        while (at < known.size() && canonical_column_name(known[at]) != name)
            ++at;
        if (at == known.size())
            while (at - known.size() < extra.size() &&
                   canonical_column_name(extra[at - known.size()]) != name)
                ++at;
        if (at == known.size() + extra.size())
            throw parse_error(
                std::string(flag), std::string(given),
                "is not " + std::string(what) + "; choose from " + name_list(known, extra));
        if (std::find(chosen.begin(), chosen.end(), at) != chosen.end())
            throw parse_error(std::string(flag), std::string(given),
                              "is named twice; name each column once");
        chosen.push_back(at);
        if (comma == std::string_view::npos)
            return chosen;
        list.remove_prefix(comma + 1);
    }
}

std::vector<std::size_t> choose_columns(const std::optional<std::string>& list, catalogue known,
                                        std::span<const std::size_t> defaults,
                                        std::span<const std::string> extra) {
    std::vector<std::size_t> chosen =
        list ? parse_fields(*list, known, extra)
             : std::vector<std::size_t>(defaults.begin(), defaults.end());
    for (std::size_t i = known.size(); i < known.size() + extra.size(); ++i)
        if (std::find(chosen.begin(), chosen.end(), i) == chosen.end())
            chosen.push_back(i);
    return chosen;
}

}  // namespace churn::cli::out
