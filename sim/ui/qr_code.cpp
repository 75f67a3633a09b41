#include "ui/qr_code.hpp"

#include <imgui.h>

namespace mt::ui {

void draw_qr_code(const QrCode& code, float module) {
    if (code.size <= 0 || code.dark.size() != static_cast<std::size_t>(code.size * code.size))
        return;
    // Readers need four light modules of margin around the symbol.
    constexpr int kQuiet = 4;
    const float side = static_cast<float>(code.size + 2 * kQuiet) * module;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x) {
            if (!code.dark[static_cast<std::size_t>(y * code.size + x)]) continue;
            const ImVec2 a(origin.x + static_cast<float>(x + kQuiet) * module,
                           origin.y + static_cast<float>(y + kQuiet) * module);
            draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
        }
    ImGui::Dummy(ImVec2(side, side));
}

}  // namespace mt::ui
