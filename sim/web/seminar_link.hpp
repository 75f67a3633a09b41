#pragma once
// The page's link to the seminar's HTTP API on the page's own origin: asynchronous requests
// (emscripten's fetch, never a blocking call on the UI thread) whose replies arrive in a later
// frame through a callback.
#include <functional>
#include <string>

#include "model/nlohmann_json.hpp"

namespace mt::web {

struct LinkReply {
    bool reached = false;  // false: no answer (server gone, network down, timeout)
    int status = 0;        // HTTP status when reached
    nlohmann::json body;   // the JSON object the server sent; empty object otherwise

    bool ok() const { return reached && status == 200; }
    // The server's error text in the interface language when it sent one, or a short description
    // of the HTTP status.
    std::string error() const;
};

using ReplyHandler = std::function<void(const LinkReply&)>;

// GET or POST (with a JSON body) `path` on the page's origin; `token` goes in X-Trainee-Token
// when not empty. `done` runs exactly once, from the browser's event loop.
void request(const char* method, const std::string& path, const std::string& token,
             const std::string& json_body, ReplyHandler done);

}  // namespace mt::web
