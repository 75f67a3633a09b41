#pragma once
// Colours and shapes of entity kinds in the graph and its legend. Colours are the Okabe-Ito
// palette, distinguishable with the common colour-vision deficiencies; kinds that share a colour
// differ in shape, so no two kinds look alike.
#include <imgui.h>

#include "model/vocabulary.hpp"

namespace mt::ui {

enum class NodeShape { Circle, Square, Diamond };

struct KindStyle {
    ImU32 colour = 0;
    NodeShape shape = NodeShape::Circle;
};

KindStyle kind_style(EntityKind kind);

// Draws the kind's marker centred at `centre` with the given radius.
void draw_kind_marker(ImDrawList* draw, ImVec2 centre, float radius, EntityKind kind);

namespace palette {
inline constexpr ImU32 kCanvas = IM_COL32(24, 26, 30, 255);
inline constexpr ImU32 kGrid = IM_COL32(255, 255, 255, 14);
inline constexpr ImU32 kNodeFill = IM_COL32(44, 48, 56, 255);
inline constexpr ImU32 kNodeHover = IM_COL32(58, 64, 76, 255);
inline constexpr ImU32 kSelected = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kEdge = IM_COL32(150, 156, 168, 170);
inline constexpr ImU32 kEdgeHighlight = IM_COL32(240, 228, 66, 255);  // Okabe-Ito yellow
inline constexpr ImU32 kLabelBack = IM_COL32(24, 26, 30, 215);
inline constexpr ImU32 kText = IM_COL32(235, 237, 240, 255);
inline constexpr ImU32 kTextDim = IM_COL32(160, 166, 176, 255);
inline constexpr ImU32 kStub = IM_COL32(86, 180, 233, 255);       // Okabe-Ito sky blue
inline constexpr ImU32 kFrozen = IM_COL32(0, 114, 178, 255);      // Okabe-Ito blue
inline const ImVec4 kGood = ImVec4(0.0f, 0.62f, 0.45f, 1.0f);     // bluish green
inline const ImVec4 kBad = ImVec4(0.84f, 0.37f, 0.0f, 1.0f);      // vermillion
inline const ImVec4 kPending = ImVec4(0.90f, 0.62f, 0.0f, 1.0f);  // orange
}  // namespace palette

}  // namespace mt::ui
