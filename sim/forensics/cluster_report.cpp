// The Cluster tool's report: the addresses judged to share an owner, each with the evidence.
#include <algorithm>
#include <optional>

#include "forensics/analysis_reports.hpp"
#include "forensics/report_text.hpp"

namespace mt {
namespace {

std::string method_name(const ClusterOptions& options) {
    std::string name = options.common_input ? "common_input" : "";
    for (ChangeHeuristic h : kChangeHeuristics)
        if (options.uses(h)) name += (name.empty() ? "" : "+") + std::string(name_of(h));
    if (options.common_input && !options.stop_at_coinjoin) name += "+no_coinjoin_rule";
    return name;
}

// What joined the address: "common input", or one "change: <heuristic>" per heuristic that agreed.
std::vector<Message> link_parts(const ClusterLink& link) {
    if (link.common_input) return {Message("forensic.cluster.common_input")};
    std::vector<Message> parts;
    for (ChangeHeuristic h : kChangeHeuristics)
        if ((link.heuristics >> static_cast<unsigned>(h)) & 1u)
            parts.push_back(Message("forensic.cluster.change").term("heuristic", heuristic_key(h)));
    return parts;
}

// The link as data: "common_input" or "change:" + the heuristics' names joined with '+'.
std::string link_evidence(const ClusterLink& link) {
    if (link.common_input) return "common_input";
    std::string names;
    for (ChangeHeuristic h : kChangeHeuristics)
        if ((link.heuristics >> static_cast<unsigned>(h)) & 1u)
            names += (names.empty() ? "" : "+") + std::string(name_of(h));
    return "change:" + names;
}

// The address a cluster is built around: a transaction stands for its (first) spender.
std::optional<AddressId> subject_address(const Ledger& ledger, const AnalysisTarget& target) {
    switch (target.kind) {
        case AnalysisTarget::Kind::Address:
            return target.address;
        case AnalysisTarget::Kind::Transaction: {
            const auto inputs = ledger.inputs(target.tx);
            const auto outputs = ledger.outputs(target.tx);
            if (!inputs.empty()) return inputs[0].address;
            if (!outputs.empty()) return outputs[0].address;
            return std::nullopt;
        }
        case AnalysisTarget::Kind::Output:
            return ledger.outputs(target.tx)[target.vout].address;
    }
    return std::nullopt;
}

}  // namespace

AnalysisOutcome cluster_report(const Ledger& ledger, const AnalysisRequest& request,
                               const AnalysisTarget& target, TxIndex horizon) {
    const ClusterOptions& options = request.cluster;
    AnalysisReport report = report_for(request, method_name(options));
    const std::optional<AddressId> found = subject_address(ledger, target);
    if (!found)
        return {std::nullopt,
                Message("forensic.error.nothing_to_cluster").arg("target", request.target)};
    const AddressId subject = *found;
    const std::string subject_text(ledger.address_text(subject).str());
    const Chain& chain = ledger.chain(ledger.address_chain(subject));
    if (chain.model != ChainModel::Utxo) {
        report.summary = {Message("forensic.cluster.account_chain")
                              .arg("address", subject_text)
                              .arg("chain", chain.name)};
        AnalysisRow row{subject_text,
                        amount_text(ledger, chain.native_asset,
                                    ledger.balance(subject, chain.native_asset, request.until)),
                        {Message("forensic.cluster.this_address")}};
        row.evidence = "subject";
        report.rows.push_back(std::move(row));
        return {std::move(report), {}};
    }

    const AddressClusters clusters = cluster_addresses(ledger, options, horizon);
    const std::vector<ClusterMember> members = clusters.explain(subject);
    std::size_t by_input = 0, by_change = 0, via_coinjoin = 0;
    for (const ClusterMember& m : members) {
        if (m.link < 0) continue;
        const ClusterLink& link = clusters.links()[static_cast<std::size_t>(m.link)];
        (link.common_input ? by_input : by_change)++;
        if (link.coinjoin) ++via_coinjoin;
    }
    auto touches_cluster = [&](TxIndex t) {
        const auto inputs = ledger.inputs(t);
        return std::any_of(inputs.begin(), inputs.end(), [&](const TxInput& i) {
            return clusters.same_cluster(i.address, subject);
        });
    };
    const auto skipped = std::count_if(clusters.coinjoins_skipped().begin(),
                                       clusters.coinjoins_skipped().end(), touches_cluster);
    const auto conflicts =
        std::count_if(clusters.conflicts().begin(), clusters.conflicts().end(), touches_cluster);

    report.summary.push_back(Message("forensic.cluster.summary")
                                 .arg("address", subject_text)
                                 .arg("count", members.size())
                                 .arg("by_input", by_input)
                                 .arg("by_change", by_change));
    if (skipped > 0)
        report.summary.push_back(Message("forensic.cluster.coinjoins_kept_apart")
                                     .arg("count", static_cast<long long>(skipped)));
    if (via_coinjoin > 0)
        report.summary.push_back(
            Message("forensic.cluster.coinjoin_links").arg("count", via_coinjoin));
    if (conflicts > 0)
        report.summary.push_back(
            Message("forensic.cluster.conflicts").arg("count", static_cast<long long>(conflicts)));
    const AssetId asset = chain.native_asset;
    for (std::size_t i = 0; i < members.size() && i < kMaxReportRows; ++i) {
        const ClusterMember& m = members[i];
        AnalysisRow row{ledger.address_text(m.address).str(),
                        amount_text(ledger, asset, ledger.balance(m.address, asset, request.until)),
                        {Message("forensic.cluster.this_address")}};
        row.evidence = "subject";
        if (m.link >= 0) {
            const ClusterLink& link = clusters.links()[static_cast<std::size_t>(m.link)];
            const AddressId via = link.from == m.address ? link.to : link.from;
            row.detail = link_parts(link);
            row.detail.push_back(tx_part(ledger.transaction_id(link.tx).str()));
            row.detail.push_back(from_part(ledger.address_text(via).str()));
            if (link.coinjoin) row.detail.push_back(Message("forensic.cluster.via_coinjoin"));
            row.evidence = link_evidence(link);
            row.via_coinjoin = link.coinjoin;
        }
        report.rows.push_back(std::move(row));
    }
    if (members.size() > kMaxReportRows)
        report.summary.push_back(
            Message("forensic.cluster.rows_nearest").arg("rows", kMaxReportRows));
    return {std::move(report), {}};
}

}  // namespace mt
