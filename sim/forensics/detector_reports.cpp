// The PeelChain, CoinJoin and FlowPatterns tools' reports.
#include "forensics/analysis_reports.hpp"
#include "forensics/coinjoin.hpp"
#include "forensics/flow_patterns.hpp"
#include "forensics/peel_chain.hpp"
#include "forensics/report_text.hpp"

namespace mt {
namespace {

LocalizedText end_text(const Ledger& ledger, const PeelChain& chain) {
    switch (chain.end) {
        case PeelChainEnd::Unspent:
            return {"the rest has not moved yet", "el resto aún no se ha movido"};
        case PeelChainEnd::ShapeChanged: {
            const std::string id = chain.stopped_at == kNoTx
                                       ? ""
                                       : " (" + ledger.transaction_id(chain.stopped_at).str() + ")";
            return {"the rest went into a transaction of another shape" + id,
                    "el resto pasó a una transacción de otra forma" + id};
        }
        case PeelChainEnd::Cycle:
            return {"the rest came back to an address already on the chain",
                    "el resto volvió a una dirección que ya estaba en la cadena"};
        case PeelChainEnd::NotStarted:
            return {"it does not start like a peel hop", "no empieza como un paso de pelado"};
    }
    return {};
}

LocalizedText rule_text(const Ledger& ledger, const CoinJoinCheck& c, AssetId asset) {
    const std::string p = std::to_string(c.participants);
    switch (c.rule) {
        case CoinJoinRule::Passed:
            return {"all conditions hold", "se cumplen todas las condiciones"};
        case CoinJoinRule::TooFewInputs:
            return {"fewer than 2 inputs", "menos de 2 entradas"};
        case CoinJoinRule::TooFewOutputs:
            return {"fewer than 3 outputs", "menos de 3 salidas"};
        case CoinJoinRule::MoreParticipantsThanInputs:
            return {p + " participants expected but only " + std::to_string(c.inputs) + " inputs",
                    "se esperan " + p + " participantes pero solo hay " + std::to_string(c.inputs) +
                        " entradas"};
        case CoinJoinRule::TooFewInputAddresses:
            return {p + " participants expected but the inputs come from only " +
                        std::to_string(c.distinct_input_addresses) + " address(es)",
                    "se esperan " + p + " participantes pero las entradas vienen de solo " +
                        std::to_string(c.distinct_input_addresses) + " dirección(es)"};
        case CoinJoinRule::EqualOutputsNotParticipants:
            return {"the most common output value appears " + std::to_string(c.denomination_count) +
                        " time(s), not " + p,
                    "el valor de salida más común aparece " + std::to_string(c.denomination_count) +
                        " vez(veces), no " + p};
        case CoinJoinRule::DustDenomination:
            return {
                "the equal outputs are dust (" + amount_text(ledger, asset, c.denomination) + ")",
                "las salidas iguales son polvo (" + amount_text(ledger, asset, c.denomination) +
                    ")"};
        case CoinJoinRule::NotUtxo:
            return {"account-based transfers cannot be CoinJoins",
                    "las transferencias en cadenas de cuentas no pueden ser CoinJoin"};
    }
    return {};
}

LocalizedText coinjoin_detail(const Ledger& ledger, const CoinJoinCheck& c, AssetId asset) {
    const std::string equal =
        std::to_string(c.denomination_count) + " × " + amount_text(ledger, asset, c.denomination);
    const std::string in = std::to_string(c.inputs);
    const std::string addresses = std::to_string(c.distinct_input_addresses);
    const std::string out = std::to_string(c.outputs);
    return {equal + " · " + in + " in (" + addresses + " addr.) · " + out + " out",
            equal + " · " + in + " entradas (" + addresses + " dir.) · " + out + " salidas"};
}

struct FlowPatternView {
    const char* name;  // the row evidence
    LocalizedText label;
    LocalizedText counterparties;  // what the counterparties are, plural
};

}  // namespace

AnalysisOutcome peel_chain_report(const Ledger& ledger, const AnalysisRequest& request,
                                  const AnalysisTarget& target, TxIndex horizon) {
    const PeelChain chain = target.kind == AnalysisTarget::Kind::Address
                                ? follow_peel_chain_from_address(ledger, target.address, horizon)
                                : follow_peel_chain(ledger, target.tx, horizon);
    AnalysisReport report = report_for(request, "");
    const LocalizedText end = end_text(ledger, chain);
    const std::string hops = std::to_string(chain.hops.size());
    std::size_t payments = 0;
    for (const PeelHop& h : chain.hops) payments += h.peels.size();
    const std::string peeled = amount_text(ledger, chain.asset, chain.total_peeled);
    if (chain.is_chain()) {
        report.summary.en =
            "Peel chain from " + request.target + ": " + hops + " hops; it started with " +
            amount_text(ledger, chain.asset, chain.start_value) + " and peeled off " + peeled +
            " in " + std::to_string(payments) + " payment(s); " + end.en +
            ". Exchanges and pools pay out in this shape too.";
        report.summary.es = "Cadena de pelado desde " + request.target + ": " + hops +
                            " saltos; empezó con " +
                            amount_text(ledger, chain.asset, chain.start_value) + " y desprendió " +
                            peeled + " en " + std::to_string(payments) + " pago(s); " + end.es +
                            ". Los exchanges y los pools también pagan con esta forma.";
    } else {
        report.summary.en = "No peel chain from " + request.target + ": " + hops +
                            " hop(s) of that shape (at least " + std::to_string(kMinPeelChainHops) +
                            " needed); " + end.en + ".";
        report.summary.es = "No hay cadena de pelado desde " + request.target + ": " + hops +
                            " salto(s) con esa forma (se necesitan al menos " +
                            std::to_string(kMinPeelChainHops) + "); " + end.es + ".";
    }
    for (std::size_t i = 0; i < chain.hops.size(); ++i) {
        const PeelHop& hop = chain.hops[i];
        for (const Peel& p : hop.peels) {
            if (report.rows.size() >= kMaxReportRows) break;
            const std::string n = std::to_string(i + 1);
            LocalizedText detail{"hop " + n, "salto " + n};
            append(detail, same("tx " + ledger.transaction_id(p.tx).str()));
            const std::string rest = amount_text(ledger, chain.asset, hop.change) + " → " +
                                     ledger.address_text(hop.change_address).str();
            append(detail, {"rest " + rest, "resto " + rest});
            if (p.spent_in != kNoTx) {
                const std::string spent_in(ledger.transaction_id(p.spent_in).str());
                append(detail, {"spent in " + spent_in, "gastado en " + spent_in});
            }
            AnalysisRow row{ledger.address_text(p.to).str(),
                            amount_text(ledger, chain.asset, p.amount), std::move(detail)};
            row.hops = static_cast<std::uint32_t>(i + 1);
            report.rows.push_back(std::move(row));
        }
    }
    if (payments > kMaxReportRows) {
        report.summary.en += " Rows show the first " + std::to_string(kMaxReportRows) + " peels.";
        report.summary.es += " Las filas muestran los primeros " + std::to_string(kMaxReportRows) +
                             " desprendimientos.";
    }
    return {std::move(report), {}};
}

AnalysisOutcome coinjoin_report(const Ledger& ledger, const AnalysisRequest& request,
                                const AnalysisTarget& target, TxIndex horizon) {
    AnalysisReport report = report_for(request, "blocksci_is_coinjoin");
    if (target.kind == AnalysisTarget::Kind::Address) {
        const std::string address(ledger.address_text(target.address).str());
        std::size_t seen = 0, found = 0;
        for (TxIndex t : ledger.transactions_of(target.address)) {
            if (t >= horizon) break;
            ++seen;
            const CoinJoinCheck c = check_coinjoin(ledger, t);
            if (!c.is_coinjoin) continue;
            ++found;
            if (report.rows.size() < kMaxReportRows) {
                const Transaction& tx = ledger.transaction(t);
                report.rows.push_back({tx.id.str(), amount_text(ledger, tx.asset, c.denomination),
                                       coinjoin_detail(ledger, c, tx.asset), true});
            }
        }
        report.summary.en = address + " took part in " + std::to_string(found) +
                            " CoinJoin transaction(s) out of " + std::to_string(seen) +
                            ". Common-input ownership does not hold in them.";
        report.summary.es = address + " participó en " + std::to_string(found) +
                            " transacción(es) CoinJoin de " + std::to_string(seen) +
                            ". En ellas no se cumple la propiedad común de entradas.";
        return {std::move(report), {}};
    }
    const Transaction& tx = ledger.transaction(target.tx);
    const CoinJoinCheck c = check_coinjoin(ledger, target.tx);
    const LocalizedText why = rule_text(ledger, c, tx.asset);
    if (c.is_coinjoin) {
        const LocalizedText shape = coinjoin_detail(ledger, c, tx.asset);
        report.summary.en = tx.id.str() + " matches the CoinJoin rule: " + shape.en + " (" +
                            std::to_string(c.participants) +
                            " participants). Its inputs belong to different "
                            "people: do not merge them into one owner.";
        report.summary.es = tx.id.str() + " cumple la regla de CoinJoin: " + shape.es + " (" +
                            std::to_string(c.participants) +
                            " participantes). Sus entradas son de personas distintas: "
                            "no las una como un solo dueño.";
        const auto outputs = ledger.outputs(target.tx);
        for (std::uint32_t o = 0; o < outputs.size() && report.rows.size() < kMaxReportRows; ++o)
            if (outputs[o].amount == c.denomination)
                report.rows.push_back(
                    {ledger.address_text(outputs[o].address).str(),
                     amount_text(ledger, tx.asset, outputs[o].amount),
                     {"equal output · " + tx.id.str() + ":" + std::to_string(o),
                      "salida igual · " + tx.id.str() + ":" + std::to_string(o)}});
    } else {
        report.summary.en = tx.id.str() + " is not a CoinJoin by the rule: " + why.en + ".";
        report.summary.es = tx.id.str() + " no es CoinJoin según la regla: " + why.es + ".";
        report.rows.push_back({tx.id.str(), "", why, true});
    }
    return {std::move(report), {}};
}

AnalysisOutcome flow_patterns_report(const Ledger& ledger, const AnalysisRequest& request,
                                     const AnalysisTarget& target, TxIndex horizon) {
    if (target.kind != AnalysisTarget::Kind::Address)
        return {std::nullopt, "analysis target '" + request.target +
                                  "': flow patterns are looked for around an address"};
    const AddressId hub = target.address;
    FlowWindow window;
    window.horizon = horizon;
    const FanPattern patterns[] = {fan_in(ledger, hub, window), fan_out(ledger, hub, window),
                                   consolidation(ledger, hub, window)};
    const FlowPatternView views[] = {
        {"fan_in", {"fan-in", "abanico de entrada"}, {"senders", "remitentes"}},
        {"fan_out", {"fan-out", "abanico de salida"}, {"recipients", "destinatarios"}},
        {"consolidation",
         {"consolidation", "consolidación"},
         {"swept sources", "orígenes barridos"}},
    };
    AnalysisReport report = report_for(request, "");
    const std::string hub_text(ledger.address_text(hub).str());
    const std::string minimum = std::to_string(window.min_counterparties);
    report.summary = {"Flow patterns around " + hub_text + " (a pattern needs at least " + minimum +
                          " distinct counterparties):",
                      "Patrones de flujo alrededor de " + hub_text +
                          " (un patrón necesita al menos " + minimum + " contrapartes distintas):"};
    bool any = false;
    for (std::size_t k = 0; k < 3; ++k) {
        const FanPattern& p = patterns[k];
        const FlowPatternView& view = views[k];
        const std::string n = std::to_string(p.counterparties.size());
        const std::string total = amount_text(ledger, p.asset, p.total);
        report.summary.en += " " + view.label.en + " " + (p.detected ? "found" : "not found") +
                             " (" + n + " " + view.counterparties.en + ", " + total + ");";
        report.summary.es += " " + view.label.es + " " +
                             (p.detected ? "encontrado" : "no encontrado") + " (" + n + " " +
                             view.counterparties.es + ", " + total + ");";
        if (!p.detected) continue;
        any = true;
        for (const Counterparty& c : p.counterparties) {
            if (report.rows.size() >= kMaxReportRows) break;
            const std::string transfers = std::to_string(c.transfers);
            LocalizedText detail = view.label;
            append(detail, {transfers + " transfer(s)", transfers + " transferencia(s)"});
            if (c.first_tx != kNoTx)
                append(detail, same("tx " + ledger.transaction_id(c.first_tx).str()));
            AnalysisRow row{ledger.address_text(c.address).str(),
                            amount_text(ledger, p.asset, c.amount), std::move(detail)};
            row.evidence = view.name;
            report.rows.push_back(std::move(row));
        }
    }
    if (any) {
        report.summary.en +=
            " Exchange hot wallets, payroll and mining pools show these shapes too.";
        report.summary.es +=
            " Las billeteras calientes de exchanges, las nóminas y los pools mineros también "
            "muestran estas formas.";
    }
    return {std::move(report), {}};
}

}  // namespace mt
