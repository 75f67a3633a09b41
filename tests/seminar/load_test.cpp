// The seminar under load (make loadtest; figures in docs/performance.md): 40 trainees act while
// one laptop holds 100 slow connections open, and the server process is killed (SIGKILL) and
// restarted twice. Afterwards every acknowledged action must be in the record; the p50 and p99
// latency of acknowledged actions are printed. Exits 1 on any lost action. Not part of make test:
// it runs for about 40 seconds.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "sample_case.hpp"
#include "seminar/client.hpp"
#include "seminar/seminar.hpp"
#include "seminar/server.hpp"
#include "seminar_case.hpp"

using namespace mt;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kTrainees = 40;
constexpr int kSlowConnections = 100;
constexpr auto kPhase = std::chrono::seconds(10);  // serving time before each kill

struct Served {
    pid_t pid = -1;
    int port = 0;
    std::string code;
    std::string secret;
};

// The child's part: serves the seminar recorded in `db` and writes its port, join code and
// secret to `out` once it listens.
int serve_in_child(const std::filesystem::path& db, int out) {
    auto opened = seminar::Seminar::open(testing::make_seminar_case(), {db, std::nullopt, 200});
    if (!opened.seminar) return 2;
    seminar::SeminarServer server(*opened.seminar, {"127.0.0.1", 0, {}});
    Message error;
    if (!server.bind(error)) return 3;
    const std::string line = std::to_string(server.port()) + " " + opened.seminar->join_code() +
                             " " + opened.seminar->instructor_secret() + "\n";
    if (::write(out, line.data(), line.size()) < 0) return 4;
    ::close(out);
    server.run();
    return 0;
}

// Serves the seminar recorded in `db` in a new process (this program again, so the child starts
// clean instead of forking a process full of threads).
Served serve(const std::filesystem::path& db) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const std::string out = std::to_string(fds[1]);
        ::execl("/proc/self/exe", "seminar_load_test", "--serve", db.c_str(), out.c_str(),
                static_cast<char*>(nullptr));
        _exit(5);
    }
    ::close(fds[1]);
    Served s;
    s.pid = pid;
    char buffer[256] = {};
    const ssize_t got = ::read(fds[0], buffer, sizeof buffer - 1);
    ::close(fds[0]);
    if (got <= 0) return {};
    char code[64] = {}, secret[64] = {};
    if (std::sscanf(buffer, "%d %63s %63s", &s.port, code, secret) != 3) return {};
    s.code = code;
    s.secret = secret;
    return s;
}

void kill_hard(const Served& s) {
    ::kill(s.pid, SIGKILL);
    ::waitpid(s.pid, nullptr, 0);
}

