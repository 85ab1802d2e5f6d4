#include <churn/error.hpp>
#include <churn/period.hpp>

#include <optional>
#include <string>
#include <utility>

namespace churn {

namespace {

using std::to_string;

std::int64_t add(std::int64_t a, std::int64_t b, const char* what) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        throw domain_error(std::string(what) + " is too large to compute");
    return r;
}

// The messages are built out of line, so that the checks stay small: resolve() runs once per
// row of a batch.
[[noreturn]] void lost_exceeds_start(std::int64_t lost, std::int64_t start) {
    throw domain_error("lost (" + to_string(lost) + ") exceeds start (" + to_string(start) +
                       "): the starting base cannot lose more customers than it has");
}

[[noreturn]] void lost_new_exceeds_new(std::int64_t lost_new, std::int64_t acquired) {
    throw domain_error("lost_new (" + to_string(lost_new) + ") exceeds new (" +
                       to_string(acquired) + ")");
}

[[noreturn]] void negative(std::int64_t value, const char* what) {
    throw domain_error(std::string(what) + " (" + to_string(value) +
                       ") is negative; counts must be ≥ 0");
}

void check_parts(const period& p) {
    if (p.lost && *p.lost > p.start)
        lost_exceeds_start(*p.lost, p.start);
    if (p.lost_new && *p.lost_new > p.acquired)
        lost_new_exceeds_new(*p.lost_new, p.acquired);
}

void check_count(const std::optional<std::int64_t>& value, const char* what) {
    if (value && *value < 0)
        negative(*value, what);
}

/// Derives L and LN from the total lost S + N (+ R) − E, checking what was given; `capacity`
/// names that sum in messages.
void split_total(period& p, const period_input& in, const char* capacity) {
    const std::int64_t total = p.lost_total;
    // Built only when a message needs it: resolve() runs once per row of a batch.
    const auto shown = [total, capacity] {
        return std::string(capacity) + " − end = " + to_string(total);
    };
    if (in.lost && in.lost_new) {
        if (add(*in.lost, *in.lost_new, "lost + lost_new") != total)
            throw domain_error("lost + lost_new = " + to_string(*in.lost + *in.lost_new) +
                               " contradicts " + shown());
    } else if (in.lost) {
        if (*in.lost > total)
            throw domain_error("lost (" + to_string(*in.lost) + ") contradicts " + shown() +
                               ": more lost from the base than lost in all");
        p.lost_new = total - *in.lost;
        if (*p.lost_new > p.acquired)
            throw domain_error("lost (" + to_string(*in.lost) + ") contradicts " + shown() +
                               ": lost_new would be " + to_string(*p.lost_new) +
                               ", more than new (" + to_string(p.acquired) + ")");
    } else if (in.lost_new) {
        if (*in.lost_new > total)
            throw domain_error("lost_new (" + to_string(*in.lost_new) + ") contradicts " + shown());
        p.lost = total - *in.lost_new;
        if (*p.lost > p.start)
            throw domain_error("lost_new (" + to_string(*in.lost_new) + ") contradicts " + shown() +
                               ": lost would be " + to_string(*p.lost) + ", more than start (" +
                               to_string(p.start) + ")");
    }
}

}  // namespace

missing_count::missing_count(const std::string& reason, const std::string& hint, std::string count)
    : domain_error(reason + "; " + hint + " (" + count + ")"),
      reason_and_hint_(reason + "; " + hint),
      count_(std::move(count)) {}

std::string missing_count::phrased(std::string_view where) const {
    return reason_and_hint_ + " " + std::string(where);
}

period resolve(const period_input& in) {
    if (!in.start)
        throw domain_error("start is required: the customers at the start of the period");
    check_count(in.start, "start");
    check_count(in.lost, "lost");
    check_count(in.acquired, "new");
    check_count(in.lost_new, "lost_new");
    check_count(in.end, "end");
    check_count(in.returned, "returned");
    if (in.lost_new && !in.acquired)
        throw domain_error("lost_new (" + to_string(*in.lost_new) +
                           ") needs new: give the number of customers acquired in the period");
    period p;
    p.start = *in.start;
    p.acquired = in.acquired.value_or(0);
    p.has_new = in.acquired.has_value();
    p.lost = in.lost;
    p.lost_new = in.lost_new;
    p.returned = in.returned.value_or(0);
    // Without new customers none can be lost; without an end, an unstated LN means none.
    if (!p.has_new || !in.end)
        p.lost_new = p.lost_new.value_or(0);
    check_parts(p);

    // The customers who could be there at the end. Messages name returned only where it was
    // given, so that a period without it reads as it always did.
    const bool returned = in.returned.has_value();
    const char* capacity_name = !returned   ? "start + new"
                                : p.has_new ? "start + new + returned"
                                            : "start + returned";
    std::int64_t capacity = add(p.start, p.acquired, "start + new");
    if (returned)
        capacity = add(capacity, p.returned, capacity_name);
    if (!in.end) {
        if (!in.lost)
            throw domain_error("lost or end is required to know how many customers left");
        p.lost_total = *p.lost + *p.lost_new;
        p.end = capacity - p.lost_total;
        return p;
    }

    p.end = *in.end;
    // The returned are never lost in the period they came back in: all of them are at the end.
    if (p.end < p.returned)
        throw domain_error("end (" + to_string(p.end) + ") is less than returned (" +
                           to_string(p.returned) +
                           "): the customers who came back are among those at the end");
    if (!in.acquired) {
        if (p.end > capacity)
            throw missing_count(
                "end (" + to_string(p.end) + ") exceeds " +
                    (returned ? std::string(capacity_name) + " = " + to_string(capacity)
                              : "start (" + to_string(p.start) + ")") +
                    " but no new customers were given",
                "give them", "new");
        if (in.lost && *in.lost != capacity - p.end)
            throw missing_count("end (" + to_string(p.end) + ") contradicts start − lost" +
                                    (returned ? " + returned" : "") + " = " +
                                    to_string(capacity - *in.lost),
                                "if customers were acquired, give them", "new");
        p.lost = capacity - p.end;
        p.lost_total = *p.lost;
        return p;
    }

    if (p.end > capacity)
        throw domain_error("end (" + to_string(p.end) + ") exceeds " + capacity_name + " = " +
                           to_string(capacity));
    p.lost_total = capacity - p.end;
    split_total(p, in, capacity_name);
    check_parts(p);
    return p;
}

}  // namespace churn
