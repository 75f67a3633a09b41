#pragma once
// Hashes and random sequences whose values are part of the program's output: the same on every
// platform and standard library, and stable between versions (a seminar's record stores a case's
// FNV-1a fingerprint; a trainee's variant and a generated case follow from SplitMix64). Hash tables
// and checksums that are never compared across versions use xxhash instead.
#include <cstdint>
#include <string_view>

namespace mt {

inline constexpr std::uint64_t kSplitMixIncrement = 0x9E3779B97F4A7C15ull;

// SplitMix64's output function after one step: a bijection on 64-bit values, so distinct inputs
// give distinct outputs.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += kSplitMixIncrement;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// SplitMix64: a fixed, portable sequence (standard distributions differ between libraries).
class SplitMix64 {
  public:
    explicit constexpr SplitMix64(std::uint64_t seed) : state_(seed) {}
    constexpr std::uint64_t next() {
        const std::uint64_t out = mix64(state_);
        state_ += kSplitMixIncrement;
        return out;
    }

  private:
    std::uint64_t state_;
};

// 64-bit FNV-1a over bytes fed in order.
class Fnv1a {
  public:
    constexpr void byte(unsigned char c) {
        value_ ^= c;
        value_ *= 0x100000001B3ull;
    }
    constexpr void bytes(std::string_view text) {
        for (const char c : text) byte(static_cast<unsigned char>(c));
    }
    constexpr std::uint64_t value() const { return value_; }

  private:
    std::uint64_t value_ = 0xCBF29CE484222325ull;
};

constexpr std::uint64_t fnv1a(std::string_view text) {
    Fnv1a h;
    h.bytes(text);
    return h.value();
}

}  // namespace mt
