// The PeelChain, CoinJoin and FlowPatterns tools' reports, as catalogue messages
// ("forensic.peel.*", "forensic.coinjoin.*", "forensic.flow.*").
#include "forensics/analysis_reports.hpp"
#include "forensics/coinjoin.hpp"
#include "forensics/flow_patterns.hpp"
#include "forensics/peel_chain.hpp"
#include "forensics/report_text.hpp"

namespace mt {
namespace {

long long number(std::uint32_t value) {
    return static_cast<long long>(value);
}

// How the chain ended, as a clause of the summary.
Message end_clause(const Ledger& ledger, const PeelChain& chain) {
    switch (chain.end) {
        case PeelChainEnd::Unspent:
            return Message("forensic.peel.end.unspent");
        case PeelChainEnd::ShapeChanged:
            if (chain.stopped_at == kNoTx) return Message("forensic.peel.end.shape_changed");
            return Message("forensic.peel.end.shape_changed_at")
                .arg("tx", ledger.transaction_id(chain.stopped_at).str());
        case PeelChainEnd::Cycle:
            return Message("forensic.peel.end.cycle");
        case PeelChainEnd::NotStarted:
            break;
    }
    return Message("forensic.peel.end.not_started");
}

// The first condition of the CoinJoin rule that failed, or that all hold.
Message rule_message(const Ledger& ledger, const CoinJoinCheck& c, AssetId asset) {
    const auto rule = [](const char* name) {
        return Message(std::string("forensic.coinjoin.rule.") + name);
    };
    switch (c.rule) {
        case CoinJoinRule::Passed:
            return rule("passed");
        case CoinJoinRule::TooFewInputs:
            return rule("too_few_inputs");
        case CoinJoinRule::TooFewOutputs:
            return rule("too_few_outputs");
        case CoinJoinRule::MoreParticipantsThanInputs:
            return rule("more_participants_than_inputs")
                .arg("participants", number(c.participants))
                .arg("count", number(c.inputs));
        case CoinJoinRule::TooFewInputAddresses:
            return rule("too_few_input_addresses")
                .arg("participants", number(c.participants))
                .arg("count", number(c.distinct_input_addresses));
        case CoinJoinRule::EqualOutputsNotParticipants:
            return rule("equal_outputs_not_participants")
                .arg("participants", number(c.participants))
                .arg("count", number(c.denomination_count));
        case CoinJoinRule::DustDenomination:
            return rule("dust").arg("denomination", amount_text(ledger, asset, c.denomination));
        case CoinJoinRule::NotUtxo:
            break;
    }
    return rule("not_utxo");
}

// "5 × 0.1 BTC · 5 in (5 addr.) · 6 out"
Message coinjoin_shape(const Ledger& ledger, const CoinJoinCheck& c, AssetId asset) {
    return Message("forensic.coinjoin.shape")
        .arg("equal", number(c.denomination_count))
        .arg("denomination", amount_text(ledger, asset, c.denomination))
        .arg("inputs", number(c.inputs))
        .arg("addresses", number(c.distinct_input_addresses))
        .arg("outputs", number(c.outputs));
}

// The patterns in report order, by name: the row evidence and the catalogue words
// "forensic.flow.<name>", "forensic.flow.<name>.found" and "forensic.flow.<name>.not_found".
constexpr const char* kFlowPatternNames[] = {"fan_in", "fan_out", "consolidation"};

}  // namespace

AnalysisOutcome peel_chain_report(const Ledger& ledger, const AnalysisRequest& request,
                                  const AnalysisTarget& target, TxIndex horizon) {
    const PeelChain chain = target.kind == AnalysisTarget::Kind::Address
                                ? follow_peel_chain_from_address(ledger, target.address, horizon)
                                : follow_peel_chain(ledger, target.tx, horizon);
    AnalysisReport report = report_for(request, "");
    const Message end = end_clause(ledger, chain);
    std::size_t payments = 0;
    for (const PeelHop& h : chain.hops) payments += h.peels.size();
    if (chain.is_chain()) {
        report.summary.push_back(
            Message("forensic.peel.chain")
                .arg("target", request.target)
                .arg("hops", chain.hops.size())
                .arg("start", amount_text(ledger, chain.asset, chain.start_value))
                .arg("peeled", amount_text(ledger, chain.asset, chain.total_peeled))
                .arg("count", payments)
                .clause("end", end));
        report.summary.push_back(Message("forensic.peel.exchanges_too"));
    } else {
        report.summary.push_back(Message("forensic.peel.none")
                                     .arg("target", request.target)
                                     .arg("count", chain.hops.size())
                                     .arg("needed", kMinPeelChainHops)
                                     .clause("end", end));
    }
    for (std::size_t i = 0; i < chain.hops.size(); ++i) {
        const PeelHop& hop = chain.hops[i];
        for (const Peel& p : hop.peels) {
            if (report.rows.size() >= kMaxReportRows) break;
            std::vector<Message> detail{
                Message("forensic.peel.hop").arg("hop", i + 1),
                tx_part(ledger.transaction_id(p.tx).str()),
                Message("forensic.peel.rest")
                    .arg("amount", amount_text(ledger, chain.asset, hop.change))
                    .arg("address", ledger.address_text(hop.change_address).str())};
            if (p.spent_in != kNoTx)
                detail.push_back(Message("forensic.peel.spent_in")
                                     .arg("tx", ledger.transaction_id(p.spent_in).str()));
            AnalysisRow row{ledger.address_text(p.to).str(),
                            amount_text(ledger, chain.asset, p.amount), std::move(detail)};
            row.hops = static_cast<std::uint32_t>(i + 1);
            report.rows.push_back(std::move(row));
        }
    }
    if (payments > kMaxReportRows)
        report.summary.push_back(Message("forensic.peel.rows_first").arg("rows", kMaxReportRows));
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
                report.rows.push_back({tx.id.str(),
                                       amount_text(ledger, tx.asset, c.denomination),
                                       {coinjoin_shape(ledger, c, tx.asset)},
                                       true});
            }
        }
        report.summary.push_back(Message("forensic.coinjoin.address")
                                     .arg("address", address)
                                     .arg("count", found)
                                     .arg("seen", seen));
        return {std::move(report), {}};
    }
    const Transaction& tx = ledger.transaction(target.tx);
    const CoinJoinCheck c = check_coinjoin(ledger, target.tx);
    if (c.is_coinjoin) {
        report.summary.push_back(Message("forensic.coinjoin.matches")
                                     .arg("tx", tx.id.str())
                                     .arg("participants", number(c.participants))
                                     .clause("shape", coinjoin_shape(ledger, c, tx.asset)));
        const auto outputs = ledger.outputs(target.tx);
        for (std::uint32_t o = 0; o < outputs.size() && report.rows.size() < kMaxReportRows; ++o)
            if (outputs[o].amount == c.denomination)
                report.rows.push_back(
                    {ledger.address_text(outputs[o].address).str(),
                     amount_text(ledger, tx.asset, outputs[o].amount),
                     {Message("forensic.coinjoin.equal_output")
                          .arg("output", tx.id.str() + ":" + std::to_string(o))}});
    } else {
        const Message why = rule_message(ledger, c, tx.asset);
        report.summary.push_back(
            Message("forensic.coinjoin.not_coinjoin").arg("tx", tx.id.str()).clause("why", why));
        report.rows.push_back({tx.id.str(), "", {why}, true});
    }
    return {std::move(report), {}};
}

