#include "test_server.hpp"

#include <stdexcept>

#include "i18n/catalogue.hpp"

namespace mt::testing {

TestSeminar::TestSeminar(std::shared_ptr<const Scenario> scenario, std::filesystem::path database,
                         std::optional<std::uint64_t> variant_seed, seminar::ServerOptions options)
    : scenario_(std::move(scenario)),
      database_(std::move(database)),
      seed_(variant_seed),
      options_(std::move(options)) {
    options_.bind = "127.0.0.1";
    options_.port = 0;
    start();
}

TestSeminar::~TestSeminar() {
    stop();
}

void TestSeminar::start() {
    auto opened = seminar::Seminar::open(scenario_, {database_, seed_, 200});
    if (!opened.seminar)
        throw std::runtime_error("cannot open the seminar: " + render(opened.error, "en"));
    seminar_ = std::move(opened.seminar);
    server_ = std::make_unique<seminar::SeminarServer>(*seminar_, options_);
    Message error;
    if (!server_->bind(error)) throw std::runtime_error(render(error, "en"));
    port_ = server_->port();
    thread_ = std::thread([server = server_.get()] { server->run(); });
}

void TestSeminar::stop() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    seminar_.reset();
}

void TestSeminar::restart() {
    stop();
    start();
}

}  // namespace mt::testing
