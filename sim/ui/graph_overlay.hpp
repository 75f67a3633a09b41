#pragma once
// What analysis reports add to the funds graph and the comparison table: taint shares per node and
// arrow (from a Taint report), the members of a cluster (from a Cluster report), and the shares of
// several taint methods run on the same source side by side. Built from the casefile's reports
// only; the colour ramp is the one ImGui piece.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "model/casefile.hpp"
#include "ui/funds_graph.hpp"

namespace mt::ui {

// The report an overlay draws: the one the trainee chose (by id), else the latest of that tool.
const AnalysisReport* overlay_report(const Casefile& casefile, AnalysisTool tool,
                                     const std::string& chosen_id);

struct TaintOverlay {
    std::string report_id;
    std::string method;
    std::vector<float> node_share;  // per graph node; negative where the taint did not reach
    std::vector<float> edge_share;  // per graph edge; negative where no transfer carried taint
    std::size_t nodes_reached = 0;
};
// Addresses take their row's share (tainted / received); a junction and every arrow take the
// share of their transaction's outputs that is tainted (the largest, for an arrow of several).
TaintOverlay build_taint_overlay(const FundsGraph& graph, const AnalysisReport& report);

struct ClusterOverlay {
    std::string report_id;
    std::string subject;
    std::vector<int> members;           // graph nodes of the cluster's addresses
    std::vector<bool> member_coinjoin;  // per member: joined through a CoinJoin
    std::size_t listed = 0;             // addresses the report lists (some may be off the graph)
    std::size_t by_common_input = 0;
    std::size_t by_change = 0;
    std::size_t via_coinjoin = 0;
};
ClusterOverlay build_cluster_overlay(const FundsGraph& graph, const AnalysisReport& report);

// A sequential colour-blind-safe ramp (viridis: dark violet, teal, yellow) for a share in [0, 1].
ImU32 taint_colour(float share);

// Taint reports on one source, one column per method (the latest report of each).
struct TaintComparison {
    std::string source;
    std::vector<TaintMethod> methods;  // in the vocabulary's order
    std::vector<std::string> report_ids;
    struct Row {
        std::string address;
        std::vector<std::optional<double>> shares;  // per method; nullopt: not reached
        bool methods_disagree = false;  // shares differ by more than half a percentage point
    };
    std::vector<Row> rows;  // addresses, in the order the reports first list them
};
// Every source some taint report was run on, oldest first.
std::vector<std::string> taint_sources(const Casefile& casefile);
TaintComparison compare_taint_methods(const Casefile& casefile, const std::string& source);

}  // namespace mt::ui
