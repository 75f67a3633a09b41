#pragma once
// `moneytrail serve` run as its own process, as an instructor starts it, for tests that need a
// real seminar server: started on a free-looking loopback port, stopped with Ctrl+C (SIGINT).
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mt::test {

class ServeProcess {
  public:
    // Starts `moneytrail serve SCENARIO --bind 127.0.0.1 --port P --db ...` plus `extra`
    // arguments, and waits until it says where trainees connect (fails the test otherwise).
    ServeProcess(const std::filesystem::path& scenario, const std::vector<std::string>& extra);
    ~ServeProcess();  // kills it if it is still running
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    int port() const { return port_; }
    std::string output() const;     // stdout and stderr so far
    std::string join_code() const;  // as printed after "JOIN CODE:"
    // Sends Ctrl+C and waits up to `limit` for the process to end: its wait status, or nullopt
    // when it did not end (it is then killed).
    std::optional<int> interrupt(std::chrono::seconds limit);

  private:
    std::optional<int> wait_for(std::chrono::seconds limit);
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace mt::test
