// `moneytrail serve SCENARIO`: runs a live seminar on the local network (or, with --practice,
// self-paced practice over a folder of cases in the browser). Prints the join code for
// the room and the instructor's secret, then serves until Ctrl+C. Restarting with the same --db
// resumes every trainee's session exactly where it was.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <pthread.h>
#include <csignal>

#include <atomic>
#include <charconv>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "platform/console_app.hpp"
#include "scenario/loader.hpp"
#include "seminar/practice.hpp"
#include "seminar/seminar.hpp"
#include "seminar/server.hpp"

namespace mt {
namespace {

struct ServeOptions {
    std::string scenario;
    int port = 8642;
    std::string bind = "0.0.0.0";
    std::string database = "seminar.sqlite";
    std::string variants;  // a seed, or empty for everyone on the same case
    bool console = false;  // also open the instructor's console window in this process
    std::string web_dir = MT_WEB_CLIENT_DIR;  // the browser client's files (sim/web's build)
    bool practice = false;                    // self-paced practice over the case folder `scenario`
    ConsoleOptions console_options;
};

// IPv4 addresses of this machine's network interfaces, for "trainees connect to ...".
std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) &&
            std::string_view(text) != "127.0.0.1")
            out.emplace_back(text);
    }
    freeifaddrs(list);
    return out;
}

std::string clock_text() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char out[16];
    std::strftime(out, sizeof out, "%H:%M:%S", &local);
    return out;
}

// Ctrl+C and SIGTERM are taken by a waiting thread (stop_on_signal), so the server stops cleanly
// and SQLite closes its files; call before the server exists, so its worker threads inherit the
// blocked mask.
sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

// The thread that stops `server` on the first of `signals`. After run() returns, wake it with
// pthread_kill(SIGTERM) and join it.
std::thread stop_on_signal(seminar::SeminarServer& server, std::atomic<bool>& stopping,
                           sigset_t signals) {
    return std::thread([&server, &stopping, signals] {
        int received = 0;
        sigwait(&signals, &received);
        stopping = true;
        server.stop();
    });
}

// `serve --practice FOLDER`: every readable case of the folder for self-paced practice in the
// browser, sessions recorded in the --db folder.
int serve_practice(const ServeOptions& o) {
    std::vector<std::shared_ptr<const Scenario>> scenarios;
    for (const ScenarioSummary& summary : list_scenarios(o.scenario)) {
        LoadResult loaded = load_scenario_file(summary.path);
        if (!loaded.ok()) {
            for (const Diagnostic& d : loaded.errors) std::cerr << d.format() << '\n';
            std::cerr << "moneytrail serve: " << summary.path.string()
                      << " is left out of the practice library\n";
            continue;
        }
        scenarios.push_back(loaded.scenario);
    }
    if (scenarios.empty()) {
        std::cerr << "moneytrail serve: no case could be read in " << o.scenario
                  << " (--practice needs a folder of case files)\n";
        return kExitFailure;
    }
    std::string error;
    std::shared_ptr<const seminar::WebClient> web_client =
        seminar::load_web_client(o.web_dir, error);
    if (!web_client) {
        std::cerr << "moneytrail serve: " << error << "; practice is played in the browser\n";
        return kExitFailure;
    }
    auto library = seminar::PracticeLibrary::open(scenarios, o.database, error);
    if (!library) {
        std::cerr << "moneytrail serve: " << error << '\n';
        return kExitFailure;
    }
    const sigset_t signals = block_stop_signals();
    seminar::SeminarServer server(*library, {o.bind, o.port, {}, web_client});
    if (!server.bind(error)) {
        std::cerr << "moneytrail serve: " << error << '\n';
        return kExitFailure;
    }
    std::cout << "moneytrail practice: " << library->cases().size() << " cases from " << o.scenario
              << "\n"
              << "  records:            " << o.database << "\n";
    const std::vector<std::string> addresses =
        o.bind == "0.0.0.0" ? local_addresses() : std::vector<std::string>{o.bind};
    for (const std::string& a : addresses)
        std::cout << "  analysts open http://" << a << ":" << server.port() << "\n";
    std::cout << "Press Ctrl+C to stop; start again with the same --db to resume." << std::endl;
    std::atomic<bool> stopping{false};
    std::thread waiter = stop_on_signal(server, stopping, signals);
    server.run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return kExitOk;
}

