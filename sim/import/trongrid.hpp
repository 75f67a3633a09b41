#pragma once
// TronGrid's TRC-20 transfers of an account (`GET /v1/accounts/{address}/transactions/trc20`,
// paged by meta.fingerprint): {data: [{transaction_id, token_info{symbol, address, decimals,
// name}, block_timestamp (ms), from, to, type, value (base units, as a string)}], success, meta}.
// Only "Transfer" rows move value; other types (approvals) are skipped.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "import/draft_ledger.hpp"

namespace mt::import {

bool looks_like_trongrid_trc20(const nlohmann::json& json);
void read_trongrid_trc20(const std::string& file, const nlohmann::json& json, DraftLedger& ledger);

}  // namespace mt::import
