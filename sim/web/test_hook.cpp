#include "web/test_hook.hpp"

#include <emscripten.h>

#include <string>

#include "model/nlohmann_json.hpp"

#include "web/web_app.hpp"

namespace mt::web {
namespace {

WebApp* g_app = nullptr;
std::string g_reply;  // the last answer, valid until the next call

}  // namespace

void attach_test_hook(WebApp& app) {
    g_app = &app;
}

}  // namespace mt::web

extern "C" {

// Starts recording where named items are drawn (from the next frame).
EMSCRIPTEN_KEEPALIVE void mt_test_record_items() {
    if (mt::web::g_app) mt::web::g_app->view().state().probe.enabled = true;
}

// [x0, y0, x1, y1] of the item drawn under `key` in the last frame, in CSS pixels of the page;
// "null" when it was not drawn.
EMSCRIPTEN_KEEPALIVE const char* mt_test_item(const char* key) {
    mt::web::g_reply = "null";
    if (!mt::web::g_app) return mt::web::g_reply.c_str();
    const auto rect = mt::web::g_app->view().state().probe.find(key);
    if (rect) {
        const float ratio = mt::web::g_app->pixel_ratio();
        mt::web::g_reply = nlohmann::json::array({rect->x0 / ratio, rect->y0 / ratio,
                                                  rect->x1 / ratio, rect->y1 / ratio})
                               .dump();
    }
    return mt::web::g_reply.c_str();
}

// {"casefile": <the casefile as the server sent it, or null>, "lost": bool, "selection": id}
EMSCRIPTEN_KEEPALIVE const char* mt_test_state() {
    nlohmann::json state = {{"casefile", nullptr}, {"lost", false}, {"selection", ""}};
    if (mt::web::g_app) {
        if (const mt::Casefile* casefile = mt::web::g_app->host().casefile())
            state["casefile"] = mt::to_json(*casefile);
        state["lost"] = mt::web::g_app->host().connection_lost();
        state["selection"] = mt::web::g_app->view().state().selection.id;
    }
    mt::web::g_reply = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return mt::web::g_reply.c_str();
}

}  // extern "C"
