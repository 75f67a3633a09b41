// Analysis reports drawn on the funds graph: the toolbar toggles, the cluster's box, and the
// legend entries of the taint ramp and the cluster. graph_window.cpp colours nodes and arrows from
// the overlays built here.
#include <algorithm>
#include <cstdio>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/graph_labels.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

constexpr ImU32 kClusterFill = IM_COL32(86, 180, 233, 30);  // Okabe-Ito sky blue, faint
constexpr ImU32 kClusterLine = IM_COL32(86, 180, 233, 200);
constexpr ImU32 kCoinJoinLine = IM_COL32(213, 94, 0, 255);  // Okabe-Ito vermillion

std::string method_text(const std::string& method) {
    const std::string key = "taint_method." + method;
    return has_translation(key) ? std::string(tr(key)) : method;
}

}  // namespace

void InvestigatorUi::sync_overlays(const Casefile& casefile) {
    const GraphViewState& g = state_.graph;
    const AnalysisReport* taint = overlay_report(casefile, AnalysisTool::Taint, g.taint_report);
    const AnalysisReport* cluster =
        overlay_report(casefile, AnalysisTool::Cluster, g.cluster_report);
    // sync_graph clears the key whenever it rebuilds the graph, so node indexes stay right.
    const std::string key = (taint ? taint->id : "-") + "|" + (cluster ? cluster->id : "-") + "|" +
                            (g.show_taint ? "t" : "") + (g.show_cluster ? "c" : "");
    graph_.taint_available = taint != nullptr;
    graph_.cluster_available = cluster != nullptr;
    if (key == graph_.overlay_key) return;
    graph_.overlay_key = key;
    graph_.taint.reset();
    graph_.cluster.reset();
    if (taint && g.show_taint) graph_.taint = build_taint_overlay(graph_.graph, *taint);
    if (cluster && g.show_cluster) graph_.cluster = build_cluster_overlay(graph_.graph, *cluster);
}

void InvestigatorUi::draw_overlay_toggles() {
    // Offered once there is a report to draw; unticking hides it without losing it.
    GraphViewState& g = state_.graph;
    if (graph_.taint_available) {
        const std::string taint = label("ui.graph.overlay_taint");
        same_line_or_wrap(checkbox_width(taint), scaled(16.0f));
        ImGui::Checkbox(taint.c_str(), &g.show_taint);
        probe("graph.overlay_taint");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.graph.overlay_taint_tip"));
    }
    if (graph_.cluster_available) {
        const std::string cluster = label("ui.graph.overlay_cluster");
        same_line_or_wrap(checkbox_width(cluster));
        ImGui::Checkbox(cluster.c_str(), &g.show_cluster);
        probe("graph.overlay_cluster");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.graph.overlay_cluster_tip"));
    }
}

void InvestigatorUi::draw_cluster_overlay(ImDrawList* draw, const std::vector<ImVec4>& member_rects,
                                          float scale) {
    if (!graph_.cluster || member_rects.empty()) return;
    const ClusterOverlay& cluster = *graph_.cluster;
    // A box behind all members, so the group reads as one thing, and a ring around each member,
    // vermillion where the link came through a CoinJoin (where the heuristic does not hold).
    const float pad = 14.0f * scale;
    ImVec4 box(member_rects[0].x, member_rects[0].y, member_rects[0].z, member_rects[0].w);
    for (const ImVec4& r : member_rects) {
        box.x = std::min(box.x, r.x);
        box.y = std::min(box.y, r.y);
        box.z = std::max(box.z, r.z);
        box.w = std::max(box.w, r.w);
    }
    const ImVec2 box_min(box.x - pad, box.y - pad), box_max(box.z + pad, box.w + pad);
    draw->AddRectFilled(box_min, box_max, kClusterFill, 10.0f * scale);
    draw->AddRect(box_min, box_max, kClusterLine, 10.0f * scale, 0, 1.5f);
    const float ring = 4.0f * scale;
    for (std::size_t m = 0; m < member_rects.size() && m < cluster.member_coinjoin.size(); ++m) {
        const ImVec4& r = member_rects[m];
        draw->AddRect(ImVec2(r.x - ring, r.y - ring), ImVec2(r.z + ring, r.w + ring),
                      cluster.member_coinjoin[m] ? kCoinJoinLine : kClusterLine, 8.0f * scale, 0,
                      std::max(2.0f, 3.0f * std::min(scale, 1.0f)));
    }
    std::string text = render(Message("ui.graph.cluster_label")
                                  .arg("subject", short_id(cluster.subject, 14))
                                  .arg("count", cluster.listed)
                                  .arg("on_graph", cluster.members.size())
                                  .arg("common_input", cluster.by_common_input)
                                  .arg("change", cluster.by_change));
    if (cluster.via_coinjoin > 0)
        text +=
            "  " + render(Message("ui.graph.cluster_coinjoin").arg("count", cluster.via_coinjoin));
    const float size = ImGui::GetFontSize() * std::clamp(scale, kMinTextScale, 1.2f);
    const ImVec2 at(box_min.x + 4.0f, box_min.y - size * 1.25f);
    draw->AddText(ImGui::GetFont(), size, at,
                  cluster.via_coinjoin > 0 ? kCoinJoinLine : kClusterLine, text.c_str());
}

