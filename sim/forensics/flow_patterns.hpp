#pragma once
// Fan-in, fan-out and consolidation around one address (AMLSim's fan_in / fan_out; exchange
// deposit addresses swept into a hot wallet). Counterparties are distinct addresses; an address
// paying itself (UTXO change) is not a counterparty.
#include <cstdint>
#include <limits>
#include <vector>

#include "model/ledger.hpp"

namespace mt {

struct Counterparty {
    AddressId address = 0;
    Units amount = 0;  // total moved with this counterparty
    std::uint32_t transfers = 0;
    TxIndex first_tx = kNoTx;
};

struct FlowWindow {
    TxIndex horizon = kNoTx;  // transactions at or after it are not seen
    SimSeconds from =
        std::numeric_limits<SimSeconds>::min();  // only transactions at or after this time
    std::size_t min_counterparties = 5;
};

struct FanPattern {
    AddressId hub = 0;
    AssetId asset = 0;
    std::vector<Counterparty> counterparties;  // largest amount first
    Units total = 0;
    bool detected = false;  // counterparties.size() >= min_counterparties
};

// Many senders into `hub` (UTXO: the input addresses of transactions paying it).
FanPattern fan_in(const Ledger& ledger, AddressId hub, const FlowWindow& window);
// `hub` paying many recipients.
FanPattern fan_out(const Ledger& ledger, AddressId hub, const FlowWindow& window);

// Sweeps into `hub`: each source moved everything it held into the hub (UTXO: a transaction whose
// every output pays the hub; account: a transfer after which the sender holds nothing of the asset,
// counting every transaction of that second).
// Detected when at least min_counterparties distinct sources were swept.
FanPattern consolidation(const Ledger& ledger, AddressId hub, const FlowWindow& window);

}  // namespace mt
