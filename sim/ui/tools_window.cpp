// Investigative tools on the selection: attribution lookup and the analyses (taint by method,
// common-input clustering, peel-chain, CoinJoin and flow-pattern detection), each showing what it
// costs in simulated time, followed by the reports already produced. Taint and cluster reports can
// be drawn on the graph, and taint methods compared side by side.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/graph_overlay.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_tools_tab(UiHost& host, const Casefile& casefile) {
    ImGui::BeginChild("tools_scroll");
    const Selection& sel = state_.selection;
    const bool open = !casefile.submitted;
    heading(tr("ui.tools.target"));
    if (sel.kind == Selection::Kind::None) {
        text_disabled(tr("ui.tools.no_target"));
    } else {
        ImGui::TextDisabled(
            "%s", tr(sel.is_address() ? "ui.inspector.address" : "ui.inspector.transaction"));
        ImGui::SameLine();
        mono_text(short_id(sel.id, 34));
    }
    const bool has_target = sel.kind != Selection::Kind::None;

    ImGui::Spacing();
    heading(tr("ui.tools.attribution"));
    help_marker("ui.tools.lookup_help");
    {
        const Action lookup = lookup_action(sel.id);
        if (cost_button("ui.tools.lookup", sel.is_address() ? host.cost_of(lookup) : 0,
                        open && sel.is_address(), "tools.lookup"))
            emit(host, lookup);
    }

    ImGui::Spacing();
    heading(tr("ui.tools.analysis"));
    // The method's name above its list, so both keep the panel's width in any language.
    ImGui::AlignTextToFramePadding();
    text_wrapped(tr("ui.tools.taint_method"));
    ImGui::SetNextItemWidth(std::min(scaled(240.0f), ImGui::GetContentRegionAvail().x -
                                                         ImGui::CalcTextSize("(?)").x -
                                                         ImGui::GetStyle().ItemSpacing.x));
    if (ImGui::BeginCombo("###taint_method", tr(key_of(state_.taint_method)))) {
        for (TaintMethod method : all_values<TaintMethod>()) {
            if (ImGui::Selectable(label(key_of(method)).c_str(), method == state_.taint_method))
                state_.taint_method = method;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(key_of(method) + ".help"));
        }
        ImGui::EndCombo();
    }
    probe("tools.taint_method");
    help_marker("ui.tools.taint_help");

    struct ToolButton {
        AnalysisTool tool;
        const char* key;
        const char* help;
    };
    constexpr ToolButton kTools[] = {
        {AnalysisTool::Taint, "ui.tools.run_taint", "ui.tools.taint_help"},
        {AnalysisTool::Cluster, "ui.tools.run_cluster", "ui.tools.cluster_help"},
        {AnalysisTool::PeelChain, "ui.tools.run_peel_chain", "ui.tools.peel_chain_help"},
        {AnalysisTool::CoinJoin, "ui.tools.run_coinjoin", "ui.tools.coinjoin_help"},
        {AnalysisTool::FlowPatterns, "ui.tools.run_flow_patterns", "ui.tools.flow_patterns_help"},
    };
    for (const ToolButton& tool : kTools) {
        // Flow patterns are looked for around an address, never a transaction.
        const bool applies =
            has_target && (tool.tool != AnalysisTool::FlowPatterns || sel.is_address());
        const Action a = analysis_action(tool.tool, sel.id, state_.taint_method);
        if (cost_button(tool.key, applies ? host.cost_of(a) : 0, open && applies,
                        std::string("tools.") + std::string(name_of(tool.tool))))
            emit(host, a);
        help_marker(tool.help);
    }
    {
        const bool any_taint = !taint_sources(casefile).empty();
        DisabledScope disabled(!any_taint);
        if (button("ui.tools.compare_taint", "tools.compare_taint")) {
            state_.taint_compare.open = true;
            state_.taint_compare.source.clear();
        }
    }
    help_marker("ui.tools.compare_taint_help");

    ImGui::Spacing();
    ImGui::Separator();
    heading(trf("ui.tools.reports", {std::to_string(casefile.analyses.size())}));
    if (casefile.analyses.empty()) text_disabled(tr("ui.tools.no_reports"));
    for (auto it = casefile.analyses.rbegin(); it != casefile.analyses.rend(); ++it) {
        const AnalysisReport& report = *it;
        std::string title = std::string(tr(key_of(report.tool)));
        if (report.tool == AnalysisTool::Taint && !report.method.empty()) {
            const std::string method_key = "taint_method." + report.method;
            title += " (" +
                     (has_translation(method_key) ? std::string(tr(method_key)) : report.method) +
                     ")";
        }
        title += "  ·  " + short_id(report.subject, 18) + "  ·  " +
                 sim_date_short(casefile.briefing, report.at);
        title += "###" + report.id;
        ImGui::PushID(report.id.c_str());
        const bool expanded = ImGui::CollapsingHeader(
            title.c_str(), it == casefile.analyses.rbegin() ? ImGuiTreeNodeFlags_DefaultOpen
                                                            : ImGuiTreeNodeFlags_None);
        probe("tools.report:" + report.id);
        if (expanded) {
            text_wrapped(render_all(report.summary, " "));
            if (report.tool == AnalysisTool::Taint || report.tool == AnalysisTool::Cluster) {
                GraphViewState& g = state_.graph;
                const bool taint = report.tool == AnalysisTool::Taint;
                if (button("ui.tools.show_on_graph", "tools.show_on_graph:" + report.id)) {
                    (taint ? g.taint_report : g.cluster_report) = report.id;
                    (taint ? g.show_taint : g.show_cluster) = true;
                }
                if (taint) {
                    ImGui::SameLine();
                    if (button("ui.tools.compare_methods", "tools.compare_methods:" + report.id)) {
                        state_.taint_compare.open = true;
                        state_.taint_compare.source = report.subject;
                    }
                }
            }
            constexpr ImGuiTableFlags flags =
                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
            const float height =
                std::min(scaled(240.0f), ImGui::GetTextLineHeightWithSpacing() *
                                                 (static_cast<float>(report.rows.size()) + 1.5f) +
                                             scaled(6.0f));
            if (!report.rows.empty() && ImGui::BeginTable("rows", 3, flags, ImVec2(0, height))) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn(tr("ui.tools.subject"));
                ImGui::TableSetupColumn(tr("ui.tools.value"));
                ImGui::TableSetupColumn(tr("ui.tools.detail"), ImGuiTableColumnFlags_WidthStretch);
                table_headers();
                visible_rows(report.rows.size(), [&](int r) {
                    const AnalysisRow& row = report.rows[static_cast<std::size_t>(r)];
                    ImGui::PushID(r);
                    if (ImGui::Selectable(short_id(row.subject, 20).c_str(), false,
                                          ImGuiSelectableFlags_SpanAllColumns)) {
                        if (casefile.addresses.count(row.subject)) {
                            select({Selection::Kind::Address, row.subject});
                            state_.graph.center_on = row.subject;
                        } else if (casefile.transactions.count(row.subject)) {
                            select({Selection::Kind::Transaction, row.subject});
                        }
                    }
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.subject.c_str());
                    ImGui::PopID();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row.value.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(render_all(row.detail, " · ").c_str());
                });
                ImGui::EndTable();
            }
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