AnalysisOutcome flow_patterns_report(const Ledger& ledger, const AnalysisRequest& request,
                                     const AnalysisTarget& target, TxIndex horizon) {
    if (target.kind != AnalysisTarget::Kind::Address)
        return {std::nullopt,
                Message("forensic.target.flow_needs_address").arg("target", request.target)};
    const AddressId hub = target.address;
    FlowWindow window;
    window.horizon = horizon;
    const FanPattern patterns[] = {fan_in(ledger, hub, window), fan_out(ledger, hub, window),
                                   consolidation(ledger, hub, window)};
    AnalysisReport report = report_for(request, "");
    report.summary.push_back(Message("forensic.flow.summary")
                                 .arg("address", ledger.address_text(hub).str())
                                 .arg("minimum", window.min_counterparties));
    bool any = false;
    for (std::size_t k = 0; k < 3; ++k) {
        const FanPattern& p = patterns[k];
        const std::string name = kFlowPatternNames[k];
        report.summary.push_back(
            Message("forensic.flow." + name + (p.detected ? ".found" : ".not_found"))
                .arg("count", p.counterparties.size())
                .arg("total", amount_text(ledger, p.asset, p.total)));
        if (!p.detected) continue;
        any = true;
        for (const Counterparty& c : p.counterparties) {
            if (report.rows.size() >= kMaxReportRows) break;
            std::vector<Message> detail{
                Message("forensic.flow." + name),
                Message("forensic.flow.transfers").arg("count", number(c.transfers))};
            if (c.first_tx != kNoTx)
                detail.push_back(tx_part(ledger.transaction_id(c.first_tx).str()));
            AnalysisRow row{ledger.address_text(c.address).str(),
                            amount_text(ledger, p.asset, c.amount), std::move(detail)};
            row.evidence = name;
            report.rows.push_back(std::move(row));
        }
    }
    if (any) report.summary.push_back(Message("forensic.flow.ordinary_too"));
    return {std::move(report), {}};
}

}  // namespace mt
