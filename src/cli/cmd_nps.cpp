// churn nps: net promoter score from counts or from a list of 0–10 scores.

#include "cli/command.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"

#include <churn/error.hpp>
#include <churn/metrics.hpp>
#include <churn/scores.hpp>

#include <fmt/format.h>

namespace churn::cli {

namespace {

struct nps_options {
    std::optional<std::string> promoters, passives, detractors, scores;
};

void setup(CLI::App& app, nps_options& o) {
    add_value(app, "--promoters", o.promoters, "Answers of 9 or 10");
    add_value(app, "--passives", o.passives, "Answers of 7 or 8");
    add_value(app, "--detractors", o.detractors, "Answers of 0 to 6");
    add_value(app, "--scores", o.scores,
              "File of 0-10 scores, one per line or a score column; - for stdin")
        ->type_name("FILE");
}

/// The answers of the score file at `path` ("-": standard input); a note on stderr says how
/// many rows had a blank score, read as no answer.
nps_counts read_file(const std::string& path, const context& ctx) {
    input_files inputs({path}, ctx.in);
    std::string name;
    std::istream* in = inputs.next(name);
    const score_answers answers = read_scores(*in, name);
    if (answers.blank > 0)
        ctx.err << "churn: note: " << name << ": " << answers.blank
                << (answers.blank == 1 ? " row has" : " rows have")
                << " a blank score, read as no answer and not counted\n";
    return answers.counts;
}

report calculate(const nps_options& o, const context& ctx) {
    nps_counts c;
    if (o.scores) {
        if (o.promoters || o.passives || o.detractors)
            throw error(
                "give --scores or the counts --promoters, --passives, --detractors, not both");
        c = read_file(*o.scores, ctx);
    } else {
        if (!o.promoters && !o.passives && !o.detractors)
            throw error("nps needs --promoters, --passives and --detractors, or --scores FILE");
        c.promoters = count_flag(o.promoters, "--promoters").value_or(0);
        c.passives = count_flag(o.passives, "--passives").value_or(0);
        c.detractors = count_flag(o.detractors, "--detractors").value_or(0);
    }
    const ratio score = nps(c);
    std::int64_t answers = 0;
    if (__builtin_add_overflow(c.promoters, c.passives, &answers) ||
        __builtin_add_overflow(answers, c.detractors, &answers))
        throw error(
            "--promoters + --passives + --detractors is too large to count; the answers must "
            "add up to at most 9223372036854775807");
    const int prec = ctx.precision();
    const char pt = ctx.point();
    report r;
    r.command = "nps";
    r.headline = "nps";
    add(r, "promoters", c.promoters);
    add(r, "passives", c.passives);
    add(r, "detractors", c.detractors);
    add(r, "answers", answers);
    add(r, "promoters_pct", ratio(c.promoters, answers), unit::percent, "Promoters (9-10)");
    add(r, "detractors_pct", ratio(c.detractors, answers), unit::percent, "Detractors (0-6)");
    add(r, "nps", score, unit::points, "Net promoter score",
        fmt::format("of {} answers, on a scale from -100 to 100", answers));
    r.explanation.push_back(fmt::format("NPS = ({} − {}) / {} × 100 = {}", c.promoters,
                                        c.detractors, answers,
                                        explain_number(score * ratio(100), prec, pt)));
    return r;
}

}  // namespace

command make_nps_command() {
    return calculation<nps_options>("nps", "Net promoter score: % promoters - % detractors",
                                    R"(Examples:
  churn nps --promoters 50 --passives 30 --detractors 20   NPS: 30
  churn nps --scores answers.txt                  one score 0-10 per line or a score column
  churn nps --scores - < answers.csv)",
                                    setup, calculate);
}

}  // namespace churn::cli
