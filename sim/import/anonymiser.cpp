#include "import/anonymiser.hpp"

#include <algorithm>
#include <unordered_map>

#include <xxhash.h>
#include "model/nlohmann_json.hpp"

#include "import/address_codec.hpp"
#include "import/json_fields.hpp"

namespace mt::import {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kTimeJitter = 1800;              // each transaction moves up to half an hour
constexpr std::int64_t kAmountJitterBasisPoints = 200;  // each amount moves up to 2%

bool is_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::vector<std::uint8_t> from_hex(std::string_view hex) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(kHex.find(hex[i]) * 16 + kHex.find(hex[i + 1])));
    return out;
}

// The Base58Check version byte an address's first character implies.
std::optional<std::uint8_t> base58_version(char first) {
    switch (first) {
        case '1':
            return 0x00;  // Bitcoin P2PKH
        case '3':
            return 0x05;  // Bitcoin P2SH
        case 'm':
        case 'n':
            return 0x6f;  // testnet P2PKH
        case '2':
            return 0xc4;  // testnet P2SH
        case 'T':
            return 0x41;  // Tron
        default:
            return std::nullopt;
    }
}

}  // namespace

Anonymiser::Anonymiser(std::string_view key) : seed_(XXH3_64bits(key.data(), key.size())) {
    scale_permille_ = 500 + hash64("scale", "") % 1501;
    const auto span =
        static_cast<std::int64_t>(hash64("shift", "") % static_cast<std::uint64_t>(700 * kDay));
    const std::int64_t magnitude = 30 * kDay + span;
    shift_seconds_ = (hash64("shift-sign", "") & 1) ? magnitude : -magnitude;
}

std::uint64_t Anonymiser::hash64(std::string_view domain, std::string_view text) const {
    std::string input(domain);
    input += '\0';
    input += text;
    return XXH3_64bits_withSeed(input.data(), input.size(), seed_);
}

std::string Anonymiser::hex_bytes(std::string_view domain, std::string_view text, std::size_t bytes,
                                  int attempt) const {
    std::string out;
    std::string input(domain);
    input += '\0';
    input += text;
    input += '\0';
    input += std::to_string(attempt);
    for (std::uint64_t block = 0; out.size() < 2 * bytes; ++block) {
        const XXH128_hash_t h = XXH3_128bits_withSeed(input.data(), input.size(), seed_ + block);
        for (std::uint64_t word : {h.high64, h.low64})
            for (int i = 7; i >= 0 && out.size() < 2 * bytes; --i) {
                const auto byte = static_cast<std::uint8_t>(word >> (8 * i));
                out += kHex[byte >> 4];
                out += kHex[byte & 15];
            }
    }
    return out;
}

std::string Anonymiser::fresh_address(const std::string& original, int attempt) const {
    if (original == "coinbase") return original;
    if (auto segwit = segwit_decode(original)) {
        segwit->program = from_hex(hex_bytes("segwit", original, segwit->program.size(), attempt));
        return segwit_encode(*segwit);
    }
    // A SegWit-looking address whose checksum does not hold (a hand-written case): still a valid
    // one of the kind its prefix and length say.
    if ((original.rfind("bc1", 0) == 0 || original.rfind("tb1", 0) == 0) && original.size() > 4) {
        const int version = original[3] == 'q' ? 0 : 1;
        const std::size_t bytes = original.size() > 50 ? 32 : 20;
        return segwit_encode({original.substr(0, 2), version,
                              from_hex(hex_bytes("segwit", original, bytes, attempt))});
    }
    if (original.size() == 42 && original.rfind("0x", 0) == 0 && is_hex(original.substr(2)))
        return "0x" + hex_bytes("evm", original, 20, attempt);
    if (auto b58 = base58check_decode(original))
        return base58check_encode(
            b58->version, from_hex(hex_bytes("base58", original, b58->payload.size(), attempt)));
    if (!original.empty() && original.size() >= 25 && original.size() <= 35)
        if (auto version = base58_version(original[0]))
            return base58check_encode(*version,
                                      from_hex(hex_bytes("base58", original, 20, attempt)));
    // Anything else (a bare script's stand-in): its prefix and a keyed hex tail of its length.
    const auto dash = original.find('-');
    const std::string prefix = dash == std::string::npos ? "" : original.substr(0, dash + 1);
    const std::size_t tail = std::max<std::size_t>(8, original.size() - prefix.size());
    return prefix + hex_bytes("other", original, (tail + 1) / 2, attempt).substr(0, tail);
}

std::string Anonymiser::address(const std::string& original) {
    if (auto it = addresses_.find(original); it != addresses_.end()) return it->second;
    std::string fresh;
    for (int attempt = 0;; ++attempt) {
        fresh = fresh_address(original, attempt);
        if (fresh == original && original == "coinbase") break;
        if (!used_.count(fresh)) break;
    }
    used_.emplace(fresh, original);
    addresses_.emplace(original, fresh);
    return fresh;
}

