#pragma once
// The ledger read from exports, before it becomes a case: chains, assets and transactions with
// absolute Unix times, each transaction remembering the file and JSON path or line it came from
// so every later check can point back at the export.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/money.hpp"

namespace mt::import {

struct Origin {
    std::string file;
    std::string where;  // "$[3]" or "line 12"
};

struct DraftChain {
    std::string id;  // "bitcoin", "ethereum", "tron"
    std::string name;
    bool utxo = false;
    std::string native_asset;
};

struct DraftAsset {
    std::string id;  // "btc", "eth", "usdt-tron"
    std::string symbol;
    std::string chain;
    int decimals = 0;
};

struct DraftInput {
    std::string from_tx;  // the transaction whose output this spends
    std::uint32_t vout = 0;
    std::string address;  // from the export's prevout
    Units amount = 0;
};

struct DraftOutput {
    std::string address;
    Units amount = 0;
};

struct DraftTransaction {
    std::string id;
    std::string chain;
    std::string asset;  // account chains; UTXO chains move their native asset
    std::int64_t unix_time = 0;
    Units fee = 0;  // in the chain's native asset
    // UTXO chains
    std::vector<DraftInput> inputs;
    std::vector<DraftOutput> outputs;
    // Account chains: one transfer
    std::string from;
    std::string to;
    Units amount = 0;
    Origin origin;
    bool utxo() const { return !outputs.empty(); }
};

// Esplora's outspends of one transaction: per output, the transaction and input spending it.
struct Outspend {
    bool spent = false;
    std::string txid;
    std::uint32_t vin = 0;
};
struct OutspendList {
    std::string txid;
    std::vector<Outspend> outputs;
    Origin origin;
};

// A TagPack tag read as attribution data for an address.
struct AttributionTag {
    std::string address;
    std::string label;
    std::string category;  // GraphSense concept id, may be empty
    std::string source;
    std::string confidence;
    Origin origin;
};

struct DraftLedger {
    std::vector<DraftChain> chains;
    std::vector<DraftAsset> assets;
    std::vector<DraftTransaction> transactions;
    std::vector<OutspendList> outspends;
    std::vector<AttributionTag> tags;

    const DraftChain* chain(const std::string& id) const;
    const DraftAsset* asset(const std::string& id) const;
    // Adds the chain and its native asset once; later calls return the existing ones.
    void add_chain(const DraftChain& chain, const DraftAsset& native);
    // Adds a token asset once; the first declaration's decimals hold (amounts already read are
    // in its base units).
    void add_asset(const DraftAsset& asset);
};

// The chains the importer knows, with their native assets as the shipped cases declare them.
DraftChain bitcoin_chain();
DraftAsset bitcoin_asset();
DraftChain ethereum_chain();
DraftAsset ether_asset();
DraftChain tron_chain();
DraftAsset tron_asset();

}  // namespace mt::import
