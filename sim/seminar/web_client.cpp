#include "seminar/web_client.hpp"

#include <httplib.h>

#include <fstream>
#include <sstream>

namespace mt::seminar {
namespace {

bool read_file(const std::filesystem::path& path, std::string& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out = std::move(text).str();
    return static_cast<bool>(in) || in.eof();
}

// Whether the request's Accept-Encoding names gzip (with a non-zero weight).
bool accepts_gzip(const httplib::Request& req) {
    const std::string accept = req.get_header_value("Accept-Encoding");
    std::size_t at = 0;
    while ((at = accept.find("gzip", at)) != std::string::npos) {
        const std::size_t end = accept.find(',', at);
        const std::string part = accept.substr(at, end == std::string::npos ? end : end - at);
        at += 4;
        if (part.find("q=0") != std::string::npos && part.find("q=0.") == std::string::npos)
            continue;
        return true;
    }
    return false;
}

}  // namespace

std::shared_ptr<const WebClient> load_web_client(const std::filesystem::path& folder,
                                                 Message& error) {
    struct Source {
        const char* file;
        const char* path;
        const char* content_type;
        bool precompressed;
    };
    static constexpr Source kSources[] = {
        {"index.html", "/", "text/html; charset=utf-8", false},
        {"moneytrail.js", "/moneytrail.js", "text/javascript; charset=utf-8", false},
        {"moneytrail.wasm", "/moneytrail.wasm", "application/wasm", true},
    };
    auto client = std::make_shared<WebClient>();
    for (const Source& source : kSources) {
        WebClientFile file{source.path, source.content_type, {}, {}};
        const std::filesystem::path path = folder / source.file;
        if (!read_file(path, file.plain) || file.plain.empty()) {
            error = Message("serve.error.web_client_missing").arg("file", path.string());
            return nullptr;
        }
        // Without its compressed copy the module still goes out, only larger.
        if (!source.precompressed || !read_file(path.string() + ".gz", file.gzip))
            file.gzip.clear();
        client->files.push_back(std::move(file));
    }
    return client;
}

void add_web_client_routes(httplib::Server& http, std::shared_ptr<const WebClient> client) {
    for (std::size_t i = 0; i < client->files.size(); ++i) {
        auto handler = [client, i](const httplib::Request& req, httplib::Response& res) {
            const WebClientFile& file = client->files[i];
            res.status = 200;
            res.set_header("Vary", "Accept-Encoding");
            if (!file.gzip.empty() && accepts_gzip(req)) {
                res.set_header("Content-Encoding", "gzip");
                res.set_content(file.gzip, file.content_type.c_str());
            } else {
                res.set_content(file.plain, file.content_type.c_str());
            }
        };
        http.Get(client->files[i].path, handler);
        if (client->files[i].path == "/") http.Get("/index.html", handler);
    }
}

}  // namespace mt::seminar
