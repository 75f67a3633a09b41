#include "web/seminar_link.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <vector>

#include "i18n/catalogue.hpp"

namespace mt::web {
namespace {

// Everything a request needs until its reply arrives.
struct Pending {
    std::string body;
    std::string token;
    std::vector<const char*> headers;
    ReplyHandler done;
};

constexpr unsigned kTimeoutMs = 15000;

void finish(emscripten_fetch_t* fetch) {
    std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
    LinkReply reply;
    // Status 0: the browser got no HTTP answer at all.
    reply.reached = fetch->status != 0;
    reply.status = fetch->status;
    if (reply.reached && fetch->data && fetch->numBytes > 0) {
        reply.body = nlohmann::json::parse(
            fetch->data, fetch->data + static_cast<std::size_t>(fetch->numBytes), nullptr, false);
    }
    if (reply.body.is_discarded() || !reply.body.is_object()) reply.body = nlohmann::json::object();
    emscripten_fetch_close(fetch);
    pending->done(reply);
}

}  // namespace

std::string LinkReply::error() const {
    if (!reached) return {};
    // The server's refusal as a message, worded here in the interface language ("error" holds
    // English text for older clients).
    if (const auto message = body.find("message"); message != body.end())
        if (std::string text = render_json(*message); !text.empty()) return text;
    const auto it = body.find("error");
    if (it != body.end() && it->is_string()) return it->get<std::string>();
    return "HTTP " + std::to_string(status);
}

void request(const char* method, const std::string& path, const std::string& token,
             const std::string& json_body, ReplyHandler done) {
    auto pending = std::make_unique<Pending>();
    pending->body = json_body;
    pending->token = token;
    pending->done = std::move(done);
    pending->headers = {"Content-Type", "application/json"};
    if (!token.empty()) {
        pending->headers.push_back("X-Trainee-Token");
        pending->headers.push_back(pending->token.c_str());
    }
    pending->headers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method, sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = kTimeoutMs;
    attr.requestHeaders = pending->headers.data();
    if (!pending->body.empty()) {
        attr.requestData = pending->body.data();
        attr.requestDataSize = pending->body.size();
    }
    attr.onsuccess = finish;
    attr.onerror = finish;
    attr.userData = pending.release();
    emscripten_fetch(&attr, path.c_str());
}

}  // namespace mt::web
