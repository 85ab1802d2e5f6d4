#pragma once
// Generators the property tests share.

#include <rapidcheck.h>

#include <cstdint>
#include <limits>

namespace gen {

inline constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();

/// Integers of every size up to `upper`, often small.
inline rc::Gen<std::int64_t> magnitude(std::int64_t upper) {
    return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 1000),
                          rc::gen::inRange<std::int64_t>(0, upper));
}

}  // namespace gen
