// The Taint tool's report: where the tainted funds went, per address and per transaction, as
// catalogue messages ("forensic.taint.*").
#include <algorithm>
#include <map>

#include "forensics/analysis_reports.hpp"
#include "forensics/proportion.hpp"
#include "forensics/report_text.hpp"
#include "forensics/taint.hpp"
#include "forensics/taint_source.hpp"

namespace mt {
namespace {

// "1.5 BTC" or "100 USDT + 0.002 ETH" for amounts kept per asset.
std::string totals_text(const Ledger& ledger, const std::map<AssetId, Units>& totals) {
    std::string text;
    for (const auto& [asset, amount] : totals) {
        if (amount == 0) continue;
        if (!text.empty()) text += " + ";
        text += amount_text(ledger, asset, amount);
    }
    return text.empty() ? "0" : text;
}

Units output_total(const Ledger& ledger, TxIndex tx) {
    Units total = 0;
    for (const TxOutput& o : ledger.outputs(tx)) total += o.amount;
    return total;
}

}  // namespace

AnalysisOutcome taint_report(const Ledger& ledger, const AnalysisRequest& request,
                             const AnalysisTarget& target, TxIndex horizon) {
    const std::vector<TaintSeed> seeds = seeds_for(ledger, target, horizon);
    const TaintTrace trace =
        trace_taint(ledger, seeds, {request.method, horizon, request.min_taint});
    const std::vector<TaintedAddress> addresses = trace.addresses(ledger);

    std::map<AssetId, Units> seeded, held, lost;
    for (const TaintSeed& s : seeds) seeded[ledger.transaction(s.tx).asset] += s.amount;
    std::uint32_t farthest = 0;
    std::size_t reached_txs = 0;
    for (const TaintedTransaction& r : trace.transactions()) {
        const Transaction& tx = ledger.transaction(r.tx);
        const bool utxo = ledger.chain(tx.chain).model == ChainModel::Utxo;
        lost[utxo ? tx.asset : ledger.chain(tx.chain).native_asset] += r.lost_to_fee;
        if (r.tainted_out > 0) {
            ++reached_txs;
            farthest = std::max(farthest, r.hops);
        }
    }
    std::size_t holders = 0;
    for (const TaintedAddress& a : addresses) {
        held[a.asset] += a.tainted_held;
        if (a.tainted_held > 0) ++holders;
    }

    AnalysisReport report = report_for(request, std::string(name_of(request.method)));
    const std::string method = method_key(request.method);
    if (seeds.empty()) {
        report.summary.push_back(Message("forensic.taint.nothing_to_follow")
                                     .term("method", method)
                                     .arg("target", request.target));
    } else {
        report.summary.push_back(Message("forensic.taint.reached")
                                     .term("method", method)
                                     .arg("target", request.target)
                                     .arg("seeded", totals_text(ledger, seeded))
                                     .arg("count", addresses.size()));
        report.summary.push_back(Message("forensic.taint.through").arg("count", reached_txs));
        report.summary.push_back(
            Message("forensic.taint.farthest").arg("count", static_cast<long long>(farthest)));
        report.summary.push_back(Message("forensic.taint.still_held")
                                     .arg("held", totals_text(ledger, held))
                                     .arg("count", holders));
        report.summary.push_back(
            Message("forensic.taint.lost_to_fees").arg("lost", totals_text(ledger, lost)));
        report.summary.push_back(Message(method + ".caveat"));
    }

    for (std::size_t i = 0; i < addresses.size() && i < kMaxReportRows; ++i) {
        const TaintedAddress& a = addresses[i];
        std::vector<Message> detail{share_part(format_share(a.tainted_received, a.received)),
                                    hops_part(a.hops)};
        if (a.tainted_held > 0)
            detail.push_back(Message("forensic.taint.held")
                                 .arg("amount", amount_text(ledger, a.asset, a.tainted_held)));
        AnalysisRow row{ledger.address_text(a.address).str(),
                        amount_text(ledger, a.asset, a.tainted_received), std::move(detail)};
        row.share = share_of(a.tainted_received, a.received);
        row.hops = a.hops;
        report.rows.push_back(std::move(row));
    }
    // Transactions in flow order (nearest the source first), then by time.
    std::vector<const TaintedTransaction*> flow;
    for (const TaintedTransaction& r : trace.transactions())
        if (r.tainted_out > 0) flow.push_back(&r);
    std::stable_sort(
        flow.begin(), flow.end(),
        [](const TaintedTransaction* a, const TaintedTransaction* b) { return a->hops < b->hops; });
    for (std::size_t i = 0; i < flow.size() && i < kMaxReportRows; ++i) {
        const TaintedTransaction& r = *flow[i];
        const Transaction& tx = ledger.transaction(r.tx);
        const Units outputs = output_total(ledger, r.tx);
        std::vector<Message> detail{share_part(format_share(r.tainted_out, outputs))};
        if (r.seed) {
            detail.push_back(Message("forensic.taint.source"));
        } else {
            detail.push_back(hops_part(r.hops));
            const std::vector<TxIndex> path = trace.path_to_source(r.tx);
            if (path.size() >= 2)
                detail.push_back(from_part(ledger.transaction_id(path[path.size() - 2]).str()));
        }
        AnalysisRow row{tx.id.str(), amount_text(ledger, tx.asset, r.tainted_out),
                        std::move(detail), true};
        row.share = share_of(r.tainted_out, outputs);
        row.hops = r.hops;
        report.rows.push_back(std::move(row));
    }
    if (addresses.size() > kMaxReportRows || flow.size() > kMaxReportRows)
        report.summary.push_back(Message("forensic.taint.rows_first").arg("rows", kMaxReportRows));
    return {std::move(report), {}};
}

}  // namespace mt
