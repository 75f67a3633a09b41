#pragma once
// The browser page around the canvas, reached from C++ (EM_JS functions in page.cpp): the
// canvas size and device pixel ratio, the page's own storage (the trainee's token survives a
// reload), the clipboard without the asynchronous Clipboard API (a LAN address is not a secure
// context), and the HTML banner and loading screen index.html draws over the canvas.
#include <string>

namespace mt::web {

struct CanvasSize {
    int css_width = 0;  // CSS pixels
    int css_height = 0;
    float pixel_ratio = 1.0f;  // device pixels per CSS pixel
};
CanvasSize canvas_size();

// What the page keeps in localStorage, so a reload (or a browser restart) rejoins.
inline constexpr const char* kTokenKey = "moneytrail.token";
inline constexpr const char* kCodeKey = "moneytrail.code";
inline constexpr const char* kNameKey = "moneytrail.name";
inline constexpr const char* kAgencyKey = "moneytrail.agency";
// The seminar's proof that this is the trainee who first took the name (a taken name rejoins only
// with the kept token or this code).
inline constexpr const char* kRejoinKey = "moneytrail.rejoin_code";
// The action sent and not yet answered, under its id: a reload before the answer sends it again,
// and the server answers a resend with its first outcome instead of applying it twice.
inline constexpr const char* kPendingKey = "moneytrail.pending_action";

// localStorage; an empty string when the key is absent or storage is refused.
std::string stored(const std::string& key);
void store(const std::string& key, const std::string& value);
void forget(const std::string& key);

// The page's origin, which the seminar's API shares ("192.168.1.23", 8642).
std::string page_host();
int page_port();
// "es" when the browser prefers Spanish, else "en".
std::string browser_language();

// Copies to the system clipboard with a hidden textarea and document.execCommand('copy'); when
// the browser refuses outside a user gesture, the copy is retried on the next click or key.
void copy_to_clipboard(const std::string& text);
// What the trainee last pasted into the page (Ctrl+V), for ImGui's paste.
std::string pasted_text();

// Emscripten 3.1.6's GLFW reports a wheel event's DOM deltas as they are (pixels, lines or pages;
// down positive) where GLFW gives notches (up positive). watch_wheel_events() keeps each event's
// unit; wheel_units_per_notch() says how many of that unit make a notch for the event being
// handled: 100 pixels, 3 lines or 1 page.
void watch_wheel_events();
double wheel_units_per_notch();

// Shows `text` in the banner above the canvas (empty hides it).
void show_banner(const std::string& text);
// The first interactive frame is on screen: hides the loading screen and records the time.
void first_frame_shown();

}  // namespace mt::web
