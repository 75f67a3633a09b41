#include "web/page.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// A string the JavaScript side allocated with _malloc (null for none), taken over and freed.
std::string take(char* text) {
    if (!text) return {};
    std::string out(text);
    std::free(text);
    return out;
}

// clang-format off
EM_JS(void, js_canvas_size, (int* width, int* height, float* ratio), {
    setValue(width, Math.max(1, Math.floor(window.innerWidth)), 'i32');
    setValue(height, Math.max(1, Math.floor(window.innerHeight)), 'i32');
    setValue(ratio, window.devicePixelRatio || 1, 'float');
});

// A capturing listener on the window runs before the canvas's own (emscripten's GLFW), so the
// mode it keeps is the one of the event GLFW is reporting.
EM_JS(void, js_watch_wheel_mode, (), {
    Module.moneytrailWheelMode = 0;
    window.addEventListener('wheel', function(event) {
        Module.moneytrailWheelMode = event.deltaMode;
    }, {capture: true, passive: true});
});

EM_JS(int, js_wheel_delta_mode, (), {
    return Module.moneytrailWheelMode || 0;
});

EM_JS(char*, js_stored, (const char* key), {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) {}
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var out = _malloc(size);
    stringToUTF8(value, out, size);
    return out;
});

EM_JS(void, js_store, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(void, js_forget, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(char*, js_page_host, (), {
    var host = window.location.hostname;
    var size = lengthBytesUTF8(host) + 1;
    var out = _malloc(size);
    stringToUTF8(host, out, size);
    return out;
});

EM_JS(int, js_page_port, (), {
    if (window.location.port) return parseInt(window.location.port, 10);
    return window.location.protocol === 'https:' ? 443 : 80;
});

EM_JS(int, js_prefers_spanish, (), {
    var languages = navigator.languages || [navigator.language || ""];
    return languages.length > 0 && String(languages[0]).toLowerCase().indexOf('es') === 0 ? 1 : 0;
});

EM_JS(void, js_copy, (const char* text), { moneytrailPage.copy(UTF8ToString(text)); });

EM_JS(char*, js_pasted, (), {
    var text = moneytrailPage.pasted || "";
    var size = lengthBytesUTF8(text) + 1;
    var out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});

EM_JS(void, js_banner, (const char* text), { moneytrailPage.banner(UTF8ToString(text)); });

EM_JS(void, js_first_frame, (), { moneytrailPage.ready(); });
// clang-format on

}  // namespace

namespace mt::web {

void watch_wheel_events() {
    js_watch_wheel_mode();
}

double wheel_units_per_notch() {
    switch (js_wheel_delta_mode()) {
        case 1:
            return 3.0;  // DOM_DELTA_LINE: Firefox's three lines a notch
        case 2:
            return 1.0;  // DOM_DELTA_PAGE
        default:
            return 100.0;  // DOM_DELTA_PIXEL: Chromium's 100 pixels a notch
    }
}

CanvasSize canvas_size() {
    CanvasSize size;
    js_canvas_size(&size.css_width, &size.css_height, &size.pixel_ratio);
    if (!(size.pixel_ratio > 0.25f && size.pixel_ratio < 8.0f)) size.pixel_ratio = 1.0f;
    return size;
}

std::string stored(const std::string& key) {
    return take(js_stored(key.c_str()));
}

void store(const std::string& key, const std::string& value) {
    js_store(key.c_str(), value.c_str());
}

void forget(const std::string& key) {
    js_forget(key.c_str());
}

std::string page_host() {
    return take(js_page_host());
}

int page_port() {
    return js_page_port();
}

std::string browser_language() {
    return js_prefers_spanish() ? "es" : "en";
}

void copy_to_clipboard(const std::string& text) {
    js_copy(text.c_str());
}

std::string pasted_text() {
    return take(js_pasted());
}

void show_banner(const std::string& text) {
    js_banner(text.c_str());
}

void first_frame_shown() {
    js_first_frame();
}

}  // namespace mt::web
