#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"

namespace mt::ui {
namespace {

UiFonts g_fonts;
ItemProbe* g_probe = nullptr;

}  // namespace

const UiFonts& fonts() {
    return g_fonts;
}
void set_fonts(const UiFonts& f) {
    g_fonts = f;
}

void set_active_probe(ItemProbe* p) {
    g_probe = p;
}

void probe(std::string_view key) {
    if (g_probe && g_probe->enabled) g_probe->note_last_item(key);
}

void ItemProbe::note_last_item(std::string_view key) {
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    rects_.insert_or_assign(std::string(key), ProbeRect{a.x, a.y, b.x, b.y});
}

std::string label(std::string_view key) {
    return label(key, key);
}

std::string label(std::string_view key, std::string_view id) {
    std::string out = tr(key);
    out += "###";
    out += id;
    return out;
}

bool button(std::string_view key, std::string_view probe_key) {
    const bool pressed = ImGui::Button(label(key).c_str());
    probe(probe_key.empty() ? key : probe_key);
    return pressed;
}

bool cost_button(std::string_view key, SimSeconds cost, bool enabled, std::string_view probe_key) {
    std::string text = tr(key);
    if (cost > 0) text += " (" + duration_text(cost) + ")";
    text += "###";
    text += probe_key.empty() ? key : probe_key;
    DisabledScope disabled(!enabled);
    const bool pressed = ImGui::Button(text.c_str());
    probe(probe_key.empty() ? key : probe_key);
    if (cost > 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", trf("ui.common.costs_time", {duration_text(cost)}).c_str());
    return pressed && enabled;
}

void text_wrapped(std::string_view text) {
    // Like ImGui::TextWrapped: wrap at the window edge unless a caller set a wrap position.
    const bool set_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (set_wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (set_wrap) ImGui::PopTextWrapPos();
}

void cell_text(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void text_disabled(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void heading(std::string_view text) {
    FontScope bold(fonts().bold);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void mono_text(std::string_view text) {
    FontScope mono(fonts().mono);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void help_marker(std::string_view key) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(scaled(420.0f));
        ImGui::TextUnformatted(tr(key));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace mt::ui
