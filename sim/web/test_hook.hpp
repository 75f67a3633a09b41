#pragma once
// What the browser tests (tests/browser) ask the page through Module.ccall: where a named item
// was drawn, so they can click it with real mouse events, and what the trainee's casefile holds
// now, so they can check each step. Item recording stays off until a test turns it on.
namespace mt::web {

class WebApp;
void attach_test_hook(WebApp& app);

}  // namespace mt::web
