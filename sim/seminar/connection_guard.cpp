#include "seminar/connection_guard.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "model/narrow.hpp"

namespace mt::seminar {
namespace {

using Clock = std::chrono::steady_clock;

// A connection as both the watchdog (the kernel's table) and httplib (Request) name it.
struct Peer {
    std::string address;
    int port = 0;
    bool operator<(const Peer& o) const {
        return port != o.port ? port < o.port : address < o.address;
    }
    bool operator==(const Peer& o) const { return port == o.port && address == o.address; }
};

// A connection the watchdog found: the server's descriptor for it and the socket's inode, which
// names the connection for as long as it exists (a descriptor number is reused after a close).
struct Connection {
    int fd = -1;
    unsigned long inode = 0;
    Peer peer;
};

// The socket inode behind descriptor `fd`, from /proc/self/fd (0 when it is not a socket). The
// watchdog never calls anything on a descriptor the server's workers own except the shutdown of
// one past its deadline: reading the links is how it looks without touching them.
unsigned long socket_inode(int fd) {
    char link[64];
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t n = ::readlink(path.c_str(), link, sizeof link - 1);
    if (n <= 0) return 0;
    link[n] = '\0';
    unsigned long inode = 0;
    return std::sscanf(link, "socket:[%lu]", &inode) == 1 ? inode : 0;
}

// The process's socket descriptors, by inode.
std::map<unsigned long, int> socket_descriptors() {
    std::map<unsigned long, int> fds;
    DIR* dir = ::opendir("/proc/self/fd");
    if (dir == nullptr) return fds;
    const int own = ::dirfd(dir);
    while (const dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == own) continue;
        if (const unsigned long inode = socket_inode(static_cast<int>(fd)); inode != 0)
            fds.emplace(inode, static_cast<int>(fd));
    }
    ::closedir(dir);
    return fds;
}

// "0100007F" (IPv4) or 32 hex digits (IPv6) as /proc/net/tcp{,6} print an address: the raw
// address as 32-bit words in the machine's order, so each word is read back the same way.
std::string address_text(const std::string& hex) {
    const std::size_t words = hex.size() / 8;
    if ((words != 1 && words != 4) || hex.size() % 8 != 0) return "?";
    unsigned char raw[16];
    for (std::size_t w = 0; w < words; ++w) {
        const auto word =
            static_cast<std::uint32_t>(std::strtoul(hex.substr(w * 8, 8).c_str(), nullptr, 16));
        std::memcpy(raw + w * 4, &word, 4);
    }
    char text[INET6_ADDRSTRLEN] = "";
    if (!::inet_ntop(words == 1 ? AF_INET : AF_INET6, raw, text, sizeof text)) return "?";
    return text;
}

// The connections to local port `port` in the kernel's tables, by socket inode, with the peer as
// httplib names it (numeric address and port).
std::map<unsigned long, Peer> peers_on_port(int port) {
    std::map<unsigned long, Peer> peers;
    for (const char* table : {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
        std::FILE* file = std::fopen(table, "r");
        if (file == nullptr) continue;
        char line[512];
        bool header = true;
        while (std::fgets(line, sizeof line, file)) {
            if (std::exchange(header, false)) continue;
            char local[64], remote[64];
            unsigned local_port = 0, remote_port = 0, state = 0;
            unsigned long inode = 0;
            // sl local:port remote:port st tx:rx tr:when retrnsmt uid timeout inode
            if (std::sscanf(line,
                            " %*d: %63[0-9A-Fa-f]:%x %63[0-9A-Fa-f]:%x %x %*s %*s %*s %*u %*u %lu",
                            local, &local_port, remote, &remote_port, &state, &inode) != 6)
                continue;
            constexpr unsigned kListen = 0x0A;
            if (static_cast<int>(local_port) != port || state == kListen || inode == 0) continue;
            peers.emplace(inode, Peer{address_text(remote), static_cast<int>(remote_port)});
        }
        std::fclose(file);
    }
    return peers;
}

// The server's open connections: sockets of this process on its port.
std::vector<Connection> server_connections(int port) {
    std::vector<Connection> out;
    const std::map<unsigned long, Peer> peers = peers_on_port(port);
    if (peers.empty()) return out;
    for (const auto& [inode, fd] : socket_descriptors())
        if (const auto it = peers.find(inode); it != peers.end())
            out.push_back({fd, inode, it->second});
    return out;
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

    // Shuts down the connection if its descriptor still is that socket (a closed descriptor's
    // number may have been reused since the look); its worker then sees the end and closes it.
    static void shut(const Connection& c) {
        if (socket_inode(c.fd) == c.inode) ::shutdown(c.fd, SHUT_RDWR);
    }

    void run() {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_; })) {
            lock.unlock();
            const std::vector<Connection> open = server_connections(port_);
            lock.lock();
            look(open);
        }
    }

    // One look at the open connections (mutex held).
    void look(const std::vector<Connection>& open) {
        const Clock::time_point now = Clock::now();
        std::map<Peer, Seen> still_open;
        std::map<std::string, std::vector<std::pair<Clock::time_point, std::size_t>>> by_address;
        for (std::size_t i = 0; i < open.size(); ++i) {
            const Peer& peer = open[i].peer;
            auto it = connections_.find(peer);
            Seen seen =
                it != connections_.end() ? it->second : Seen{now, now + limits_.request_deadline};
            if (!seen.shut && now >= seen.deadline) {
                shut(open[i]);
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
                const Connection& c = open[list[k].second];
                shut(c);
                still_open[c.peer].shut = true;
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
        return std::max<time_t>(1, narrow<time_t>(ms.count() / 1000));
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
