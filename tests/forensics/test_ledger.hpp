#pragma once
// Small hand-built ledgers for the forensics tests: one UTXO chain (BTC, 8 decimals) and one
// account chain (ETH, 18 decimals, with a 6-decimal USDT token).
#include <string>
#include <vector>

#include "model/ledger.hpp"

namespace mt::test {

inline constexpr Units kSat = 1;
inline constexpr Units kBtc = 100'000'000;
inline const Units kEth = [] {
    Units v = 1;
    for (int i = 0; i < 18; ++i) v *= 10;
    return v;
}();
inline constexpr Units kUsdt = 1'000'000;

class TestLedger {
  public:
    TestLedger() {
        btc_chain = ledger.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
        btc = ledger.add_asset({"btc", "BTC", btc_chain, 8, ""});
        eth_chain = ledger.add_chain({"ethereum", "Ethereum", ChainModel::Account, 1});
        eth = ledger.add_asset({"eth", "ETH", eth_chain, 18, ""});
        usdt = ledger.add_asset({"usdt-eth", "USDT", eth_chain, 6, "tether"});
    }

    AddressId btc_address(const std::string& text) {
        return ledger.intern_address(text, btc_chain);
    }
    AddressId eth_address(const std::string& text) {
        return ledger.intern_address(text, eth_chain);
    }

    // An input spending output `vout` of `tx` (kNoTx: funds from outside the case).
    static TxInput in(AddressId address, Units amount, TxIndex tx = kNoTx, std::uint32_t vout = 0) {
        return {address, amount, {tx, vout}};
    }

    TxIndex utxo(const std::string& id, SimSeconds time, std::vector<TxInput> inputs,
                 std::vector<TxOutput> outputs) {
        Units in = 0, out = 0;
        for (const TxInput& i : inputs) in += i.amount;
        for (const TxOutput& o : outputs) out += o.amount;
        return ledger.add_transaction(
            {id, btc_chain, btc, time, in - out, std::move(inputs), std::move(outputs)});
    }

    TxIndex transfer(const std::string& id, SimSeconds time, AddressId from, AddressId to,
                     Units amount, Units fee = 0, AssetId asset = 1) {
        return ledger.add_transaction(
            {id, eth_chain, asset, time, fee, {{from, amount, {}}}, {{to, amount}}});
    }

    Ledger& done() {
        ledger.finalize();
        return ledger;
    }

    Ledger ledger;
    ChainId btc_chain = 0, eth_chain = 0;
    AssetId btc = 0, eth = 0, usdt = 0;
};

}  // namespace mt::test
