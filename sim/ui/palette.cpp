#include "ui/palette.hpp"

namespace mt::ui {
namespace {

// Okabe-Ito, "Color Universal Design" (2008).
constexpr ImU32 kOrange = IM_COL32(230, 159, 0, 255);
constexpr ImU32 kSkyBlue = IM_COL32(86, 180, 233, 255);
constexpr ImU32 kBluishGreen = IM_COL32(0, 158, 115, 255);
constexpr ImU32 kYellow = IM_COL32(240, 228, 66, 255);
constexpr ImU32 kBlue = IM_COL32(0, 114, 178, 255);
constexpr ImU32 kVermillion = IM_COL32(213, 94, 0, 255);
constexpr ImU32 kReddishPurple = IM_COL32(204, 121, 167, 255);
constexpr ImU32 kGrey = IM_COL32(153, 153, 153, 255);

}  // namespace

KindStyle kind_style(EntityKind kind) {
    switch (kind) {
        case EntityKind::Victim:
            return {kBluishGreen, NodeShape::Circle};
        case EntityKind::Merchant:
            return {kBluishGreen, NodeShape::Square};
        case EntityKind::Suspect:
            return {kVermillion, NodeShape::Circle};
        case EntityKind::DarknetMarket:
            return {kVermillion, NodeShape::Diamond};
        case EntityKind::MoneyMule:
            return {kReddishPurple, NodeShape::Circle};
        case EntityKind::Exchange:
            return {kBlue, NodeShape::Square};
        case EntityKind::Mixer:
            return {kOrange, NodeShape::Diamond};
        case EntityKind::Bridge:
            return {kYellow, NodeShape::Diamond};
        case EntityKind::DefiProtocol:
            return {kYellow, NodeShape::Square};
        case EntityKind::OtcDesk:
            return {kSkyBlue, NodeShape::Square};
        case EntityKind::StablecoinIssuer:
            return {kSkyBlue, NodeShape::Diamond};
        case EntityKind::Agency:
            return {kBlue, NodeShape::Circle};
        case EntityKind::HostingProvider:
            return {kSkyBlue, NodeShape::Circle};
        case EntityKind::Unknown:
            return {kGrey, NodeShape::Circle};
    }
    return {kGrey, NodeShape::Circle};
}

void draw_kind_marker(ImDrawList* draw, ImVec2 c, float r, EntityKind kind) {
    const KindStyle style = kind_style(kind);
    switch (style.shape) {
        case NodeShape::Circle:
            draw->AddCircleFilled(c, r, style.colour, 16);
            break;
        case NodeShape::Square:
            draw->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                                ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), style.colour);
            break;
        case NodeShape::Diamond:
            draw->AddQuadFilled(ImVec2(c.x, c.y - r * 1.1f), ImVec2(c.x + r * 1.1f, c.y),
                                ImVec2(c.x, c.y + r * 1.1f), ImVec2(c.x - r * 1.1f, c.y),
                                style.colour);
            break;
    }
}

}  // namespace mt::ui
