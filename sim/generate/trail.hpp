#pragma once
// The crime inside the haystack: a ransom paid in Bitcoin, split between the ransomware's
// developers and the affiliate, and the affiliate's share laundered through the chosen
// typologies into an account at a domestic exchange. Every transaction of the trail is a step
// with its own time; the generator interleaves the steps with the background by time, so the
// trail can draw on the background's users, merchants and exchanges as they are at that moment.
//
// What the case file needs to state the answer key (addresses, transactions, what each checkpoint
// asks) is collected in TrailFacts as the steps run.
#include <functional>
#include <optional>
#include <vector>

#include "generate/background.hpp"
#include "generate/ledger_sink.hpp"
#include "generate/random.hpp"
#include "generate/typology.hpp"

namespace mt::generate {

inline constexpr std::int64_t kBtcPriceCents = 6'725'000;  // 67,250.00 USD, March 2024

// One typology as it was laid: what its checkpoint asks about.
struct StageFacts {
    Typology typology = Typology::PeelChain;
    std::size_t answer_after = 0;  // the expert answers after exploring path[answer_after]
    AddressKey address = 0;        // the answer of an address checkpoint
    TxKey transaction = 0;         // the answer of a transaction checkpoint (bridge payout)
    int count = 0;                 // hops, mules, legs: what the stage's texts quote
};

struct TrailFacts {
    AddressKey victim = 0;
    AddressKey ransom_address = 0;
    AddressKey developer = 0;        // the ransomware developers' cut
    AddressKey foreign_deposit = 0;  // where the developers cash out (foreign exchange)
    TxKey ransom_tx = 0;
    std::int64_t ransom = 0;           // satoshi
    std::int64_t affiliate_share = 0;  // satoshi
    int developer_percent = 0;
    std::vector<AddressKey> affiliate;  // addresses the affiliate controls
    std::vector<AddressKey> mules;
    std::vector<AddressKey> bridge;             // the swap service's deposit and payout wallets
    std::vector<AddressKey> cash_out_exchange;  // the exchange's addresses the trail touches
    std::vector<std::pair<std::size_t, AddressKey>> merchants_paid;  // merchant index, invoice
    std::vector<TxKey> path;                 // the expert explores these, in order
    std::optional<std::size_t> coinjoin_at;  // index in path of the CoinJoin, for the analysis
    std::vector<StageFacts> stages;
    AddressKey deposit = 0;  // the affiliate's deposit address at the exchange
    bool deposit_on_tron = false;
    std::int64_t deposited = 0;  // base units of BTC or USDT credited to the account
    std::int64_t deposited_usd_cents = 0;
    SimSeconds first_time = 0;
};

class Trail {
  public:
    Trail(LedgerSink& sink, Background& background, Random random,
          std::vector<Typology> typologies);
    Trail(const Trail&) = delete;
    Trail& operator=(const Trail&) = delete;

    std::size_t transaction_count() const { return steps_.size(); }
    // How long the trail takes from its first transaction to its last.
    SimSeconds duration() const;
    // Places the last transaction at `end` (and the others before it).
    void schedule(SimSeconds end);
    bool done() const { return next_ >= steps_.size(); }
    SimSeconds next_time() const { return steps_[next_].time; }
    void run_next();

    const TrailFacts& facts() const { return facts_; }

  private:
    struct Step {
        SimSeconds gap = 0;   // after the previous step
        SimSeconds time = 0;  // set by schedule()
        std::function<void(SimSeconds)> run;
    };

    void add(SimSeconds gap_low, SimSeconds gap_high, std::function<void(SimSeconds)> run);
    void lay_start();
    void lay_peel_chain();
    void lay_coinjoin();
    void lay_fan_out();
    void lay_fan_in(bool after_fan_out);
    void lay_scatter_gather();
    void lay_cycle();
    void lay_bridge_hop();
    void lay_cash_out(bool consolidation);

    AddressKey affiliate_address();
    std::int64_t fee(std::size_t inputs, std::size_t outputs);
    // Spends all of the lead into `outputs`, the amount of outputs[rest] being what is left after
    // the others and the fee; the outputs become the new lead, the transaction joins the path.
    TxKey spend_lead(SimSeconds time, std::vector<Payment> outputs, std::size_t rest);
    StageFacts& stage(Typology t);

    LedgerSink& sink_;
    Background& background_;
    Random random_;
    std::vector<Typology> typologies_;
    std::vector<Step> steps_;
    std::size_t next_ = 0;
    std::size_t lead_coins_ = 1;  // how many coins the lead will hold when a step runs (at laying)
    std::vector<Coin> lead_;      // the affiliate's funds on Bitcoin while the steps run
    AddressKey tron_holder_ = 0;  // ... and on Tron after the bridge
    std::int64_t tron_usdt_ = 0;
    std::vector<Coin> parked_;  // coins between the two halves of a stage
    TrailFacts facts_;
};

}  // namespace mt::generate
