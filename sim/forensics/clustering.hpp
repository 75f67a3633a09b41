#pragma once
// Address clustering on UTXO chains: common-input ownership (Meiklejohn et al. 2013, H1) joined by
// union-find, optionally extended by change heuristics. Every merge keeps its evidence (which
// transaction, which rule), so a trainee can see why two addresses were put together, and a
// scenario can switch the CoinJoin rule off to show the wrong merge it prevents.
#include <cstdint>
#include <span>
#include <vector>

#include "forensics/change_heuristics.hpp"
#include "model/ledger.hpp"

namespace mt {

struct ClusterOptions {
    bool common_input = true;
    bool stop_at_coinjoin = true;  // no common-input or change links from CoinJoin transactions
    std::uint8_t change_heuristics = 0;  // bit (1 << ChangeHeuristic) per heuristic in use
    int round_digits = -1;               // see ChangeContext

    ClusterOptions& use(ChangeHeuristic h, bool on = true) {
        const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(h));
        change_heuristics =
            static_cast<std::uint8_t>(on ? change_heuristics | bit : change_heuristics & ~bit);
        return *this;
    }
    bool uses(ChangeHeuristic h) const {
        return (change_heuristics >> static_cast<unsigned>(h)) & 1u;
    }
};

// One merge of two clusters.
struct ClusterLink {
    AddressId from = 0;  // first input address of the transaction
    AddressId to = 0;    // the other input address, or the change address
    TxIndex tx = kNoTx;
    bool common_input = true;     // false: a change heuristic named `to` as change
    std::uint8_t heuristics = 0;  // change links: every heuristic that named this output
    bool coinjoin = false;        // the transaction is a CoinJoin (the rule was off)
};

struct ClusterMember {
    AddressId address = 0;
    std::uint32_t depth = 0;  // links between it and the address asked about
    std::int64_t link = -1;   // index into links() of the link that reached it; -1: itself
};

class AddressClusters {
  public:
    AddressId cluster_of(AddressId address) const { return root_.at(address); }
    bool same_cluster(AddressId a, AddressId b) const { return cluster_of(a) == cluster_of(b); }
    std::size_t cluster_size(AddressId address) const;
    // Members of the address's cluster, nearest first, each with the link that brought it in.
    std::vector<ClusterMember> explain(AddressId address) const;
    std::span<const ClusterLink> links() const { return links_; }
    // CoinJoins whose inputs were kept apart by the rule; transactions where the change
    // heuristics in use named different outputs (no link made).
    std::span<const TxIndex> coinjoins_skipped() const { return coinjoins_skipped_; }
    std::span<const TxIndex> conflicts() const { return conflicts_; }

  private:
    friend AddressClusters cluster_addresses(const Ledger&, const ClusterOptions&, TxIndex);
    std::vector<AddressId> root_;
    std::vector<ClusterLink> links_;
    std::vector<TxIndex> coinjoins_skipped_;
    std::vector<TxIndex> conflicts_;
};

// Clusters every address using the transactions before the horizon.
AddressClusters cluster_addresses(const Ledger& ledger, const ClusterOptions& options,
                                  TxIndex horizon);

}  // namespace mt
