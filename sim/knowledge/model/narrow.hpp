#pragma once
// Integer conversions whose need depends on the platform: a 64-bit count into std::size_t (32
// bits in the browser build), an int64 into time_t or a socket handle into int. A static_cast
// there is useless on one platform (-Wuseless-cast) and narrowing on another; narrow<To> is
// neither, and checks that the value fits.
#include <concepts>
#include <stdexcept>
#include <utility>

namespace mt {

// `value` as a `To`; throws std::out_of_range (a program error: callers know the value fits)
// when it does not.
template <std::integral To, std::integral From>
constexpr To narrow(From value) {
    if (!std::in_range<To>(value)) throw std::out_of_range("integer value does not fit its type");
    return static_cast<To>(value);
}

}  // namespace mt
