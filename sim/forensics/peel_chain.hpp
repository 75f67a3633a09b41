#pragma once
// Peel-chain detector (docs/forensics.md, "Pattern detectors"): one large amount; each hop pays a
// small amount out and moves the rest to fresh change, again and again. UTXO: a transaction with
// two outputs, then 1-in 2-out hops along the change. Account-based: an address pays out smaller
// amounts and forwards the largest to an address never used before, which does the same. Exchanges
// and mining pools pay out this way too: a peel chain shows a shape, not a crime.
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/ledger.hpp"

namespace mt {

inline constexpr std::size_t kMinPeelChainHops =
    3;  // shorter runs are reported but not called a chain

struct Peel {
    TxIndex tx = kNoTx;  // the transaction that paid it out
    AddressId to = 0;
    Units amount = 0;
    TxIndex spent_in =
        kNoTx;  // UTXO: where the peeled output went next; kNoTx: unspent (as of now)
};

struct PeelHop {
    TxIndex tx = kNoTx;            // UTXO: the hop transaction; account: the forwarding transfer
    AddressId holder = 0;          // the address that held the rest before this hop
    std::vector<Peel> peels;       // UTXO: exactly one
    AddressId change_address = 0;  // where the rest went
    Units change = 0;
};

enum class PeelChainEnd : std::uint8_t {
    Unspent,       // the rest has not moved (as of now)
    ShapeChanged,  // the rest went into a transaction of another shape (consolidation, fan-out...)
    Cycle,         // account-based: the rest came back to an address already on the chain
    NotStarted,    // the starting point does not have the shape of a hop
};
std::string_view name_of(PeelChainEnd end);

struct PeelChain {
    std::vector<PeelHop> hops;
    Units start_value = 0;  // what the first hop started with
    Units total_peeled = 0;
    PeelChainEnd end = PeelChainEnd::NotStarted;
    TxIndex stopped_at = kNoTx;  // ShapeChanged: the transaction that broke the pattern
    AssetId asset = 0;
    bool is_chain() const { return hops.size() >= kMinPeelChainHops; }
};

// From a transaction (UTXO: it is the first hop; account: its recipient is the first holder).
PeelChain follow_peel_chain(const Ledger& ledger, TxIndex start, TxIndex horizon);
// From an address (UTXO: its first spend with two outputs; account: the address is the first
// holder).
PeelChain follow_peel_chain_from_address(const Ledger& ledger, AddressId address, TxIndex horizon);

}  // namespace mt
