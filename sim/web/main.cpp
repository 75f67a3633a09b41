// The browser client's entry point: builds the program and hands its frame to the browser's
// animation loop. Without WebGL2 the page shows its own explanation (index.html).
#include <emscripten.h>

#include <memory>

#include "web/test_hook.hpp"
#include "web/web_app.hpp"

namespace {

std::unique_ptr<mt::web::WebApp> g_program;

void frame() {
    g_program->frame();
}

}  // namespace

// clang-format off
EM_JS(void, js_no_webgl2, (), { moneytrailPage.noWebGL2(); });
// clang-format on

int main() {
    g_program = mt::web::WebApp::create();
    if (!g_program) {
        js_no_webgl2();
        return 1;
    }
    mt::web::attach_test_hook(*g_program);
    // 0: the browser's own frame rate (requestAnimationFrame); never returns.
    emscripten_set_main_loop(frame, 0, 1);
    return 0;
}
