#include "seminar/instructor_client.hpp"

#include <httplib.h>

#include <fstream>

#include "i18n/catalogue.hpp"

namespace mt::seminar {

InstructorClient::InstructorClient(const std::string& host, int port, std::string secret)
    : http_(std::make_unique<httplib::Client>(host, port)), secret_(std::move(secret)) {
    http_->set_keep_alive(true);
    http_->set_connection_timeout(3, 0);
    http_->set_read_timeout(10, 0);
    http_->set_write_timeout(10, 0);
}

InstructorClient::~InstructorClient() = default;

ClientReply InstructorClient::overview() {
    auto res = http_->Get("/api/instructor/overview", {{"X-Instructor-Secret", secret_}});
    return res ? make_reply(res->status, res->body, true) : make_reply(0, {}, false);
}

ClientReply InstructorClient::post(const std::string& path, const nlohmann::json& body) {
    auto res = http_->Post(path, {{"X-Instructor-Secret", secret_}},
                           body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                           "application/json");
    return res ? make_reply(res->status, res->body, true) : make_reply(0, {}, false);
}

ClientReply InstructorClient::command(std::string_view command) {
    return post("/api/instructor/" + std::string(command), nlohmann::json::object());
}

ClientReply InstructorClient::inject(const LocalizedText& message) {
    return post("/api/instructor/inject", {{"message", {{"en", message.en}, {"es", message.es}}}});
}

ClientReply InstructorClient::rejoin_code(std::string_view name) {
    return post("/api/instructor/rejoin-code", {{"name", name}});
}

ClientReply InstructorClient::trainee_detail(std::string_view name) {
    return post("/api/instructor/trainee", {{"name", name}});
}

std::string InstructorClient::export_results(const std::filesystem::path& path, bool csv) {
    auto res = http_->Get(csv ? "/api/instructor/results.csv" : "/api/instructor/results.json",
                          {{"X-Instructor-Secret", secret_}});
    if (!res) return tr("seminar.unreachable");
    if (res->status != 200) return make_reply(res->status, res->body, true).error;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << res->body;
    out.close();
    if (!out) return render(Message("seminar.cannot_write_results").arg("file", path.string()));
    return {};
}

}  // namespace mt::seminar
