#pragma once
// The browser client (sim/web's build output) served from the seminar's own port, so trainees
// open the page and call the API on one origin with nothing installed. The files are read once
// at start-up. The WebAssembly module (nearly all the bytes) goes out as compressed at build time
// (moneytrail.wasm.gz) to browsers that accept gzip; the page and script are text, which the HTTP
// library compresses itself as it sends them (it would compress a compressed copy a second time).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/message.hpp"

namespace httplib {
class Server;
}

namespace mt::seminar {

struct WebClientFile {
    std::string path;  // URL path: "/", "/moneytrail.js", ...
    std::string content_type;
    std::string plain;
    std::string gzip;  // compressed at build time; empty: `plain` (text the library compresses)
};

struct WebClient {
    std::vector<WebClientFile> files;
};

// Reads index.html, moneytrail.js and moneytrail.wasm (and moneytrail.wasm.gz) from `folder`.
// Null, with `error` naming the missing or unreadable file, when the client is incomplete.
std::shared_ptr<const WebClient> load_web_client(const std::filesystem::path& folder,
                                                 Message& error);

// GET routes for every file of `client` on `http`.
void add_web_client_routes(httplib::Server& http, std::shared_ptr<const WebClient> client);

}  // namespace mt::seminar