int InvestigatorUi::overlay_legend_rows() const {
    return (graph_.taint ? 2 : 0) + (graph_.cluster ? 1 : 0);
}

float InvestigatorUi::overlay_legend_width() const {
    float width = 0.0f;
    if (graph_.taint) {
        width = std::max(
            width, ImGui::CalcTextSize(
                       trf("ui.graph.legend_taint", {method_text(graph_.taint->method)}).c_str())
                       .x);
        width = std::max(width, scaled(116.0f) + ImGui::CalcTextSize("0–100%").x);
    }
    if (graph_.cluster)
        width = std::max(width, ImGui::GetFontSize() * 0.64f + scaled(10.0f) +
                                    ImGui::CalcTextSize(tr("ui.graph.legend_cluster")).x);
    return width;
}

void InvestigatorUi::draw_overlay_legend() {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    if (graph_.taint) {
        ImGui::TextDisabled(
            "%s", trf("ui.graph.legend_taint", {method_text(graph_.taint->method)}).c_str());
        probe("graph.legend_taint");
        // The ramp as a bar from 0% to 100%, in the colours the nodes and arrows use.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float width = scaled(110.0f), height = font * 0.6f;
        constexpr int kSteps = 20;
        for (int i = 0; i < kSteps; ++i) {
            const float x0 = at.x + width * static_cast<float>(i) / kSteps;
            const float x1 = at.x + width * static_cast<float>(i + 1) / kSteps;
            draw->AddRectFilled(ImVec2(x0, at.y + font * 0.2f),
                                ImVec2(x1, at.y + font * 0.2f + height),
                                taint_colour((static_cast<float>(i) + 0.5f) / kSteps));
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x + width + scaled(6.0f), at.y));
        ImGui::TextUnformatted("0–100%");
    }
    if (graph_.cluster) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float radius = font * 0.32f;
        draw->AddRect(ImVec2(at.x + 1.0f, at.y + font * 0.5f - radius),
                      ImVec2(at.x + radius * 2.0f + 3.0f, at.y + font * 0.5f + radius),
                      kClusterLine, 2.0f, 0, 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(10.0f), at.y));
        ImGui::TextUnformatted(tr("ui.graph.legend_cluster"));
        probe("graph.legend_cluster");
    }
}

void InvestigatorUi::draw_analysis_menu_items(UiHost& host, const std::string& target,
                                              bool is_address, bool can_act) {
    ImGui::Separator();
    for (AnalysisTool tool : all_values<AnalysisTool>()) {
        // Flow patterns are looked for around an address, never a transaction.
        if (tool == AnalysisTool::FlowPatterns && !is_address) continue;
        const Action a = analysis_action(tool, target, state_.taint_method);
        std::string text = tr(key_of(tool));
        if (tool == AnalysisTool::Taint) text += " (" + std::string(tr(key_of(a.method))) + ")";
        text +=
            " (" + duration_text(host.cost_of(a)) + ")###analysis_" + std::string(name_of(tool));
        if (ImGui::MenuItem(text.c_str(), nullptr, false, can_act)) emit(host, a);
        probe("graph.menu.analysis." + std::string(name_of(tool)));
    }
    ImGui::Separator();
}

