#include "forensics/account_pool.hpp"

#include <algorithm>

#include "forensics/proportion.hpp"

namespace mt {

void AccountPool::credit(Units amount, Units taint, TxIndex origin, std::uint32_t hop) {
    if (amount <= 0) return;
    taint = std::clamp(taint, Units{0}, amount);
    balance_ += amount;
    if (taint > 0) hop_ = std::min(hop_, hop);
    switch (method_) {
        case TaintMethod::Poison:
            if (taint > 0 || tainted_ > 0) tainted_ = balance_;
            break;
        case TaintMethod::Haircut:
        case TaintMethod::Tiho:
            tainted_ += taint;
            break;
        case TaintMethod::Fifo:
        case TaintMethod::Lifo:
            // Within one receipt the tainted part counts as arriving first, as within a UTXO input.
            if (taint > 0) push_back({taint, origin, hop});
            if (amount > taint) push_back({amount - taint, kNoTx, kNoHop});
            tainted_ += taint;
            break;
    }
    after_change();
}

PoolDebit AccountPool::debit(Units payment, Units fee, std::vector<TxIndex>& origins) {
    payment = std::max(payment, Units{0});
    fee = std::max(fee, Units{0});
    const Units need = payment + fee;
    if (need > balance_) {
        const Units missing = need - balance_;
        if (uses_segments()) push_front_clean(missing);
        balance_ += missing;
    }
    PoolDebit out;
    switch (method_) {
        case TaintMethod::Poison:
            if (tainted_ > 0) {
                out = {payment, fee, hop_};
                balance_ -= need;
                tainted_ = balance_;
            } else {
                balance_ -= need;
            }
            break;
        case TaintMethod::Haircut: {
            out.payment_taint = mul_div_floor(payment, tainted_, balance_);
            out.fee_taint = mul_div_floor(fee, tainted_, balance_);
            balance_ -= need;
            tainted_ -= out.payment_taint + out.fee_taint;
            if (tainted_ > balance_) {  // floor crumbs cannot stay beyond what stays
                out.fee_taint += tainted_ - balance_;
                tainted_ = balance_;
            }
            break;
        }
        case TaintMethod::Tiho: {
            const Units stay = balance_ - need;
            Units stay_taint = 0;
            if (payment >= stay) {
                out.payment_taint = std::min(tainted_, payment);
                stay_taint = std::min(tainted_ - out.payment_taint, stay);
            } else {
                stay_taint = std::min(tainted_, stay);
                out.payment_taint = std::min(tainted_ - stay_taint, payment);
            }
            out.fee_taint = tainted_ - out.payment_taint - stay_taint;
            balance_ = stay;
            tainted_ = stay_taint;
            break;
        }
        case TaintMethod::Fifo:
        case TaintMethod::Lifo: {
            out.payment_taint = take(payment, out.hop, &origins);
            std::uint32_t fee_hop = kNoHop;
            out.fee_taint = take(fee, fee_hop, nullptr);
            if (out.payment_taint == 0) out.hop = fee_hop;
            break;
        }
    }
    if (!uses_segments() && out.payment_taint + out.fee_taint > 0) out.hop = hop_;
    after_change();
    return out;
}

void AccountPool::drop_taint_below(Units threshold) {
    if (tainted_ <= 0 || tainted_ >= threshold) return;
    tainted_ = 0;
    after_change();
}

void AccountPool::push_back(Segment s) {
    if (segments_.size() > head_) {
        Segment& last = segments_.back();
        if (last.origin == s.origin && last.hop == s.hop) {
            last.amount += s.amount;
            return;
        }
    }
    segments_.push_back(s);
}

void AccountPool::push_front_clean(Units amount) {
    if (segments_.size() > head_ && segments_[head_].origin == kNoTx) {
        segments_[head_].amount += amount;
    } else if (head_ > 0) {
        segments_[--head_] = {amount, kNoTx, kNoHop};
    } else {
        // Shifted by hand: vector::insert at the front makes GCC 12 see a null pointer in its
        // reallocation path at -O1 and above (-Wnull-dereference).
        segments_.emplace_back();
        std::move_backward(segments_.begin(), segments_.end() - 1, segments_.end());
        segments_.front() = {amount, kNoTx, kNoHop};
    }
}

Units AccountPool::take(Units amount, std::uint32_t& hop, std::vector<TxIndex>* origins) {
    Units taint = 0;
    balance_ -= amount;
    while (amount > 0 && segments_.size() > head_) {
        Segment& s = method_ == TaintMethod::Fifo ? segments_[head_] : segments_.back();
        const Units part = std::min(amount, s.amount);
        if (s.origin != kNoTx) {
            taint += part;
            hop = std::min(hop, s.hop);
            if (origins && (origins->empty() || origins->back() != s.origin))
                origins->push_back(s.origin);
        }
        s.amount -= part;
        amount -= part;
        if (s.amount == 0) {
            if (method_ == TaintMethod::Fifo) {
                ++head_;
            } else {
                segments_.pop_back();
            }
        }
    }
    tainted_ -= taint;
    // Reclaim consumed FIFO slots once they dominate the vector.
    if (head_ > 64 && head_ * 2 > segments_.size()) {
        segments_.erase(segments_.begin(), segments_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
    }
    return taint;
}

void AccountPool::after_change() {
    if (tainted_ > 0) return;
    tainted_ = 0;
    hop_ = kNoHop;
    if (uses_segments()) {
        // A clean pool is one clean segment: keeps catch-up cheap and the vector small.
        segments_.clear();
        head_ = 0;
        if (balance_ > 0) segments_.push_back({balance_, kNoTx, kNoHop});
    }
}

}  // namespace mt
