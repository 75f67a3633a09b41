#pragma once
// The haystack: ordinary activity around a crime, on a Bitcoin (UTXO) chain and on Tron (USDT
// and TRX). Exchanges give each customer a deposit address and sweep deposits into a reused hot
// wallet that pays withdrawals in batches; merchants take each payment at a fresh invoice
// address and settle them together; users pay each other, merchants and their exchange
// accounts with change and address reuse as wallets do. Funds from before the case enter as
// outside inputs (Bitcoin) or opening balances (Tron hot wallets).
//
// The trail of the crime (trail.hpp) draws on this world: CoinJoin partners are its users, its
// payments land in users' and merchants' wallets, and an exchange's sweep mixes the suspect's
// deposit with other customers'.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "generate/ledger_sink.hpp"
#include "generate/random.hpp"

namespace mt::generate {

inline constexpr std::size_t kExchanges = 5;
inline constexpr std::size_t kMerchants = 12;
// Which exchange plays which part in the case (names and countries are in case_text.cpp).
inline constexpr std::size_t kCashOutExchange = 0;  // domestic: the suspect's account
inline constexpr std::size_t kForeignExchange = 1;  // abroad: where the developers cash out

class Background {
  public:
    // `users`: how many ordinary people take part (the number of distinct wallets).
    Background(LedgerSink& sink, Random random, std::uint32_t users);

    // Writes one ordinary transaction at `time`.
    void step(SimSeconds time);

    AddressKey exchange_hot_wallet(std::size_t exchange) const { return exchanges_[exchange].hot; }
    AddressKey exchange_tron_hot_wallet(std::size_t exchange) const {
        return exchanges_[exchange].tron_hot;
    }
    // Deposits waiting at an exchange's deposit addresses, removed for a sweep the caller writes.
    std::vector<Coin> take_pending_deposits(std::size_t exchange, std::size_t most);
    void add_pending_deposit(std::size_t exchange, const Coin& coin) {
        exchanges_[exchange].pending.push_back(coin);
    }
    void add_hot_coin(std::size_t exchange, const Coin& coin) {
        exchanges_[exchange].hot_coins.push_back(coin);
    }

    // A user's coin of at least `at_least` satoshi, taken out of the wallet, with the user's index.
    std::optional<std::pair<std::uint32_t, Coin>> take_user_coin(std::int64_t at_least);
    std::uint32_t random_user() { return static_cast<std::uint32_t>(random_.below(users_.size())); }
    // The address a user gives to be paid at (fresh most of the time, as wallets do).
    AddressKey receive_address(std::uint32_t user);
    void give_coin(std::uint32_t user, const Coin& coin) { users_[user].coins.push_back(coin); }
    AddressKey tron_account(std::uint32_t user);

    AddressKey merchant_invoice_address() { return sink_.new_bitcoin_address(); }
    void add_invoice(std::size_t merchant, const Coin& coin) {
        merchants_[merchant].invoices.push_back(coin);
    }

  private:
    struct User {
        std::vector<Coin> coins;
        AddressKey receive = 0;
        AddressKey tron = 0;
        std::array<AddressKey, kExchanges> deposit{};       // Bitcoin deposit address per exchange
        std::array<AddressKey, kExchanges> tron_deposit{};  // USDT deposit address per exchange
        bool staked_energy = false;                         // pays no TRX for USDT transfers
    };
    struct Exchange {
        AddressKey hot = 0;
        AddressKey cold = 0;
        AddressKey tron_hot = 0;
        std::vector<Coin> hot_coins;
        std::vector<Coin> pending;             // deposits not yet swept
        std::vector<AddressKey> tron_pending;  // deposit addresses holding USDT
        int popularity = 1;
    };
    struct Merchant {
        AddressKey settlement = 0;
        std::vector<Coin> invoices;  // paid invoices not yet settled
        std::vector<Coin> settled;
        AddressKey deposit = 0;  // its account at the exchange it cashes out at
        std::size_t exchange = 0;
        int popularity = 1;
    };

    bool bitcoin_step(SimSeconds time);
    bool tron_step(SimSeconds time);
    void outside_payment(SimSeconds time);
    bool user_payment(SimSeconds time, bool to_merchant);
    bool user_deposit(SimSeconds time);
    bool user_consolidation(SimSeconds time);
    bool exchange_withdrawal(SimSeconds time);
    bool exchange_sweep(SimSeconds time);
    bool merchant_settlement(SimSeconds time);
    bool merchant_cash_out(SimSeconds time);
    bool tron_withdrawal(SimSeconds time, TronAsset asset);
    bool tron_user_transfer(SimSeconds time, bool to_exchange);
    bool tron_sweep(SimSeconds time);

    // A user holding Bitcoin (a few tries), or none.
    std::optional<std::uint32_t> user_with_coins();
    std::optional<std::uint32_t> tron_user_with_usdt();
    std::size_t pick_exchange();
    std::size_t pick_merchant();
    std::int64_t fee_rate();
    static std::int64_t vsize(std::size_t inputs, std::size_t outputs);
    std::int64_t fee(std::size_t inputs, std::size_t outputs);
    std::int64_t usdt_amount(int low, int high);  // USDT base units between 10^low and 10^high
    std::int64_t usdt_fee(const User& user);
    // Takes coins from the end of `coins` until they cover `target` plus the fee of a transaction
    // with that many inputs and `outputs` outputs; empty (and `coins` untouched) when they cannot.
    std::vector<Coin> select(std::vector<Coin>& coins, std::int64_t target, std::size_t outputs,
                             std::int64_t& fee_out);
    // Pays `payments` from `inputs` with change to `change` (dropped into the fee when it would
    // be dust). Returns the transaction and, when there was change, its coin.
    std::pair<TxKey, std::optional<Coin>> pay(SimSeconds time, const std::vector<Coin>& inputs,
                                              std::vector<Payment> payments, AddressKey change,
                                              std::int64_t fee);

    LedgerSink& sink_;
    Random random_;
    std::vector<User> users_;
    std::vector<std::uint32_t> tron_users_;
    std::array<Exchange, kExchanges> exchanges_;
    std::array<Merchant, kMerchants> merchants_;
};

}  // namespace mt::generate
