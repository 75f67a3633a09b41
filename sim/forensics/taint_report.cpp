// The Taint tool's report: where the tainted funds went, per address and per transaction.
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

LocalizedText method_caveat(TaintMethod method) {
    switch (method) {
        case TaintMethod::Poison:
            return {
                "Poison overstates: anything that touched taint counts in full.",
                "El envenenamiento exagera: todo lo que tocó fondos contaminados cuenta completo."};
        case TaintMethod::Haircut:
            return {
                "Haircut shares are rounded down to whole base units.",
                "Las proporciones del prorrateo se redondean hacia abajo a unidades base enteras."};
        case TaintMethod::Fifo:
            return {"FIFO follows the order funds arrived: the first in is the first out.",
                    "PEPS sigue el orden de llegada: lo primero que entra es lo primero que sale."};
        case TaintMethod::Lifo:
            return {"LIFO sends the newest funds out first.",
                    "UEPS envía primero los fondos más recientes."};
        case TaintMethod::Tiho:
            return {"TIHO puts the taint on the largest outputs first.",
                    "TIHO asigna la contaminación primero a las salidas más grandes."};
    }
    return {};
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
    const LocalizedText method = method_label(request.method);
    const LocalizedText caveat = method_caveat(request.method);
    const std::string n_addr = std::to_string(addresses.size());
    const std::string n_tx = std::to_string(reached_txs);
    const std::string n_hops = std::to_string(farthest);
    const std::string n_holders = std::to_string(holders);
    report.summary.en = "Taint (" + method.en + ") from " + request.target + ": " +
                        totals_text(ledger, seeded) + " marked as tainted reached " + n_addr +
                        " address(es) through " + n_tx + " transaction(s), up to " + n_hops +
                        " hop(s) away. Still held: " + totals_text(ledger, held) + " at " +
                        n_holders + " address(es). Lost to fees: " + totals_text(ledger, lost) +
                        ". " + caveat.en;
    report.summary.es =
        "Contaminación (" + method.es + ") desde " + request.target + ": " +
        totals_text(ledger, seeded) + " marcados como contaminados llegaron a " + n_addr +
        " dirección(es) por " + n_tx + " transacción(es), hasta " + n_hops +
        " salto(s) de distancia. Aún retenido: " + totals_text(ledger, held) + " en " + n_holders +
        " dirección(es). Perdido en comisiones: " + totals_text(ledger, lost) + ". " + caveat.es;
    if (seeds.empty()) {
        report.summary.en = "Taint (" + method.en + ") from " + request.target +
                            ": it holds no funds to follow as of now.";
        report.summary.es = "Contaminación (" + method.es + ") desde " + request.target +
                            ": no tiene fondos que seguir a la fecha.";
    }

    for (std::size_t i = 0; i < addresses.size() && i < kMaxReportRows; ++i) {
        const TaintedAddress& a = addresses[i];
        LocalizedText detail = same(format_share(a.tainted_received, a.received));
        append(detail, hops_text(a.hops));
        if (a.tainted_held > 0) {
            const std::string held_text = amount_text(ledger, a.asset, a.tainted_held);
            append(detail, {"held " + held_text, "retenido " + held_text});
        }
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
        LocalizedText detail = same(format_share(r.tainted_out, outputs));
        if (r.seed) {
            append(detail, {"source", "origen"});
        } else {
            append(detail, hops_text(r.hops));
            const std::vector<TxIndex> path = trace.path_to_source(r.tx);
            if (path.size() >= 2)
                append(detail, same("← " + ledger.transaction_id(path[path.size() - 2]).str()));
        }
        AnalysisRow row{tx.id.str(), amount_text(ledger, tx.asset, r.tainted_out),
                        std::move(detail), true};
        row.share = share_of(r.tainted_out, outputs);
        row.hops = r.hops;
        report.rows.push_back(std::move(row));
    }
    if (addresses.size() > kMaxReportRows || flow.size() > kMaxReportRows) {
        report.summary.en += " Rows show the first " + std::to_string(kMaxReportRows) +
                             " addresses and transactions.";
        report.summary.es += " Las filas muestran las primeras " + std::to_string(kMaxReportRows) +
                             " direcciones y transacciones.";
    }
    return {std::move(report), {}};
}

}  // namespace mt
