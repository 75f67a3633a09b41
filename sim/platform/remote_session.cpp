#include "platform/remote_session.hpp"

#include "model/casefile.hpp"

namespace mt::platform {

RemoteSession::RemoteSession(const SeminarJoin& join)
    : client_(join.host, join.port),
      join_(join),
      where_(join.host + ":" + std::to_string(join.port)),
      fetched_(std::chrono::steady_clock::now()) {}

std::unique_ptr<RemoteSession> RemoteSession::join(const SeminarJoin& join, std::string& error) {
    if (join.host.empty() || join.port < 1 || join.port > 65535) {
        error = "give the server's address and a port between 1 and 65535";
        return nullptr;
    }
    std::unique_ptr<RemoteSession> remote(new RemoteSession(join));
    const seminar::ClientReply reply =
        remote->client_.join(join.code, join.name, join.agency, join.rejoin_code);
    if (!remote->take(reply, error)) return nullptr;
    return remote;
}

bool RemoteSession::take(const seminar::ClientReply& reply, std::string& error) {
    CasefileParse parsed = seminar::casefile_of(reply);
    if (!parsed.casefile) {
        error = parsed.error;
        return false;
    }
    casefile_ = std::move(*parsed.casefile);
    if (const auto it = reply.body.find("state"); it != reply.body.end() && it->is_string())
        state_ = it->get<std::string>();
    fetched_ = std::chrono::steady_clock::now();
    return true;
}

ActionOutcome RemoteSession::act(const Action& emitted) {
    // The id makes the resend below (and any retry) at-most-once on the server.
    Action action = emitted;
    if (action.id.empty()) action.id = new_action_id();
    seminar::ClientReply reply = client_.act(action);
    if (reply.status == 401) {
        // The server lost this token (a new seminar under the same address?): join again with
        // the same name and the kept token and rejoin code, and resend once.
        std::string ignored;
        if (take(client_.join(join_.code, join_.name, join_.agency), ignored))
            reply = client_.act(action);
    }
    std::string error;
    if (!take(reply, error)) return {false, "seminar.unreachable", error, 0};
    const auto text = [&](const char* key) {
        const auto it = reply.body.find(key);
        return it != reply.body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto cost = reply.body.find("cost");
    return {reply.body.value("accepted", false), text("reason_key"), text("reason"),
            cost != reply.body.end() && cost->is_number_integer() ? cost->get<SimSeconds>() : 0};
}

bool RemoteSession::refresh(std::chrono::milliseconds every) {
    if (std::chrono::steady_clock::now() - fetched_ < every) return false;
    const std::string before_state = state_;
    const std::size_t before_timeline = casefile_.timeline.size();
    std::string error;
    if (!take(client_.casefile(), error)) {
        fetched_ = std::chrono::steady_clock::now();  // try again after `every`, not every frame
        return false;
    }
    return state_ != before_state || casefile_.timeline.size() != before_timeline;
}

}  // namespace mt::platform
