#include "forensics/clustering.hpp"

#include <algorithm>
#include <deque>
#include <numeric>

#include "forensics/coinjoin.hpp"

namespace mt {
namespace {

class UnionFind {
  public:
    explicit UnionFind(std::size_t n) : parent_(n), size_(n, 1) {
        std::iota(parent_.begin(), parent_.end(), AddressId{0});
    }
    AddressId find(AddressId a) {
        while (parent_[a] != a) {
            parent_[a] = parent_[parent_[a]];  // path halving
            a = parent_[a];
        }
        return a;
    }
    // False when already together.
    bool unite(AddressId a, AddressId b) {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (size_[a] < size_[b]) std::swap(a, b);
        parent_[b] = a;
        size_[a] += size_[b];
        return true;
    }

  private:
    std::vector<AddressId> parent_;
    std::vector<std::uint32_t> size_;
};

}  // namespace

AddressClusters cluster_addresses(const Ledger& ledger, const ClusterOptions& options,
                                  TxIndex horizon) {
    AddressClusters result;
    UnionFind sets(ledger.address_count());
    horizon = std::min<TxIndex>(horizon, static_cast<TxIndex>(ledger.transaction_count()));
    const ChangeContext context{horizon, options.round_digits};
    for (TxIndex t = 0; t < horizon; ++t) {
        const Transaction& tx = ledger.transaction(t);
        if (ledger.chain(tx.chain).model != ChainModel::Utxo || tx.input_count == 0) continue;
        const auto inputs = ledger.inputs(t);
        const AddressId owner = inputs[0].address;
        const bool several_owners = std::any_of(
            inputs.begin(), inputs.end(), [&](const TxInput& i) { return i.address != owner; });
        const bool coinjoin =
            (several_owners || options.change_heuristics) && is_coinjoin(ledger, t);
        if (coinjoin && options.stop_at_coinjoin) {
            result.coinjoins_skipped_.push_back(t);
            continue;
        }
        if (options.common_input && several_owners)
            for (const TxInput& in : inputs)
                if (sets.unite(owner, in.address))
                    result.links_.push_back({owner, in.address, t, true, 0, coinjoin});
        if (!options.change_heuristics || tx.output_count < 2) continue;
        std::optional<std::uint32_t> change;
        std::uint8_t agreeing = 0;
        bool conflict = false;
        for (ChangeHeuristic h : kChangeHeuristics) {
            if (!options.uses(h)) continue;
            const auto named = change_output(ledger, t, h, context);
            if (!named) continue;
            if (change && *change != *named) conflict = true;
            change = named;
            agreeing = static_cast<std::uint8_t>(agreeing | (1u << static_cast<unsigned>(h)));
        }
        if (conflict) {
            result.conflicts_.push_back(t);
        } else if (change) {
            const AddressId to = ledger.outputs(t)[*change].address;
            if (sets.unite(owner, to))
                result.links_.push_back({owner, to, t, false, agreeing, coinjoin});
        }
    }
    result.root_.resize(ledger.address_count());
    for (AddressId a = 0; a < result.root_.size(); ++a) result.root_[a] = sets.find(a);
    return result;
}

std::size_t AddressClusters::cluster_size(AddressId address) const {
    const AddressId root = cluster_of(address);
    return static_cast<std::size_t>(std::count(root_.begin(), root_.end(), root));
}

std::vector<ClusterMember> AddressClusters::explain(AddressId address) const {
    // Breadth-first over the merge links of this cluster: the links form a spanning forest, so
    // every member is reached exactly once.
    const AddressId root = cluster_of(address);
    std::vector<std::vector<std::size_t>> touching;
    std::vector<AddressId> ids;
    auto slot = [&](AddressId a) {
        auto it = std::lower_bound(ids.begin(), ids.end(), a);
        return static_cast<std::size_t>(it - ids.begin());
    };
    for (AddressId a = 0; a < root_.size(); ++a)
        if (root_[a] == root) ids.push_back(a);
    touching.resize(ids.size());
    for (std::size_t l = 0; l < links_.size(); ++l) {
        if (root_[links_[l].from] != root) continue;
        touching[slot(links_[l].from)].push_back(l);
        touching[slot(links_[l].to)].push_back(l);
    }
    std::vector<ClusterMember> members;
    std::vector<bool> seen(ids.size(), false);
    std::deque<ClusterMember> queue{{address, 0, -1}};
    seen[slot(address)] = true;
    while (!queue.empty()) {
        const ClusterMember m = queue.front();
        queue.pop_front();
        members.push_back(m);
        for (std::size_t l : touching[slot(m.address)]) {
            const AddressId other = links_[l].from == m.address ? links_[l].to : links_[l].from;
            if (seen[slot(other)]) continue;
            seen[slot(other)] = true;
            queue.push_back({other, m.depth + 1, static_cast<std::int64_t>(l)});
        }
    }
    return members;
}

}  // namespace mt
