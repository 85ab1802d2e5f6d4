// The aggregator's memory (activity_store.hpp), and the revenue movements computed from each
// customer's revenue per period.

#include "activity_store.hpp"

#include <algorithm>

namespace churn {

negative_revenue::negative_revenue(std::int64_t period, std::string_view customer,
                                   const decimal& revenue)
    : domain_error("customer " + quote(customer) + " has a negative revenue (" +
                   to_string(revenue) +
                   "): revenue movements need each customer's revenue in a period ≥ 0"),
      period_(period) {}

namespace {

/// The id of c is `id`, whose size is c's.
bool table_id_equal(const customer_record& c, std::string_view id) {
    if (id.size() > sizeof c.id.text)
        return std::memcmp(c.id.at, id.data(), id.size()) == 0;
    // Both short: the bytes in the record, compared without a call.
    for (std::size_t i = 0; i < id.size(); ++i)
        if (c.id.text[i] != id[i])
            return false;
    return true;
}

}  // namespace

customer_table::customer_table() : slots_(std::size_t{1} << 12) {}

const char* byte_arena::intern(std::string_view bytes) {
    if (bytes.size() > left_) {
        const std::size_t block = std::max<std::size_t>(std::size_t{1} << 20, bytes.size());
        blocks_.push_back(std::make_unique<char[]>(block));
        at_ = blocks_.back().get();
        left_ = block;
    }
    char* at = at_;
    std::memcpy(at, bytes.data(), bytes.size());
    at_ += bytes.size();
    left_ -= bytes.size();
    return at;
}

void customer_table::grow() {
    std::vector<std::uint64_t> slots(slots_.size() * 2);
    const std::size_t m = slots.size() - 1;
    for (const std::uint64_t s : slots_) {
        if (s == 0)
            continue;
        // The high half of the hash picks the slot: it is all the slot keeps of it.
        std::size_t j = static_cast<std::size_t>(s >> 32) & m;
        while (slots[j] != 0)
            j = (j + 1) & m;
        slots[j] = s;
    }
    slots_.swap(slots);
}

std::pair<std::uint32_t, customer_record*> customer_table::find_or_add(std::string_view id,
                                                                       std::uint64_t hash) {
    const std::uint64_t tag = hash >> 32;
    const std::size_t m = slots_.size() - 1;
    std::size_t j = static_cast<std::size_t>(tag) & m;
    for (;;) {
        const std::uint64_t s = slots_[j];
        if (s == 0)
            break;
        if ((s >> 32) == tag) {
            const auto i = static_cast<std::uint32_t>(s) - 1;
            customer_record& c = record(i);
            if (c.size == id.size() && table_id_equal(c, id))
                return {i, &c};
        }
        j = (j + 1) & m;
    }
    if (count_ == UINT32_MAX - 1)
        throw error("more than 4 294 967 293 customers");
    if ((count_ & mask) == 0)
        blocks_.push_back(std::make_unique<customer_record[]>(std::size_t{mask} + 1));
    const std::uint32_t i = count_++;
    customer_record& c = record(i);
    if (id.size() <= sizeof c.id.text)
        std::memcpy(c.id.text, id.data(), id.size());
    else
        c.id.at = arena_.intern(id);
    c.size = static_cast<std::uint32_t>(id.size());
    slots_[j] = (tag << 32) | (std::uint64_t{i} + 1);
    if (std::size_t{count_} * 2 > slots_.size())
        grow();
    return {i, &c};
}

void period_bits::spill(customer_record& c) {
    spilled s;
    s.base = std::int64_t{c.base} - (((std::int64_t{c.base} % 64) + 64) % 64);
    s.words.assign(2, 0);
    for (std::uint64_t b = c.bits; b != 0; b &= b - 1)
        set_spilled(s, std::int64_t{c.base} + __builtin_ctzll(b));
    spills_.push_back(std::move(s));
    c.spill = static_cast<std::uint32_t>(spills_.size());
    c.bits = 0;
}

void period_bits::set_spilled(spilled& s, std::int64_t q) {
    if (q < s.base) {
        const auto words = static_cast<std::size_t>((s.base - q + 63) / 64);
        s.words.insert(s.words.begin(), words, 0);
        s.base -= static_cast<std::int64_t>(words) * 64;
    }
    const auto w = static_cast<std::size_t>((q - s.base) / 64);
    if (w >= s.words.size())
        s.words.resize(w + 1, 0);
    s.words[w] |= std::uint64_t{1} << ((q - s.base) % 64);
}

bool order_keys::insert(std::uint32_t customer, std::int64_t key) {
    // Filled up to 3/4: the entries are what an unsorted log costs.
    if ((count_ + 1) * 4 > slots_.size() * 3)
        grow();
    const auto k = static_cast<std::uint64_t>(key);
    const entry e{customer + 1, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k >> 32)};
    const std::size_t m = slots_.size() - 1;
    std::size_t j =
        static_cast<std::size_t>(hash_bytes({reinterpret_cast<const char*>(&k), sizeof k}) ^
                                 (std::uint64_t{customer} * 0x9E3779B97F4A7C15ull)) &
        m;
    while (slots_[j].customer != 0) {
        const entry& s = slots_[j];
        if (s.customer == e.customer && s.low == e.low && s.high == e.high)
            return false;
        j = (j + 1) & m;
    }
    slots_[j] = e;
    ++count_;
    return true;
}

