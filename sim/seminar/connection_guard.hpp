#pragma once
// Keeps one slow, stuck or hostile laptop from stalling the room. Debian's cpp-httplib 0.11 gives
// each open connection a worker thread for as long as it stays open, so a client that sends its
// request a byte at a time (or never) holds a worker, and enough of them hold all; it offers no
// hook that sees a connection before a request has been read. The guard therefore watches the
// server's connections from outside: every 100 ms its watchdog lists the process's sockets that
// are connected to the server's port (from /proc only: the kernel's TCP tables and the process's
// descriptor links, so it never touches a descriptor a worker owns except to shut one down) and
//  - gives every request a deadline: it must arrive whole within `request_deadline` of the
//    connection opening or of the previous response (plus the keep-alive wait), and a request
//    being handled must be answered within `handling_deadline`; past it the connection is shut
//    down, which wakes its worker and frees it;
//  - caps the connections open at once per client address (generously: a classroom behind one
//    address, each browser with a few keep-alive connections, stays under it) by shutting down
//    the newest ones over the cap;
// and the worker pool's queue is bounded: when `max_waiting` accepted connections wait for a
// worker, the server stops accepting until one is taken, so the kernel's backlog, not memory,
// absorbs a flood.
#include <chrono>
#include <cstddef>
#include <memory>

namespace httplib {
class Server;
}

namespace mt::seminar {

struct ConnectionLimits {
    std::size_t threads = 128;         // workers; each serves one open connection
    std::size_t max_per_address = 64;  // connections open at once from one address
    std::size_t max_waiting = 512;     // accepted connections waiting for a worker
    std::chrono::milliseconds request_deadline{10'000};   // a request's head and start
    std::chrono::milliseconds keep_alive{5'000};          // idle wait between requests
    std::chrono::milliseconds handling_deadline{60'000};  // body, handler and response
};

// What the guard has done so far (for tests and the console's log).
struct ConnectionCounts {
    std::size_t open = 0;              // connections to the server's port at the last look
    std::size_t dropped_over_cap = 0;  // shut down: over the per-address cap
    std::size_t timed_out = 0;         // shut down: past a request's deadline
};

class ConnectionGuard;

// An httplib server whose connections are watched by a guard with `limits`. Configure routes and
// options on it as on any httplib::Server (but leave its logger and pre-routing handler, which
// tell the guard when a request arrives and when it is answered), then call watch() once the
// port is bound.
class GuardedServer {
  public:
    explicit GuardedServer(const ConnectionLimits& limits);
    ~GuardedServer();
    GuardedServer(const GuardedServer&) = delete;
    GuardedServer& operator=(const GuardedServer&) = delete;

    httplib::Server& http() { return *http_; }
    // Starts watching the connections to `port` (the bound listening port).
    void watch(int port);
    ConnectionCounts counts() const;

  private:
    std::shared_ptr<ConnectionGuard> guard_;
    std::unique_ptr<httplib::Server> http_;
};

}  // namespace mt::seminar
