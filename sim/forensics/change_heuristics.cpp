#include "forensics/change_heuristics.hpp"

#include <algorithm>

namespace mt {
namespace {

constexpr std::array<std::string_view, 5> kNames{"one_time_change", "round_number_payment",
                                                 "optimal_change", "address_type_match",
                                                 "peel_chain_shape"};

// The single candidate, if exactly one output passes `is_candidate`.
template <typename Predicate>
std::optional<std::uint32_t> unique_candidate(std::span<const TxOutput> outputs,
                                              Predicate is_candidate) {
    std::optional<std::uint32_t> found;
    for (std::uint32_t o = 0; o < outputs.size(); ++o) {
        if (outputs[o].amount <= 0 || !is_candidate(o)) continue;
        if (found) return std::nullopt;
        found = o;
    }
    return found;
}

bool touches_input(std::span<const TxInput> inputs, AddressId address) {
    return std::any_of(inputs.begin(), inputs.end(),
                       [&](const TxInput& i) { return i.address == address; });
}

}  // namespace

std::string_view name_of(ChangeHeuristic heuristic) {
    return kNames[static_cast<std::size_t>(heuristic)];
}

std::optional<ChangeHeuristic> parse_change_heuristic(std::string_view text) {
    for (ChangeHeuristic h : kChangeHeuristics)
        if (name_of(h) == text) return h;
    return std::nullopt;
}

ScriptType script_type_of(std::string_view address) {
    auto starts = [&](std::string_view prefix) {
        return address.substr(0, prefix.size()) == prefix;
    };
    if (starts("bc1q") || starts("tb1q")) return ScriptType::SegwitV0;
    if (starts("bc1p") || starts("tb1p")) return ScriptType::Taproot;
    if (starts("1") || starts("m") || starts("n")) return ScriptType::P2pkh;
    if (starts("3") || starts("2")) return ScriptType::P2sh;
    return ScriptType::Unknown;
}

bool has_peel_shape(const Ledger& ledger, TxIndex tx) {
    const Transaction& t = ledger.transaction(tx);
    return ledger.chain(t.chain).model == ChainModel::Utxo && t.input_count == 1 &&
           t.output_count == 2;
}

std::optional<std::uint32_t> change_output(const Ledger& ledger, TxIndex tx,
                                           ChangeHeuristic heuristic,
                                           const ChangeContext& context) {
    const Transaction& t = ledger.transaction(tx);
    if (ledger.chain(t.chain).model != ChainModel::Utxo || t.input_count == 0 || t.output_count < 2)
        return std::nullopt;
    const auto inputs = ledger.inputs(tx);
    const auto outputs = ledger.outputs(tx);
    switch (heuristic) {
        case ChangeHeuristic::OneTimeChange:
            return unique_candidate(outputs, [&](std::uint32_t o) {
                const AddressId a = outputs[o].address;
                return ledger.transactions_of(a).front() == tx && !touches_input(inputs, a);
            });
        case ChangeHeuristic::RoundNumberPayment: {
            const int digits = context.round_digits >= 0
                                   ? context.round_digits
                                   : std::max(0, ledger.asset(t.asset).decimals - 2);
            Units modulus = 1;
            for (int i = 0; i < digits; ++i) modulus *= 10;
            return unique_candidate(
                outputs, [&](std::uint32_t o) { return outputs[o].amount % modulus != 0; });
        }
        case ChangeHeuristic::OptimalChange: {
            Units smallest = inputs[0].amount;
            for (const TxInput& i : inputs) smallest = std::min<Units>(smallest, i.amount);
            return unique_candidate(outputs,
                                    [&](std::uint32_t o) { return outputs[o].amount < smallest; });
        }
        case ChangeHeuristic::AddressTypeMatch: {
            const ScriptType type = script_type_of(ledger.address_text(inputs[0].address).view());
            if (type == ScriptType::Unknown) return std::nullopt;
            for (const TxInput& i : inputs)
                if (script_type_of(ledger.address_text(i.address).view()) != type)
                    return std::nullopt;
            return unique_candidate(outputs, [&](std::uint32_t o) {
                return script_type_of(ledger.address_text(outputs[o].address).view()) == type;
            });
        }
        case ChangeHeuristic::PeelChainShape: {
            if (!has_peel_shape(ledger, tx)) return std::nullopt;
            const OutPoint parent = inputs[0].prev;
            bool neighbour =
                parent.tx != kNoTx && parent.tx < tx && has_peel_shape(ledger, parent.tx);
            for (std::uint32_t o = 0; o < 2 && !neighbour; ++o) {
                const TxIndex child = ledger.spender({tx, o});
                neighbour =
                    child != kNoTx && child < context.horizon && has_peel_shape(ledger, child);
            }
            if (!neighbour || outputs[0].amount == outputs[1].amount) return std::nullopt;
            return outputs[0].amount > outputs[1].amount ? 0u : 1u;
        }
    }
    return std::nullopt;
}

}  // namespace mt
