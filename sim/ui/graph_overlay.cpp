#include "ui/graph_overlay.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace mt::ui {

const AnalysisReport* overlay_report(const Casefile& casefile, AnalysisTool tool,
                                     const std::string& chosen_id) {
    const AnalysisReport* latest = nullptr;
    for (const AnalysisReport& report : casefile.analyses) {
        if (report.tool != tool) continue;
        if (!chosen_id.empty() && report.id == chosen_id) return &report;
        latest = &report;
    }
    return latest;
}

TaintOverlay build_taint_overlay(const FundsGraph& graph, const AnalysisReport& report) {
    TaintOverlay overlay;
    overlay.report_id = report.id;
    overlay.method = report.method;
    overlay.node_share.assign(graph.nodes.size(), -1.0f);
    overlay.edge_share.assign(graph.edges.size(), -1.0f);
    std::unordered_map<std::string, float> tx_share;
    for (const AnalysisRow& row : report.rows) {
        if (!row.share) continue;
        const float share = static_cast<float>(std::clamp(*row.share, 0.0, 1.0));
        if (row.transaction) tx_share[row.subject] = share;
        // Junction nodes are named by their transaction, addresses by their text.
        if (const int node = graph.find(row.subject); node >= 0) {
            float& slot = overlay.node_share[static_cast<std::size_t>(node)];
            if (slot < 0) ++overlay.nodes_reached;
            slot = std::max(slot, share);
        }
    }
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        for (const EdgeTransfer& transfer : graph.edges[e].transfers)
            if (auto it = tx_share.find(transfer.tx); it != tx_share.end())
                overlay.edge_share[e] = std::max(overlay.edge_share[e], it->second);
    return overlay;
}

ClusterOverlay build_cluster_overlay(const FundsGraph& graph, const AnalysisReport& report) {
    ClusterOverlay overlay;
    overlay.report_id = report.id;
    overlay.subject = report.subject;
    for (const AnalysisRow& row : report.rows) {
        if (row.transaction) continue;
        ++overlay.listed;
        if (row.evidence == "common_input") ++overlay.by_common_input;
        if (row.evidence.rfind("change:", 0) == 0) ++overlay.by_change;
        if (row.via_coinjoin) ++overlay.via_coinjoin;
        if (const int node = graph.find(row.subject); node >= 0) {
            overlay.members.push_back(node);
            overlay.member_coinjoin.push_back(row.via_coinjoin);
        }
    }
    return overlay;
}

ImU32 taint_colour(float share) {
    // Five stops of matplotlib's viridis: ordered by lightness, readable with the common
    // colour-vision deficiencies, and none of them the yellow of a selected arrow at full width.
    static constexpr std::array<std::array<float, 3>, 5> kStops{{
        {72, 40, 120},
        {59, 82, 139},
        {33, 145, 140},
        {94, 201, 98},
        {253, 231, 37},
    }};
    const float t = std::clamp(share, 0.0f, 1.0f) * static_cast<float>(kStops.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
    const float f = t - static_cast<float>(i);
    auto channel = [&](std::size_t c) {
        return static_cast<int>(std::lround(kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f));
    };
    return IM_COL32(channel(0), channel(1), channel(2), 255);
}

std::vector<std::string> taint_sources(const Casefile& casefile) {
    std::vector<std::string> sources;
    for (const AnalysisReport& report : casefile.analyses)
        if (report.tool == AnalysisTool::Taint &&
            std::find(sources.begin(), sources.end(), report.subject) == sources.end())
            sources.push_back(report.subject);
    return sources;
}

TaintComparison compare_taint_methods(const Casefile& casefile, const std::string& source) {
    TaintComparison comparison;
    comparison.source = source;
    // The latest report of each method on this source.
    std::vector<const AnalysisReport*> columns;
    for (TaintMethod method : all_values<TaintMethod>()) {
        const AnalysisReport* latest = nullptr;
        for (const AnalysisReport& report : casefile.analyses)
            if (report.tool == AnalysisTool::Taint && report.subject == source &&
                report.method == name_of(method))
                latest = &report;
        if (!latest) continue;
        comparison.methods.push_back(method);
        comparison.report_ids.push_back(latest->id);
        columns.push_back(latest);
    }
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t column = 0; column < columns.size(); ++column) {
        for (const AnalysisRow& row : columns[column]->rows) {
            if (row.transaction || !row.share) continue;
            auto [it, added] = row_of.try_emplace(row.subject, comparison.rows.size());
            if (added)
                comparison.rows.push_back(
                    {row.subject, std::vector<std::optional<double>>(columns.size()), false});
            comparison.rows[it->second].shares[column] = row.share;
        }
    }
    for (TaintComparison::Row& row : comparison.rows) {
        // Unreached counts as 0%: a method that leaves an address clean disagrees with one that
        // taints it.
        double lo = 1.0, hi = 0.0;
        for (const std::optional<double>& share : row.shares) {
            lo = std::min(lo, share.value_or(0.0));
            hi = std::max(hi, share.value_or(0.0));
        }
        row.methods_disagree = hi - lo > 0.005;
    }
    return comparison;
}

}  // namespace mt::ui
