// The graph's legend: its place (legend_layout) and its drawing (InvestigatorUi's member).
#include "ui/graph_legend.hpp"

#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

LegendLayout legend_layout(const FundsGraph& graph, int overlay_rows, float overlay_width,
                           bool open, ImVec2 canvas_min, ImVec2 canvas_max) {
    LegendLayout l;
    // The kinds on screen, plus "unknown", each with its colour and shape.
    l.kinds.push_back(EntityKind::Unknown);
    for (const GraphNode& node : graph.nodes) {
        if (node.kind == GraphNode::Kind::Junction) l.junctions = true;
        l.frozen = l.frozen || node.frozen;
        if (std::find(l.kinds.begin(), l.kinds.end(), node.entity) == l.kinds.end())
            l.kinds.push_back(node.entity);
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float rows =
        static_cast<float>(l.kinds.size() + (l.junctions ? 1 : 0) + (l.frozen ? 1 : 0) + 2) +
        static_cast<float>(overlay_rows);
    const float radius = ImGui::GetFontSize() * 0.32f;
    const float marker = radius * 2.0f + scaled(10.0f);  // a row's marker and the gap after it
    // As wide as its widest row (Spanish labels run longer), and never narrower than before.
    float content = std::max(ImGui::CalcTextSize(tr("ui.graph.legend")).x, overlay_width);
    std::vector<const char*> labels{tr("ui.graph.legend_unexplored")};
    for (EntityKind kind : l.kinds) labels.push_back(tr(key_of(kind)));
    if (l.junctions) labels.push_back(tr("ui.graph.legend_junction"));
    if (l.frozen) labels.push_back(tr("ui.graph.legend_frozen"));
    for (const char* label : labels)
        content = std::max(content, marker + ImGui::CalcTextSize(label).x);
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    l.size = ImVec2(std::max(scaled(190.0f), content + padding.x * 2.0f + scaled(4.0f)),
                    line * rows + padding.y * 2.0f);
    // On a small canvas (projector scales) the legend would cover the graph: it docks as a button
    // in the corner and opens on demand.
    const ImVec2 canvas(canvas_max.x - canvas_min.x, canvas_max.y - canvas_min.y);
    l.docked = l.size.x * l.size.y > 0.2f * canvas.x * canvas.y;
    l.open = !l.docked || open;
    l.toggle = ImVec4(canvas_min.x, canvas_max.y, canvas_min.x, canvas_max.y);
    if (l.docked) {
        l.title = std::string(tr("ui.graph.legend")) + (open ? " ▾" : " ▸");
        const float height = ImGui::GetFrameHeight();
        const ImVec2 at(canvas_min.x + scaled(8.0f), canvas_max.y - height - scaled(8.0f));
        l.toggle = ImVec4(at.x, at.y, at.x + button_width(l.title), at.y + height);
    }
    l.origin = ImVec2(canvas_min.x + scaled(8.0f),
                      canvas_max.y - l.size.y - scaled(8.0f) -
                          (l.docked ? ImGui::GetFrameHeight() + scaled(4.0f) : 0.0f));
    l.area = l.open ? ImVec4(l.origin.x, l.origin.y, std::max(l.origin.x + l.size.x, l.toggle.z),
                             std::max(l.origin.y + l.size.y, l.toggle.w))
                    : l.toggle;
    return l;
}

void InvestigatorUi::draw_graph_legend(ImVec2 canvas_min, ImVec2 canvas_max) {
    const LegendLayout legend =
        legend_layout(graph_.graph, overlay_legend_rows(), overlay_legend_width(),
                      state_.graph.legend_open, canvas_min, canvas_max);
    const std::vector<EntityKind>& kinds = legend.kinds;
    const float radius = ImGui::GetFontSize() * 0.32f;
    if (legend.docked) {
        const ImVec4& toggle = legend.toggle;
        ImGui::SetCursorScreenPos(ImVec2(toggle.x, toggle.y));
        // In a child window of its own so the canvas under it does not take the click.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("legend_toggle", ImVec2(toggle.z - toggle.x, toggle.w - toggle.y), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        if (ImGui::Button((legend.title + "###legend_toggle").c_str()))
            state_.graph.legend_open = !state_.graph.legend_open;
        probe("graph.legend_toggle");
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    probe_rect("graph.legend_area", ImVec2(legend.area.x, legend.area.y),
               ImVec2(legend.area.z, legend.area.w));
    if (!legend.open) return;
    const ImVec2 size = legend.size;
    ImGui::SetCursorScreenPos(legend.origin);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.08f, 0.09f, 0.10f, 0.88f));
    ImGui::BeginChild("legend", size, true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    probe("graph.legend");
    ImGui::TextDisabled("%s", tr("ui.graph.legend"));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (EntityKind kind : kinds) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_kind_marker(draw, ImVec2(at.x + radius + 2.0f, at.y + ImGui::GetFontSize() * 0.5f),
                         radius, kind);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(10.0f), at.y));
        ImGui::TextUnformatted(tr(key_of(kind)));
    }
    if (legend.junctions) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddCircle(ImVec2(at.x + radius + 2.0f, at.y + ImGui::GetFontSize() * 0.5f), radius,
                        palette::kEdge, 12);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(10.0f), at.y));
        ImGui::TextUnformatted(tr("ui.graph.legend_junction"));
    }
    if (legend.frozen) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 c(at.x + radius + 2.0f, at.y + ImGui::GetFontSize() * 0.5f);
        draw->AddRectFilled(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius),
                            palette::kFrozen, 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(10.0f), at.y));
        ImGui::TextUnformatted(tr("ui.graph.legend_frozen"));
    }
    {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddCircleFilled(ImVec2(at.x + radius + 2.0f, at.y + ImGui::GetFontSize() * 0.5f),
                              radius, palette::kStub, 12);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(10.0f), at.y));
        ImGui::TextUnformatted(tr("ui.graph.legend_unexplored"));
    }
    draw_overlay_legend();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace mt::ui
