#include "generate/background.hpp"

#include <algorithm>
#include <numeric>

namespace mt::generate {
namespace {

constexpr std::int64_t kSatPerBtc = 100'000'000;
constexpr std::int64_t kDust = 1'000;     // change below this is left to the miner
constexpr std::int64_t kSun = 1'000'000;  // units per TRX and per USDT
constexpr std::size_t kMaxSweepInputs = 60;
constexpr std::size_t kMaxWalletCoins = 40;  // wallets consolidate above this

// Shares of the activity; each falls back to an outside payment when it cannot happen yet.
enum class BitcoinOp {
    UserPays,
    UserPaysMerchant,
    UserDeposits,
    Withdrawal,
    Sweep,
    Settlement,
    CashOut,
    Outside,
    Consolidation
};
constexpr std::array<std::pair<BitcoinOp, int>, 9> kBitcoinOps{{{BitcoinOp::UserPays, 22},
                                                                {BitcoinOp::UserPaysMerchant, 14},
                                                                {BitcoinOp::UserDeposits, 14},
                                                                {BitcoinOp::Withdrawal, 16},
                                                                {BitcoinOp::Sweep, 4},
                                                                {BitcoinOp::Settlement, 3},
                                                                {BitcoinOp::CashOut, 1},
                                                                {BitcoinOp::Outside, 8},
                                                                {BitcoinOp::Consolidation, 2}}};
enum class TronOp { WithdrawUsdt, WithdrawTrx, Deposit, Sweep, UserPays };
constexpr std::array<std::pair<TronOp, int>, 5> kTronOps{{{TronOp::WithdrawUsdt, 18},
                                                          {TronOp::WithdrawTrx, 6},
                                                          {TronOp::Deposit, 16},
                                                          {TronOp::Sweep, 14},
                                                          {TronOp::UserPays, 22}}};
constexpr int kTronSharePercent = 35;

constexpr std::array<int, kExchanges> kExchangePopularity{34, 12, 26, 18, 10};

// The index of one of `items`, drawn with a chance proportional to its weight_of().
template <typename Items, typename WeightOf>
std::size_t weighted_index(Random& random, const Items& items, WeightOf weight_of) {
    int total = 0;
    for (const auto& item : items) total += weight_of(item);
    auto roll = static_cast<int>(random.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (roll < weight_of(items[i])) return i;
        roll -= weight_of(items[i]);
    }
    return items.size() - 1;
}

template <typename Op, std::size_t N>
Op pick(Random& random, const std::array<std::pair<Op, int>, N>& table) {
    return table[weighted_index(random, table, [](const auto& entry) { return entry.second; })]
        .first;
}

std::int64_t total_of(const std::vector<Coin>& coins) {
    return std::accumulate(coins.begin(), coins.end(), std::int64_t{0},
                           [](std::int64_t sum, const Coin& c) { return sum + c.amount; });
}

}  // namespace

Background::Background(LedgerSink& sink, Random random, std::uint32_t users)
    : sink_(sink), random_(random), users_(std::max<std::uint32_t>(users, 50)) {
    for (User& u : users_) u.staked_energy = random_.percent(20);
    for (std::size_t e = 0; e < kExchanges; ++e) {
        Exchange& x = exchanges_[e];
        x.hot = sink_.new_bitcoin_address();
        x.cold = sink_.new_bitcoin_address();
        x.tron_hot = sink_.new_tron_address();
        x.popularity = kExchangePopularity[e];
        // Hot wallets on Tron hold what years of business left there (opening balances).
        sink_.open_balance(x.tron_hot, TronAsset::Usdt,
                           random_.between(800, 2'500) * 1'000'000 * kSun);
        sink_.open_balance(x.tron_hot, TronAsset::Trx, random_.between(50, 300) * 1'000'000 * kSun);
    }
    for (Merchant& m : merchants_) {
        m.settlement = sink_.new_bitcoin_address();
        m.exchange = pick_exchange();
        m.popularity = static_cast<int>(random_.between(1, 10));
    }
}

void Background::step(SimSeconds time) {
    const bool done = random_.percent(kTronSharePercent) ? tron_step(time) : bitcoin_step(time);
    if (!done) outside_payment(time);
}

bool Background::bitcoin_step(SimSeconds time) {
    switch (pick(random_, kBitcoinOps)) {
        case BitcoinOp::UserPays:
            return user_payment(time, false);
        case BitcoinOp::UserPaysMerchant:
            return user_payment(time, true);
        case BitcoinOp::UserDeposits:
            return user_deposit(time);
        case BitcoinOp::Withdrawal:
            return exchange_withdrawal(time);
        case BitcoinOp::Sweep:
            return exchange_sweep(time);
        case BitcoinOp::Settlement:
            return merchant_settlement(time);
        case BitcoinOp::CashOut:
            return merchant_cash_out(time);
        case BitcoinOp::Outside:
            return false;
        case BitcoinOp::Consolidation:
            return user_consolidation(time);
    }
    return false;
}

bool Background::tron_step(SimSeconds time) {
    switch (pick(random_, kTronOps)) {
        case TronOp::WithdrawUsdt:
            return tron_withdrawal(time, TronAsset::Usdt);
        case TronOp::WithdrawTrx:
            return tron_withdrawal(time, TronAsset::Trx);
        case TronOp::Deposit:
            return tron_user_transfer(time, true) || tron_withdrawal(time, TronAsset::Trx);
        case TronOp::Sweep:
            return tron_sweep(time) || tron_withdrawal(time, TronAsset::Usdt);
        case TronOp::UserPays:
            return tron_user_transfer(time, false) || tron_withdrawal(time, TronAsset::Usdt);
    }
    return false;
}

std::size_t Background::pick_exchange() {
    return weighted_index(random_, exchanges_, [](const auto& x) { return x.popularity; });
}

std::size_t Background::pick_merchant() {
    return weighted_index(random_, merchants_, [](const auto& m) { return m.popularity; });
}

std::int64_t Background::fee_rate() {
    // Fee rate in sat/vB: usually quiet mempools, sometimes a busy hour.
    return random_.percent(85) ? random_.between(2, 14) : random_.between(15, 60);
}

std::int64_t Background::vsize(std::size_t inputs, std::size_t outputs) {
    // Native SegWit: about 68 vB per input and 31 per output plus 11 of overhead.
    return static_cast<std::int64_t>(11 + 68 * inputs + 31 * outputs);
}

std::int64_t Background::fee(std::size_t inputs, std::size_t outputs) {
    return fee_rate() * vsize(inputs, outputs);
}

std::int64_t Background::usdt_amount(int low, int high) {
    // Dollar amounts: mostly whole cents, often round, sometimes exact to the micro-dollar.
    const std::int64_t amount = random_.decades(low, high);
    if (random_.percent(45)) return round_two_digits(amount);
    if (random_.percent(85)) return std::max<std::int64_t>(amount / 10'000 * 10'000, 10'000);
    return amount;
}

std::int64_t Background::usdt_fee(const User& user) {
    // A USDT transfer burns TRX for energy unless the sender staked or rented energy.
    return user.staked_energy ? 0 : random_.between(13'300'000, 27'600'000);
}

AddressKey Background::receive_address(std::uint32_t user) {
    User& u = users_[user];
    if (u.receive == 0 || random_.percent(70)) u.receive = sink_.new_bitcoin_address();
    return u.receive;
}

AddressKey Background::tron_account(std::uint32_t user) {
    User& u = users_[user];
    if (u.tron == 0) {
        u.tron = sink_.new_tron_address();
        tron_users_.push_back(user);
    }
    return u.tron;
}

std::optional<std::uint32_t> Background::user_with_coins() {
    for (int attempt = 0; attempt < 6; ++attempt) {
        const auto user = random_user();
        if (!users_[user].coins.empty()) return user;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> Background::tron_user_with_usdt() {
    if (tron_users_.empty()) return std::nullopt;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const std::uint32_t user = tron_users_[random_.below(tron_users_.size())];
        if (sink_.balance(users_[user].tron, TronAsset::Usdt) > 0) return user;
    }
    return std::nullopt;
}

std::optional<std::pair<std::uint32_t, Coin>> Background::take_user_coin(std::int64_t at_least) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto user = random_user();
        auto& coins = users_[user].coins;
        for (std::size_t i = 0; i < coins.size(); ++i) {
            if (coins[i].amount < at_least) continue;
            const Coin coin = coins[i];
            coins.erase(coins.begin() + static_cast<std::ptrdiff_t>(i));
            return std::pair{user, coin};
        }
    }
    return std::nullopt;
}

std::vector<Coin> Background::take_pending_deposits(std::size_t exchange, std::size_t most) {
    auto& pending = exchanges_[exchange].pending;
    const std::size_t n = std::min(most, pending.size());
    std::vector<Coin> taken(pending.end() - static_cast<std::ptrdiff_t>(n), pending.end());
    pending.resize(pending.size() - n);
    return taken;
}

std::vector<Coin> Background::select(std::vector<Coin>& coins, std::int64_t target,
                                     std::size_t outputs, std::int64_t& fee_out) {
    const std::int64_t rate = fee_rate();
    std::int64_t sum = 0;
    for (std::size_t taken = 1; taken <= coins.size(); ++taken) {
        sum += coins[coins.size() - taken].amount;
        fee_out = rate * vsize(taken, outputs);
        if (sum >= target + fee_out) {
            std::vector<Coin> chosen(coins.end() - static_cast<std::ptrdiff_t>(taken), coins.end());
            coins.resize(coins.size() - taken);
            return chosen;
        }
    }
    return {};
}

std::pair<TxKey, std::optional<Coin>> Background::pay(SimSeconds time,
                                                      const std::vector<Coin>& inputs,
                                                      std::vector<Payment> payments,
                                                      AddressKey change, std::int64_t fee) {
    std::int64_t paid = fee;
    for (const Payment& p : payments) paid += p.amount;
    const std::int64_t rest = total_of(inputs) - paid;
    std::size_t change_index = payments.size();
    if (rest >= kDust) {
        // Wallets put the change at a random position, so position says nothing.
        change_index = random_.below(payments.size() + 1);
        payments.insert(payments.begin() + static_cast<std::ptrdiff_t>(change_index),
                        Payment{change, rest});
    } else {
        fee += rest;
    }
    const TxKey tx = sink_.utxo(time, inputs, payments, fee);
    if (rest < kDust) return {tx, std::nullopt};
    return {tx,
            LedgerSink::coin(tx, static_cast<std::uint32_t>(change_index), payments[change_index])};
}

void Background::outside_payment(SimSeconds time) {
    // Someone outside the case (an unmodelled wallet) pays a user, keeping change.
    const std::uint32_t user = random_user();
    const std::int64_t amount =
        random_.percent(30) ? round_two_digits(random_.decades(5, 9)) : random_.decades(5, 9);
    const std::int64_t change = random_.decades(4, 8);
    const std::int64_t f = fee_rate() * vsize(1, 2);
    const Coin source{kOutsideFunds, 0, sink_.new_bitcoin_address(), amount + change + f};
    std::vector<Payment> out{{receive_address(user), amount},
                             {sink_.new_bitcoin_address(), change}};
    const bool swapped = random_.percent(50);
    if (swapped) std::swap(out[0], out[1]);
    const TxKey tx = sink_.utxo(time, std::span(&source, 1), out, f);
    const std::uint32_t vout = swapped ? 1 : 0;
    users_[user].coins.push_back(LedgerSink::coin(tx, vout, out[vout]));
}

bool Background::user_payment(SimSeconds time, bool to_merchant) {
    const auto payer = user_with_coins();
    if (!payer) return false;
    User& u = users_[*payer];
    std::int64_t amount = random_.decades(4, 8);
    if (random_.percent(25)) amount = round_two_digits(amount);
    std::int64_t f = 0;
    std::vector<Coin> inputs = select(u.coins, amount, 2, f);
    if (inputs.empty()) {
        // Not enough for that: pay everything the wallet has, with no change.
        const std::int64_t all = total_of(u.coins);
        f = fee(u.coins.size(), 1);
        if (all - f < 10 * kDust) return false;
        inputs.swap(u.coins);
        amount = all - f;
    }
    AddressKey payee = 0;
    std::size_t merchant = 0;
    std::uint32_t recipient = 0;
    if (to_merchant) {
        merchant = pick_merchant();
        payee = merchant_invoice_address();
    } else {
        recipient = random_user();
        payee = receive_address(recipient);
    }
    const AddressKey change =
        random_.percent(60) ? sink_.new_bitcoin_address() : inputs.front().address;
    auto [tx, change_coin] = pay(time, inputs, {Payment{payee, amount}}, change, f);
    if (change_coin) u.coins.push_back(*change_coin);
    const std::uint32_t vout = change_coin && change_coin->vout == 0 ? 1 : 0;
    const Coin paid{tx, vout, payee, amount};
    if (to_merchant)
        merchants_[merchant].invoices.push_back(paid);
    else
        users_[recipient].coins.push_back(paid);
    return true;
}

bool Background::user_deposit(SimSeconds time) {
    const auto depositor = user_with_coins();
    if (!depositor) return false;
    User& u = users_[*depositor];
    const std::size_t exchange = pick_exchange();
    if (u.deposit[exchange] == 0) u.deposit[exchange] = sink_.new_bitcoin_address();
    std::vector<Coin> inputs;
    std::int64_t f = 0;
    std::int64_t amount = 0;
    if (random_.percent(45)) {
        // Deposit the whole wallet.
        f = fee(u.coins.size(), 1);
        amount = total_of(u.coins) - f;
        if (amount < 10 * kDust) return false;
        inputs.swap(u.coins);
    } else {
        amount = random_.decades(5, 8);
        if (random_.percent(40)) amount = round_two_digits(amount);
        inputs = select(u.coins, amount, 2, f);
        if (inputs.empty()) return false;
    }
    auto [tx, change] =
        pay(time, inputs, {Payment{u.deposit[exchange], amount}}, sink_.new_bitcoin_address(), f);
    if (change) u.coins.push_back(*change);
    const std::uint32_t vout = change && change->vout == 0 ? 1 : 0;
    exchanges_[exchange].pending.push_back(Coin{tx, vout, u.deposit[exchange], amount});
    return true;
}

bool Background::user_consolidation(SimSeconds time) {
    const auto user = user_with_coins();
    if (!user || users_[*user].coins.size() < 8) return false;
    User& u = users_[*user];
    std::vector<Coin> inputs;
    inputs.swap(u.coins);
    const std::int64_t f = fee(inputs.size(), 1);
    const std::int64_t amount = total_of(inputs) - f;
    if (amount < kDust) return false;
    const Payment out{sink_.new_bitcoin_address(), amount};
    const TxKey tx = sink_.utxo(time, inputs, std::span(&out, 1), f);
    u.coins.push_back(LedgerSink::coin(tx, 0, out));
    return true;
}

bool Background::exchange_withdrawal(SimSeconds time) {
    const std::size_t e = pick_exchange();
    Exchange& x = exchanges_[e];
    // A batch of customer withdrawals, change back to the (reused) hot wallet.
    const auto batch = static_cast<std::size_t>(random_.percent(60) ? 1 : random_.between(2, 14));
    std::vector<Payment> payments;
    std::vector<std::uint32_t> payees;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < batch; ++i) {
        const std::uint32_t user = random_user();
        std::int64_t amount = random_.decades(5, 9);
        if (random_.percent(50)) amount = round_two_digits(amount);
        payments.push_back({receive_address(user), amount});
        payees.push_back(user);
        total += amount;
    }
    std::int64_t f = 0;
    std::vector<Coin> inputs = select(x.hot_coins, total, batch + 1, f);
    if (inputs.empty()) {
        // The hot wallet runs low: the exchange refills it from cold storage (history outside
        // the case, so an outside input).
        const std::int64_t refill =
            random_.between(20, 120) * kSatPerBtc + random_.between(0, kSatPerBtc);
        const std::int64_t refill_fee = fee(1, 1);
        const Coin source{kOutsideFunds, 0, x.cold, refill + refill_fee};
        const Payment out{x.hot, refill};
        const TxKey tx = sink_.utxo(time, std::span(&source, 1), std::span(&out, 1), refill_fee);
        x.hot_coins.push_back(LedgerSink::coin(tx, 0, out));
        return true;
    }
    const std::vector<Payment> customers = payments;
    auto [tx, change] = pay(time, inputs, std::move(payments), x.hot, f);
    // pay() may have put the hot wallet's change among the customers' outputs.
    for (std::uint32_t vout = 0, i = 0; i < customers.size(); ++vout) {
        if (change && change->vout == vout) continue;
        users_[payees[i]].coins.push_back(LedgerSink::coin(tx, vout, customers[i]));
        ++i;
    }
    if (change) x.hot_coins.push_back(*change);
    return true;
}

bool Background::exchange_sweep(SimSeconds time) {
    const std::size_t e = pick_exchange();
    Exchange& x = exchanges_[e];
    if (x.pending.size() < 2) return false;
    std::vector<Coin> inputs = take_pending_deposits(e, kMaxSweepInputs);
    const std::int64_t f = fee(inputs.size(), 1);
    const Payment out{x.hot, total_of(inputs) - f};
    const TxKey tx = sink_.utxo(time, inputs, std::span(&out, 1), f);
    x.hot_coins.push_back(LedgerSink::coin(tx, 0, out));
    return true;
}

bool Background::merchant_settlement(SimSeconds time) {
    Merchant& m = merchants_[pick_merchant()];
    if (m.invoices.size() < 3) return false;
    std::vector<Coin> inputs;
    const std::size_t n = std::min(m.invoices.size(), kMaxSweepInputs);
    inputs.assign(m.invoices.end() - static_cast<std::ptrdiff_t>(n), m.invoices.end());
    m.invoices.resize(m.invoices.size() - n);
    const std::int64_t f = fee(inputs.size(), 1);
    const std::int64_t amount = total_of(inputs) - f;
    if (amount < kDust) return false;
    const Payment out{m.settlement, amount};
    const TxKey tx = sink_.utxo(time, inputs, std::span(&out, 1), f);
    m.settled.push_back(LedgerSink::coin(tx, 0, out));
    return true;
}

bool Background::merchant_cash_out(SimSeconds time) {
    Merchant& m = merchants_[pick_merchant()];
    if (m.settled.empty()) return false;
    std::vector<Coin> inputs;
    inputs.swap(m.settled);
    const std::int64_t f = fee(inputs.size(), 1);
    const std::int64_t amount = total_of(inputs) - f;
    if (amount < kDust) return false;
    if (m.deposit == 0) m.deposit = sink_.new_bitcoin_address();
    const Payment out{m.deposit, amount};
    const TxKey tx = sink_.utxo(time, inputs, std::span(&out, 1), f);
    exchanges_[m.exchange].pending.push_back(LedgerSink::coin(tx, 0, out));
    return true;
}

bool Background::tron_withdrawal(SimSeconds time, TronAsset asset) {
    Exchange& x = exchanges_[pick_exchange()];
    const std::uint32_t user = random_user();
    const AddressKey to = tron_account(user);
    std::int64_t amount =
        asset == TronAsset::Usdt ? usdt_amount(7, 11) : random_.between(10, 400) * kSun;
    if (sink_.balance(x.tron_hot, asset) < amount) return false;
    sink_.transfer(time, asset, x.tron_hot, to, amount, 0);  // exchanges delegate their own energy
    return true;
}

bool Background::tron_user_transfer(SimSeconds time, bool to_exchange) {
    const auto sender = tron_user_with_usdt();
    if (!sender) return false;
    User& u = users_[*sender];
    const std::int64_t held = sink_.balance(u.tron, TronAsset::Usdt);
    const std::int64_t f = usdt_fee(u);
    if (sink_.balance(u.tron, TronAsset::Trx) < f) return false;
    std::int64_t amount = usdt_amount(6, 11);
    if (amount > held || random_.percent(to_exchange ? 50 : 15)) amount = held;  // often all of it
    AddressKey to = 0;
    if (to_exchange) {
        const std::size_t e = pick_exchange();
        AddressKey& deposit = u.tron_deposit[e];
        if (deposit == 0) deposit = sink_.new_tron_address();
        if (sink_.balance(deposit, TronAsset::Usdt) == 0)
            exchanges_[e].tron_pending.push_back(deposit);
        to = deposit;
    } else {
        std::uint32_t recipient = random_user();
        if (recipient == *sender)
            recipient = (recipient + 1) % static_cast<std::uint32_t>(users_.size());
        to = tron_account(recipient);
    }
    sink_.transfer(time, TronAsset::Usdt, u.tron, to, amount, f);
    return true;
}

bool Background::tron_sweep(SimSeconds time) {
    Exchange& x = exchanges_[pick_exchange()];
    if (x.tron_pending.empty()) return false;
    const std::size_t i = random_.below(x.tron_pending.size());
    const AddressKey deposit = x.tron_pending[i];
    x.tron_pending[i] = x.tron_pending.back();
    x.tron_pending.pop_back();
    // The exchange delegates energy to its deposit addresses, so sweeps burn no TRX.
    sink_.transfer(time, TronAsset::Usdt, deposit, x.tron_hot,
                   sink_.balance(deposit, TronAsset::Usdt), 0);
    return true;
}

}  // namespace mt::generate