std::string Anonymiser::transaction(const std::string& original) {
    if (auto it = transactions_.find(original); it != transactions_.end()) return it->second;
    // "0x<64 hex>-2": several transfers of one transaction keep their shared hash.
    const bool prefixed = original.rfind("0x", 0) == 0;
    const std::size_t hash_end = (prefixed ? 2 : 0) + 64;
    std::string fresh;
    for (int attempt = 0;; ++attempt) {
        if (original.size() >= hash_end && is_hex_hash(original.substr(0, hash_end), prefixed)) {
            fresh = (prefixed ? "0x" : "") +
                    hex_bytes("tx", original.substr(0, hash_end), 32, attempt) +
                    original.substr(hash_end);
        } else {
            fresh = "tx-" + hex_bytes("tx", original, 16, attempt);
        }
        if (!used_.count(fresh)) break;
    }
    used_.emplace(fresh, original);
    transactions_.emplace(original, fresh);
    return fresh;
}

Units Anonymiser::scaled(Units amount, std::string_view context) const {
    if (amount <= 0) return amount;
    const auto jitter =
        static_cast<std::int64_t>(hash64("amount", context) %
                                  static_cast<std::uint64_t>(2 * kAmountJitterBasisPoints + 1)) -
        kAmountJitterBasisPoints;
    const Units out = amount * static_cast<Units>(scale_permille_) * (10000 + jitter) / 10'000'000;
    return std::max<Units>(out, 1);
}

void Anonymiser::apply(Trail& trail) {
    // New output amounts per original transaction id, for the inputs that spend them.
    std::unordered_map<std::string, std::vector<Units>> outputs_of;
    std::int64_t previous = std::numeric_limits<std::int64_t>::min();
    for (DraftTransaction& tx : trail.transactions) {
        const std::string id = tx.id;
        const auto jitter =
            static_cast<std::int64_t>(hash64("time", id) %
                                      static_cast<std::uint64_t>(2 * kTimeJitter + 1)) -
            kTimeJitter;
        tx.unix_time = std::max(tx.unix_time + shift_seconds_ + jitter, previous);
        previous = tx.unix_time;
        if (!tx.utxo()) {
            tx.amount = scaled(tx.amount, id + ":amount");
            tx.fee = scaled(tx.fee, id + ":fee");
            tx.from = address(tx.from);
            tx.to = address(tx.to);
            tx.id = transaction(id);
            continue;
        }
        // Inputs take what their (already rewritten) parents' outputs now hold; outside funds are
        // scaled. The outputs then share what the inputs bring, less the scaled fee, in the
        // proportions of their own scaled amounts, so every transaction still balances exactly.
        Units in = 0;
        for (std::size_t j = 0; j < tx.inputs.size(); ++j) {
            DraftInput& input = tx.inputs[j];
            auto parent = outputs_of.find(input.from_tx);
            if (parent != outputs_of.end() && input.vout < parent->second.size())
                input.amount = parent->second[input.vout];
            else
                input.amount = scaled(input.amount, id + ":in" + std::to_string(j));
            input.address = address(input.address);
            if (!input.from_tx.empty()) input.from_tx = transaction(input.from_tx);
            in += input.amount;
        }
        const auto n = static_cast<Units>(tx.outputs.size());
        Units fee = scaled(tx.fee, id + ":fee");
        if (fee > in - n) fee = 0;
        std::vector<Units> weights;
        Units total_weight = 0;
        for (std::size_t k = 0; k < tx.outputs.size(); ++k) {
            weights.push_back(scaled(tx.outputs[k].amount, id + ":out" + std::to_string(k)));
            total_weight += weights.back();
        }
        const Units share = in - fee;
        Units given = 0;
        std::size_t largest = 0;
        for (std::size_t k = 0; k < tx.outputs.size(); ++k) {
            tx.outputs[k].amount = std::max<Units>(share * weights[k] / total_weight, 1);
            given += tx.outputs[k].amount;
            if (weights[k] > weights[largest]) largest = k;
        }
        tx.outputs[largest].amount += share - given;  // rounding goes to the largest output
        tx.fee = fee;
        std::vector<Units>& now = outputs_of[id];
        for (DraftOutput& o : tx.outputs) {
            now.push_back(o.amount);
            o.address = address(o.address);
        }
        tx.id = transaction(id);
    }
    for (ChainTrail& chain : trail.chains) {
        for (std::string& id : chain.path) id = transaction(id);
        chain.seed_address = address(chain.seed_address);
        chain.last_address = address(chain.last_address);
    }
}

nlohmann::json Anonymiser::mapping() const {
    nlohmann::json addresses = nlohmann::json::object();
    for (const auto& [original, fresh] : addresses_) addresses[fresh] = original;
    nlohmann::json transactions = nlohmann::json::object();
    for (const auto& [original, fresh] : transactions_) transactions[fresh] = original;
    return {{"amount_scale_permille", scale_permille_},
            {"amount_jitter_basis_points", kAmountJitterBasisPoints},
            {"time_shift_seconds", shift_seconds_},
            {"time_jitter_seconds", kTimeJitter},
            {"addresses", addresses},
            {"transactions", transactions}};
}

}  // namespace mt::import
