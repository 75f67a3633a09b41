#include "generate/trail.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace mt::generate {
namespace {

constexpr std::int64_t kSatPerBtc = 100'000'000;
constexpr std::int64_t kSun = 1'000'000;

std::int64_t total_of(const std::vector<Coin>& coins) {
    return std::accumulate(coins.begin(), coins.end(), std::int64_t{0},
                           [](std::int64_t sum, const Coin& c) { return sum + c.amount; });
}

// Fisher-Yates with the generator's own random numbers (std::shuffle differs between libraries).
template <typename T>
void shuffle(std::vector<T>& items, Random& random) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random.below(i)]);
}

}  // namespace

Trail::Trail(LedgerSink& sink, Background& background, Random random,
             std::vector<Typology> typologies)
    : sink_(sink), background_(background), random_(random), typologies_(std::move(typologies)) {
    const auto has = [&](Typology t) {
        return std::find(typologies_.begin(), typologies_.end(), t) != typologies_.end();
    };
    lay_start();
    for (Typology t : typologies_) {
        switch (t) {
            case Typology::PeelChain:
                lay_peel_chain();
                break;
            case Typology::CoinJoin:
                lay_coinjoin();
                break;
            case Typology::FanOut:
                lay_fan_out();
                break;
            case Typology::FanIn:
                lay_fan_in(has(Typology::FanOut));
                break;
            case Typology::ScatterGather:
                lay_scatter_gather();
                break;
            case Typology::Cycle:
                lay_cycle();
                break;
            case Typology::BridgeHop:
                lay_bridge_hop();
                break;
            case Typology::ExchangeConsolidation:
                break;  // part of the cash-out
        }
    }
    lay_cash_out(has(Typology::ExchangeConsolidation));
}

void Trail::add(SimSeconds gap_low, SimSeconds gap_high, std::function<void(SimSeconds)> run) {
    steps_.push_back(Step{random_.between(gap_low, gap_high), 0, std::move(run)});
}

SimSeconds Trail::duration() const {
    SimSeconds total = 0;
    for (std::size_t i = 1; i < steps_.size(); ++i) total += steps_[i].gap;
    return total;
}

void Trail::schedule(SimSeconds end) {
    SimSeconds t = end - duration();
    facts_.first_time = t;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        if (i > 0) t += steps_[i].gap;
        steps_[i].time = t;
    }
}

void Trail::run_next() {
    Step& step = steps_[next_++];
    step.run(step.time);
}

AddressKey Trail::affiliate_address() {
    const AddressKey a = sink_.new_bitcoin_address();
    facts_.affiliate.push_back(a);
    return a;
}

std::int64_t Trail::fee(std::size_t inputs, std::size_t outputs) {
    // The affiliate pays ordinary fee rates, like any wallet.
    return random_.between(6, 30) * static_cast<std::int64_t>(11 + 68 * inputs + 31 * outputs);
}

TxKey Trail::spend_lead(SimSeconds time, std::vector<Payment> outputs, std::size_t rest) {
    if (rest >= outputs.size()) rest = outputs.size() - 1;
    const std::int64_t f = fee(lead_.size(), outputs.size());
    std::int64_t others = 0;
    for (std::size_t i = 0; i < outputs.size(); ++i)
        if (i != rest) others += outputs[i].amount;
    outputs[rest].amount = total_of(lead_) - f - others;
    const TxKey tx = sink_.utxo(time, lead_, outputs, f);
    lead_.clear();
    for (std::uint32_t vout = 0; vout < outputs.size(); ++vout)
        lead_.push_back(LedgerSink::coin(tx, vout, outputs[vout]));
    facts_.path.push_back(tx);
    return tx;
}

StageFacts& Trail::stage(Typology t) {
    for (StageFacts& s : facts_.stages)
        if (s.typology == t) return s;
    facts_.stages.push_back(StageFacts{t, 0, 0, 0, 0});
    return facts_.stages.back();
}

