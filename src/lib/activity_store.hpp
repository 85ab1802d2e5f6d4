#pragma once
// The memory of the activity aggregator, kept small because it is per customer: ids interned
// once in an arena behind an open-addressing index, a record of a few words each (stored in
// blocks, so that growing never copies a million records), a bit per period of a customer's
// span of activity, and the sums per period.

#include <churn/activity.hpp>
#include <churn/decimal.hpp>
#include <churn/error.hpp>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace churn {

/// A 64-bit hash of bytes (ids, order values): fast for short ids, well mixed.
inline std::uint64_t hash_bytes(std::string_view s) {
    constexpr std::uint64_t m = 0x9E3779B97F4A7C15ull;
    // Seeded apart from m: (h ^ m) must not be 0 for short ids, or every one-byte id would
    // hash alike (a product with 0).
    std::uint64_t h = 0x243F6A8885A308D3ull ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    const auto mix = [](std::uint64_t a, std::uint64_t b) {
        __extension__ typedef unsigned __int128 u128;
        const u128 r = static_cast<u128>(a ^ m) * (b ^ 0xD6E8FEB86659FD93ull);
        return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
    };
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix(h, w);
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = mix(h, w ^ (std::uint64_t{n} << 56));
    }
    return mix(h, 0x2545F4914F6CDD1Dull);
}

/// One customer. The periods of their two earliest orders tell from when they are repeat
/// customers; the last key tells a repeated order from a new one in a sorted log.
struct alignas(64) customer_record {
    /// The id: its bytes here when it is short (most are), else where the arena keeps them.
    union {
        char text[16];
        const char* at;
    } id{};
    std::uint32_t size = 0;
    std::uint32_t spill = 0;  ///< 0: the periods are `bits` from `base`; else 1 + the spill's index
    std::int32_t base = 0;
    std::int32_t first = INT32_MAX;   ///< period of the earliest order
    std::int32_t second = INT32_MAX;  ///< period of the second earliest
    bool has_key = false;
    std::uint64_t bits = 0;
    std::int64_t last_micros = INT64_MIN;
    std::int64_t last_key = 0;
};

/// Bytes kept for as long as the aggregator lives, in blocks of a mebibyte or more: ids are
/// interned once and never move.
class byte_arena {
  public:
    const char* intern(std::string_view bytes);

  private:
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t left_ = 0;
    char* at_ = nullptr;
};

/// Customers by id: the ids in an arena, the records in blocks, an index of open addressing.
class customer_table {
  public:
    customer_table();
    /// The customer's index and record, added on first sight; `hash` is hash_bytes(id).
    std::pair<std::uint32_t, customer_record*> find_or_add(std::string_view id, std::uint64_t hash);
    static std::string_view id(const customer_record& c) {
        return {c.size <= sizeof c.id.text ? c.id.text : c.id.at, c.size};
    }
    /// Asks the memory for the slot of `hash`, to be read soon: a log of a million customers
    /// touches them at random, and waiting for each is most of the work.
    void prefetch_slot(std::uint64_t hash) const {
        __builtin_prefetch(&slots_[static_cast<std::size_t>(hash >> 32) & (slots_.size() - 1)]);
    }
    /// Asks for the record the slot of `hash` points to, once the slot is at hand.
    void prefetch_record(std::uint64_t hash) const {
        const std::uint64_t s = slots_[static_cast<std::size_t>(hash >> 32) & (slots_.size() - 1)];
        if (s != 0 && (s >> 32) == (hash >> 32))
            __builtin_prefetch(&record(static_cast<std::uint32_t>(s) - 1));
    }
    std::uint32_t size() const { return count_; }
    /// Calls f(record) for every customer, in the order of first sight.
    template <typename F>
    void each(F&& f) const {
        for (std::uint32_t i = 0; i < count_; ++i)
            f(record(i));
    }
    const customer_record& record(std::uint32_t i) const { return blocks_[i >> shift][i & mask]; }

  private:
    static constexpr unsigned shift = 16;
    static constexpr std::uint32_t mask = (1u << shift) - 1;
    customer_record& record(std::uint32_t i) { return blocks_[i >> shift][i & mask]; }
    void grow();

    std::vector<std::unique_ptr<customer_record[]>> blocks_;
    byte_arena arena_;
    std::vector<std::uint64_t> slots_;  ///< hash's high 32 bits, then 1 + index; 0 empty
    std::uint32_t count_ = 0;
};

