// The desktop program in a real window (run under Xvfb by ctest): it refuses cleanly without a
// display, renders the default case to a PNG, and plays a case end to end through the views,
// checking the engine's state after each step and saving a screenshot of each main view.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include <stb_image.h>

#include "gui_driver.hpp"
#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "platform/gui_app.hpp"
#include "serve_process.hpp"
#include "session/journal.hpp"

namespace fs = std::filesystem;
using namespace mt;

namespace {

const fs::path kSource = MT_SOURCE_DIR;
const fs::path kShots = MT_GUI_SHOT_DIR;
const fs::path kDefaultCase = kSource / "scenarios" / "ransomware-peel-chain.yaml";

struct ImageStats {
    int width = 0, height = 0;
    double mean = 0, deviation = 0;  // of luminance, 0..255
};

ImageStats read_png(const fs::path& path) {
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 3);
    INFO(path.string());
    REQUIRE(pixels);
    double sum = 0, squares = 0;
    const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    for (std::size_t i = 0; i < count; ++i) {
        const double y =
            0.2126 * pixels[i * 3] + 0.7152 * pixels[i * 3 + 1] + 0.0722 * pixels[i * 3 + 2];
        sum += y;
        squares += y * y;
    }
    stbi_image_free(pixels);
    ImageStats stats{w, h, sum / static_cast<double>(count), 0};
    stats.deviation =
        std::sqrt(std::max(0.0, squares / static_cast<double>(count) - stats.mean * stats.mean));
    return stats;
}

