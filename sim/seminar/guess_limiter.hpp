#pragma once
// Slows down guessing: wrong instructor secrets, join codes and rejoin codes are counted per
// client address, and an address with more than a handful in the last minute is refused until
// the oldest of them is a minute old. Right answers are never counted, so a classroom behind one
// address (a school's network address translation) is not locked out by normal use.
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace mt::seminar {

class GuessLimiter {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kFreeGuesses = 5;  // wrong guesses allowed per window by default
    static constexpr std::chrono::seconds kWindow{60};
    static constexpr std::size_t kMaxAddresses = 4096;  // addresses remembered at once

    explicit GuessLimiter(std::size_t free_guesses = kFreeGuesses,
                          std::function<Clock::time_point()> now = Clock::now);

    // 0 when `address` may try now, else how many seconds it must wait (at least 1).
    long long wait_seconds(const std::string& address);
    // Counts one wrong guess from `address`.
    void record_failure(const std::string& address);

  private:
    void forget_old(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

    std::size_t free_guesses_;
    std::function<Clock::time_point()> now_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace mt::seminar
