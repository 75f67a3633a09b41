#pragma once
// Esplora / mempool.space JSON (github.com/Blockstream/esplora API.md): `GET /tx/:txid` (one
// transaction), `GET /address/:a/txs` and its `/txs/chain/:last_seen` pages (arrays of them) and
// `GET /tx/:txid/outspends` (per output {spent, txid, vin, status}). Amounts are satoshis.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "import/draft_ledger.hpp"

namespace mt::import {

// Whether `json` looks like Esplora transactions (an object or array of objects with txid and
// vin) or outspends (an array of objects with `spent`).
bool looks_like_esplora_transactions(const nlohmann::json& json);
bool looks_like_esplora_outspends(const nlohmann::json& json);

// Appends the transactions of `json` (an object or an array) to `ledger`.
void read_esplora_transactions(const std::string& file, const nlohmann::json& json,
                               DraftLedger& ledger);
// Appends outspends; the file's name must contain the id of the transaction they belong to, as
// saved by `curl -o <txid>-outspends.json .../tx/<txid>/outspends`.
void read_esplora_outspends(const std::string& file, const std::string& file_name,
                            const nlohmann::json& json, DraftLedger& ledger);

}  // namespace mt::import
