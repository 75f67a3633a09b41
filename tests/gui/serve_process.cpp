#include "serve_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

namespace mt::test {

namespace fs = std::filesystem;

ServeProcess::ServeProcess(const fs::path& scenario, const std::vector<std::string>& extra)
    : dir_(fs::temp_directory_path() / ("moneytrail-serve-" + std::to_string(::getpid()))),
      port_(20'000 + ::getpid() % 20'000) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::vector<std::string> args = {MT_BINARY,
                                     "serve",
                                     scenario.string(),
                                     "--bind",
                                     "127.0.0.1",
                                     "--port",
                                     std::to_string(port_),
                                     "--db",
                                     (dir_ / "seminar.sqlite").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const std::string log = (dir_ / "serve.txt").string();
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        if (!std::freopen(log.c_str(), "w", stdout)) _exit(127);
        ::dup2(STDOUT_FILENO, STDERR_FILENO);
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(MT_BINARY, argv.data());
        _exit(127);
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (output().find("trainees connect to") == std::string::npos &&
           std::chrono::steady_clock::now() < until && !wait_for(std::chrono::seconds(0)))
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    INFO(output());
    REQUIRE(output().find("trainees connect to") != std::string::npos);
}

ServeProcess::~ServeProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    std::error_code error;
    fs::remove_all(dir_, error);
}

std::string ServeProcess::output() const {
    std::ifstream in(dir_ / "serve.txt");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string ServeProcess::join_code() const {
    const std::string text = output();
    const std::size_t label = text.find("JOIN CODE:");
    if (label == std::string::npos) return {};
    const std::size_t begin = text.find_first_not_of(' ', label + 10);
    return text.substr(begin, text.find('\n', begin) - begin);
}

std::optional<int> ServeProcess::wait_for(std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    do {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return status;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } while (std::chrono::steady_clock::now() < until);
    return std::nullopt;
}

std::optional<int> ServeProcess::interrupt(std::chrono::seconds limit) {
    ::kill(pid_, SIGINT);
    return wait_for(limit);
}

}  // namespace mt::test
