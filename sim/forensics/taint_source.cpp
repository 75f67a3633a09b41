#include "forensics/taint_source.hpp"

namespace mt {

std::vector<TaintSeed> seeds_for(const Ledger& ledger, const AnalysisTarget& target,
                                 TxIndex horizon) {
    std::vector<TaintSeed> seeds;
    Units left = target.amount.value_or(max_amount());
    auto add = [&](TxIndex tx, std::uint32_t vout, Units value) {
        const Units placed = std::min(left, value);
        if (placed <= 0) return;
        seeds.push_back({tx, vout, placed});
        left -= placed;
    };
    switch (target.kind) {
        case AnalysisTarget::Kind::Address:
            for (TxIndex t : ledger.transactions_of(target.address)) {
                if (t >= horizon || left <= 0) break;
                if (ledger.transaction(t).asset != target.asset) continue;
                const auto outputs = ledger.outputs(t);
                for (std::uint32_t o = 0; o < outputs.size(); ++o)
                    if (outputs[o].address == target.address) add(t, o, outputs[o].amount);
            }
            break;
        case AnalysisTarget::Kind::Transaction: {
            Units total = 0;
            for (const TxOutput& o : ledger.outputs(target.tx)) total += o.amount;
            add(target.tx, kAllOutputs, total);
            break;
        }
        case AnalysisTarget::Kind::Output:
            if (target.vout < ledger.transaction(target.tx).output_count)
                add(target.tx, target.vout, ledger.outputs(target.tx)[target.vout].amount);
            break;
    }
    return seeds;
}

}  // namespace mt
