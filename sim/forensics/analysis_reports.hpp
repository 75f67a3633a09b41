#pragma once
// One report builder per analysis tool, called by run_analysis once the target is resolved.
#include "forensics/analysis.hpp"
#include "forensics/analysis_target.hpp"

namespace mt {

AnalysisOutcome taint_report(const Ledger& ledger, const AnalysisRequest& request,
                             const AnalysisTarget& target, TxIndex horizon);
AnalysisOutcome cluster_report(const Ledger& ledger, const AnalysisRequest& request,
                               const AnalysisTarget& target, TxIndex horizon);
AnalysisOutcome peel_chain_report(const Ledger& ledger, const AnalysisRequest& request,
                                  const AnalysisTarget& target, TxIndex horizon);
AnalysisOutcome coinjoin_report(const Ledger& ledger, const AnalysisRequest& request,
                                const AnalysisTarget& target, TxIndex horizon);
AnalysisOutcome flow_patterns_report(const Ledger& ledger, const AnalysisRequest& request,
                                     const AnalysisTarget& target, TxIndex horizon);

// A report with the common fields filled in.
AnalysisReport report_for(const AnalysisRequest& request, std::string method);

}  // namespace mt
