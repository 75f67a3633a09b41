#include "seminar/connection_guard.hpp"

#include <dirent.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace mt::seminar {
namespace {

using Clock = std::chrono::steady_clock;

// A connection as both the watchdog (getpeername) and httplib (Request) name it.
struct Peer {
    std::string address;
    int port = 0;
    bool operator<(const Peer& o) const {
        return port != o.port ? port < o.port : address < o.address;
    }
    bool operator==(const Peer& o) const { return port == o.port && address == o.address; }
};

std::string numeric_host(const sockaddr* address, socklen_t length) {
    char host[NI_MAXHOST] = "";
    if (::getnameinfo(address, length, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
        return "?";
    return host;
}

int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}

// The peer of `fd` when it is a connected socket on local port `port`.
std::optional<Peer> peer_on_port(int fd, int port) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return std::nullopt;
    sockaddr_storage local{};
    socklen_t length = sizeof local;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) != 0 ||
        port_of(local) != port)
        return std::nullopt;
    sockaddr_storage remote{};
    length = sizeof remote;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &length) != 0)
        return std::nullopt;  // the listening socket, or already disconnected
    return Peer{numeric_host(reinterpret_cast<sockaddr*>(&remote), length), port_of(remote)};
}

// The process's open descriptors.
std::vector<int> open_descriptors() {
    std::vector<int> fds;
    DIR* dir = ::opendir("/proc/self/fd");
    if (dir == nullptr) return fds;
    const int own = ::dirfd(dir);
    while (const dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end != entry->d_name && *end == '\0' && fd != own) fds.push_back(static_cast<int>(fd));
    }
    ::closedir(dir);
    return fds;
}

// httplib's worker pool with a bounded queue: while `max_waiting` accepted connections wait for a
// worker, the accept loop waits too, and new connections stay in the kernel's backlog.
class BoundedPool : public httplib::TaskQueue {
  public:
    BoundedPool(std::size_t threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    }
    void enqueue(std::function<void()> fn) override {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stopping_ || jobs_.size() < max_waiting_; });
        jobs_.push_back(std::move(fn));
        ready_.notify_one();
    }
    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        room_.notify_all();
        for (std::thread& t : workers_) t.join();
    }

  private:
    void work() {
        for (;;) {
            std::function<void()> fn;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
                if (jobs_.empty()) return;  // stopping, and nothing left to serve
                fn = std::move(jobs_.front());
                jobs_.pop_front();
                room_.notify_one();
            }
            fn();
        }
    }

    const std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace

class ConnectionGuard {
  public:
    explicit ConnectionGuard(const ConnectionLimits& limits) : limits_(limits) {}
    ~ConnectionGuard() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (watchdog_.joinable()) watchdog_.join();
    }
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    void watch(int port) {
        std::lock_guard lock(mutex_);
        if (watchdog_.joinable()) return;
        port_ = port;
        watchdog_ = std::thread([this] { run(); });
    }

    // httplib read a request's head: its body, handler and response get their own deadline.
    void request_arrived(const Peer& peer) { set_deadline(peer, limits_.handling_deadline); }
    // The response is written: the next request must come within the keep-alive wait.
    void answered(const Peer& peer) {
        set_deadline(peer, limits_.keep_alive + limits_.request_deadline);
    }

    ConnectionCounts counts() const {
        std::lock_guard lock(mutex_);
        return counts_;
    }

  private:
    struct Seen {
        Clock::time_point opened;
        Clock::time_point deadline;
        bool shut = false;
    };

    void set_deadline(const Peer& peer, std::chrono::milliseconds from_now) {
        std::lock_guard lock(mutex_);
        const Clock::time_point now = Clock::now();
        auto [it, added] = connections_.try_emplace(peer, Seen{now, now + from_now});
        if (!added) it->second.deadline = now + from_now;
    }

    // Shuts down `fd` if it still is the connection of `peer` (a closed descriptor's number may
    // have been reused since the look); its worker then sees the end and closes it.
    void shut(int fd, const Peer& peer) {
        if (peer_on_port(fd, port_) == peer) ::shutdown(fd, SHUT_RDWR);
    }

    void run() {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_; })) {
            lock.unlock();
            std::vector<std::pair<int, Peer>> open;
            for (int fd : open_descriptors())
                if (auto peer = peer_on_port(fd, port_)) open.emplace_back(fd, *peer);
            lock.lock();
            look(open);
        }
    }

    // One look at the open connections (mutex held).
    void look(const std::vector<std::pair<int, Peer>>& open) {
        const Clock::time_point now = Clock::now();
        std::map<Peer, Seen> still_open;
        std::map<std::string, std::vector<std::pair<Clock::time_point, std::size_t>>> by_address;
        for (std::size_t i = 0; i < open.size(); ++i) {
            const Peer& peer = open[i].second;
            auto it = connections_.find(peer);
            Seen seen =
                it != connections_.end() ? it->second : Seen{now, now + limits_.request_deadline};
            if (!seen.shut && now >= seen.deadline) {
                shut(open[i].first, peer);
                seen.shut = true;
                ++counts_.timed_out;
            }
            if (!seen.shut) by_address[peer.address].emplace_back(seen.opened, i);
            still_open[peer] = seen;
        }
        // Over the cap: the newest connections of that address go.
        for (auto& [address, list] : by_address) {
            if (list.size() <= limits_.max_per_address) continue;
            std::sort(list.begin(), list.end());
            for (std::size_t k = limits_.max_per_address; k < list.size(); ++k) {
                const auto& [fd, peer] = open[list[k].second];
                shut(fd, peer);
                still_open[peer].shut = true;
                ++counts_.dropped_over_cap;
            }
        }
        // Deadlines set by requests on connections the look did not see yet are kept briefly.
        for (const auto& [peer, seen] : connections_)
            if (still_open.count(peer) == 0 && now - seen.opened < std::chrono::seconds(1))
                still_open.emplace(peer, seen);
        connections_ = std::move(still_open);
        counts_.open = open.size();
    }

    const ConnectionLimits limits_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    int port_ = -1;
    std::map<Peer, Seen> connections_;
    ConnectionCounts counts_;
    std::thread watchdog_;
};

GuardedServer::GuardedServer(const ConnectionLimits& limits)
    : guard_(std::make_shared<ConnectionGuard>(limits)),
      http_(std::make_unique<httplib::Server>()) {
    const std::size_t threads = limits.threads;
    const std::size_t waiting = limits.max_waiting;
    http_->new_task_queue = [threads, waiting] { return new BoundedPool(threads, waiting); };
    const auto seconds = [](std::chrono::milliseconds ms) {
        return std::max<time_t>(1, static_cast<time_t>(ms.count() / 1000));
    };
    http_->set_read_timeout(seconds(limits.request_deadline), 0);
    http_->set_write_timeout(10, 0);
    http_->set_keep_alive_timeout(seconds(limits.keep_alive));
    ConnectionGuard* guard = guard_.get();  // outlives the server: declared before it
    http_->set_pre_routing_handler([guard](const httplib::Request& req, httplib::Response&) {
        guard->request_arrived(Peer{req.remote_addr, req.remote_port});
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http_->set_logger([guard](const httplib::Request& req, const httplib::Response&) {
        guard->answered(Peer{req.remote_addr, req.remote_port});
    });
}

GuardedServer::~GuardedServer() = default;

void GuardedServer::watch(int port) {
    guard_->watch(port);
}

ConnectionCounts GuardedServer::counts() const {
    return guard_->counts();
}

}  // namespace mt::seminar
