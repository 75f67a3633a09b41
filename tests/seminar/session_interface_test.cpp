// The one trainee-session interface: a session on a seminar server never makes the UI thread wait
// (submit returns at once, the outcome arrives by a later poll), a journaled session answers
// exactly as a session with no journal, and none of them hands out a session an action could be
// applied to around the journal.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <concepts>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "arrivals.hpp"
#include "model/action_builders.hpp"
#include "model/json.hpp"
#include "platform/remote_session.hpp"
#include "platform/session_host.hpp"
#include "sample_case.hpp"
#include "session/journal.hpp"
#include "session/local_session.hpp"

using namespace mt;
using namespace mt::testing;

namespace {

// Whether a type lets its user reach a session and apply an action to it directly.
template <typename T>
concept applies_around_it = requires(T& t, const Action& a) {
    t.session().apply(a);
}
|| requires(T& t, const Action& a) {
    t.session()->apply(a);
}
|| requires(T& t, const Action& a) {
    t.session_.apply(a);
};

static_assert(!applies_around_it<TraineeSession>);
static_assert(!applies_around_it<LocalSession>);
static_assert(!applies_around_it<JournaledSession>);
static_assert(!applies_around_it<platform::RemoteSession>);
static_assert(std::derived_from<LocalSession, TraineeSession>);
static_assert(std::derived_from<JournaledSession, TraineeSession>);
static_assert(std::derived_from<platform::RemoteSession, TraineeSession>);

nlohmann::json reply_body(const Casefile& casefile) {
    return {{"state", "running"}, {"casefile", to_json(casefile)}, {"rejoin_code", "K7Q2"}};
}

// A seminar whose answer to an action (and with `hold_join`, to the join) is held back until the
// test releases it; the casefile it answers with is a real session's. A watchdog releases it after
// a bound, so a UI call that waits for the answer fails the test instead of hanging it.
class HeldLine final : public platform::SeminarLine {
  public:
    explicit HeldLine(std::shared_ptr<const Scenario> scenario, bool hold_join = false)
        : session_(std::move(scenario)), hold_join_(hold_join) {}

    seminar::ClientReply join() override {
        std::unique_lock lock(mutex_);
        if (hold_join_) {
            ++joins_started_;
            changed_.notify_all();
            changed_.wait(lock, [&] { return released_; });
        }
        return seminar::make_reply(200, reply_body(*session_.casefile()).dump(), true);
    }
    seminar::ClientReply act(const Action& action) override {
        std::unique_lock lock(mutex_);
        ++acts_started_;
        changed_.notify_all();
        changed_.wait(lock, [&] { return released_; });
        session_.submit(action);
        const ActionOutcome outcome = session_.poll().settled.at(0).outcome;
        nlohmann::json body = reply_body(*session_.casefile());
        body.update(nlohmann::json(outcome));
        return seminar::make_reply(200, body.dump(), true);
    }
    seminar::ClientReply casefile() override {
        const std::lock_guard lock(mutex_);
        return seminar::make_reply(200, reply_body(*session_.casefile()).dump(), true);
    }

    // Waits until the join is under way: its answer is now the one held back.
    bool wait_for_join() {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(30),
                                 [&] { return joins_started_ > 0; });
    }
    // Waits until the worker is inside act(): its answer is now the one held back.
    bool wait_for_act() {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(30), [&] { return acts_started_ > 0; });
    }
    void release(bool by_watchdog = false) {
        const std::lock_guard lock(mutex_);
        if (!released_) released_by_watchdog_ = by_watchdog;
        released_ = true;
        changed_.notify_all();
    }
    bool released_by_watchdog() {
        const std::lock_guard lock(mutex_);
        return released_by_watchdog_;
    }

  private:
    LocalSession session_;
    std::mutex mutex_;
    std::condition_variable changed_;
    const bool hold_join_;
    int joins_started_ = 0;
    int acts_started_ = 0;
    bool released_ = false;
    bool released_by_watchdog_ = false;
};

std::filesystem::path temp_journal(const std::string& name) {
    auto path = std::filesystem::temp_directory_path() /
                ("mt-interface-" + std::to_string(::getpid()) + "-" + name + ".jsonl");
    std::filesystem::remove(path);
    return path;
}

}  // namespace