// Journals of these runs go to a fresh directory, not the user's.
fs::path fresh_data_home(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("moneytrail-gui-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    ::setenv("XDG_DATA_HOME", dir.c_str(), 1);
    return dir;
}

GuiOptions options_for(const fs::path& scenario) {
    GuiOptions options;
    options.scenario = scenario;
    options.scenarios_dir = kSource / "scenarios";
    options.language = "en";
    options.scale = 1.0f;
    options.width = 1600;
    options.height = 900;
    return options;
}

const Casefile& casefile_of(platform::DesktopApp& app) {
    const Session* session = app.host().session();
    if (const ui::CaseLoadFailure* failure = app.host().load_failure())
        for (const Diagnostic& p : failure->problems) UNSCOPED_INFO(render(p));
    REQUIRE(session);
    return session->casefile();
}

// What `run` writes to file descriptor `fd` (1 or 2), captured through a temporary file.
template <typename Run>
std::string captured(int fd, const std::string& tag, Run&& run) {
    const fs::path log = fs::temp_directory_path() /
                         ("moneytrail-" + tag + "-" + std::to_string(::getpid()) + ".txt");
    std::fflush(nullptr);
    const int saved = ::dup(fd);
    const int file = ::open(log.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
    REQUIRE(file >= 0);
    ::dup2(file, fd);
    run();
    std::fflush(nullptr);
    ::dup2(saved, fd);
    ::close(file);
    ::close(saved);
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(log);
    return text.str();
}

}  // namespace

TEST_CASE("without a display the program says so and exits with 1", "[.][no-display]") {
    ::unsetenv("DISPLAY");
    ::unsetenv("WAYLAND_DISPLAY");
    GuiOptions options = options_for(kDefaultCase);
    options.frames = 1;
    int code = 0;
    const std::string text = captured(2, "no-display", [&] { code = run_gui(options); });
    CHECK(code == 1);
    INFO(text);
    CHECK(text.find("no display is available") != std::string::npos);
}

TEST_CASE("the default case renders to a PNG of the window's size", "[.][smoke]") {
    fresh_data_home("smoke");
    const fs::path png = kShots / "smoke-default-case.png";
    fs::remove(png);
    GuiOptions options = options_for(kDefaultCase);
    options.frames = 4;
    options.screenshot = png;
    REQUIRE(run_gui(options) == 0);
    const ImageStats stats = read_png(png);
    CHECK(stats.width == 1600);
    CHECK(stats.height == 900);
    // A blank or single-colour frame has almost no variance; panels, text and the graph do.
    CHECK(stats.deviation > 12.0);
    CHECK(stats.mean > 10.0);
}

TEST_CASE("--startup-report prints every start-up phase once the first frame is on screen",
          "[.][smoke]") {
    fresh_data_home("startup");
    set_interface_language("en");
    GuiOptions options = options_for(kDefaultCase);
    options.frames = 2;
    options.startup_report = true;
    int code = 0;
    const std::string report = captured(1, "startup", [&] { code = run_gui(options); });
    REQUIRE(code == 0);
    INFO(report);
    // Printed once (after the first frame, not the second), each phase in order, with wall and
    // CPU times that never go back.
    CHECK(report.find(tr("platform.startup.title")) == report.rfind(tr("platform.startup.title")));
    const char* phases[] = {"platform.startup.program",     "platform.startup.window",
                            "platform.startup.fonts",       "platform.startup.case_loaded",
                            "platform.startup.session",     "platform.startup.gl_objects",
                            "platform.startup.frame_built", "platform.startup.frame_swapped"};
    std::istringstream lines(report);
    std::string line;
    std::size_t next = 0;
    double wall = 0, cpu = 0;
    while (std::getline(lines, line)) {
        double w = 0, c = 0, phase_wall = 0, phase_cpu = 0;
        int name_at = 0;
        if (std::sscanf(line.c_str(), "%lf %lf %lf %lf %n", &w, &c, &phase_wall, &phase_cpu,
                        &name_at) != 4)
            continue;
        REQUIRE(next < std::size(phases));
        CHECK(line.substr(static_cast<std::size_t>(name_at)) == tr(phases[next]));
        CHECK(w >= wall);
        CHECK(c >= cpu);
        CHECK(c > 0.0);
        wall = w;
        cpu = c;
        ++next;
    }
    CHECK(next == std::size(phases));
    CHECK(report.find("CPU by thread: main thread ") != std::string::npos);
}

TEST_CASE("a case played end to end through the interface", "[.][e2e]") {
    const fs::path data_home = fresh_data_home("e2e");
    set_interface_language("en");
    GuiOptions options = options_for({});  // start at the case picker
    auto app = platform::DesktopApp::create(options);
    REQUIRE(app);
    test::GuiDriver gui(*app);
    gui.frames(3);

    // 1. The picker lists the shipped cases; open the default one.
    REQUIRE(gui.drawn("picker.open:ransomware-peel-chain"));
    gui.screenshot(kShots / "e2e-1-case-picker.png");
    gui.scroll_into_view("picker.open:ransomware-peel-chain");
    gui.click("picker.open:ransomware-peel-chain");
    gui.frames(2);
    const Casefile& start = casefile_of(*app);
    CHECK(start.briefing.scenario_id == "ransomware-peel-chain");
    CHECK(start.now == 0);
    const std::string ransom = "bc1qtc5kqy2kx9ljgqzc7l5e6kj6vetpwj02k5h8eu";
    REQUIRE(start.addresses.count(ransom) == 1);

    // 2. Double-click the ransom address: its outputs are listed and the clock moves.
    gui.double_click("graph.node:" + ransom);
    gui.frames(2);
    {
        const Casefile& c = casefile_of(*app);
        CHECK(c.addresses.at(ransom).explored_out);
        CHECK(c.now == minutes(5));
        CHECK(c.addresses.count("bc1q0ja4xdjqjh8gff6yyw66h60fnh52mkga9j8usd") == 1);
    }
    // Follow the affiliate's share with the "+" stub, after fitting the grown graph in view.
    const std::string affiliate = "bc1q0ja4xdjqjh8gff6yyw66h60fnh52mkga9j8usd";
    gui.click("ui.graph.fit");
    gui.click("graph.expand_out:" + affiliate);
    gui.frames(2);
    const std::string change = "bc1q0y0heaflmn5743myljvjqyteuw0cc64jzd4th7";
    {
        const Casefile& c = casefile_of(*app);
        CHECK(c.addresses.at(affiliate).explored_out);
        REQUIRE(c.addresses.count(change) == 1);
    }
    gui.click("ui.graph.fit");
    gui.screenshot(kShots / "e2e-2-graph.png");

    // 3. Answer the change checkpoint with the selected node.
    gui.click("graph.node:" + change);
    CHECK(app->view().state().selection.id == change);
    gui.click("tab.checkpoints");
    gui.click("checkpoint.use_selection:hop1-change");
    gui.click("checkpoint.answer:hop1-change");
    gui.frames(1);
    {
        const Casefile& c = casefile_of(*app);
        auto it = std::find_if(c.checkpoints.begin(), c.checkpoints.end(),
                               [](const OpenCheckpoint& cp) { return cp.id == "hop1-change"; });
        REQUIRE(it != c.checkpoints.end());
        REQUIRE(it->answer.has_value());
        CHECK(*it->answer == change);
    }
    gui.screenshot(kShots / "e2e-3-checkpoints.png");

    // 4. Jump to the deposit address by search, look it up, and ask the exchange to freeze it.
    const std::string deposit = "bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam";
    gui.click("graph.search");
    gui.type(deposit);
    gui.click("ui.graph.find");
    gui.click("ui.graph.explore_address");
    gui.frames(2);
    REQUIRE(casefile_of(*app).addresses.count(deposit) == 1);
    gui.click("graph.search");
    gui.click("ui.graph.find");  // now it is in the casefile: selected and centred
    CHECK(app->view().state().selection.id == deposit);
    gui.click("tab.tools");
    gui.click("tools.lookup");
    gui.frames(2);
    {
        const Casefile& c = casefile_of(*app);
        REQUIRE(c.addresses.at(deposit).attribution.has_value());
        CHECK(c.addresses.at(deposit).attribution->entity_id == "bitnova");
        REQUIRE(c.services.count("bitnova") == 1);
    }
    gui.click("tab.legal");
    gui.click("legal.instrument");
    gui.click("legal.instrument:mx-solicitud-congelamiento");  // the case pack's freeze request
    gui.click("legal.recipient");
    gui.click("legal.recipient:bitnova");
    gui.click("ui.legal.add_selection");
    gui.click("legal.justification");
    gui.type(
        "Ransom proceeds traced through a six-hop peel chain into this deposit address; please "
        "hold the balance.");
    gui.click("legal.send");
    gui.frames(2);
    {
        const Casefile& c = casefile_of(*app);
        REQUIRE(c.requests.size() == 1);
        CHECK(c.requests[0].instrument == Instrument::FreezeRequest);
        CHECK(c.requests[0].service == "bitnova");
        CHECK(c.requests[0].identifiers == std::vector<std::string>{deposit});
        CHECK(c.requests[0].status == RequestStatus::Pending);
    }
    // Wait a day for the answer.
    gui.click("ui.clock.wait_1d");
    gui.frames(2);
    {
        const Casefile& c = casefile_of(*app);
        CHECK(c.requests[0].status == RequestStatus::Frozen);
        CHECK_FALSE(c.frozen.empty());
    }
    gui.click("legal.request:req-1");
    gui.screenshot(kShots / "e2e-4-legal.png");
    {
        // The graph marks the frozen address, and only it.
        int frozen = 0;
        for (const ui::GraphNode& node : app->view().funds_graph().nodes) {
            frozen += node.frozen ? 1 : 0;
            if (node.id == deposit) CHECK(node.frozen);
        }
        CHECK(frozen == 1);
    }

    // Export the case report: Markdown naming what was found, and a picture of the graph.
    gui.click("menu.case");
    gui.click("ui.menu.export_report");
    gui.frames(1);
    {
        const fs::path reports = data_home / "moneytrail" / "reports";
        std::vector<fs::path> written;
        for (const auto& entry : fs::directory_iterator(reports)) written.push_back(entry.path());
        std::sort(written.begin(), written.end());
        REQUIRE(written.size() == 2);
        CHECK(written[0].extension() == ".md");
        CHECK(written[1].extension() == ".png");
        std::ifstream in(written[0]);
        std::stringstream markdown;
        markdown << in.rdbuf();
        CHECK(markdown.str().find("`" + deposit + "`") != std::string::npos);
        CHECK(markdown.str().find("](" + written[1].filename().string() + ")") !=
              std::string::npos);
        const ImVec4 canvas = app->view().graph_canvas();
        const ImageStats picture = read_png(written[1]);
        CHECK(picture.width == static_cast<int>(canvas.z - canvas.x));
        CHECK(picture.height == static_cast<int>(canvas.w - canvas.y));
        CHECK(picture.deviation > 5.0);
        CHECK(app->view().state().feedback.text.find(written[0].string()) != std::string::npos);
    }

    // 5. Submit and read the debrief.
    gui.click("ui.clock.submit");
    gui.click("submit.findings");
    gui.type("Traced to Bitnova; freeze confirmed.");
    gui.click("ui.submit.confirm");
    gui.frames(3);
    {
        const Casefile& c = casefile_of(*app);
        CHECK(c.submitted);
        REQUIRE(c.score.has_value());
        CHECK(c.score->total > 0);
        CHECK_FALSE(c.expert_solution.empty());
    }
    CHECK(gui.drawn("debrief.grade"));
    gui.screenshot(kShots / "e2e-5-debrief.png");
    const ImageStats debrief = read_png(kShots / "e2e-5-debrief.png");
    CHECK(debrief.deviation > 12.0);

    // The journal holds every accepted action, so the session can be resumed.
    const fs::path journal = app->host().journal_path_for("ransomware-peel-chain");
    CHECK(fs::file_size(journal) > 0);
    CHECK(read_journal(journal).actions.size() == app->host().session()->accepted_actions().size());
}

TEST_CASE("a trainee joins a live seminar through the case list's dialog", "[.][serve]") {
    const fs::path data_home = fresh_data_home("join");
    set_interface_language("en");
    test::ServeProcess serve(kDefaultCase, {});
    const std::string code = serve.join_code();
    INFO(serve.output());
    REQUIRE_FALSE(code.empty());

    {  // the trainee's window, closed before the server stops
        auto app = platform::DesktopApp::create(options_for({}));  // the case list
        REQUIRE(app);
        test::GuiDriver gui(*app);
        gui.frames(3);
        gui.click("join.open");
        gui.frames(2);
        REQUIRE(gui.drawn("join.host"));
        CHECK_FALSE(gui.drawn("join.error"));
        const auto fill = [&](const char* field, const std::string& text) {
            gui.click(field);  // the port field selects its old value on click: typing replaces it
            gui.type(text);
        };
        fill("join.host", "127.0.0.1");
        fill("join.port", std::to_string(serve.port()));
        fill("join.code", code);
        fill("join.name", "Ana Torres");
        fill("join.agency", "FGR Yucatan");
        gui.screenshot(kShots / "join-dialog.png");
        const ui::SeminarJoinForm* form = app->host().seminar_join_form();
        REQUIRE(form);
        CHECK(form->host == "127.0.0.1");
        CHECK(form->port == serve.port());
        CHECK(form->code == code);

        gui.click("join.join");
        // The join runs on its own thread while the window keeps drawing: frames until it is in
        // (bounded: 200 frames 20 ms apart).
        for (int i = 0; i < 200 && !app->host().remote() && form->error.empty(); ++i) {
            gui.frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        gui.frames(2);
        const platform::RemoteSession* remote = app->host().remote();
        INFO("join error: " << form->error);
        REQUIRE(remote);
        CHECK(remote->state() == "lobby");
        CHECK(remote->casefile()->briefing.scenario_id == "ransomware-peel-chain");
        CHECK(remote->where() == "127.0.0.1:" + std::to_string(serve.port()));
        gui.screenshot(kShots / "join-joined.png");
    }
    const std::optional<int> status = serve.interrupt(std::chrono::seconds(20));
    REQUIRE(status);
    CHECK(WEXITSTATUS(*status) == 0);
    // The server kept the trainee who joined.
    CHECK(serve.output().find("Ana Torres") != std::string::npos);
    fs::remove_all(data_home);
}
