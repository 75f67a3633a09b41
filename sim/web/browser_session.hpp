#pragma once
// The trainee's session on the seminar server that served the page, behind the one trainee-session
// interface (model/trainee_session.hpp), as the desktop's RemoteSession is: submit() queues an
// action and returns; the page's asynchronous requests send one action at a time, in order, under
// an id chosen here (a resend after a lost answer or a reload is applied at most once), and its
// outcome with the casefile that shows it reaches a later poll(). When idle, poll() fetches the
// casefile every two seconds (instructor messages, pause, end); when the server stops answering it
// says so and carries on by itself once the server is back.
#include <memory>
#include <optional>
#include <string>

#include "model/nlohmann_json.hpp"

#include "model/trainee_session.hpp"
#include "web/seminar_link.hpp"

namespace mt::web {

// The casefile and state a server reply carries (joining, starting practice, acting, polling).
struct SessionReply {
    Casefile casefile;
    std::string state;  // "lobby", "running", "paused", "ended"; empty in practice
};
// Null, with `error` in the interface language, when `reply` holds no readable casefile.
std::optional<SessionReply> read_session_reply(const LinkReply& reply, std::string& error);

class BrowserSession final : public TraineeSession {
  public:
    // The session the server knows under `token`, as `first` (the reply that gave the token)
    // shows it. `join_body` is the /api/join request that joins again under the same name when
    // the server forgets the token (a seminar); null in practice, which has no name to rejoin.
    BrowserSession(std::string token, SessionReply first, std::optional<nlohmann::json> join_body);
    // Replies still in flight are dropped when they arrive.
    ~BrowserSession() override;
    BrowserSession(const BrowserSession&) = delete;
    BrowserSession& operator=(const BrowserSession&) = delete;

    // TraineeSession
    void submit(const Action& action) override;
    // Also sends the next queued action and fetches the casefile when it is due.
    SessionArrivals poll() override;
    const Casefile* casefile() const override;
    SimSeconds cost_of(const Action&) const override { return 0; }
    std::string location() const override;

    // The server has not answered the last requests (the banner says so; requests continue).
    bool connection_lost() const;
    // The server no longer knows this trainee and there is no name to join again with: the page
    // goes back to its form.
    bool forgotten() const;

    // The state that replies in flight write to, alive as long as the session (defined in the
    // .cpp; public only so its request handlers can name it).
    struct Link;

  private:
    std::shared_ptr<Link> link_;
};

}  // namespace mt::web
