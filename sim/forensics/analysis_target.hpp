#pragma once
// What an analysis is run on, parsed from the text the trainee gave:
//   "<address>"            an address
//   "<txid>"               a transaction
//   "<txid>:<vout>"        one output of a UTXO transaction (vout 0 of an account transfer)
//   any of these + "@<amount>"  only that much of it (whole-asset notation, "0.5"), for taint
// Only what exists before the horizon is found: an address first used later, or a later
// transaction, is reported exactly like an unknown one, so the answer leaks nothing of the future.
#include <optional>
#include <string>
#include <string_view>

#include "model/ledger.hpp"
#include "model/message.hpp"

namespace mt {

struct AnalysisTarget {
    enum class Kind { Address, Transaction, Output };
    Kind kind = Kind::Address;
    AddressId address = 0;   // Kind::Address
    TxIndex tx = kNoTx;      // Kind::Transaction, Kind::Output
    std::uint32_t vout = 0;  // Kind::Output
    std::optional<Units> amount;
    AssetId asset = 0;  // the asset the amount is in (for an address: the one it received)
};

struct TargetResolution {
    std::optional<AnalysisTarget> target;
    Message error;  // "forensic.target.*" with the target as written
};

TargetResolution resolve_target(const Ledger& ledger, std::string_view text, TxIndex horizon);

// Whether an address has any transaction before the horizon.
bool address_visible(const Ledger& ledger, AddressId address, TxIndex horizon);

}  // namespace mt
