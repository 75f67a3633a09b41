#pragma once
// Small helpers every view uses: sizes scaled to the interface, translated labels with stable
// IDs (so switching language keeps focus and state), buttons that show an action's simulated cost,
// and the item probe that tests click through.
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
// After imgui.h, which it needs: InputText on std::string.
#include <imgui_stdlib.h>

#include "model/time.hpp"
#include "ui/item_probe.hpp"

namespace mt::ui {

// The fonts the platform built; null members mean ImGui's default font.
struct UiFonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* mono = nullptr;   // addresses and transaction ids
    ImFont* title = nullptr;  // case titles, the grade
};

const UiFonts& fonts();
void set_fonts(const UiFonts& fonts);

// The probe of the frame being drawn (set by InvestigatorUi::draw).
void set_active_probe(ItemProbe* probe);
// `needed_width`: the width the item's text needs when the item may be drawn narrower.
void probe(std::string_view key, float needed_width = 0.0f);
// A rectangle drawn without an ImGui item (a badge on the graph), for tests to find.
void probe_rect(std::string_view key, ImVec2 min, ImVec2 max);
// The last item, a text without a probe key, for the layout check.
void note_text(std::string_view text, float needed_width = 0.0f);
// A text drawn at [min, max] inside the last item (a selectable's label, a header's title), for
// the layout check: the item itself may reach past its text into a neighbour's padding.
void note_text_at(std::string_view text, ImVec2 min, ImVec2 max);
// A text drawn on the graph canvas at font `size`, for the checks that canvas labels never overlap
// (nor cover a node's box other than `owner`'s, the node it names) and stay readable.
void note_canvas_label(std::string_view text, float size, ImVec2 min, ImVec2 max,
                       std::string_view owner = {});

// Pixel sizes designed at a 16 px font, scaled with the current font size (DPI and presenter
// scale).
inline float scaled(float size) {
    return size * ImGui::GetFontSize() / 16.0f;
}

// "Translated text###key": the label follows the language, the ID does not.
std::string label(std::string_view key);
std::string label(std::string_view key, std::string_view id);

// `text` ("Label###id") with line breaks so the button fits the room left on the line; buttons
// wrap their label instead of running off a narrow panel.
std::string wrapped_label(std::string_view text);

// A button labelled tr(key), probed under `probe_key` (defaults to key).
bool button(std::string_view key, std::string_view probe_key = {});
// A button naming what the action costs in simulated time: "Look up (15m)".
bool cost_button(std::string_view key, SimSeconds cost, bool enabled = true,
                 std::string_view probe_key = {});

// The width of a button labelled `text` ("###id" suffix ignored), of a checkbox labelled `text`.
float button_width(std::string_view text);
float checkbox_width(std::string_view text);
// The label cost_button() shows: "Look up (15m)###id" (id defaults to key).
std::string cost_label(std::string_view key, SimSeconds cost, std::string_view id = {});
// `text` cut to `width` pixels in the current font with "…" (the caller shows the whole text on
// hover); `id` shortened in the middle to fit ("bc1qxy2k…x0wlh").
std::string fitted_text(std::string_view text, float width);
std::string fitted_id(std::string_view id, float width);
// SameLine when an item `next_width` wide still fits on the current line, else a new line: rows
// of buttons wrap instead of running off the panel at projector text sizes.
void same_line_or_wrap(float next_width, float spacing = -1.0f);

// A radio button whose label wraps at the panel's edge; ImGui's own RadioButton label does not
// wrap, so long options were cut off. The whole option is clickable; probed under `probe_key`.
bool radio_option(std::string_view text, bool active, std::string_view probe_key);

// The titles of a panel's tabs as buttons that wrap onto more rows when the panel is narrow, so
// no title is shortened ("Informe i…" in ImGui's tab bar). `active` is the shown tab's name.
struct PanelTab {
    const char* key;   // catalogue key of the title
    const char* name;  // stable name, probed as "tab.<name>"
};
void wrapping_tabs(const std::vector<PanelTab>& tabs, std::string& active);

// The header row of the current table, in place of ImGui::TableHeadersRow, which shortens a title
// that does not fit ("Instit…") where no test sees it: each title is recorded for the layout
// check with the width it needs, and explains itself on hover when `tooltip_keys` gives a
// catalogue key for its column (nullptr or missing: no tooltip).
void table_headers(const std::vector<const char*>& tooltip_keys = {});

// The rows of a `count`-row table that are on screen (long tables stay fast): for each, a new row
// with its first column current, then draw_row(index). Rows of one line only: ImGui's clipper
// takes the first row's height for all, so taller rows would be cut from the scroll range.
template <typename DrawRow>
void visible_rows(std::size_t count, DrawRow&& draw_row) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            draw_row(row);
        }
    }
}
// The cell width a header titled `title` needs: its text, the cell's padding on both sides and,
// in a sortable column, the sort arrow ImGui keeps room for.
float table_header_width(std::string_view title, bool sortable);

void text_wrapped(std::string_view text);
// Wrapped at the edge of the current table cell, whatever wrap position an outer scope set.
void cell_text(std::string_view text);
void text_disabled(std::string_view text);
void heading(std::string_view text);
// An identifier in the monospace font, shortened in the middle when the line has no room for it
// (the whole identifier on hover).
void mono_text(std::string_view text);
// A "(?)" marker with a translated tooltip.
void help_marker(std::string_view key);

struct DisabledScope {
    explicit DisabledScope(bool disabled) : active_(disabled) {
        if (active_) ImGui::BeginDisabled();
    }
    ~DisabledScope() {
        if (active_) ImGui::EndDisabled();
    }
    DisabledScope(const DisabledScope&) = delete;
    DisabledScope& operator=(const DisabledScope&) = delete;

  private:
    bool active_;
};

struct FontScope {
    explicit FontScope(ImFont* font) { ImGui::PushFont(font); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

}  // namespace mt::ui
