#pragma once
// The balance of one asset at one account-based address, as the taint methods see it
// (docs/forensics.md, "Taint", account-based chains). Balances mix inside an address, so each
// method keeps what it needs of the address's time-ordered history:
//   poison:        once any taint is held, the whole balance is tainted (until it reaches zero);
//   haircut, TIHO: the balance and how much of it is tainted;
//   FIFO, LIFO:    the balance as arrival-ordered segments, each clean or tainted by one
//   transaction.
// An outgoing transfer is read as a transaction that spends the whole balance into the payment,
// the fee and what stays at the address. FIFO pays out the oldest funds first and then the fee;
// LIFO the newest; TIHO pours the taint into the larger of payment and remaining balance first;
// haircut takes floor(payment * taint / balance) and floor(fee * taint / balance).
// When a debit exceeds the balance, the missing funds came from history outside the case: they
// are clean and counted as the oldest funds at the address.
#include <cstdint>
#include <limits>
#include <vector>

#include "model/ledger.hpp"
#include "model/money.hpp"
#include "model/vocabulary.hpp"

namespace mt {

inline constexpr std::uint32_t kNoHop = std::numeric_limits<std::uint32_t>::max();

struct PoolDebit {
    Units payment_taint = 0;
    Units fee_taint = 0;         // lost with the fee
    std::uint32_t hop = kNoHop;  // smallest hop distance among the taint that left
};

class AccountPool {
  public:
    explicit AccountPool(TaintMethod method) : method_(method) {}

    Units balance() const { return balance_; }
    Units tainted() const { return tainted_; }
    // Smallest hop distance of the taint held; kNoHop when clean.
    std::uint32_t hop() const { return hop_; }

    // Funds arriving. `origin` is the transaction that brought the taint (for predecessor links).
    void credit(Units amount, Units taint, TxIndex origin, std::uint32_t hop);
    // Funds leaving: a payment and a fee (fee is zero when paid from another asset's pool).
    // Transactions whose taint left are appended to `origins` (FIFO/LIFO: exact segments;
    // other methods: nothing, the caller links the pooled receipts).
    PoolDebit debit(Units payment, Units fee, std::vector<TxIndex>& origins);
    // Drops held taint below `threshold` (dust), making the pool clean.
    void drop_taint_below(Units threshold);

  private:
    struct Segment {
        Units amount = 0;
        TxIndex origin = kNoTx;  // kNoTx: clean
        std::uint32_t hop = kNoHop;
    };
    bool uses_segments() const {
        return method_ == TaintMethod::Fifo || method_ == TaintMethod::Lifo;
    }
    void push_back(Segment s);
    void push_front_clean(Units amount);
    // Takes `amount` from the front (FIFO) or back (LIFO); returns taint taken.
    Units take(Units amount, std::uint32_t& hop, std::vector<TxIndex>* origins);
    void after_change();

    TaintMethod method_;
    Units balance_ = 0;
    Units tainted_ = 0;
    std::uint32_t hop_ = kNoHop;
    std::vector<Segment> segments_;  // live segments are [head_, size)
    std::size_t head_ = 0;
};

}  // namespace mt
