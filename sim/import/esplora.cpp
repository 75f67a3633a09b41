#include "import/esplora.hpp"

#include "model/nlohmann_json.hpp"

#include "import/import_error.hpp"
#include "import/json_fields.hpp"

namespace mt::import {
namespace {

bool is_transaction(const nlohmann::json& v) {
    return v.is_object() && v.contains("txid") && v.contains("vin") && v.contains("vout");
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string txid_at(const JsonFields& f, std::string_view key, const std::string& file) {
    const std::string id = f.string(key);
    if (!is_hex_hash(id, false)) {
        Message m = file_error("import.error.bad_txid", file, f.child_path(key));
        m.arg("value", id);
        throw ImportFailure(m);
    }
    return lower(id);
}

// An output's address; outputs without one (bare scripts) get a stable stand-in.
std::string output_address(const JsonFields& out) {
    if (!out.is_null("scriptpubkey_address")) return out.string("scriptpubkey_address");
    const std::string script = out.has("scriptpubkey") ? out.string("scriptpubkey") : "";
    return "script-" + script.substr(0, 32);
}

DraftTransaction read_transaction(const std::string& file, const nlohmann::json& json,
                                  const std::string& path) {
    const JsonFields tx(file, json, path);
    DraftTransaction out;
    out.chain = "bitcoin";
    out.asset = "btc";
    out.id = txid_at(tx, "txid", file);
    out.origin = {file, path};
    out.fee = static_cast<Units>(tx.unsigned_number("fee"));
    const JsonFields status(file, tx.object("status"), tx.child_path("status"));
    if (!status.has("block_time")) {
        Message m = file_error("import.error.unconfirmed", file, status.path());
        m.arg("tx", out.id);
        throw ImportFailure(m);
    }
    out.unix_time = static_cast<std::int64_t>(status.unsigned_number("block_time"));

    const nlohmann::json& vout = tx.array("vout");
    for (std::size_t i = 0; i < vout.size(); ++i) {
        const JsonFields o(file, vout[i], tx.child_path("vout") + "[" + std::to_string(i) + "]");
        out.outputs.push_back({output_address(o), static_cast<Units>(o.unsigned_number("value"))});
    }
    const nlohmann::json& vin = tx.array("vin");
    for (std::size_t i = 0; i < vin.size(); ++i) {
        const JsonFields in(file, vin[i], tx.child_path("vin") + "[" + std::to_string(i) + "]");
        DraftInput input;
        if (in.has("is_coinbase") && in.boolean("is_coinbase")) {
            input.address = "coinbase";
        } else {
            input.from_tx = txid_at(in, "txid", file);
            input.vout = static_cast<std::uint32_t>(in.unsigned_number("vout"));
            if (!in.is_null("prevout")) {
                const JsonFields prev(file, in.object("prevout"), in.child_path("prevout"));
                input.address = output_address(prev);
                input.amount = static_cast<Units>(prev.unsigned_number("value"));
            }
        }
        out.inputs.push_back(std::move(input));
    }
    // A coinbase input creates what the outputs and fee take.
    for (DraftInput& input : out.inputs)
        if (input.address == "coinbase") {
            Units total = out.fee;
            for (const DraftOutput& o : out.outputs) total += o.amount;
            input.amount = total;
        }
    return out;
}

}  // namespace

bool looks_like_esplora_transactions(const nlohmann::json& json) {
    if (is_transaction(json)) return true;
    return json.is_array() && !json.empty() && is_transaction(json.front());
}

bool looks_like_esplora_outspends(const nlohmann::json& json) {
    return json.is_array() && !json.empty() && json.front().is_object() &&
           json.front().contains("spent");
}

void read_esplora_transactions(const std::string& file, const nlohmann::json& json,
                               DraftLedger& ledger) {
    ledger.add_chain(bitcoin_chain(), bitcoin_asset());
    if (json.is_object()) {
        ledger.transactions.push_back(read_transaction(file, json, "$"));
        return;
    }
    for (std::size_t i = 0; i < json.size(); ++i)
        ledger.transactions.push_back(
            read_transaction(file, json[i], "$[" + std::to_string(i) + "]"));
}

void read_esplora_outspends(const std::string& file, const std::string& file_name,
                            const nlohmann::json& json, DraftLedger& ledger) {
    std::string txid;
    for (std::size_t i = 0; i + 64 <= file_name.size() && txid.empty(); ++i)
        if (is_hex_hash(std::string_view(file_name).substr(i, 64), false))
            txid = lower(file_name.substr(i, 64));
    if (txid.empty()) {
        Message m("import.error.outspends_name");
        m.arg("file", file);
        throw ImportFailure(m);
    }
    OutspendList list;
    list.txid = txid;
    list.origin = {file, "$"};
    for (std::size_t i = 0; i < json.size(); ++i) {
        const JsonFields o(file, json[i], "$[" + std::to_string(i) + "]");
        Outspend spend;
        spend.spent = o.boolean("spent");
        if (spend.spent) {
            spend.txid = txid_at(o, "txid", file);
            spend.vin = static_cast<std::uint32_t>(o.unsigned_number("vin"));
        }
        list.outputs.push_back(spend);
    }
    ledger.outspends.push_back(std::move(list));
}

}  // namespace mt::import
