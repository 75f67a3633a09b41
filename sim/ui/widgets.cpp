#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

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

void probe(std::string_view key, float needed_width) {
    if (g_probe && g_probe->enabled) g_probe->note_last_item(key, needed_width);
}

void probe_rect(std::string_view key, ImVec2 min, ImVec2 max) {
    if (g_probe && g_probe->enabled) g_probe->note_rect(key, {min.x, min.y, max.x, max.y});
}

void note_text(std::string_view text, float needed_width) {
    if (g_probe && g_probe->enabled) g_probe->note_text_item(text, needed_width);
}

void note_text_at(std::string_view text, ImVec2 min, ImVec2 max) {
    if (g_probe && g_probe->enabled) g_probe->note_text_in_item(text, {min.x, min.y, max.x, max.y});
}

void note_canvas_label(std::string_view text, float size, ImVec2 min, ImVec2 max,
                       std::string_view owner) {
    if (g_probe && g_probe->enabled)
        g_probe->note_canvas_label(text, size, {min.x, min.y, max.x, max.y}, owner);
}

namespace {

// The room ImGui::TableHeader keeps for the sort arrow in every sortable column, sorted or not.
float header_arrow_width(bool sortable) {
    return sortable ? std::floor(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x)
                    : 0.0f;
}

LaidOutItem last_item(std::string_view what, float needed_width) {
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c0 = draw->GetClipRectMin();
    const ImVec2 c1 = draw->GetClipRectMax();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    LaidOutItem item;
    item.what = what;
    item.rect = {a.x, a.y, b.x, b.y};
    item.visible = {c0.x, c0.y, c1.x, c1.y};
    item.window = window->ID;
    item.scrolls_y = (window->Flags & ImGuiWindowFlags_NoScrollbar) == 0;
    item.needed_width = needed_width;
    return item;
}

}  // namespace

void ItemProbe::note_last_item(std::string_view key, float needed_width) {
    LaidOutItem item = last_item(key, needed_width);
    rects_.insert_or_assign(std::string(key), item.rect);
    items_.push_back(std::move(item));
}

void ItemProbe::note_text_item(std::string_view text, float needed_width) {
    items_.push_back(last_item(text, needed_width));
}

void ItemProbe::note_text_in_item(std::string_view text, const ProbeRect& rect) {
    LaidOutItem item = last_item(text, 0.0f);
    item.rect = rect;
    items_.push_back(std::move(item));
}

float button_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size(), true).x +
           ImGui::GetStyle().FramePadding.x * 2.0f;
}

void same_line_or_wrap(float next_width, float spacing) {
    if (spacing < 0.0f) spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + next_width <= right) ImGui::SameLine(0.0f, spacing);
}

bool radio_option(std::string_view text, bool active, std::string_view probe_key) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float box = ImGui::GetFrameHeight();
    const float width = std::max(box * 2.0f, ImGui::GetContentRegionAvail().x);
    const float text_x = box + style.ItemInnerSpacing.x;
    const float wrap = width - text_x;
    const ImVec2 text_size =
        ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = std::max(box, text_size.y + style.FramePadding.y * 2.0f);
    const bool pressed =
        ImGui::InvisibleButton(std::string(probe_key).c_str(), ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(at.x + box * 0.5f, at.y + box * 0.5f);
    const float radius = box * 0.5f - 1.0f;
    const ImGuiCol frame = held      ? ImGuiCol_FrameBgActive
                           : hovered ? ImGuiCol_FrameBgHovered
                                     : ImGuiCol_FrameBg;
    draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(frame), 16);
    if (active) {
        const float pad = std::max(1.0f, std::floor(box / 6.0f));
        draw->AddCircleFilled(centre, radius - pad, ImGui::GetColorU32(ImGuiCol_CheckMark), 16);
    }
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(at.x + text_x, at.y + style.FramePadding.y),
                  ImGui::GetColorU32(ImGuiCol_Text), text.data(), text.data() + text.size(), wrap);
    probe(probe_key, text_x + text_size.x);
    return pressed;
}

void wrapping_tabs(const std::vector<PanelTab>& tabs, std::string& active) {
    const ImGuiStyle& style = ImGui::GetStyle();
    bool first = true;
    for (const PanelTab& tab : tabs) {
        const std::string title = label(tab.key, tab.name);
        const float width = button_width(title);
        if (!first) same_line_or_wrap(width, style.ItemInnerSpacing.x);
        first = false;
        const bool selected = active == tab.name;
        ImGui::PushStyleColor(ImGuiCol_Button,
                              ImGui::GetColorU32(selected ? ImGuiCol_TabActive : ImGuiCol_Tab));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetColorU32(ImGuiCol_TabHovered));
        if (ImGui::Button(title.c_str())) active = tab.name;
        ImGui::PopStyleColor(2);
        probe(std::string("tab.") + tab.name, width);
    }
    ImGui::Separator();
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

