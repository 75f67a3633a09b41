#include "import/trongrid.hpp"

#include <algorithm>

#include "model/nlohmann_json.hpp"

#include "import/address_codec.hpp"
#include "import/import_error.hpp"
#include "import/json_fields.hpp"
#include "import/token_slug.hpp"

namespace mt::import {
namespace {

std::string tron_address(const JsonFields& f, std::string_view key, const std::string& file) {
    const std::string a = f.string(key);
    const auto decoded = base58check_decode(a);
    if (!decoded || decoded->version != 0x41 || decoded->payload.size() != 20) {
        Message m = file_error("import.error.bad_tron_address", file, f.child_path(key));
        m.arg("value", a);
        throw ImportFailure(m);
    }
    return a;
}

}  // namespace

bool looks_like_trongrid_trc20(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("data") || !json["data"].is_array()) return false;
    const auto& data = json["data"];
    return data.empty() ? json.contains("meta") : data.front().contains("transaction_id");
}

void read_trongrid_trc20(const std::string& file, const nlohmann::json& json, DraftLedger& ledger) {
    ledger.add_chain(tron_chain(), tron_asset());
    const JsonFields top(file, json, "$");
    const nlohmann::json& data = top.array("data");
    for (std::size_t i = 0; i < data.size(); ++i) {
        const JsonFields row(file, data[i], "$.data[" + std::to_string(i) + "]");
        if (row.has("type") && row.string("type") != "Transfer") continue;
        DraftTransaction tx;
        tx.chain = "tron";
        tx.origin = {file, row.path()};
        tx.id = row.string("transaction_id");
        if (!is_hex_hash(tx.id, false)) {
            Message m = file_error("import.error.bad_txid", file, row.child_path("transaction_id"));
            m.arg("value", tx.id);
            throw ImportFailure(m);
        }
        std::transform(tx.id.begin(), tx.id.end(), tx.id.begin(), [](char c) {
            return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c;
        });
        const JsonFields token(file, row.object("token_info"), row.child_path("token_info"));
        const std::string symbol = token.string("symbol");
        const std::uint64_t decimals = token.unsigned_number("decimals");
        if (decimals > 30)
            token.expected("whole number from 0 to 30", token.child_path("decimals"));
        tx.asset = token_slug(symbol) + "-tron";
        if (const DraftAsset* known = ledger.asset(tx.asset);
            known && known->decimals != static_cast<int>(decimals)) {
            Message m =
                file_error("import.error.decimals_conflict", file, token.child_path("decimals"));
            m.arg("symbol", symbol)
                .arg("decimals", static_cast<long long>(decimals))
                .arg("first", known->decimals);
            throw ImportFailure(m);
        }
        ledger.add_asset({tx.asset, symbol, "tron", static_cast<int>(decimals)});
        // Milliseconds since 1970; the case keeps whole seconds.
        tx.unix_time = static_cast<std::int64_t>(row.unsigned_number("block_timestamp") / 1000);
        tx.from = tron_address(row, "from", file);
        tx.to = tron_address(row, "to", file);
        const std::string value = row.string("value");
        const auto units = parse_units(value);
        if (!units) {
            Message m = file_error("import.error.bad_units", file, row.child_path("value"));
            m.arg("value", value);
            throw ImportFailure(m);
        }
        tx.amount = *units;
        if (tx.amount == 0) continue;
        ledger.transactions.push_back(std::move(tx));
    }
}

}  // namespace mt::import