int connect_from(const char* source, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        if (fd >= 0) ::close(fd);
        return -1;
    }
    const std::string start = "POST /api/action HTTP/1.1\r\nHost: seminar\r\n";
    ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    return fd;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--serve")
        return serve_in_child(argv[2], std::atoi(argv[3]));
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("moneytrail-load-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path db = dir / "seminar.sqlite";

    Served current = serve(db);
    if (current.pid < 0) {
        std::fprintf(stderr, "cannot start the server\n");
        return 1;
    }
    const std::string code = current.code;
    std::atomic<int> port{current.port};
    {
        httplib::Client http("127.0.0.1", current.port);
        auto r = http.Post("/api/instructor/start", {{"X-Instructor-Secret", current.secret}}, "",
                           "application/json");
        if (!r || r->status != 200) {
            std::fprintf(stderr, "cannot start the exercise\n");
            kill_hard(current);
            return 1;
        }
    }

    std::atomic<bool> stop{false};
    // One laptop keeps 100 slow connections open, reopening those the server drops.
    std::atomic<long> slow_opened{0};
    std::thread slow([&] {
        std::vector<int> fds(kSlowConnections, -1);
        while (!stop) {
            for (int& fd : fds) {
                char byte = 0;
                if (fd >= 0) {
                    const ssize_t got = ::recv(fd, &byte, 1, MSG_DONTWAIT);
                    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                        ::close(fd);
                        fd = -1;
                    } else {
                        ::send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL | MSG_DONTWAIT);
                    }
                }
                if (fd < 0 && (fd = connect_from("127.0.0.2", port)) >= 0) ++slow_opened;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        for (int fd : fds)
            if (fd >= 0) ::close(fd);
    });

    // 40 trainees: explore the starting address, then annotate it again and again.
    std::vector<long> acknowledged(kTrainees, 0), attempted(kTrainees, 0);
    std::vector<std::string> tokens(kTrainees);
    std::vector<double> latencies_ms;
    std::mutex latencies_mutex;
    std::atomic<long> failures{0};
    std::vector<std::thread> trainees;
    for (int i = 0; i < kTrainees; ++i) {
        trainees.emplace_back([&, i] {
            int on_port = port;
            auto client = std::make_unique<seminar::SeminarClient>("127.0.0.1", on_port);
            while (!stop && !client->join(code, "Trainee " + std::to_string(i), "").ok()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                client = std::make_unique<seminar::SeminarClient>("127.0.0.1", on_port = port);
            }
            tokens[i] = client->token();
            Action action;
            action.type = ActionType::ExploreAddress;
            action.target = testing::kRansom;
            action.direction = Direction::Out;
            long sequence = 0;
            while (!stop) {
                if (on_port != port) {  // the server was restarted on another port
                    client = std::make_unique<seminar::SeminarClient>("127.0.0.1", on_port = port);
                    client->set_token(tokens[i]);
                }
                ++attempted[i];
                const auto start = Clock::now();
                const seminar::ClientReply reply = client->act(action);
                const double ms =
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                if (reply.ok() && reply.body.value("accepted", false)) {
                    ++acknowledged[i];
                    {
                        std::lock_guard lock(latencies_mutex);
                        latencies_ms.push_back(ms);
                    }
                    action = Action{};
                    action.type = ActionType::Annotate;
                    action.target = testing::kRansom;
                    action.text = "note " + std::to_string(++sequence);
                } else {
                    // The first refusal is printed: a run where every action is refused says why.
                    if (++failures == 1)
                        std::fprintf(stderr, "first refusal: HTTP %d %s %s\n", reply.status,
                                     reply.error.c_str(),
                                     reply.body.is_object()
                                         ? reply.body.value("reason_key", std::string()).c_str()
                                         : "");
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
            }
        });
    }

    for (int restart = 0; restart < 2; ++restart) {
        std::this_thread::sleep_for(kPhase);
        kill_hard(current);
        std::printf("killed the server (SIGKILL), restarting\n");
        current = serve(db);
        if (current.pid < 0) {
            std::fprintf(stderr, "cannot restart the server\n");
            stop = true;
            break;
        }
        port = current.port;
    }
    std::this_thread::sleep_for(kPhase);
    stop = true;
    for (std::thread& t : trainees) t.join();
    slow.join();

    // Every acknowledged action is in the record (a sent action whose reply was lost to a kill
    // may be there too: at most the attempts).
    int lost = 0;
    long total_acknowledged = 0;
    for (int i = 0; i < kTrainees; ++i) {
        seminar::SeminarClient client("127.0.0.1", current.port);
        client.set_token(tokens[i]);
        const seminar::ClientReply reply = client.casefile();
        const long stored = reply.ok() ? reply.body["casefile"].value("actions_taken", -1L) : -1L;
        total_acknowledged += acknowledged[i];
        if (stored < acknowledged[i] || stored > attempted[i]) {
            std::printf("trainee %d: %ld acknowledged, %ld attempted, %ld stored\n", i,
                        acknowledged[i], attempted[i], stored);
            ++lost;
        }
    }
    kill_hard(current);
    std::filesystem::remove_all(dir);

    std::sort(latencies_ms.begin(), latencies_ms.end());
    const auto pct = [&](double p) {
        return latencies_ms.empty()
                   ? 0.0
                   : latencies_ms[std::min(
                         latencies_ms.size() - 1,
                         static_cast<std::size_t>(p * static_cast<double>(latencies_ms.size())))];
    };
    std::printf("trainees: %d, slow connections held: %d (opened %ld in all), kills: 2\n",
                kTrainees, kSlowConnections, slow_opened.load());
    std::printf("acknowledged actions: %ld, refused or unanswered attempts: %ld\n",
                total_acknowledged, failures.load());
    std::printf("action latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", pct(0.50), pct(0.99),
                latencies_ms.empty() ? 0.0 : latencies_ms.back());
    std::printf("trainees whose record misses an acknowledged action: %d\n", lost);
    std::printf("%d passed, %d failed\n", lost == 0 ? 1 : 0, lost == 0 ? 0 : 1);
    return lost == 0 && total_acknowledged > 0 ? 0 : 1;
}
