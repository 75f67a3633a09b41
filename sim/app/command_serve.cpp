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
#include "i18n/diagnostic_text.hpp"
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
    ConsoleOptions console_options;  // its language is also the language of these console lines
};

void say(const Message& message) {
    std::cout << render(message) << '\n';
}

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

// The address a browser opens: "http://192.168.1.20:8642".
std::string page_url(const std::string& host, int port) {
    return "http://" + host + ":" + std::to_string(port);
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
            for (const Diagnostic& d : loaded.errors) std::cerr << render(d) << '\n';
            print_error("serve",
                        Message("serve.practice.left_out").arg("file", summary.path.string()));
            continue;
        }
        scenarios.push_back(loaded.scenario);
    }
    if (scenarios.empty()) {
        print_error("serve", Message("serve.practice.no_case").arg("folder", o.scenario));
        return kExitFailure;
    }
    Message web_error;
    std::shared_ptr<const seminar::WebClient> web_client =
        seminar::load_web_client(o.web_dir, web_error);
    if (!web_client) {
        print_error("serve",
                    Message("serve.practice.no_web_client").arg("error", render(web_error)));
        return kExitFailure;
    }
    Message error;
    auto library = seminar::PracticeLibrary::open(scenarios, o.database, error);
    if (!library) {
        print_error("serve", error);
        return kExitFailure;
    }
    const sigset_t signals = block_stop_signals();
    seminar::SeminarServer server(*library, {o.bind, o.port, {}, web_client});
    if (!server.bind(error)) {
        print_error("serve", error);
        return kExitFailure;
    }
    say(Message("serve.practice.banner")
            .arg("count", library->cases().size())
            .arg("folder", o.scenario));
    say(Message("serve.practice.records").arg("file", o.database));
    const std::vector<std::string> addresses =
        o.bind == "0.0.0.0" ? local_addresses() : std::vector<std::string>{o.bind};
    for (const std::string& a : addresses)
        say(Message("serve.practice.open").arg("url", page_url(a, server.port())));
    say(Message("serve.stop_with_ctrl_c"));
    std::cout.flush();
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
            print_error("serve", Message("serve.error.variants").arg("value", o.variants));
            return kExitUsage;
        }
        seed = value;
    }
    LoadResult loaded = load_scenario_file(o.scenario);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors) std::cerr << render(d) << '\n';
        return kExitFailure;
    }
    auto opened = seminar::Seminar::open(loaded.scenario, {o.database, seed, 200});
    if (!opened.seminar) {
        print_error("serve", opened.error);
        return kExitFailure;
    }
    seminar::Seminar& seminar = *opened.seminar;
    std::mutex print_mutex;
    seminar.set_event_log([&print_mutex](const Message& line) {
        std::lock_guard lock(print_mutex);
        std::cout << "[" << clock_text() << "] " << render(line) << std::endl;
    });

    const sigset_t signals = block_stop_signals();

    // The browser client is served from the same port; without it desktop programs still join.
    Message web_error;
    std::shared_ptr<const seminar::WebClient> web_client =
        seminar::load_web_client(o.web_dir, web_error);
    if (!web_client)
        print_error("serve", Message("serve.no_web_client").arg("error", render(web_error)));
    seminar::SeminarServer server(seminar, {o.bind, o.port, {}, web_client});
    Message error;
    if (!server.bind(error)) {
        print_error("serve", error);
        return kExitFailure;
    }
    const Scenario& s = seminar.scenario();
    say(Message("serve.banner.title").arg("title", s.info.title));
    say(Message("serve.banner.state")
            .term("state", "seminar.state." + std::string(seminar::name_of(seminar.state()))));
    say(Message("serve.banner.join_code").arg("code", seminar.join_code()));
    say(Message("serve.banner.secret").arg("secret", seminar.instructor_secret()));
    say(Message("serve.banner.database").arg("file", o.database));
    say(seed ? Message("serve.banner.variants_on").arg("seed", o.variants)
             : Message("serve.banner.variants_off"));
    const std::vector<std::string> addresses =
        o.bind == "0.0.0.0" ? local_addresses() : std::vector<std::string>{o.bind};
    for (const std::string& a : addresses)
        say(Message("serve.banner.connect").arg("url", page_url(a, server.port())));
    say(Message(o.console ? "serve.stop_with_console" : "serve.stop_with_ctrl_c"));
    std::cout.flush();

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
            const std::string host = addresses.empty() ? "127.0.0.1" : addresses.front();
            console.browser_url = page_url(host, server.port()) + "/";
        }
        console.stop_requested = [&stopping] { return stopping.load(); };
        const int code = run_console(console);
        if (code != kExitOk) print_error("serve", Message("serve.error.console"));
        server.stop();
        serving.join();
    } else {
        server.run();
    }
    // run() also returns if the server failed: make sure the waiter can finish.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    say(Message("serve.stopped").arg("file", o.database));
    std::cout.flush();
    return kExitOk;
}

}  // namespace

void register_serve(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ServeOptions>();
    o->console_options.language = environment_language();
    CLI::App* cmd = app.add_subcommand("serve", tr("cli.serve.help"));
    cmd->add_option("scenario", o->scenario, tr("cli.scenario_file"))->required();
    cmd->add_option("--port", o->port, tr("cli.serve.port"))
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--bind", o->bind, tr("cli.serve.bind"))->capture_default_str();
    cmd->add_option("--db", o->database, tr("cli.serve.db"))->capture_default_str();
    cmd->add_option("--variants", o->variants, tr("cli.serve.variants"));
    cmd->add_option("--web-dir", o->web_dir, tr("cli.serve.web_dir"))->capture_default_str();
    cmd->add_flag("--practice", o->practice, tr("cli.serve.practice"));
    cmd->add_flag("--console", o->console, tr("cli.serve.console"));
    cmd->add_option("--lang", o->console_options.language, tr("cli.serve.lang"))
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", o->console_options.scale, tr("cli.serve.scale"))
        ->check(CLI::Range(0.5f, 4.0f));
    cmd->callback([o, cmd, &exit_code] {
        set_interface_language(o->console_options.language);
        // Practice records one file per case: a folder, not the seminar's single file.
        if (o->practice && cmd->count("--db") == 0) o->database = "practice-records";
        exit_code = serve(*o);
    });
}

}  // namespace mt
