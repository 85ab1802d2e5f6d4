// Properties of churn events as a whole, in process: the table of a log does not depend on the
// order of its rows, on whether it is read from a file or a pipe, or on how it is split into
// files; and churn batch reads it back to the same rates.

#include "in_process.hpp"

#include <rapidcheck/catch.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct line {
    int customer;  ///< 0 … 9, or -1: a guest
    int day;       ///< of 2024, 0 … 199
    int cents;     ///< negative: a refund
};

rc::Gen<line> lines() {
    return rc::gen::build<line>(rc::gen::set(&line::customer, rc::gen::inRange(-1, 10)),
                                rc::gen::set(&line::day, rc::gen::inRange(0, 200)),
                                rc::gen::set(&line::cents, rc::gen::inRange(-500, 5000)));
}

std::string row_text(const line& l) {
    const int month_days[] = {31, 29, 31, 30, 31, 30, 31};
    int month = 0;
    int day = l.day;
    while (day >= month_days[month])
        day -= month_days[month++];
    const std::string who = l.customer < 0 ? "" : fmt::format("c{}", l.customer);
    const int cents = l.cents < 0 ? -l.cents : l.cents;
    return fmt::format("{},2024-{:02}-{:02},{}{}.{:02}\n", who, month + 1, day + 1,
                       l.cents < 0 ? "-" : "", cents / 100, cents % 100);
}

const std::string header = "customer_id,order_date,amount\n";

/// A directory of its own for one property run, removed afterwards.
struct scratch {
    fs::path dir;
    scratch() {
        std::string pattern = (fs::temp_directory_path() / "churn-events-XXXXXX").string();
        dir = ::mkdtemp(pattern.data());
    }
    ~scratch() { fs::remove_all(dir); }
    std::string file(const std::string& name, const std::string& text) const {
        const fs::path p = dir / name;
        std::ofstream(p) << text;
        return p.string();
    }
};

std::string log_text(const std::vector<line>& log) {
    std::string text = header;
    for (const auto& l : log)
        text += row_text(l);
    return text;
}

/// A log with at least one customer's order.
rc::Gen<std::vector<line>> logs() {
    return rc::gen::suchThat(rc::gen::nonEmpty(rc::gen::container<std::vector<line>>(lines())),
                             [](const std::vector<line>& log) {
                                 return std::any_of(log.begin(), log.end(), [](const line& l) {
                                     return l.customer >= 0 && l.cents >= 0;
                                 });
                             });
}

std::vector<std::string> flags() {
    const int k = *rc::gen::inRange(1, 4);
    const std::string period = *rc::gen::element<std::string>("day", "week", "month", "quarter");
    const std::string orders = *rc::gen::element<std::string>("distinct", "days", "rows");
    return {"--inactive-after", std::to_string(k), "--period", period, "--orders", orders};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("events: the table does not depend on the row order, the pipe or the split") {
    rc::prop("permuted, piped and split logs", [] {
        auto log = *logs();
        std::stable_sort(log.begin(), log.end(),
                         [](const line& a, const line& b) { return a.day < b.day; });
        const auto f = flags();
        const scratch tmp;
        const auto sorted =
            churn_test::run_churn(with({"events", tmp.file("sorted.csv", log_text(log))}, f));
        RC_ASSERT(sorted.status == 0);

        auto mixed = log;
        std::mt19937 random(*rc::gen::arbitrary<unsigned>());
        std::shuffle(mixed.begin(), mixed.end(), random);
        const std::string shuffled = log_text(mixed);
        RC_ASSERT(churn_test::run_churn(with({"events", tmp.file("mixed.csv", shuffled)}, f)).out ==
                  sorted.out);
        RC_ASSERT(churn_test::run_churn(with({"events", "-"}, f), shuffled).out == sorted.out);

        // Split into files, each with its header, read in order as one log.
        const std::size_t parts = *rc::gen::inRange<std::size_t>(1, 4);
        std::vector<std::string> args = {"events"};
        for (std::size_t p = 0; p < parts; ++p) {
            std::string text = header;
            for (std::size_t i = p * mixed.size() / parts; i < (p + 1) * mixed.size() / parts; ++i)
                text += row_text(mixed[i]);
            args.push_back(tmp.file(fmt::format("part{}.csv", p), text));
        }
        RC_ASSERT(churn_test::run_churn(with(args, f)).out == sorted.out);
    });
}

TEST_CASE("events: churn batch reads the table back to the same rates") {
    rc::prop("events | batch", [] {
        const auto log = *logs();
        const auto f = flags();
        const std::vector<std::string> fields = {
            "--fields", "period,start,lost,new,returned,end,churn_pct,retention_pct"};
        const auto events =
            churn_test::run_churn(with(with({"events", "-"}, f), fields), log_text(log));
        RC_ASSERT(events.status == 0);
        const auto batch = churn_test::run_churn(with({"batch", "-"}, fields), events.out);
        RC_ASSERT(batch.status == 0);
        RC_ASSERT(batch.out == events.out);
    });
}