void Trail::lay_start() {
    // The victim pays the ransom (bought over the counter: history outside the case).
    facts_.ransom = random_.between(200, 3'000) * 1'000'000;  // 2.00 to 30.00 BTC
    facts_.developer_percent = static_cast<int>(random_.between(20, 25));
    add(0, 0, [this](SimSeconds time) {
        facts_.victim = sink_.new_bitcoin_address();
        facts_.ransom_address = sink_.new_bitcoin_address();
        const std::int64_t f = fee(1, 1);
        const Coin paid{kOutsideFunds, 0, facts_.victim, facts_.ransom + f};
        const Payment out{facts_.ransom_address, facts_.ransom};
        facts_.ransom_tx = sink_.utxo(time, std::span(&paid, 1), std::span(&out, 1), f);
        lead_ = {LedgerSink::coin(facts_.ransom_tx, 0, out)};
        facts_.path.push_back(facts_.ransom_tx);
    });
    // The ransomware panel splits it: the developers' cut and the affiliate's share.
    add(hours(1) / 2, hours(2), [this](SimSeconds time) {
        facts_.developer = sink_.new_bitcoin_address();
        const std::int64_t cut = facts_.ransom * facts_.developer_percent / 100;
        spend_lead(time, {{facts_.developer, cut}, {affiliate_address(), 0}}, 1);
        facts_.affiliate_share = lead_[1].amount;
        parked_ = {lead_[0]};
        lead_ = {lead_[1]};
    });
    // The developers cash out their cut at an exchange abroad.
    add(hours(1), hours(3), [this](SimSeconds time) {
        facts_.foreign_deposit = sink_.new_bitcoin_address();
        const Coin cut = parked_.front();
        const std::int64_t f = fee(1, 1);
        const Payment out{facts_.foreign_deposit, cut.amount - f};
        const TxKey tx = sink_.utxo(time, std::span(&cut, 1), std::span(&out, 1), f);
        background_.add_pending_deposit(kForeignExchange, LedgerSink::coin(tx, 0, out));
        parked_.clear();
    });
    lead_coins_ = 1;
}

void Trail::lay_peel_chain() {
    const auto hops = static_cast<int>(random_.between(4, 9));
    stage(Typology::PeelChain).count = hops;
    for (int hop = 0; hop < hops; ++hop) {
        add(hours(2), hours(6), [this, hop](SimSeconds time) {
            const std::int64_t total = total_of(lead_);
            const std::int64_t peel = std::max<std::int64_t>(
                round_two_digits(total * random_.between(2, 7) / 100), 500'000);
            // Every third peel buys from a merchant; the others pay people.
            const bool merchant_paid = hop % 3 == 1;
            const std::size_t merchant = random_.below(kMerchants);
            const std::uint32_t user = background_.random_user();
            const AddressKey payee = merchant_paid ? background_.merchant_invoice_address()
                                                   : background_.receive_address(user);
            if (merchant_paid) facts_.merchants_paid.emplace_back(merchant, payee);
            const AddressKey change = affiliate_address();
            // The change goes first or last at random: its position says nothing.
            const std::size_t change_at = random_.below(2);
            std::vector<Payment> out{{payee, peel}};
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(change_at), Payment{change, 0});
            spend_lead(time, out, change_at);
            const Coin paid = lead_[1 - change_at];
            const Coin kept = lead_[change_at];
            if (merchant_paid)
                background_.add_invoice(merchant, paid);
            else
                background_.give_coin(user, paid);
            lead_ = {kept};
            StageFacts& s = stage(Typology::PeelChain);
            if (hop == 0) s.address = change;
            // The change of hop 1 is certain once hop 2 is seen spending it.
            if (hop <= 1) s.answer_after = facts_.path.size() - 1;
        });
    }
    lead_coins_ = 1;
}

void Trail::lay_coinjoin() {
    const auto partners = static_cast<std::size_t>(random_.between(4, 7));
    add(hours(3), hours(8), [this, partners](SimSeconds time) {
        constexpr std::array<std::int64_t, 8> kDenominations{1'000'000,   5'000'000,  10'000'000,
                                                             20'000'000,  50'000'000, 100'000'000,
                                                             200'000'000, 500'000'000};
        const std::int64_t own = total_of(lead_);
        std::int64_t denomination = kDenominations.front();
        for (std::int64_t d : kDenominations)
            if (d <= own * 6 / 10) denomination = d;
        const std::int64_t rate = random_.between(5, 15);
        struct Seat {
            std::vector<Coin> inputs;
            std::uint32_t user = 0;
            bool affiliate = false;
        };
        std::vector<Seat> seats;
        seats.push_back(Seat{lead_, 0, true});
        std::vector<std::uint32_t> taken_users;
        for (std::size_t i = 0; i < partners; ++i) {
            const std::int64_t needed = denomination + rate * (68 + 62) + 50'000;
            auto coin = background_.take_user_coin(needed);
            if (coin && std::find(taken_users.begin(), taken_users.end(), coin->first) !=
                            taken_users.end()) {
                background_.give_coin(coin->first, coin->second);
                coin.reset();
            }
            if (coin) {
                taken_users.push_back(coin->first);
                seats.push_back(Seat{{coin->second}, coin->first, false});
            } else {
                // No user holds enough yet: a participant with history outside the case.
                const std::int64_t amount = needed + random_.decades(5, 8);
                seats.push_back(Seat{{Coin{kOutsideFunds, 0, sink_.new_bitcoin_address(), amount}},
                                     background_.random_user(),
                                     false});
            }
        }
        // Everyone gets one output of the denomination and one of change, each paying the fee
        // of its own inputs and outputs.
        struct Output {
            Payment payment;
            std::size_t seat = 0;
            bool change = false;
        };
        std::vector<Coin> inputs;
        std::vector<Output> outputs;
        std::int64_t total_fee = 0;
        for (std::size_t s = 0; s < seats.size(); ++s) {
            Seat& seat = seats[s];
            const std::int64_t seat_fee =
                rate * static_cast<std::int64_t>(68 * seat.inputs.size() + 62);
            total_fee += seat_fee;
            // The coordinator's fee share of the overhead is taken from the affiliate's change.
            const std::int64_t overhead = seat.affiliate ? rate * 11 : 0;
            const std::int64_t change = total_of(seat.inputs) - denomination - seat_fee - overhead;
            const AddressKey mixed =
                seat.affiliate ? affiliate_address() : background_.receive_address(seat.user);
            const AddressKey rest =
                seat.affiliate ? affiliate_address() : sink_.new_bitcoin_address();
            outputs.push_back({{mixed, denomination}, s, false});
            outputs.push_back({{rest, change}, s, true});
            inputs.insert(inputs.end(), seat.inputs.begin(), seat.inputs.end());
        }
        total_fee += rate * 11;
        shuffle(inputs, random_);
        shuffle(outputs, random_);
        std::vector<Payment> payments;
        for (const Output& o : outputs) payments.push_back(o.payment);
        const TxKey tx = sink_.utxo(time, inputs, payments, total_fee);
        lead_.clear();
        StageFacts& st = stage(Typology::CoinJoin);
        st.count = static_cast<int>(seats.size());
        for (std::uint32_t vout = 0; vout < outputs.size(); ++vout) {
            const Output& o = outputs[vout];
            const Coin coin = LedgerSink::coin(tx, vout, o.payment);
            if (seats[o.seat].affiliate) {
                lead_.push_back(coin);
                if (o.change) st.address = o.payment.address;
            } else {
                background_.give_coin(seats[o.seat].user, coin);
            }
        }
        facts_.path.push_back(tx);
        facts_.coinjoin_at = facts_.path.size() - 1;
    });
    // Mistake of a hurried launderer: the mixed coin is spent together with its toxic change.
    add(hours(2), hours(6), [this](SimSeconds time) {
        spend_lead(time, {{affiliate_address(), 0}}, 0);
        stage(Typology::CoinJoin).answer_after = facts_.path.size() - 1;
    });
    lead_coins_ = 1;
}

void Trail::lay_fan_out() {
    const auto mules = static_cast<std::size_t>(random_.between(4, 8));
    add(hours(2), hours(6), [this, mules](SimSeconds time) {
        const std::int64_t share =
            (total_of(lead_) - fee(lead_.size(), mules)) / static_cast<std::int64_t>(mules);
        std::vector<Payment> out;
        for (std::size_t i = 0; i < mules; ++i) {
            const AddressKey mule = sink_.new_bitcoin_address();
            facts_.mules.push_back(mule);
            out.push_back({mule, share * random_.between(92, 108) / 100});
        }
        spend_lead(time, out, mules - 1);
        StageFacts& s = stage(Typology::FanOut);
        s.count = static_cast<int>(mules);
        s.answer_after = facts_.path.size() - 1;
    });
    lead_coins_ = mules;
}

void Trail::lay_fan_in(bool after_fan_out) {
    // Sources: the mules of a fan-out, or else the affiliate's wallet and the other wallets where
    // the crew's proceeds wait (their history is outside the case).
    const std::size_t sources =
        lead_coins_ > 1 ? lead_coins_ : static_cast<std::size_t>(random_.between(4, 6));
    for (std::size_t i = 0; i < sources; ++i) {
        add(hours(1), hours(4), [this, i, sources, after_fan_out](SimSeconds time) {
            if (i == 0) {
                parked_ = lead_;
                lead_.clear();
                stage(Typology::FanIn).address = affiliate_address();
                stage(Typology::FanIn).count = static_cast<int>(sources);
            }
            StageFacts& s = stage(Typology::FanIn);
            Coin source;
            if (i < parked_.size()) {
                source = parked_[i];
            } else {
                const AddressKey wallet = affiliate_address();
                source = Coin{kOutsideFunds, 0, wallet, random_.between(30, 250) * 1'000'000};
            }
            std::vector<Payment> out{{s.address, 0}};
            if (after_fan_out) {
                // A mule keeps a commission of 3 to 5 % at a wallet of its own.
                const AddressKey keep = sink_.new_bitcoin_address();
                facts_.mules.push_back(keep);
                out.push_back({keep, source.amount * random_.between(3, 5) / 100});
            }
            const std::int64_t f = fee(1, out.size());
            out[0].amount = source.amount - f - (out.size() > 1 ? out[1].amount : 0);
            const TxKey tx = sink_.utxo(time, std::span(&source, 1), out, f);
            lead_.push_back(LedgerSink::coin(tx, 0, out[0]));
            facts_.path.push_back(tx);
            s.answer_after = facts_.path.size() - 1;
            if (i + 1 == sources) parked_.clear();
        });
    }
    lead_coins_ = sources;
}

void Trail::lay_scatter_gather() {
    const auto legs = static_cast<std::size_t>(random_.between(5, 10));
    add(hours(2), hours(5), [this, legs](SimSeconds time) {
        const std::int64_t share =
            (total_of(lead_) - fee(lead_.size(), legs)) / static_cast<std::int64_t>(legs);
        std::vector<Payment> out;
        for (std::size_t i = 0; i < legs; ++i)
            out.push_back({affiliate_address(), share * random_.between(85, 115) / 100});
        spend_lead(time, out, legs - 1);
        parked_ = lead_;
        lead_.clear();
        StageFacts& s = stage(Typology::ScatterGather);
        s.address = affiliate_address();
        s.count = static_cast<int>(legs);
    });
    for (std::size_t i = 0; i < legs; ++i) {
        add(minutes(20), minutes(90), [this, i](SimSeconds time) {
            StageFacts& s = stage(Typology::ScatterGather);
            const Coin leg = parked_[i];
            const std::int64_t f = fee(1, 1);
            const Payment out{s.address, leg.amount - f};
            const TxKey tx = sink_.utxo(time, std::span(&leg, 1), std::span(&out, 1), f);
            lead_.push_back(LedgerSink::coin(tx, 0, out));
            facts_.path.push_back(tx);
            s.answer_after = facts_.path.size() - 1;
        });
    }
    lead_coins_ = legs;
}

void Trail::lay_cycle() {
    const auto length = static_cast<int>(random_.between(3, 5));
    if (lead_coins_ > 1) {
        // Gather the lead at the address the cycle starts and ends at.
        add(hours(1), hours(4), [this](SimSeconds time) {
            spend_lead(time, {{affiliate_address(), 0}}, 0);
        });
    }
    for (int hop = 0; hop < length; ++hop) {
        add(hours(1), hours(5), [this, hop, length](SimSeconds time) {
            StageFacts& s = stage(Typology::Cycle);
            if (hop == 0) {
                s.address = lead_.front().address;
                s.count = length;
            }
            const AddressKey next = hop + 1 == length ? s.address : affiliate_address();
            spend_lead(time, {{next, 0}}, 0);
            s.answer_after = facts_.path.size() - 1;
        });
    }
    lead_coins_ = 1;
}

void Trail::lay_bridge_hop() {
    // The swap service pays from a Tron hot wallet funded long before the case.
    add(hours(2), hours(6), [this](SimSeconds time) {
        const AddressKey deposit = sink_.new_bitcoin_address();
        facts_.bridge.push_back(deposit);
        spend_lead(time, {{deposit, 0}}, 0);
        tron_usdt_ = lead_.front().amount;  // satoshi for now; converted at the payout
        lead_.clear();
        const AddressKey hot = sink_.new_tron_address();
        facts_.bridge.push_back(hot);
        sink_.open_balance(hot, TronAsset::Usdt, random_.between(20, 60) * 1'000'000 * kSun);
        sink_.open_balance(hot, TronAsset::Trx, random_.between(2, 8) * 1'000'000 * kSun);
    });
    // Other customers' swaps are paid from the same wallet around the same time.
    const auto decoy = [this](SimSeconds time) {
        const AddressKey to = background_.tron_account(background_.random_user());
        sink_.transfer(time, TronAsset::Usdt, facts_.bridge[1], to,
                       round_two_digits(random_.decades(9, 11)) + random_.between(0, 999) * 10'000,
                       0);
    };
    add(minutes(10), minutes(25), decoy);
    add(minutes(5), minutes(20), [this](SimSeconds time) {
        // The payout: the BTC's value at the day's price, less a 0.6 % spread.
        const std::int64_t cents = tron_usdt_ * kBtcPriceCents / kSatPerBtc;
        tron_usdt_ = cents * 994 / 1000 * 10'000;
        tron_holder_ = sink_.new_tron_address();
        facts_.affiliate.push_back(tron_holder_);
        const TxKey tx =
            sink_.transfer(time, TronAsset::Usdt, facts_.bridge[1], tron_holder_, tron_usdt_, 0);
        facts_.path.push_back(tx);
        StageFacts& s = stage(Typology::BridgeHop);
        s.transaction = tx;
        s.answer_after = facts_.path.size() - 1;
    });
    // Some swap services send a little TRX along so the new wallet can pay its own fees.
    add(minutes(1), minutes(3), [this](SimSeconds time) {
        sink_.transfer(time, TronAsset::Trx, facts_.bridge[1], tron_holder_, 40 * kSun, 0);
    });
    add(minutes(10), minutes(30), decoy);
    add(minutes(5), minutes(20), decoy);
    lead_coins_ = 0;
}

void Trail::lay_cash_out(bool consolidation) {
    const bool on_tron =
        std::find(typologies_.begin(), typologies_.end(), Typology::BridgeHop) != typologies_.end();
    facts_.deposit_on_tron = on_tron;
    add(hours(2), hours(8), [this, on_tron](SimSeconds time) {
        if (on_tron) {
            facts_.deposit = sink_.new_tron_address();
            const std::int64_t burned =
                random_.between(26'000'000, 27'900'000);  // energy bought with TRX
            const TxKey tx = sink_.transfer(time, TronAsset::Usdt, tron_holder_, facts_.deposit,
                                            tron_usdt_, burned);
            facts_.path.push_back(tx);
            facts_.deposited = tron_usdt_;
            facts_.deposited_usd_cents = tron_usdt_ / 10'000;
        } else {
            facts_.deposit = sink_.new_bitcoin_address();
            spend_lead(time, {{facts_.deposit, 0}}, 0);
            facts_.deposited = lead_.front().amount;
            facts_.deposited_usd_cents = facts_.deposited * kBtcPriceCents / kSatPerBtc;
        }
        facts_.cash_out_exchange.push_back(facts_.deposit);
    });
    if (!consolidation) return;
    // The exchange sweeps the deposit into its hot wallet with other customers' deposits: the
    // trail goes into a wallet that pays everyone's withdrawals.
    add(minutes(20), minutes(70), [this, on_tron](SimSeconds time) {
        StageFacts& s = stage(Typology::ExchangeConsolidation);
        s.address = facts_.deposit;
        if (on_tron) {
            const TxKey tx = sink_.transfer(time, TronAsset::Usdt, facts_.deposit,
                                            background_.exchange_tron_hot_wallet(kCashOutExchange),
                                            tron_usdt_, 0);
            facts_.path.push_back(tx);
        } else {
            std::vector<Coin> inputs = background_.take_pending_deposits(
                kCashOutExchange, static_cast<std::size_t>(random_.between(6, 20)));
            for (const Coin& c : inputs) facts_.cash_out_exchange.push_back(c.address);
            inputs.push_back(lead_.front());
            shuffle(inputs, random_);
            const std::int64_t f = fee(inputs.size(), 1);
            const Payment out{background_.exchange_hot_wallet(kCashOutExchange),
                              total_of(inputs) - f};
            const TxKey tx = sink_.utxo(time, inputs, std::span(&out, 1), f);
            background_.add_hot_coin(kCashOutExchange, LedgerSink::coin(tx, 0, out));
            facts_.path.push_back(tx);
        }
        s.answer_after = facts_.path.size() - 1;
        s.count = static_cast<int>(facts_.cash_out_exchange.size());
    });
}

}  // namespace mt::generate