void order_keys::grow() {
    std::vector<entry> old(std::max<std::size_t>(slots_.size() * 2, std::size_t{1} << 12));
    old.swap(slots_);
    count_ = 0;
    for (const entry& e : old)
        if (e.customer != 0)
            insert(e.customer - 1,
                   static_cast<std::int64_t>((std::uint64_t{e.high} << 32) | e.low));
}

std::int32_t order_ids::insert(std::uint32_t customer, std::string_view id, std::int32_t period) {
    if ((count_ + 1) * 4 > slots_.size() * 3)
        grow();
    const std::uint64_t h = hash(customer, id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t m = slots_.size() - 1;
    std::size_t j = static_cast<std::size_t>(h) & m;
    for (; slots_[j].customer != 0; j = (j + 1) & m) {
        entry& e = slots_[j];
        if (e.customer == customer + 1 && e.tag == tag && e.size == id.size() &&
            std::memcmp(order_ids::id(e).data(), id.data(), id.size()) == 0) {
            const std::int32_t before = e.period;
            e.period = std::min(e.period, period);
            return before;
        }
    }
    entry& e = slots_[j];
    e.customer = customer + 1;
    e.period = period;
    e.size = static_cast<std::uint32_t>(id.size());
    e.tag = tag;
    if (id.size() <= sizeof e.id.text)
        std::memcpy(e.id.text, id.data(), id.size());
    else
        e.id.at = arena_.intern(id);
    ++count_;
    return no_order;
}

void order_ids::grow() {
    std::vector<entry> old(std::max<std::size_t>(slots_.size() * 2, std::size_t{1} << 12));
    old.swap(slots_);
    const std::size_t m = slots_.size() - 1;
    for (const entry& e : old) {
        if (e.customer == 0)
            continue;
        std::size_t j = static_cast<std::size_t>(hash(e.customer - 1, id(e))) & m;
        while (slots_[j].customer != 0)
            j = (j + 1) & m;
        slots_[j] = e;
    }
}

void add_revenue(customer_revenue& r, std::int64_t period, int128 units) {
    const auto q = static_cast<std::int32_t>(period);
    // Sorted logs append; an unsorted one inserts.
    auto at = r.end();
    while (at != r.begin() && (at - 1)->first > q)
        --at;
    if (at != r.begin() && (at - 1)->first == q)
        (at - 1)->second = checked_add((at - 1)->second, units);
    else
        r.insert(at, {q, units});
}

std::vector<activity_revenue> revenue_movements(const std::vector<customer_revenue>& revenue,
                                                const customer_table& table, std::int64_t origin,
                                                std::int64_t to, int scale) {
    struct sums {
        int128 start = 0, acquired = 0, expansion = 0, contraction = 0, churned = 0,
               reactivation = 0, end = 0;
    };
    std::vector<sums> at(static_cast<std::size_t>(to - origin + 1));
    const auto in = [&](std::int64_t p) -> sums* {
        return p < origin || p > to ? nullptr : &at[static_cast<std::size_t>(p - origin)];
    };
    for (std::uint32_t i = 0; i < revenue.size(); ++i) {
        const customer_record& c = table.record(i);
        std::int64_t prev_period = INT64_MIN;
        int128 prev = 0;
        for (const auto& [q, u] : revenue[i]) {
            if (u < 0)
                throw negative_revenue(q, table.id(c), decimal{u, scale});
            // The period after the previous one with revenue had none: churned there.
            if (prev_period != INT64_MIN && q > prev_period + 1 && prev > 0)
                if (sums* s = in(prev_period + 1)) {
                    s->churned += prev;
                    s->start += prev;
                }
            const int128 before = q == prev_period + 1 ? prev : 0;
            if (sums* s = in(q)) {
                s->start += before;
                s->end += u;
                if (c.first == q)
                    s->acquired += u;
                else if (before == 0)
                    s->reactivation += u;
                else if (u == 0)
                    s->churned += before;
                else if (u > before)
                    s->expansion += u - before;
                else
                    s->contraction += before - u;
            }
            prev_period = q;
            prev = u;
        }
        if (prev_period != INT64_MIN && prev > 0)
            if (sums* s = in(prev_period + 1)) {
                s->churned += prev;
                s->start += prev;
            }
    }
    std::vector<activity_revenue> out;
    out.reserve(at.size());
    for (const sums& s : at)
        out.push_back({{s.start, scale},
                       {s.acquired, scale},
                       {s.expansion, scale},
                       {s.contraction, scale},
                       {s.churned, scale},
                       {s.reactivation, scale},
                       {s.end, scale}});
    return out;
}

}  // namespace churn
