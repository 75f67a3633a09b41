#include "platform/gui_app.hpp"

#include "platform/desktop_app.hpp"

namespace mt {

int run_gui(const GuiOptions& options) {
    auto app = platform::DesktopApp::create(options);
    if (!app) return 1;
    return app->run();
}

}  // namespace mt
