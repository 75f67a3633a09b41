#pragma once
// Where generated transactions go: the CSV side file of the case (docs/scenario-format.md),
// written row by row so a million-transaction ledger never sits in memory. Addresses and
// transactions are small integer keys while generating; their text is derived on output.
#include <array>
#include <cstdint>
#include <limits>
#include <ostream>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/time.hpp"

namespace mt::generate {

// Bitcoin and Tron addresses share one key space; Tron keys have the top bit set.
using AddressKey = std::uint64_t;
inline constexpr AddressKey kTronKeyBit = std::uint64_t{1} << 63;
inline bool is_tron(AddressKey key) {
    return (key & kTronKeyBit) != 0;
}

using TxKey = std::uint32_t;  // the row number of a transaction, from 0
inline constexpr TxKey kOutsideFunds = std::numeric_limits<TxKey>::max();

// A Bitcoin output, or (tx == kOutsideFunds) funds from outside the case at `address`.
struct Coin {
    TxKey tx = kOutsideFunds;
    std::uint32_t vout = 0;
    AddressKey address = 0;
    std::int64_t amount = 0;  // satoshi
};

struct Payment {
    AddressKey address = 0;
    std::int64_t amount = 0;
};

enum class TronAsset : std::uint8_t { Trx, Usdt };

inline constexpr int kBtcDecimals = 8;
inline constexpr int kTronDecimals = 6;  // TRX (sun) and USDT on Tron both have 6

// Appends base units as a decimal in whole-asset notation with trailing zeros trimmed ("0.25").
void append_amount(std::string& out, std::int64_t units, int decimals);
std::string amount_text(std::int64_t units, int decimals);
// Appends a time offset from the case start as the format writes it ("-3d4h5m6s", "0").
void append_offset(std::string& out, SimSeconds offset);

class LedgerSink {
  public:
    LedgerSink(std::ostream& out, std::uint64_t salt);
    ~LedgerSink();
    LedgerSink(const LedgerSink&) = delete;
    LedgerSink& operator=(const LedgerSink&) = delete;

    AddressKey new_bitcoin_address() { return ++bitcoin_addresses_; }
    AddressKey new_tron_address() { return kTronKeyBit | ++tron_addresses_; }
    std::string address_text(AddressKey key) const;
    std::string transaction_text(TxKey tx) const;

    // Writes one Bitcoin transaction; inputs must equal outputs plus fee, every amount positive,
    // and times never decrease (so every spend refers back to an earlier row). Throws
    // std::logic_error otherwise: that would be a bug in the generator, not bad input.
    TxKey utxo(SimSeconds time, std::span<const Coin> inputs, std::span<const Payment> outputs,
               std::int64_t fee);
    // Tron balances: the sink keeps them so no transfer can overdraw, as the loader checks.
    // An opening balance is what an address held before the case (it goes to opening_balances).
    void open_balance(AddressKey address, TronAsset asset, std::int64_t amount);
    std::int64_t balance(AddressKey address, TronAsset asset) const;
    struct OpeningBalance {
        AddressKey address = 0;
        TronAsset asset = TronAsset::Trx;
        std::int64_t amount = 0;
    };
    const std::vector<OpeningBalance>& opening_balances() const { return opening_; }

    // Writes one Tron transfer; the fee is in TRX and may be zero (staked or delegated energy).
    // Throws std::logic_error when the sender cannot cover amount and fee.
    TxKey transfer(SimSeconds time, TronAsset asset, AddressKey from, AddressKey to,
                   std::int64_t amount, std::int64_t fee);

    // The coin that output `vout` of `tx` created.
    static Coin coin(TxKey tx, std::uint32_t vout, const Payment& output) {
        return Coin{tx, vout, output.address, output.amount};
    }

    std::uint32_t transaction_count() const { return rows_; }
    // Writes what is buffered; false when the stream failed.
    bool flush();

  private:
    void begin_row(SimSeconds time, std::string_view chain, std::string_view asset,
                   std::int64_t fee);
    void append_address(AddressKey key);

    std::ostream& out_;
    std::uint64_t salt_;
    std::string buffer_;
    std::uint32_t rows_ = 0;
    SimSeconds last_time_ = std::numeric_limits<SimSeconds>::min();
    std::uint64_t bitcoin_addresses_ = 0;
    std::uint64_t tron_addresses_ = 0;
    std::unordered_map<AddressKey, std::array<std::int64_t, 2>> tron_balances_;
    std::vector<OpeningBalance> opening_;
};

}  // namespace mt::generate
