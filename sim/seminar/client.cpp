#include "seminar/client.hpp"

#include <httplib.h>

#include "i18n/catalogue.hpp"

namespace mt::seminar {

SeminarClient::SeminarClient(const std::string& host, int port)
    : http_(std::make_unique<httplib::Client>(host, port)) {
    http_->set_keep_alive(true);
    http_->set_connection_timeout(5, 0);
    http_->set_read_timeout(15, 0);
    http_->set_write_timeout(15, 0);
}

SeminarClient::~SeminarClient() = default;

ClientReply SeminarClient::finish(int status, const std::string& body, bool reached) {
    return make_reply(status, body, reached);
}

std::string error_text(const nlohmann::json& body, int status) {
    // The server's message in the interface language; a server from before messages sent
    // English text only.
    if (const auto message = body.find("message"); message != body.end())
        if (std::string text = render_json(*message); !text.empty()) return text;
    const auto it = body.find("error");
    return it != body.end() && it->is_string() ? it->get<std::string>()
                                               : "HTTP " + std::to_string(status);
}

ClientReply make_reply(int status, const std::string& body, bool reached) {
    ClientReply reply;
    if (!reached) {
        reply.error = tr("seminar.unreachable");
        return reply;
    }
    reply.status = status;
    reply.body = nlohmann::json::parse(body, nullptr, false);
    if (reply.body.is_discarded() || !reply.body.is_object()) {
        reply.body = nlohmann::json::object();
        reply.error = render(Message("seminar.reply_not_json").arg("status", status));
    } else if (status != 200) {
        reply.error = error_text(reply.body, status);
    }
    return reply;
}

ClientReply SeminarClient::join(const std::string& code, const std::string& name,
                                const std::string& agency, const std::string& rejoin_code) {
    nlohmann::json request = {{"code", code}, {"name", name}, {"agency", agency}};
    if (!token_.empty()) request["token"] = token_;
    const std::string& proof = rejoin_code.empty() ? rejoin_code_ : rejoin_code;
    if (!proof.empty()) request["rejoin_code"] = proof;
    auto res = http_->Post("/api/join", request.dump(), "application/json");
    ClientReply reply = res ? finish(res->status, res->body, true) : finish(0, {}, false);
    if (reply.ok()) {
        const auto text = [&](const char* key) {
            const auto it = reply.body.find(key);
            return it != reply.body.end() && it->is_string() ? it->get<std::string>()
                                                             : std::string();
        };
        token_ = text("token");
        rejoin_code_ = text("rejoin_code");
    }
    return reply;
}

ClientReply SeminarClient::act(const Action& action) {
    const nlohmann::json request = {{"action", to_json(action)}};
    auto res = http_->Post("/api/action", {{"X-Trainee-Token", token_}},
                           request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                           "application/json");
    return res ? finish(res->status, res->body, true) : finish(0, {}, false);
}

ClientReply SeminarClient::casefile() {
    auto res = http_->Get("/api/casefile", {{"X-Trainee-Token", token_}});
    return res ? finish(res->status, res->body, true) : finish(0, {}, false);
}

ClientReply SeminarClient::status() {
    auto res = http_->Get("/api/status");
    return res ? finish(res->status, res->body, true) : finish(0, {}, false);
}

CasefileParse casefile_of(const ClientReply& reply) {
    const auto it = reply.body.find("casefile");
    if (!reply.ok() || it == reply.body.end())
        return {std::nullopt, reply.error.empty()
                                  ? Message("seminar.no_casefile")
                                  : Message("case_error.seminar_reply").arg("text", reply.error)};
    return casefile_from_json(*it);
}

}  // namespace mt::seminar
