#pragma once
// The seminar's HTTP/JSON API on the local network (cpp-httplib). It only routes: authentication
// (trainee token, instructor secret), body checks and status codes live here; every decision is
// the Seminar's. See docs/instructor-guide.md for the endpoints.
#include <atomic>
#include <memory>
#include <string>

#include "seminar/connection_guard.hpp"
#include "seminar/guess_limiter.hpp"
#include "seminar/practice.hpp"
#include "seminar/seminar.hpp"
#include "seminar/web_client.hpp"

namespace httplib {
class Server;
}

namespace mt::seminar {

struct ServerOptions {
    std::string bind = "0.0.0.0";
    int port = 8642;  // 0: any free port (tests)
    // Workers, per-address cap, queue bound and deadlines (connection_guard.hpp).
    ConnectionLimits limits;
    std::shared_ptr<const WebClient> web_client =
        nullptr;  // the browser client's page; null: API only
    // Wrong instructor secrets, join codes and rejoin codes allowed per address and minute.
    std::size_t wrong_guesses_per_minute = GuessLimiter::kFreeGuesses;
};

class SeminarServer {
  public:
    SeminarServer(Seminar& seminar, ServerOptions options);
    // Self-paced practice (serve --practice): the page, the case list, private sessions; no
    // join code and no instructor endpoints.
    SeminarServer(PracticeLibrary& practice, ServerOptions options);
    ~SeminarServer();
    SeminarServer(const SeminarServer&) = delete;
    SeminarServer& operator=(const SeminarServer&) = delete;

    // Binds the listening socket. On failure returns false and sets `error`.
    bool bind(Message& error);
    int port() const { return port_; }
    ConnectionCounts connection_counts() const { return guarded_.counts(); }
    // Serves until stop() is called (from any thread, before or after run() began). Call after
    // bind().
    void run();
    void stop();

  private:
    SeminarServer(Seminar* seminar, PracticeLibrary* practice, ServerOptions options);
    void add_trainee_routes();
    void add_practice_routes();
    void add_instructor_routes();
    // True when the caller may go on; otherwise answers 401, 403 or 429 (too many wrong
    // secrets from its address).
    bool check_instructor(const std::string& address, const std::string* secret,
                          std::string& status_key);

    Seminar* seminar_;           // null in practice
    PracticeLibrary* practice_;  // null in a seminar
    ServerOptions options_;
    GuardedServer guarded_;
    httplib::Server* http_;  // guarded_'s
    GuessLimiter guesses_;
    int port_ = 0;
    int listening_socket_ = -1;  // seen on its way to bind(), to deepen its backlog
    // httplib's stop() is lost if it comes before the accept loop starts: these close that gap.
    std::atomic<bool> run_called_{false};
    std::atomic<bool> run_finished_{false};
    std::atomic<bool> stopping_{false};
};

}  // namespace mt::seminar
