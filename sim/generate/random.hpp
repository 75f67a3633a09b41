#pragma once
// The generator's random numbers: xoshiro256** seeded through SplitMix64, with integer-only
// helpers. Standard-library engines and distributions differ between implementations, and libm's
// transcendental functions may differ in the last bit, so nothing here uses either: the same seed
// gives the same case on every platform.
#include <cstdint>

#include "model/stable_hash.hpp"

namespace mt::generate {

// mix64 (model/stable_hash.hpp) is a bijection: distinct inputs give distinct outputs, which the
// generator relies on for unique addresses and transaction hashes.
using mt::mix64;

class Random {
  public:
    explicit Random(std::uint64_t seed) {
        SplitMix64 seeder(seed + kSplitMixIncrement);
        for (auto& word : state_) word = seeder.next();
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant here). n > 0.
    std::uint64_t below(std::uint64_t n) {
        __extension__ using u128 = unsigned __int128;
        return static_cast<std::uint64_t>((static_cast<u128>(next()) * n) >> 64);
    }
    // Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    // True with probability percent / 100.
    bool percent(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

    // A heavy-tailed amount in base units: a decade chosen between 10^low and 10^high (exponents
    // of base units, low < high), then a uniform mantissa inside it. Small decades are no more
    // likely than large ones, which approximates the log-uniform spread of real payments.
    std::int64_t decades(int low, int high) {
        std::int64_t scale = 1;
        const auto decade = static_cast<int>(between(low, high - 1));
        for (int i = 0; i < decade; ++i) scale *= 10;
        return scale + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(scale * 9)));
    }

    // A child stream for an independent part of the generation.
    Random fork(std::uint64_t salt) { return Random(next() ^ mix64(salt)); }

  private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t state_[4]{};
};

// Rounds an amount to two significant digits, as people pay "0.25 BTC" or "1,500 USDT".
inline std::int64_t round_two_digits(std::int64_t amount) {
    std::int64_t scale = 1;
    while (amount / scale >= 100) scale *= 10;
    return amount / scale * scale;
}

}  // namespace mt::generate
