#pragma once
// A seminar served in-process on 127.0.0.1 with an ephemeral port, for the HTTP tests.
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "seminar/seminar.hpp"
#include "seminar/server.hpp"

namespace mt::testing {

class TestSeminar {
  public:
    TestSeminar(std::shared_ptr<const Scenario> scenario, std::filesystem::path database,
                std::optional<std::uint64_t> variant_seed = std::nullopt,
                seminar::ServerOptions options = {});  // its address and port are ignored
    ~TestSeminar();
    TestSeminar(const TestSeminar&) = delete;
    TestSeminar& operator=(const TestSeminar&) = delete;

    seminar::Seminar& seminar() { return *seminar_; }
    int port() const { return port_; }
    seminar::SeminarServer& server() { return *server_; }
    // Stops serving and closes the database, as a server shut down (or killed) would.
    void stop();
    // Opens the same database again (replaying every session) and serves on a new port.
    void restart();

  private:
    void start();

    std::shared_ptr<const Scenario> scenario_;
    std::filesystem::path database_;
    std::optional<std::uint64_t> seed_;
    seminar::ServerOptions options_;
    std::unique_ptr<seminar::Seminar> seminar_;
    std::unique_ptr<seminar::SeminarServer> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace mt::testing
