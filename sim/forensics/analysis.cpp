#include "forensics/analysis.hpp"

#include <exception>

#include "forensics/analysis_reports.hpp"
#include "forensics/taint.hpp"

namespace mt {

ClusterOptions default_cluster_options() {
    ClusterOptions options;
    options.use(ChangeHeuristic::OneTimeChange);
    return options;
}

AnalysisReport report_for(const AnalysisRequest& request, std::string method) {
    AnalysisReport report;
    report.tool = request.tool;
    report.method = std::move(method);
    report.subject = request.target;
    report.at = request.until;
    return report;
}

AnalysisOutcome run_analysis(const Ledger& ledger, const AnalysisRequest& request) {
    try {
        const TxIndex horizon = horizon_of(ledger, request.until);
        TargetResolution resolved = resolve_target(ledger, request.target, horizon);
        if (!resolved.target) return {std::nullopt, resolved.error};
        if (resolved.target->amount && request.tool != AnalysisTool::Taint)
            return {std::nullopt,
                    Message("forensic.target.amount_taint_only").arg("target", request.target)};
        switch (request.tool) {
            case AnalysisTool::Taint:
                return taint_report(ledger, request, *resolved.target, horizon);
            case AnalysisTool::Cluster:
                return cluster_report(ledger, request, *resolved.target, horizon);
            case AnalysisTool::PeelChain:
                return peel_chain_report(ledger, request, *resolved.target, horizon);
            case AnalysisTool::CoinJoin:
                return coinjoin_report(ledger, request, *resolved.target, horizon);
            case AnalysisTool::FlowPatterns:
                return flow_patterns_report(ledger, request, *resolved.target, horizon);
        }
        return {std::nullopt, Message("forensic.error.unknown_tool")};
    } catch (const std::exception& e) {
        // The ledger accessors throw on indexes a malformed case could produce; report, never
        // crash.
        return {std::nullopt, Message("forensic.error.failed")
                                  .arg("target", request.target)
                                  .arg("problem", e.what())};
    }
}

}  // namespace mt