int serve(const ServeOptions& o) {
    if (o.practice) return serve_practice(o);
    std::optional<std::uint64_t> seed;
    if (!o.variants.empty()) {
        std::uint64_t value = 0;
        const auto [end, ec] =
            std::from_chars(o.variants.data(), o.variants.data() + o.variants.size(), value);
        if (ec != std::errc() || end != o.variants.data() + o.variants.size()) {
            std::cerr << "moneytrail serve: --variants needs a whole number (the seed), not '"
                      << o.variants << "'\n";
            return kExitUsage;
        }
        seed = value;
    }
    LoadResult loaded = load_scenario_file(o.scenario);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors) std::cerr << d.format() << '\n';
        return kExitFailure;
    }
    auto opened = seminar::Seminar::open(loaded.scenario, {o.database, seed, 200});
    if (!opened.seminar) {
        std::cerr << "moneytrail serve: " << opened.error << '\n';
        return kExitFailure;
    }
    seminar::Seminar& seminar = *opened.seminar;
    std::mutex print_mutex;
    seminar.set_event_log([&print_mutex](const std::string& line) {
        std::lock_guard lock(print_mutex);
        std::cout << "[" << clock_text() << "] " << line << std::endl;
    });

    const sigset_t signals = block_stop_signals();

    // The browser client is served from the same port; without it desktop programs still join.
    std::string web_error;
    std::shared_ptr<const seminar::WebClient> web_client =
        seminar::load_web_client(o.web_dir, web_error);
    if (!web_client)
        std::cerr << "moneytrail serve: " << web_error
                  << "; trainees can join only from the program\n";
    seminar::SeminarServer server(seminar, {o.bind, o.port, {}, web_client});
    std::string error;
    if (!server.bind(error)) {
        std::cerr << "moneytrail serve: " << error << '\n';
        return kExitFailure;
    }
    const Scenario& s = seminar.scenario();
    std::cout << "moneytrail seminar: " << s.info.title.en << " / " << s.info.title.es << "\n"
              << "  state:              " << seminar::name_of(seminar.state()) << "\n"
              << "  JOIN CODE:          " << seminar.join_code() << "\n"
              << "  instructor secret:  " << seminar.instructor_secret()
              << "   (keep it off the projector)\n"
              << "  database:           " << o.database << "\n"
              << "  variants:           "
              << (seed ? "on (seed " + o.variants + ")" : std::string("off")) << "\n";
    if (o.bind == "0.0.0.0") {
        for (const std::string& a : local_addresses())
            std::cout << "  trainees connect to http://" << a << ":" << server.port() << "\n";
    } else {
        std::cout << "  trainees connect to http://" << o.bind << ":" << server.port() << "\n";
    }
    std::cout << (o.console ? "Close the console window (or press Ctrl+C) to stop"
                            : "Press Ctrl+C to stop")
              << "; start again with the same --db to resume." << std::endl;

    std::atomic<bool> stopping{false};
    std::thread waiter = stop_on_signal(server, stopping, signals);
    if (o.console) {
        // The window needs the main thread; the server answers from its own. The console talks
        // to it over loopback like any other instructor console.
        std::thread serving([&server] { server.run(); });
        ConsoleOptions console = o.console_options;
        console.host = o.bind == "0.0.0.0" ? "127.0.0.1" : o.bind;
        console.port = server.port();
        console.secret = seminar.instructor_secret();
        if (web_client) {
            const std::vector<std::string> addresses = local_addresses();
            const std::string host = o.bind != "0.0.0.0" ? o.bind
                                     : addresses.empty() ? std::string("127.0.0.1")
                                                         : addresses.front();
            console.browser_url = "http://" + host + ":" + std::to_string(server.port()) + "/";
        }
        console.stop_requested = [&stopping] { return stopping.load(); };
        const int code = run_console(console);
        if (code != kExitOk) std::cerr << "moneytrail serve: the console could not open\n";
        server.stop();
        serving.join();
    } else {
        server.run();
    }
    // run() also returns if the server failed: make sure the waiter can finish.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::cout << "Seminar stopped; every acknowledged action is in " << o.database << "."
              << std::endl;
    return kExitOk;
}

}  // namespace

void register_serve(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ServeOptions>();
    CLI::App* cmd =
        app.add_subcommand("serve", "Run a live seminar for trainees on the local network");
    cmd->add_option("scenario", o->scenario, "Case-study YAML file")->required();
    cmd->add_option("--port", o->port, "TCP port to listen on")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--bind", o->bind, "Address to listen on (0.0.0.0: every interface)")
        ->capture_default_str();
    cmd->add_option("--db", o->database,
                    "SQLite file with the seminar's record (resumed when it exists)")
        ->capture_default_str();
    cmd->add_option("--variants", o->variants,
                    "Give each trainee a renamed variant of the case, from this seed");
    cmd->add_option("--web-dir", o->web_dir,
                    "Folder of the browser client the server sends to trainees' browsers")
        ->capture_default_str();
    cmd->add_flag("--practice", o->practice, tr("cli.serve.practice"));
    cmd->add_flag("--console", o->console,
                  "Also open the instructor's console window (closing it stops the seminar)");
    cmd->add_option("--lang", o->console_options.language, "The console's language: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", o->console_options.scale, "The console's presenter scale")
        ->check(CLI::Range(0.5f, 4.0f));
    cmd->callback([o, cmd, &exit_code] {
        // Practice records one file per case: a folder, not the seminar's single file.
        if (o->practice && cmd->count("--db") == 0) o->database = "practice-records";
        exit_code = serve(*o);
    });
}

}  // namespace mt
