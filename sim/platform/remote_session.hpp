#pragma once
// A trainee's session held by a seminar server, behind the one trainee-session interface: joins
// with the code and name, then a worker thread sends each submitted action (one at a time, in
// order) and fetches the casefile every few seconds when idle (instructor messages, pause and end
// arrive this way). Replies wait for poll() on the UI thread, so the casefile the views read only
// changes between frames and the UI never waits for the network.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/trainee_session.hpp"
#include "seminar/client.hpp"

namespace mt::platform {

struct SeminarJoin {
    std::string host;
    int port = 8642;
    std::string code;
    std::string name;
    std::string agency;
    // The code shown when this trainee first joined: needed to continue the session from
    // another program or computer (the same program sends the token it kept instead).
    std::string rejoin_code;
};

// What the remote session talks through: the seminar's HTTP API, or a test's stand-in. Called
// only from the session's worker thread (and once, for the first join, before it starts).
class SeminarLine {
  public:
    virtual ~SeminarLine() = default;
    // Joins, or joins again under the same name with the kept token and rejoin code.
    virtual seminar::ClientReply join() = 0;
    // {"accepted", "reason", "reason_key", "cost", "state", "casefile"}
    virtual seminar::ClientReply act(const Action& action) = 0;
    // {"state", "casefile"}
    virtual seminar::ClientReply casefile() = 0;
};

// The seminar's HTTP API at `join`'s address, through one keep-alive connection; null, with
// `error` set, when the address cannot be one.
std::unique_ptr<SeminarLine> http_line(const SeminarJoin& join, std::string& error);

class RemoteSession final : public TraineeSession {
  public:
    // Joins over HTTP (or rejoins: same name, code and rejoin code, same session). This one call
    // waits for the server; null with `error` set on failure.
    static std::unique_ptr<RemoteSession> join(const SeminarJoin& join, std::string& error);
    // The same over any line; `where` names the server ("host:port").
    static std::unique_ptr<RemoteSession> join(std::unique_ptr<SeminarLine> line, std::string where,
                                               std::string& error);
    // Finishes the request in flight, if any, and stops the worker.
    ~RemoteSession() override;
    RemoteSession(const RemoteSession&) = delete;
    RemoteSession& operator=(const RemoteSession&) = delete;

    // TraineeSession. A refusal by the seminar (not started, paused, unreachable) comes back as a
    // rejected action with its reason.
    void submit(const Action& action) override;
    SessionArrivals poll() override;
    const Casefile* casefile() const override { return &casefile_; }
    SimSeconds cost_of(const Action&) const override { return 0; }
    std::string location() const override;
    void set_wake(std::function<void()> wake) override;

    // Asks for the casefile now rather than at the next idle refresh.
    void refresh();

    const std::string& state() const { return state_; }  // "lobby", "running", "paused", "ended"
    const std::string& where() const { return where_; }  // "host:port"
    // The code to continue this session from elsewhere (shown in the status line).
    const std::string& rejoin_code() const { return rejoin_code_; }

  private:
    // What a reply holds for the views.
    struct Received {
        Casefile casefile;
        std::string state;
        std::string rejoin_code;
    };
    static std::optional<Received> receive(const seminar::ClientReply& reply, std::string& error);

    RemoteSession(std::unique_ptr<SeminarLine> line, std::string where, Received first);
    void work();
    void send(Action action);
    void arrive(std::optional<Received> received, std::optional<SettledAction> settled);

    // The UI thread's side.
    Casefile casefile_;
    std::string state_;
    std::string rejoin_code_;
    const std::string where_;

    // Shared with the worker, under mutex_.
    std::unique_ptr<SeminarLine> line_;  // used by the worker only once it runs
    std::mutex mutex_;
    std::condition_variable work_to_do_;
    std::deque<Action> outbox_;
    std::vector<SettledAction> settled_;
    std::optional<Received> received_;
    std::function<void()> wake_;
    bool refresh_now_ = false;
    bool stopping_ = false;

    std::thread worker_;  // last: started once everything above is ready
};

}  // namespace mt::platform
