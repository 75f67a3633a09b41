#include <catch2/catch.hpp>

#include "model/ledger.hpp"

using namespace mt;

namespace {
Ledger two_hop_utxo_ledger() {
    Ledger ledger;
    const ChainId btc = ledger.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
    ledger.add_asset({"btc", "BTC", btc, 8, ""});
    const AddressId victim = ledger.intern_address("bc1qvictim", btc);
    const AddressId thief = ledger.intern_address("bc1qthief", btc);
    const AddressId change = ledger.intern_address("bc1qchange", btc);
    const AddressId exchange = ledger.intern_address("bc1qexchange", btc);
    TransactionDraft pay{"tx-pay", btc, 0, 100, 1'000, {{victim, 500'000, {}}}, {{thief, 499'000}}};
    const TxIndex first = ledger.add_transaction(pay);
    TransactionDraft peel{"tx-peel",
                          btc,
                          0,
                          200,
                          1'000,
                          {{thief, 499'000, {first, 0}}},
                          {{exchange, 100'000}, {change, 398'000}}};
    ledger.add_transaction(peel);
    ledger.finalize();
    return ledger;
}
}  // namespace

TEST_CASE("the ledger indexes transactions per address in time order", "[ledger]") {
    const Ledger ledger = two_hop_utxo_ledger();
    const AddressId thief = *ledger.find_address("bc1qthief");
    const auto txs = ledger.transactions_of(thief);
    REQUIRE(txs.size() == 2);
    CHECK(ledger.transaction(txs[0]).id == "tx-pay");
    CHECK(ledger.transaction(txs[1]).id == "tx-peel");
    CHECK(ledger.spender({0, 0}) == 1);
    CHECK(ledger.spender({1, 0}) == kNoTx);
    CHECK_FALSE(ledger.find_address("bc1qnobody"));
}

TEST_CASE("UTXO balances follow spent outputs and ignore funds from outside the case", "[ledger]") {
    const Ledger ledger = two_hop_utxo_ledger();
    const AddressId thief = *ledger.find_address("bc1qthief");
    const AddressId victim = *ledger.find_address("bc1qvictim");
    CHECK(ledger.balance(thief, 0, 150) == 499'000);
    CHECK(ledger.balance(thief, 0, 250) == 0);
    CHECK(ledger.balance(*ledger.find_address("bc1qchange"), 0, 250) == 398'000);
    CHECK(ledger.balance(victim, 0, 250) == 0);
}

TEST_CASE("account balances subtract native fees from the sender", "[ledger]") {
    Ledger ledger;
    const ChainId eth = ledger.add_chain({"ethereum", "Ethereum", ChainModel::Account, 0});
    ledger.add_asset({"eth", "ETH", eth, 18, ""});
    const AssetId usdt = ledger.add_asset({"usdt-eth", "USDT", eth, 6, "tether"});
    const AddressId a = ledger.intern_address("0xaaa", eth);
    const AddressId b = ledger.intern_address("0xbbb", eth);
    ledger.add_transaction({"0x1", eth, 0, 10, 0, {{b, 5'000, {}}}, {{a, 5'000}}});
    ledger.add_transaction({"0x2", eth, usdt, 20, 7, {{a, 900, {}}}, {{b, 900}}});
    ledger.finalize();
    CHECK(ledger.balance(a, 0, 100) == 5'000 - 7);
    CHECK(ledger.balance(a, usdt, 100) == -900);  // the token balance was never funded here
    CHECK(ledger.balance(b, usdt, 100) == 900);
}

TEST_CASE("busy UTXO addresses sharing transactions answer balances from running totals",
          "[ledger]") {
    // Two hot wallets paid in the same transactions (the first twice in each), from outside
    // funds that do not move their balances, and spending those outputs in the next ones.
    Ledger ledger;
    const ChainId btc = ledger.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
    ledger.add_asset({"btc", "BTC", btc, 8, ""});
    const AddressId user = ledger.intern_address("bc1quser", btc);
    const AddressId hot = ledger.intern_address("bc1qhot", btc);
    const AddressId cold = ledger.intern_address("bc1qcold", btc);
    const std::size_t count = 2 * Ledger::kRunningTotalsFrom;
    Units hot_expected = 0, cold_expected = 0;
    std::vector<std::pair<Units, Units>> after;  // by transaction (one per timestamp)
    for (std::size_t i = 0; i < count; ++i) {
        const auto time = static_cast<SimSeconds>(10 * i);
        const auto amount = static_cast<Units>(1'000 + i);
        const std::string id = "tx-" + std::to_string(i);
        if (i % 2 == 0) {
            ledger.add_transaction({id,
                                    btc,
                                    0,
                                    time,
                                    5,
                                    {{user, 3 * amount + 5, {}}, {hot, 7, {}}},
                                    {{hot, amount}, {cold, amount}, {hot, amount}}});
            hot_expected += 2 * amount;
            cold_expected += amount;
        } else {
            const auto paid = static_cast<Units>(1'000 + i - 1);
            ledger.add_transaction({id,
                                    btc,
                                    0,
                                    time,
                                    1,
                                    {{hot, paid, {static_cast<TxIndex>(i - 1), 0}},
                                     {cold, paid, {static_cast<TxIndex>(i - 1), 1}}},
                                    {{user, 2 * paid - 1}}});
            hot_expected -= paid;
            cold_expected -= paid;
        }
        after.emplace_back(hot_expected, cold_expected);
    }
    ledger.finalize();
    REQUIRE(ledger.transactions_of(hot).size() == count);
    REQUIRE(ledger.transactions_of(cold).size() == count);
    CHECK(ledger.balance(hot, 0, -1) == 0);
    for (std::size_t i = 0; i < count; ++i) {
        INFO("after transaction " << i);
        const auto time = static_cast<SimSeconds>(10 * i);
        CHECK(ledger.balance(hot, 0, time) == after[i].first);
        CHECK(ledger.balance(cold, 0, time + 5) == after[i].second);
    }
}

TEST_CASE("a busy address answers balances from running totals, equal to summing its history",
          "[ledger]") {
    // A hot wallet on an account chain: deposits of ETH and USDT, withdrawals paying ETH fees,
    // three transactions per timestamp. The expected balances are kept alongside.
    Ledger ledger;
    const ChainId eth = ledger.add_chain({"ethereum", "Ethereum", ChainModel::Account, 0});
    ledger.add_asset({"eth", "ETH", eth, 18, ""});
    const AssetId usdt = ledger.add_asset({"usdt-eth", "USDT", eth, 6, "tether"});
    const AssetId unused = ledger.add_asset({"dai-eth", "DAI", eth, 18, ""});
    const AddressId hot = ledger.intern_address("0xhot", eth);
    const AddressId user = ledger.intern_address("0xuser", eth);
    const std::size_t count = 3 * Ledger::kRunningTotalsFrom;
    Units eth_expected = 0, usdt_expected = 0;
    std::vector<std::pair<SimSeconds, std::pair<Units, Units>>> after;  // time -> balances
    for (std::size_t i = 0; i < count; ++i) {
        const SimSeconds time = static_cast<SimSeconds>(10 * (i / 3));  // three per timestamp
        const Units amount = static_cast<Units>(1'000 + i);
        const bool token = i % 2 == 1;
        const bool withdrawal = i % 5 == 0;
        const AssetId asset = token ? usdt : AssetId{0};
        const std::string id = "0x" + std::to_string(i);
        if (withdrawal) {
            ledger.add_transaction(
                {id, eth, asset, time, 3, {{hot, amount, {}}}, {{user, amount}}});
            (token ? usdt_expected : eth_expected) -= amount;
            eth_expected -= 3;
        } else {
            ledger.add_transaction(
                {id, eth, asset, time, 3, {{user, amount, {}}}, {{hot, amount}}});
            (token ? usdt_expected : eth_expected) += amount;
        }
        after.push_back({time, {eth_expected, usdt_expected}});
    }
    ledger.finalize();
    REQUIRE(ledger.transactions_of(hot).size() >= Ledger::kRunningTotalsFrom);

    CHECK(ledger.balance(hot, 0, -1) == 0);
    CHECK(ledger.balance(hot, usdt, -1) == 0);
    CHECK(ledger.balance(hot, unused, 1'000'000) == 0);
    for (std::size_t i = 0; i < count; ++i) {
        // The last transaction at each timestamp holds the balance "at" that time.
        if (i + 1 < count && after[i + 1].first == after[i].first) continue;
        INFO("after transaction " << i);
        CHECK(ledger.balance(hot, 0, after[i].first) == after[i].second.first);
        CHECK(ledger.balance(hot, usdt, after[i].first) == after[i].second.second);
        CHECK(ledger.balance(hot, 0, after[i].first + 5) == after[i].second.first);
    }
    // The counterparty mirrors the hot wallet in the token, which pays no fees.
    CHECK(ledger.balance(user, usdt, 1'000'000) == -usdt_expected);
}
