#pragma once
// A trainee's session held by a seminar server: joins with the code and name, sends each action
// and keeps the casefile the server returns (the only thing the views read). Calls block; on a
// local network they take milliseconds.
#include <chrono>
#include <memory>
#include <string>

#include "seminar/client.hpp"
#include "ui/ui_host.hpp"

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

class RemoteSession {
  public:
    // Joins (or rejoins: same name, code and rejoin code, same session). Null with `error` set on
    // failure.
    static std::unique_ptr<RemoteSession> join(const SeminarJoin& join, std::string& error);

    const Casefile& casefile() const { return casefile_; }
    const std::string& state() const { return state_; }  // "lobby", "running", "paused", "ended"
    const std::string& where() const { return where_; }  // "host:port"
    // The code to continue this session from elsewhere (shown in the status line).
    const std::string& rejoin_code() const { return client_.rejoin_code(); }

    // Sends one action and takes the casefile of the reply. A refusal by the seminar (not
    // started, paused, unreachable) comes back as a rejected action with its reason.
    ActionOutcome act(const Action& action);
    // Fetches the casefile again when the last one is older than `every` (instructor messages,
    // pause and end arrive this way). Returns whether anything changed.
    bool refresh(std::chrono::milliseconds every);

  private:
    RemoteSession(const SeminarJoin& join);
    bool take(const seminar::ClientReply& reply, std::string& error);

    seminar::SeminarClient client_;
    SeminarJoin join_;
    Casefile casefile_;
    std::string state_;
    std::string where_;
    std::chrono::steady_clock::time_point fetched_;
};

}  // namespace mt::platform
