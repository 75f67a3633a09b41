#pragma once
// Where named items were drawn in the last frame, so tests (headless and under Xvfb) can click
// them the way a trainee would. Recording is off unless a test turns it on.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mt::ui {

struct ProbeRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float center_x() const { return (x0 + x1) * 0.5f; }
    float center_y() const { return (y0 + y1) * 0.5f; }
};

class ItemProbe {
  public:
    bool enabled = false;

    void begin_frame() {
        if (enabled) rects_.clear();
    }
    // Records the rectangle of the last ImGui item under `key` (when enabled).
    void note_last_item(std::string_view key);
    std::optional<ProbeRect> find(std::string_view key) const {
        auto it = rects_.find(key);
        if (it == rects_.end()) return std::nullopt;
        return it->second;
    }
    const std::map<std::string, ProbeRect, std::less<>>& all() const { return rects_; }

  private:
    std::map<std::string, ProbeRect, std::less<>> rects_;
};

}  // namespace mt::ui
