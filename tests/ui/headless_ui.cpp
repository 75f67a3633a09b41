#include "headless_ui.hpp"

#include <catch2/catch.hpp>

namespace mt::test {

ImGuiContext* create_headless_context(float width, float height) {
    IMGUI_CHECKVERSION();
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Big graphs exceed 64k vertices per draw list; a real renderer says it can offset them.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    // Key indices are the ImGuiKey values themselves.
    for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    return context;
}

HeadlessUi::HeadlessUi(ui::InvestigatorUi& view, ui::UiHost& host, float width, float height)
    : view_(view), host_(host) {
    context_ = create_headless_context(width, height);
    view_.state().probe.enabled = true;
}

HeadlessUi::~HeadlessUi() {
    ImGui::DestroyContext(context_);
}

void HeadlessUi::frame() {
    ImGui::NewFrame();
    view_.draw(host_);
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel = 0.0f;
}

void HeadlessUi::frames(int count) {
    for (int i = 0; i < count; ++i) frame();
}

bool HeadlessUi::drawn(std::string_view key) const {
    return view_.state().probe.find(key).has_value();
}

ImVec2 HeadlessUi::centre_of(std::string_view key) const {
    auto rect = view_.state().probe.find(key);
    INFO("probe key: " << std::string(key));
    REQUIRE(rect.has_value());
    return ImVec2(rect->center_x(), rect->center_y());
}

void HeadlessUi::move_to(ImVec2 at) {
    ImGui::GetIO().MousePos = at;
    frame();
}

void HeadlessUi::click_at(ImVec2 at, int button) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(at);
    io.MouseDown[button] = true;
    frame();
    io.MouseDown[button] = false;
    frame();
}

void HeadlessUi::double_click_at(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(at);
    for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
}

void HeadlessUi::drag(ImVec2 from, ImVec2 to, int button, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(from);
    io.MouseDown[button] = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame();
    }
    io.MouseDown[button] = false;
    frame();
}

void HeadlessUi::wheel(ImVec2 at, float turns) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseWheel = turns;
    frame();
}

void HeadlessUi::type(std::string_view utf8) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8(std::string(utf8).c_str());
    frame();
}

void HeadlessUi::press(ImGuiKey key, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    frame();
}

int HeadlessUi::vertex_count() const {
    const ImDrawData* data = ImGui::GetDrawData();
    return data ? data->TotalVtxCount : 0;
}

}  // namespace mt::test