void InvestigatorUi::draw_taint_comparison_window(UiHost& host, const Casefile& casefile) {
    TaintCompareState& compare = state_.taint_compare;
    if (!compare.open) return;
    const std::vector<std::string> sources = taint_sources(casefile);
    if (compare.source.empty() && !sources.empty()) compare.source = sources.back();
    ImGui::SetNextWindowSize(ImVec2(scaled(720.0f), scaled(420.0f)), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(scaled(200.0f), scaled(140.0f)), ImGuiCond_FirstUseEver);
    const std::string title = label("ui.compare.title", "taint_compare");
    if (!ImGui::Begin(title.c_str(), &compare.open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    probe("compare.window");
    text_wrapped(tr("ui.compare.explain"));
    ImGui::SetNextItemWidth(scaled(320.0f));
    if (ImGui::BeginCombo(label("ui.compare.source").c_str(),
                          short_id(compare.source, 34).c_str())) {
        for (const std::string& source : sources)
            if (ImGui::Selectable(source.c_str(), source == compare.source))
                compare.source = source;
        ImGui::EndCombo();
    }
    probe("compare.source");
    if (sources.empty()) {
        text_disabled(tr("ui.compare.none"));
        ImGui::End();
        return;
    }

    const TaintComparison table = compare_taint_methods(casefile, compare.source);
    // The methods not run on this source yet, each a button that runs it (and costs time).
    bool first = true;
    for (TaintMethod method : all_values<TaintMethod>()) {
        if (std::find(table.methods.begin(), table.methods.end(), method) != table.methods.end())
            continue;
        if (!first) ImGui::SameLine();
        first = false;
        const Action a = analysis_action(AnalysisTool::Taint, compare.source, method);
        std::string text = trf("ui.compare.run", {tr(key_of(method))});
        const SimSeconds cost = host.cost_of(a);
        if (cost > 0) text += " (" + duration_text(cost) + ")";
        text += "###run_" + std::string(name_of(method));
        {
            DisabledScope disabled(casefile.submitted);
            if (ImGui::Button(text.c_str()) && !casefile.submitted) emit(host, a);
        }
        probe("compare.run:" + std::string(name_of(method)));
    }

    const int columns = static_cast<int>(table.methods.size()) + 2;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
    if (!table.methods.empty() && ImGui::BeginTable("compare", columns, flags)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr("ui.compare.address"));
        for (std::size_t m = 0; m < table.methods.size(); ++m)
            ImGui::TableSetupColumn(tr(key_of(table.methods[m])));
        ImGui::TableSetupColumn(tr("ui.compare.disagree"), ImGuiTableColumnFlags_WidthStretch);
        table_headers();
        const float swatch = ImGui::GetFontSize() * 0.7f;
        for (const TaintComparison::Row& row : table.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row.address.c_str());
            if (ImGui::Selectable(short_id(row.address, 22).c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns) &&
                casefile.addresses.count(row.address)) {
                select({Selection::Kind::Address, row.address});
                state_.graph.center_on = row.address;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.address.c_str());
            ImGui::PopID();
            for (std::size_t m = 0; m < table.methods.size(); ++m) {
                ImGui::TableNextColumn();
                const std::optional<double>& share = row.shares[m];
                std::string text = "—";
                if (share) {
                    char buffer[16];
                    std::snprintf(buffer, sizeof buffer, "%.1f%%", *share * 100.0);
                    text = buffer;
                    const ImVec2 at = ImGui::GetCursorScreenPos();
                    ImGui::GetWindowDrawList()->AddRectFilled(
                        ImVec2(at.x, at.y + ImGui::GetFontSize() * 0.15f),
                        ImVec2(at.x + swatch, at.y + ImGui::GetFontSize() * 0.15f + swatch),
                        taint_colour(static_cast<float>(*share)));
                    ImGui::Dummy(ImVec2(swatch, swatch));
                    ImGui::SameLine();
                }
                ImGui::TextUnformatted(text.c_str());
                // The probe names what the cell shows, so tests can read the table.
                probe("compare.cell:" + std::string(name_of(table.methods[m])) + ":" + row.address +
                      "=" + text);
            }
            ImGui::TableNextColumn();
            if (row.methods_disagree) ImGui::TextColored(palette::kPending, "%s", "≠");
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace mt::ui