TEST_CASE("a seminar session's submit returns before the server answers; poll brings the outcome",
          "[session][remote]") {
    auto scenario = make_sample_case();
    auto owned = std::make_unique<HeldLine>(scenario);
    HeldLine& line = *owned;
    std::string error;
    auto remote = platform::RemoteSession::join(std::move(owned), "127.0.0.1:1", error);
    REQUIRE(remote);
    CHECK(remote->rejoin_code() == "K7Q2");
    ArrivalSignal replies;
    remote->set_wake(replies.callback());
    const SimSeconds start = remote->casefile()->now;

    std::atomic<bool> done{false};
    std::thread watchdog([&] {
        for (int i = 0; i < 300 && !done; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        line.release(true);
    });

    const Action wait = wait_action(hours(2));
    remote->submit(wait);  // returns at once: the answer is held back
    REQUIRE(line.wait_for_act());
    const SessionArrivals before = remote->poll();  // the UI's frame goes on meanwhile
    CHECK(before.settled.empty());
    CHECK(remote->casefile()->now == start);
    CHECK_FALSE(line.released_by_watchdog());

    line.release();
    std::vector<SettledAction> settled;
    for (int polls = 0; settled.empty() && polls < 100 && replies.wait(); ++polls)
        settled = remote->poll().settled;
    done = true;
    watchdog.join();
    CHECK_FALSE(line.released_by_watchdog());
    REQUIRE(settled.size() == 1);
    CHECK(settled[0].outcome.accepted);
    CHECK(settled[0].outcome.cost == hours(2));
    CHECK_FALSE(settled[0].action.id.empty());           // given an id, so a resend is applied once
    CHECK(remote->casefile()->now == start + hours(2));  // the casefile came with the outcome
}

TEST_CASE("joining a seminar from the form keeps the window drawing until the server answers",
          "[session][remote]") {
    auto scenario = make_sample_case();
    auto owned = std::make_unique<HeldLine>(scenario, /*hold_join=*/true);
    HeldLine& line = *owned;
    const auto journals = temp_journal("host-journals");
    platform::SessionHost host({}, journals);
    ArrivalSignal replies;
    host.set_wake(replies.callback());
    ui::InvestigatorUi view;

    std::atomic<bool> done{false};
    std::thread watchdog([&] {
        for (int i = 0; i < 300 && !done; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        line.release(true);
    });

    host.begin_join(std::move(owned), "127.0.0.1:1");  // returns at once
    REQUIRE(line.wait_for_join());
    host.apply_pending(view);  // a frame while the server has not answered
    CHECK(host.joining());
    CHECK_FALSE(host.remote());
    CHECK(host.casefile() == nullptr);
    CHECK_FALSE(line.released_by_watchdog());

    line.release();
    for (int frames = 0; !host.remote() && frames < 100 && replies.wait(); ++frames)
        host.apply_pending(view);
    done = true;
    watchdog.join();
    CHECK_FALSE(line.released_by_watchdog());
    REQUIRE(host.remote());
    CHECK_FALSE(host.joining());
    REQUIRE(host.casefile());
    CHECK(host.casefile()->briefing.scenario_id == scenario->info.id);
    CHECK(host.remote()->where() == "127.0.0.1:1");
    std::filesystem::remove_all(journals);
}

TEST_CASE("a journaled session answers every action as a session without a journal",
          "[session][journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("same");
    LocalSession local(scenario);
    JournaledSession journaled(scenario, path);
    REQUIRE(journaled.session());

    std::vector<Action> actions;
    Action unknown;
    unknown.type = ActionType::Lookup;
    unknown.target = "bc1qnothing";
    actions.push_back(unknown);  // rejected by both
    for (const Action& a : scenario->expert_solution) actions.push_back(a);
    actions.push_back(scenario->expert_solution.front());  // after submit: refused by both

    for (TraineeSession* s :
         {static_cast<TraineeSession*>(&local), static_cast<TraineeSession*>(&journaled)})
        for (const Action& a : actions) s->submit(a);
    const SessionArrivals from_local = local.poll();
    const SessionArrivals from_journal = journaled.poll();
    REQUIRE(from_local.settled.size() == actions.size());
    REQUIRE(from_journal.settled.size() == actions.size());
    for (std::size_t i = 0; i < actions.size(); ++i) {
        INFO("action " << i);
        const ActionOutcome& a = from_local.settled[i].outcome;
        const ActionOutcome& b = from_journal.settled[i].outcome;
        CHECK(a.accepted == b.accepted);
        CHECK(a.reason.key == b.reason.key);
        CHECK(a.cost == b.cost);
    }
    CHECK_FALSE(from_local.settled.front().outcome.accepted);
    CHECK(from_local.settled.back().outcome.reason.key == "reject.submitted");
    CHECK(to_json(*local.casefile()).dump() == to_json(*journaled.casefile()).dump());
    CHECK(local.casefile()->score.has_value());
    CHECK(local.poll().settled.empty());  // each outcome is handed over once

    // A resend of an accepted action (same id) is answered again, not applied twice.
    LocalSession fresh(scenario);
    Action waiting = wait_action(hours(1));
    waiting.id = new_action_id();
    fresh.submit(waiting);
    fresh.submit(waiting);
    const SessionArrivals twice = fresh.poll();
    REQUIRE(twice.settled.size() == 2);
    CHECK(twice.settled[1].outcome.accepted);
    CHECK(fresh.casefile()->now == hours(1));
    std::filesystem::remove(path);
}
