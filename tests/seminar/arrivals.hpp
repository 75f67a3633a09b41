#pragma once
// Waiting for a remote session's replies as the desktop's event loop does: its wake callback
// signals, then poll() on the test's thread takes what arrived. Waits are bounded so a reply that
// never comes fails the test instead of hanging it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "model/trainee_session.hpp"

namespace mt::testing {

class ArrivalSignal {
  public:
    std::function<void()> callback() {
        return [this] {
            const std::lock_guard lock(mutex_);
            ++signals_;
            arrived_.notify_all();
        };
    }
    // Waits for a signal not yet waited for; false when none came within `bound`.
    bool wait(std::chrono::seconds bound = std::chrono::seconds(30)) {
        std::unique_lock lock(mutex_);
        if (!arrived_.wait_for(lock, bound, [&] { return signals_ > taken_; })) return false;
        ++taken_;
        return true;
    }

  private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    int signals_ = 0;
    int taken_ = 0;
};

// Submits `action` and polls as replies arrive until its outcome is there (a rejected outcome
// with the reason "test.no_reply" when none came).
inline ActionOutcome settle(TraineeSession& session, ArrivalSignal& signal, const Action& action) {
    session.submit(action);
    for (int replies = 0; replies < 100; ++replies) {
        SessionArrivals arrived = session.poll();
        if (!arrived.settled.empty()) return arrived.settled.front().outcome;
        if (!signal.wait()) break;
    }
    return {false, Message("test.no_reply"), 0};
}

}  // namespace mt::testing
