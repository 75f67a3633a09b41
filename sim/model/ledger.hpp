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

#include "model/large_array.hpp"
#include "model/money.hpp"
#include "model/text_table.hpp"
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

// Ledger records hold their amounts packed (4-byte aligned), so a million of them carry no padding.
struct TxInput {
    AddressId address = 0;
    PackedUnits amount = 0;
    OutPoint prev;  // prev.tx == kNoTx: funds from outside the case (coinbase, unmodelled history)
};

struct TxOutput {
    AddressId address = 0;
    PackedUnits amount = 0;
};

// A transaction as the ledger stores it: its id is an entry of the ledger's id table.
struct TxRecord {
    SimSeconds time = 0;
    PackedUnits fee = 0;
    std::uint32_t first_input = 0;
    std::uint32_t input_count = 0;
    std::uint32_t first_output = 0;
    std::uint32_t output_count = 0;
    TextTable::Entry id_entry = 0;
    ChainId chain = 0;
    AssetId asset = 0;
};

// A transaction as read from the ledger: the stored record with its id's text.
struct Transaction {
    TextTable::Text id;  // the hash as shown to trainees
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

    // How addresses and transaction ids are packed: keys for them (TextTable::key) use it.
    static constexpr TextTable::Packing kTextPacking = TextTable::Packing::Compact;

    // Addresses are interned once; the same text always yields the same id.
    AddressId intern_address(std::string_view text, ChainId chain);
    AddressId intern_address(const TextTable::Key& key, ChainId chain);
    std::optional<AddressId> find_address(std::string_view text) const;
    void prefetch_address(std::string_view text) const { addresses_.prefetch(text); }
    void prefetch_address(const TextTable::Key& key, TextTable::Step step) const {
        addresses_.prefetch(key, step);
    }
    TextTable::Text address_text(AddressId id) const { return addresses_.at(id); }
    ChainId address_chain(AddressId id) const { return address_chain_.at(id); }
    std::size_t address_count() const { return address_chain_.size(); }

    // Room for this many addresses of this many bytes in all (a loader that can estimate its
    // sizes calls this first, so the address texts are not copied as they grow).
    void reserve_addresses(std::size_t addresses, std::size_t bytes);

    // Transactions must be added in non-decreasing time order; returns the new index.
    TxIndex add_transaction(const TransactionDraft& draft);
    // Takes transactions assembled in bulk (a loader's fast path, with no per-transaction copy):
    // `records` in non-decreasing time order, each naming its id's entry in `ids` and its legs'
    // ranges in `inputs` and `outputs`; inputs spend earlier outputs by TxIndex. Entries of `ids`
    // no record names are not transactions. Replaces what was added before.
    void adopt(TextTable ids, LargeVector<TxRecord> records, LargeVector<TxInput> inputs,
               LargeVector<TxOutput> outputs);
    // Builds the per-address and spent-output indexes. Call once after the last add_transaction.
    void finalize();

    std::size_t transaction_count() const { return transactions_.size(); }
    Transaction transaction(TxIndex tx) const;
    TextTable::Text transaction_id(TxIndex tx) const {
        return transaction_ids_.at(transactions_.at(tx).id_entry);
    }
    std::span<const TxInput> inputs(TxIndex tx) const;
    std::span<const TxOutput> outputs(TxIndex tx) const;
    std::optional<TxIndex> find_transaction(std::string_view id) const;
    // Bytes the transactions, legs, texts and indexes hold (in use, not reserved: room reserved
    // and never written is not resident), for memory figures.
    std::size_t memory_bytes() const;

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
    friend class LedgerImage;  // writes and reads these arrays as they are (ledger_image.cpp)

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
    TextTable addresses_{kTextPacking};  // entry == AddressId
    LargeVector<ChainId> address_chain_;
    LargeVector<TxRecord> transactions_;
    LargeVector<TxInput> inputs_;
    LargeVector<TxOutput> outputs_;
    TextTable transaction_ids_{kTextPacking};
    // By entry of transaction_ids_; empty while every entry is the id of the transaction of the
    // same index (ids added in ledger order, the usual case).
    LargeVector<TxIndex> tx_of_id_;
    // Compressed rows: transactions of address a are address_tx_[address_tx_start_[a] ..
    // start[a+1]).
    LargeVector<std::uint32_t> address_tx_start_;
    LargeVector<TxIndex> address_tx_;
    LargeVector<TxIndex> spent_by_;  // indexed like outputs_
    std::unordered_map<AddressId, RunningTotals> running_totals_;
};

}  // namespace mt