std::string wrapped_label(std::string_view text) {
    // The visible part, before "###id".
    const std::size_t id_at = text.find("###");
    const std::string_view visible = text.substr(0, id_at);
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2.0f;
    if (room <= 0.0f ||
        ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x <= room)
        return std::string(text);
    const ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::string out;
    const char* at = visible.data();
    const char* end = visible.data() + visible.size();
    while (at < end) {
        const char* cut = font->CalcWordWrapPositionA(scale, at, end, room);
        // ImGui cuts a word longer than the room; keep words whole (the layout check then sees a
        // button too wide for its place rather than a label broken mid-word).
        const char* word_end = at;
        while (word_end < end && *word_end != ' ') ++word_end;
        if (cut < word_end) cut = word_end;
        if (!out.empty()) out += '\n';
        out.append(at, cut);
        at = cut;
        while (at < end && *at == ' ') ++at;
    }
    if (id_at != std::string_view::npos) out += text.substr(id_at);
    return out;
}

bool button(std::string_view key, std::string_view probe_key) {
    const bool pressed =
        ImGui::Button(wrapped_label(label(key, probe_key.empty() ? key : probe_key)).c_str());
    probe(probe_key.empty() ? key : probe_key);
    return pressed;
}

bool cost_button(std::string_view key, SimSeconds cost, bool enabled, std::string_view probe_key) {
    const std::string text = wrapped_label(cost_label(key, cost, probe_key));
    DisabledScope disabled(!enabled);
    const bool pressed = ImGui::Button(text.c_str());
    probe(probe_key.empty() ? key : probe_key);
    if (cost > 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", trf("ui.common.costs_time", {duration_text(cost)}).c_str());
    return pressed && enabled;
}

float table_header_width(std::string_view title, bool sortable) {
    return ImGui::GetStyle().CellPadding.x * 2.0f +
           ImGui::CalcTextSize(title.data(), title.data() + title.size(), true).x +
           header_arrow_width(sortable);
}

void table_headers(const std::vector<const char*>& tooltip_keys) {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    const int columns = ImGui::TableGetColumnCount();
    for (int column = 0; column < columns; ++column) {
        if (!ImGui::TableSetColumnIndex(column)) continue;
        const char* title = ImGui::TableGetColumnName(column);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(column);
        ImGui::TableHeader(title);
        ImGui::PopID();
        const bool sortable =
            (table->Flags & ImGuiTableFlags_Sortable) != 0 &&
            (ImGui::TableGetColumnFlags(column) & ImGuiTableColumnFlags_NoSort) == 0;
        // The title with the arrow's room after it, as drawn: the check sees it cut off where
        // the column's clip (never wider than its cell) ends before it.
        if (*title != '\0') {
            const ImVec2 size = ImGui::CalcTextSize(title, nullptr, true);
            note_text_at(title, at,
                         ImVec2(at.x + size.x + header_arrow_width(sortable), at.y + size.y));
        }
        const std::size_t index = static_cast<std::size_t>(column);
        if (index < tooltip_keys.size() && tooltip_keys[index] && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(scaled(420.0f));
            ImGui::TextUnformatted(tr(tooltip_keys[index]));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

void text_wrapped(std::string_view text) {
    // Like ImGui::TextWrapped: wrap at the window edge unless a caller set a wrap position.
    const bool set_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (set_wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (set_wrap) ImGui::PopTextWrapPos();
    note_text(text);
}

void cell_text(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    note_text(text);
}

void text_disabled(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void heading(std::string_view text) {
    FontScope bold(fonts().bold);
    text_wrapped(text);
}

std::string fitted_id(std::string_view id, float width) {
    if (ImGui::CalcTextSize(id.data(), id.data() + id.size()).x <= width) return std::string(id);
    // The longest middle-shortened form that fits ("bc1qxy2k…x0wlh").
    std::size_t low = 8, high = id.size();
    while (low < high) {
        const std::size_t keep = (low + high + 1) / 2;
        if (ImGui::CalcTextSize(short_id(id, keep).c_str()).x <= width)
            low = keep;
        else
            high = keep - 1;
    }
    return short_id(id, low);
}

void mono_text(std::string_view text) {
    FontScope mono(fonts().mono);
    const std::string shown = fitted_id(text, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    note_text(shown);
    if (shown.size() != text.size() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
}

std::string fitted_text(std::string_view text, float width) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width)
        return std::string(text);
    const std::string ellipsis = "…";
    std::size_t keep = text.size();
    std::string out;
    while (keep > 0) {
        --keep;
        // Never cut inside a UTF-8 sequence.
        while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
        out = std::string(text.substr(0, keep)) + ellipsis;
        if (ImGui::CalcTextSize(out.c_str()).x <= width) return out;
    }
    return ellipsis;
}

float checkbox_width(std::string_view text) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::CalcTextSize(text.data(), text.data() + text.size(), true).x;
}

std::string cost_label(std::string_view key, SimSeconds cost, std::string_view id) {
    std::string text = tr(key);
    if (cost > 0) text += " (" + duration_text(cost) + ")";
    text += "###";
    text += id.empty() ? key : id;
    return text;
}

void help_marker(std::string_view key) {
    same_line_or_wrap(ImGui::CalcTextSize("(?)").x);
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
