#pragma once
// The entry point the session calls when a trainee runs an analysis tool. It sees the ledger only
// up to `until` and writes a report of copies (addresses, ids, formatted amounts) for the casefile.
// The ledger holds no entity names, so none can appear. Never throws: a bad target gives an error.
#include <optional>
#include <string>

#include "forensics/clustering.hpp"
#include "model/casefile.hpp"
#include "model/ledger.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// Clustering as the Cluster tool runs it unless a scenario asks otherwise: common-input ownership,
// the CoinJoin rule on, and one-time change (Meiklejohn's H2).
ClusterOptions default_cluster_options();

struct AnalysisRequest {
    AnalysisTool tool = AnalysisTool::Taint;
    TaintMethod method = TaintMethod::Haircut;  // Taint only
    std::string
        target;  // address, tx id, "txid:vout", optionally "@amount" (see analysis_target.hpp)
    SimSeconds until = 0;
    ClusterOptions cluster = default_cluster_options();  // Cluster only
    Units min_taint = 0;  // Taint only: smaller taint counts as clean (see TaintOptions)
};

struct AnalysisOutcome {
    std::optional<AnalysisReport> report;  // id is left empty for the session to number
    Message error;                         // why there is no report
};

AnalysisOutcome run_analysis(const Ledger& ledger, const AnalysisRequest& request);

// Rows kept per section of a report; the summary says how many there were in all.
inline constexpr std::size_t kMaxReportRows = 100;

}  // namespace mt
