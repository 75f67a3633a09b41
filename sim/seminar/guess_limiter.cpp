#include "seminar/guess_limiter.hpp"

#include <algorithm>

namespace mt::seminar {

GuessLimiter::GuessLimiter(std::size_t free_guesses, std::function<Clock::time_point()> now)
    : free_guesses_(std::max<std::size_t>(1, free_guesses)), now_(std::move(now)) {}

void GuessLimiter::forget_old(std::deque<Clock::time_point>& failures,
                              Clock::time_point now) const {
    while (!failures.empty() && now - failures.front() >= kWindow) failures.pop_front();
}

long long GuessLimiter::wait_seconds(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto it = failures_.find(address);
    if (it == failures_.end()) return 0;
    const Clock::time_point now = now_();
    forget_old(it->second, now);
    if (it->second.size() < free_guesses_) return 0;
    // Free again when the oldest failure in the window leaves it.
    const auto left = it->second.front() + kWindow - now;
    return std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(left).count());
}

void GuessLimiter::record_failure(const std::string& address) {
    std::lock_guard lock(mutex_);
    const Clock::time_point now = now_();
    if (failures_.size() >= kMaxAddresses && failures_.count(address) == 0) {
        // Drop addresses whose failures have all aged out; if none have, the oldest entry.
        for (auto it = failures_.begin(); it != failures_.end();) {
            forget_old(it->second, now);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
        if (failures_.size() >= kMaxAddresses) failures_.erase(failures_.begin());
    }
    auto& failures = failures_[address];
    forget_old(failures, now);
    // Keep only what decides the wait: the window's last free_guesses_ failures.
    if (failures.size() >= free_guesses_) failures.pop_front();
    failures.push_back(now);
}

}  // namespace mt::seminar
