// `moneytrail serve --console` as an instructor runs it: the seminar server with its console
// window in one process. Ctrl+C in the terminal must stop both (before, the window stayed open
// and the process with it).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace {

std::string file_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Waits up to `limit` for the child to end; its wait status, or nullopt if it is still running.
std::optional<int> wait_for(pid_t child, std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == child) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("serve --console stops, window and all, on Ctrl+C", "[.][serve]") {
    const fs::path dir =
        fs::temp_directory_path() / ("moneytrail-serve-console-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path output = dir / "serve.txt";
    const std::string port = std::to_string(20'000 + ::getpid() % 20'000);
    const std::string scenario =
        fs::path(MT_SOURCE_DIR) / "scenarios" / "ransomware-peel-chain.yaml";
    const std::string database = dir / "seminar.sqlite";

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (!std::freopen(output.c_str(), "w", stdout)) _exit(127);
        ::dup2(STDOUT_FILENO, STDERR_FILENO);
        ::execl(MT_BINARY, MT_BINARY, "serve", scenario.c_str(), "--console", "--bind", "127.0.0.1",
                "--port", port.c_str(), "--db", database.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Up when it prints where trainees connect; then give the console window time to open.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (file_text(output).find("trainees connect to") == std::string::npos &&
           std::chrono::steady_clock::now() < until && !wait_for(child, std::chrono::seconds(0)))
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    INFO(file_text(output));
    REQUIRE(file_text(output).find("trainees connect to") != std::string::npos);
    std::this_thread::sleep_for(std::chrono::seconds(3));

    ::kill(child, SIGINT);
    const std::optional<int> status = wait_for(child, std::chrono::seconds(20));
    if (!status) {
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }
    REQUIRE(status);
    CHECK(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 0);
    CHECK(file_text(output).find("Seminar stopped") != std::string::npos);
    fs::remove_all(dir);
}
