#pragma once
// Where named items were drawn in the last frame, so tests (headless and under Xvfb) can click
// them the way a trainee would, and whether each text fitted where it was drawn, so a layout test
// can fail on text that is cut off or drawn over other text. Recording is off unless a test turns
// it on.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::ui {

struct ProbeRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float center_x() const { return (x0 + x1) * 0.5f; }
    float center_y() const { return (y0 + y1) * 0.5f; }
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
};

// One item as drawn: its rectangle, the part of the screen its window let it show in (window,
// child, table cell), and the width its text needs when the item may be narrower than its text
// (tab titles, combo previews).
struct LaidOutItem {
    std::string what;  // probe key, or the text itself
    ProbeRect rect;
    ProbeRect visible;
    unsigned window = 0;        // ImGuiID of the window that drew it
    bool scrolls_y = true;      // text below the window's edge can be scrolled to
    float needed_width = 0.0f;  // 0: the item is as wide as its text
};

// A text drawn on the graph canvas (node name, amount, badge): the checks are that no two overlap
// and that none is drawn smaller than the graph's readable floor.
struct CanvasLabel {
    std::string text;
    ProbeRect rect;
    std::string owner;  // the node whose name it is (over its own box is allowed); else empty
    float size = 0.0f;  // the font size it is drawn at, in pixels
};

class ItemProbe {
  public:
    bool enabled = false;

    void begin_frame() {
        if (!enabled) return;
        rects_.clear();
        items_.clear();
        canvas_labels_.clear();
    }
    // Records the rectangle of the last ImGui item under `key` (when enabled).
    void note_last_item(std::string_view key, float needed_width = 0.0f);
    // Records the last ImGui item for the layout check only (texts have no key).
    void note_text_item(std::string_view text, float needed_width = 0.0f);
    // The same, for a text drawn inside the last item at `rect` (a table header's title).
    void note_text_in_item(std::string_view text, const ProbeRect& rect);
    void note_rect(std::string_view key, const ProbeRect& rect) {
        if (enabled) rects_.insert_or_assign(std::string(key), rect);
    }
    void note_canvas_label(std::string_view text, float size, const ProbeRect& rect,
                           std::string_view owner = {}) {
        if (enabled) canvas_labels_.push_back({std::string(text), rect, std::string(owner), size});
    }

    std::optional<ProbeRect> find(std::string_view key) const {
        auto it = rects_.find(key);
        if (it == rects_.end()) return std::nullopt;
        return it->second;
    }
    const std::map<std::string, ProbeRect, std::less<>>& all() const { return rects_; }
    const std::vector<LaidOutItem>& items() const { return items_; }
    const std::vector<CanvasLabel>& canvas_labels() const { return canvas_labels_; }

  private:
    std::map<std::string, ProbeRect, std::less<>> rects_;
    std::vector<LaidOutItem> items_;
    std::vector<CanvasLabel> canvas_labels_;
};

}  // namespace mt::ui
