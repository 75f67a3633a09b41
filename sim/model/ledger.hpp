#pragma once
// The on-chain record of a case: chains, assets, addresses and transactions, stored flat so a
// ledger of a million transactions stays compact (inputs and outputs live in two shared arrays).
//
// UTXO chains: a transaction spends earlier outputs (or funds from outside the case, with no
// previous outpoint) and sum(inputs) == sum(outputs) + fee.
// Account chains: a transaction is one transfer of one asset from inputs[0].address to
// outputs[0].address; the fee is paid by the sender in the chain's native asset.
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/money.hpp"
#include "model/time.hpp"

namespace mt {

using AddressId = std::uint32_t;
using TxIndex = std::uint32_t;
using AssetId = std::uint16_t;
using ChainId = std::uint16_t;
inline constexpr TxIndex kNoTx = std::numeric_limits<TxIndex>::max();

enum class ChainModel : std::uint8_t { Utxo, Account };

struct Chain {
    std::string id;    // "bitcoin"
    std::string name;  // "Bitcoin"
    ChainModel model = ChainModel::Utxo;
    AssetId native_asset = 0;
};

struct Asset {
    std::string id;      // "usdt-tron"
    std::string symbol;  // "USDT"
    ChainId chain = 0;
    int decimals = 8;
    std::string issuer;  // entity id of a token issuer that can freeze balances; empty for coins
};

struct OutPoint {
    TxIndex tx = kNoTx;
    std::uint32_t vout = 0;
    bool operator==(const OutPoint&) const = default;
};

struct TxInput {
    AddressId address = 0;
    Units amount = 0;
    OutPoint prev;  // prev.tx == kNoTx: funds from outside the case (coinbase, unmodelled history)
};

struct TxOutput {
    AddressId address = 0;
    Units amount = 0;
};

struct Transaction {
    std::string id;  // the hash as shown to trainees
    ChainId chain = 0;
    AssetId asset = 0;
    SimSeconds time = 0;
    Units fee = 0;
    std::uint32_t first_input = 0;
    std::uint32_t input_count = 0;
    std::uint32_t first_output = 0;
    std::uint32_t output_count = 0;
};

// A transaction before it is added: the loader and the generator build these.
struct TransactionDraft {
    std::string id;
    ChainId chain = 0;
    AssetId asset = 0;
    SimSeconds time = 0;
    Units fee = 0;
    std::vector<TxInput> inputs;
    std::vector<TxOutput> outputs;
};

// Hashes std::string and std::string_view alike, so lookups by a view build no string.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

class Ledger {
  public:
    ChainId add_chain(Chain chain);
    AssetId add_asset(Asset asset);
    std::span<const Chain> chains() const { return chains_; }
    std::span<const Asset> assets() const { return assets_; }
    const Chain& chain(ChainId id) const { return chains_.at(id); }
    const Asset& asset(AssetId id) const { return assets_.at(id); }
    std::optional<ChainId> find_chain(std::string_view id) const;
    std::optional<AssetId> find_asset(std::string_view id) const;

    // Addresses are interned once; the same text always yields the same id.
    AddressId intern_address(std::string_view text, ChainId chain);
    std::optional<AddressId> find_address(std::string_view text) const;
    const std::string& address_text(AddressId id) const { return address_text_.at(id); }
    ChainId address_chain(AddressId id) const { return address_chain_.at(id); }
    std::size_t address_count() const { return address_text_.size(); }

    // Room for this many transactions, inputs, outputs and addresses (a loader that knows its
    // sizes calls this first, so a big ledger is not copied as it grows).
    void reserve(std::size_t transactions, std::size_t inputs, std::size_t outputs,
                 std::size_t addresses);

    // Transactions must be added in non-decreasing time order; returns the new index.
    TxIndex add_transaction(const TransactionDraft& draft);
    // Builds the per-address and spent-output indexes. Call once after the last add_transaction.
    void finalize();

    std::size_t transaction_count() const { return transactions_.size(); }
    const Transaction& transaction(TxIndex tx) const { return transactions_.at(tx); }
    std::span<const TxInput> inputs(TxIndex tx) const;
    std::span<const TxOutput> outputs(TxIndex tx) const;
    std::optional<TxIndex> find_transaction(std::string_view id) const;

    // Transactions touching an address (as input or output), in time order. Needs finalize().
    std::span<const TxIndex> transactions_of(AddressId address) const;
    // The transaction that spends an output, or kNoTx while it is unspent. Needs finalize().
    TxIndex spender(OutPoint out) const;

    // Balance of an address in one asset after every transaction at or before `at`
    // (UTXO: unspent outputs; account: received minus sent minus native fees). Needs finalize().
    // Busy addresses (exchange hot wallets) answer from running totals built by finalize(), in
    // logarithmic time; the rest sum their few transactions.
    Units balance(AddressId address, AssetId asset, SimSeconds at) const;

    // Addresses with at least this many transactions get running totals.
    static constexpr std::size_t kRunningTotalsFrom = 256;

  private:
    // How one transaction changes an address's balance in one asset.
    Units balance_change(AddressId address, AssetId asset, TxIndex t) const;
    void build_running_totals();

    // Running balance after each of a busy address's transactions, per asset it touches:
    // totals[k * count + i] is the balance in assets[k] after its i-th transaction.
    struct RunningTotals {
        std::vector<AssetId> assets;
        std::vector<Units> totals;
    };

    std::vector<Chain> chains_;
    std::vector<Asset> assets_;
    std::vector<std::string> address_text_;
    std::vector<ChainId> address_chain_;
    std::unordered_map<std::string, AddressId, TextHash, std::equal_to<>> address_index_;
    std::vector<Transaction> transactions_;
    std::vector<TxInput> inputs_;
    std::vector<TxOutput> outputs_;
    std::unordered_map<std::string, TxIndex, TextHash, std::equal_to<>> tx_index_;
    // Compressed rows: transactions of address a are address_tx_[address_tx_start_[a] ..
    // start[a+1]).
    std::vector<std::uint32_t> address_tx_start_;
    std::vector<TxIndex> address_tx_;
    std::vector<TxIndex> spent_by_;  // indexed like outputs_
    std::unordered_map<AddressId, RunningTotals> running_totals_;
};

}  // namespace mt