/// The periods a customer was active in: 64 of them inline from `base`, a wider span spilled
/// into words of their own.
class period_bits {
  public:
    void set(customer_record& c, std::int32_t q) {
        if (c.spill == 0) {
            if (c.bits == 0) {
                c.base = q;
                c.bits = 1;
                return;
            }
            const std::int64_t d = std::int64_t{q} - c.base;
            if (d >= 0 && d < 64) {
                c.bits |= std::uint64_t{1} << d;
                return;
            }
            if (d < 0 && 63 - __builtin_clzll(c.bits) - d < 64) {
                c.bits = (c.bits << -d) | 1;
                c.base = q;
                return;
            }
            spill(c);
        }
        set_spilled(spills_[c.spill - 1], q);
    }
    /// Calls f(period) for each period of c, in order.
    template <typename F>
    void each(const customer_record& c, F&& f) const {
        if (c.spill == 0) {
            for (std::uint64_t b = c.bits; b != 0; b &= b - 1)
                f(std::int64_t{c.base} + __builtin_ctzll(b));
            return;
        }
        const spilled& s = spills_[c.spill - 1];
        for (std::size_t w = 0; w < s.words.size(); ++w)
            for (std::uint64_t b = s.words[w]; b != 0; b &= b - 1)
                f(s.base + static_cast<std::int64_t>(w * 64) + __builtin_ctzll(b));
    }

  private:
    struct spilled {
        std::int64_t base = 0;  ///< a multiple of 64
        std::vector<std::uint64_t> words;
    };
    void spill(customer_record& c);
    static void set_spilled(spilled& s, std::int64_t q);
    std::vector<spilled> spills_;
};

/// The distinct orders of an unsorted log by an exact 64-bit key (a timestamp or a day):
/// (customer, key) pairs, open addressing.
class order_keys {
  public:
    /// True when the pair is new.
    bool insert(std::uint32_t customer, std::int64_t key);

  private:
    /// 12 bytes, not 16: a shuffled log of ten million orders keeps them all.
    struct entry {
        std::uint32_t customer;  ///< 1 + index; 0 empty
        std::uint32_t low;       ///< the key's halves
        std::uint32_t high;
    };
    void grow();
    std::vector<entry> slots_;
    std::size_t count_ = 0;
};

/// The distinct --order values of each customer, compared by their bytes, with the earliest
/// period each was seen in: an order that recurs in a later period is the same order, counted
/// once in its first period, whatever order the rows come in.
class order_ids {
  public:
    /// Adds (customer, id) seen in `period`. Returns no_order when the pair is new; else the
    /// earliest period it was seen in before, which becomes `period` if that is earlier.
    std::int32_t insert(std::uint32_t customer, std::string_view id, std::int32_t period);
    static constexpr std::int32_t no_order = INT32_MIN;

  private:
    /// 24 bytes: the id inline when it is short (most are), else where the arena keeps it.
    struct entry {
        std::uint32_t customer;  ///< 1 + index; 0 empty
        std::int32_t period;
        std::uint32_t size;
        std::uint32_t tag;  ///< the hash's high half, compared before the bytes
        union {
            char text[8];
            const char* at;
        } id;
    };
    static std::string_view id(const entry& e) {
        return {e.size <= sizeof e.id.text ? e.id.text : e.id.at, e.size};
    }
    static std::uint64_t hash(std::uint32_t customer, std::string_view id) {
        return hash_bytes(id) ^ (std::uint64_t{customer} * 0x9E3779B97F4A7C15ull);
    }
    void grow();
    std::vector<entry> slots_;
    std::size_t count_ = 0;
    byte_arena arena_;
};

/// An exact sum of amounts, in units of the aggregator's scale.
struct exact_sum {
    int128 units = 0;
    void add(int128 u) { units = checked_add(units, u); }
};

/// Values per period, for periods met in any order.
template <typename T>
class per_period {
  public:
    T& at(std::int64_t p) {
        if (values_.empty()) {
            origin_ = p;
            values_.resize(1);
        } else if (p < origin_) {
            values_.insert(values_.begin(), static_cast<std::size_t>(origin_ - p), T{});
            origin_ = p;
        } else if (p - origin_ >= static_cast<std::int64_t>(values_.size())) {
            values_.resize(static_cast<std::size_t>(p - origin_ + 1));
        }
        return values_[static_cast<std::size_t>(p - origin_)];
    }
    T get(std::int64_t p) const {
        if (values_.empty() || p < origin_ ||
            p - origin_ >= static_cast<std::int64_t>(values_.size()))
            return T{};
        return values_[static_cast<std::size_t>(p - origin_)];
    }
    template <typename F>
    void each(F&& f) {
        for (T& v : values_)
            f(v);
    }
    template <typename F>
    void each_value(F&& f) const {
        for (const T& v : values_)
            f(v);
    }

  private:
    std::int64_t origin_ = 0;
    std::vector<T> values_;
};

/// A customer's first and last order, orders and revenue, for --customers.
struct customer_detail {
    std::int64_t first_order = 0;
    std::int64_t last_order = 0;
    std::int64_t orders = 0;
    int128 revenue = 0;
};

/// A customer's revenue per period (in units of the aggregator's scale), periods ascending.
using customer_revenue = std::vector<std::pair<std::int32_t, int128>>;
void add_revenue(customer_revenue& r, std::int64_t period, int128 units);

/// The revenue movements of the periods `origin` … `to`, per customer against the period
/// before. Throws negative_revenue for a customer's negative revenue in a period.
std::vector<activity_revenue> revenue_movements(const std::vector<customer_revenue>& revenue,
                                                const customer_table& table, std::int64_t origin,
                                                std::int64_t to, int scale);

}  // namespace churn
