#pragma once
// Change-output heuristics: which output of a UTXO transaction went back to the sender. Each is
// named and used alone or together (BlockSci src/blocksci/heuristics/change_address.cpp; Meiklejohn
// et al. 2013). Each returns the change output only when it singles out exactly one; zero-value
// outputs (OP_RETURN-like) are never change. They can contradict each other: the clustering
// treats disagreement as "no decision".
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/ledger.hpp"

namespace mt {

enum class ChangeHeuristic : std::uint8_t {
    OneTimeChange,       // the only output to an address never seen before this transaction
    RoundNumberPayment,  // the only output that is not a multiple of a power of ten
    OptimalChange,       // the only output smaller than the smallest input
    AddressTypeMatch,    // the only output whose script type matches all inputs' type
    PeelChainShape,      // 1-in 2-out next to another 1-in 2-out: the larger output
};
inline constexpr std::array<ChangeHeuristic, 5> kChangeHeuristics{
    ChangeHeuristic::OneTimeChange, ChangeHeuristic::RoundNumberPayment,
    ChangeHeuristic::OptimalChange, ChangeHeuristic::AddressTypeMatch,
    ChangeHeuristic::PeelChainShape};

// Stable spellings: "one_time_change", "round_number_payment", "optimal_change",
// "address_type_match", "peel_chain_shape".
std::string_view name_of(ChangeHeuristic heuristic);
std::optional<ChangeHeuristic> parse_change_heuristic(std::string_view text);

// Script type read from a Bitcoin-style address prefix; anything else is Unknown and never matches.
enum class ScriptType : std::uint8_t { Unknown, P2pkh, P2sh, SegwitV0, Taproot };
ScriptType script_type_of(std::string_view address);

struct ChangeContext {
    TxIndex horizon = kNoTx;  // children at or after it are not looked at
    // Power of ten that marks a round payment, in base units; -1: the asset's decimals minus 2
    // (10^6 sat = 0.01 BTC, BlockSci's default).
    int round_digits = -1;
};

// 1 input and 2 outputs: the shape of a peel-chain hop.
bool has_peel_shape(const Ledger& ledger, TxIndex tx);

// The output this heuristic names as change, or nullopt when it cannot single one out (fewer than
// two outputs, no inputs, account-based transfer, or zero or several candidates).
std::optional<std::uint32_t> change_output(const Ledger& ledger, TxIndex tx,
                                           ChangeHeuristic heuristic, const ChangeContext& context);

}  // namespace mt
