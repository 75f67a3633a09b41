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

LocalizedText link_label(const ClusterLink& link) {
    if (link.common_input) return {"common input", "entrada común"};
    LocalizedText text{"change: ", "cambio: "};
    bool first = true;
    for (ChangeHeuristic h : kChangeHeuristics) {
        if (!((link.heuristics >> static_cast<unsigned>(h)) & 1u)) continue;
        const LocalizedText label = heuristic_label(h);
        text.en += (first ? "" : ", ") + label.en;
        text.es += (first ? "" : ", ") + label.es;
        first = false;
    }
    return text;
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
        return {std::nullopt, "analysis target '" + request.target +
                                  "': the transaction has no addresses to cluster"};
    const AddressId subject = *found;
    const std::string subject_text(ledger.address_text(subject).str());
    const Chain& chain = ledger.chain(ledger.address_chain(subject));
    if (chain.model != ChainModel::Utxo) {
        report.summary = {
            subject_text + " is on " + chain.name +
                ", an account-based chain: one address is one account, so common-input "
                "ownership and change heuristics do not apply.",
            subject_text + " está en " + chain.name +
                ", una cadena basada en cuentas: cada dirección es una cuenta, así que la "
                "propiedad común de entradas y las heurísticas de cambio no aplican."};
        AnalysisRow row{subject_text,
                        amount_text(ledger, chain.native_asset,
                                    ledger.balance(subject, chain.native_asset, request.until)),
                        {"this address", "esta dirección"}};
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

    const std::string n = std::to_string(members.size());
    report.summary.en = "Cluster around " + subject_text + ": " + n + " address(es); " +
                        std::to_string(by_input) + " joined by common-input ownership, " +
                        std::to_string(by_change) + " by change heuristics.";
    report.summary.es = "Clúster alrededor de " + subject_text + ": " + n + " dirección(es); " +
                        std::to_string(by_input) + " unidas por propiedad común de entradas, " +
                        std::to_string(by_change) + " por heurísticas de cambio.";
    if (skipped > 0) {
        report.summary.en +=
            " " + std::to_string(skipped) +
            " CoinJoin transaction(s) kept apart: their inputs belong to different people.";
        report.summary.es +=
            " " + std::to_string(skipped) +
            " transacción(es) CoinJoin no se unieron: sus entradas son de personas distintas.";
    }
    if (via_coinjoin > 0) {
        report.summary.en +=
            " Warning: " + std::to_string(via_coinjoin) +
            " link(s) come from CoinJoin transactions, where common-input ownership does not hold.";
        report.summary.es += " Atención: " + std::to_string(via_coinjoin) +
                             " enlace(s) provienen de transacciones CoinJoin, donde la propiedad "
                             "común de entradas no se cumple.";
    }
    if (conflicts > 0) {
        report.summary.en +=
            " In " + std::to_string(conflicts) +
            " transaction(s) the change heuristics disagreed, so no change link was made.";
        report.summary.es +=
            " En " + std::to_string(conflicts) +
            " transacción(es) las heurísticas de cambio se contradijeron y no se enlazó el cambio.";
    }
    const AssetId asset = chain.native_asset;
    for (std::size_t i = 0; i < members.size() && i < kMaxReportRows; ++i) {
        const ClusterMember& m = members[i];
        AnalysisRow row{ledger.address_text(m.address).str(),
                        amount_text(ledger, asset, ledger.balance(m.address, asset, request.until)),
                        {"this address", "esta dirección"}};
        row.evidence = "subject";
        if (m.link >= 0) {
            const ClusterLink& link = clusters.links()[static_cast<std::size_t>(m.link)];
            const AddressId via = link.from == m.address ? link.to : link.from;
            row.detail = link_label(link);
            append(row.detail, same("tx " + ledger.transaction_id(link.tx).str()));
            append(row.detail, same("← " + ledger.address_text(via).str()));
            if (link.coinjoin) append(row.detail, same("CoinJoin!"));
            row.evidence = link_evidence(link);
            row.via_coinjoin = link.coinjoin;
        }
        report.rows.push_back(std::move(row));
    }
    if (members.size() > kMaxReportRows) {
        report.summary.en += " Rows show the nearest " + std::to_string(kMaxReportRows) + ".";
        report.summary.es +=
            " Las filas muestran las " + std::to_string(kMaxReportRows) + " más cercanas.";
    }
    return {std::move(report), {}};
}

}  // namespace mt
