#include "import/trail.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

#include "import/import_error.hpp"

namespace mt::import {
namespace {

std::string input_path(const DraftTransaction& tx, std::size_t i) {
    return tx.origin.where + ".vin[" + std::to_string(i) + "]";
}

bool same_legs(const DraftTransaction& a, const DraftTransaction& b) {
    if (a.inputs.size() != b.inputs.size() || a.outputs.size() != b.outputs.size()) return false;
    for (std::size_t i = 0; i < a.inputs.size(); ++i) {
        const DraftInput& x = a.inputs[i];
        const DraftInput& y = b.inputs[i];
        if (x.from_tx != y.from_tx || x.vout != y.vout || x.address != y.address ||
            x.amount != y.amount)
            return false;
    }
    for (std::size_t i = 0; i < a.outputs.size(); ++i)
        if (a.outputs[i].address != b.outputs[i].address ||
            a.outputs[i].amount != b.outputs[i].amount)
            return false;
    return true;
}

bool same_transfer(const DraftTransaction& a, const DraftTransaction& b) {
    return a.chain == b.chain && a.asset == b.asset && a.from == b.from && a.to == b.to &&
           a.amount == b.amount && a.unix_time == b.unix_time && a.fee == b.fee;
}

// Exports overlap (an address page and a single transaction, the two sides of a transfer): the
// same transaction twice is kept once. A Bitcoin id with different content is an error; several
// account transfers of one transaction hash (token transfers, internal calls) get "-2", "-3".
void merge_duplicates(std::vector<DraftTransaction>& txs) {
    std::vector<DraftTransaction> kept;
    std::unordered_map<std::string, std::size_t> utxo_ids;
    std::unordered_map<std::string, std::vector<std::size_t>> account_ids;
    for (DraftTransaction& tx : txs) {
        if (tx.utxo()) {
            auto it = utxo_ids.find(tx.id);
            if (it == utxo_ids.end()) {
                utxo_ids.emplace(tx.id, kept.size());
                kept.push_back(std::move(tx));
                continue;
            }
            const DraftTransaction& first = kept[it->second];
            if (first.unix_time == tx.unix_time && first.fee == tx.fee && same_legs(first, tx))
                continue;
            Message m = file_error("import.error.conflicting_tx", tx.origin.file, tx.origin.where);
            m.arg("tx", tx.id).arg("first_file", first.origin.file);
            throw ImportFailure(m);
        }
        std::vector<std::size_t>& same_id = account_ids[tx.id];
        if (std::any_of(same_id.begin(), same_id.end(),
                        [&](std::size_t k) { return same_transfer(kept[k], tx); }))
            continue;
        const std::string base = tx.id;
        if (!same_id.empty()) tx.id = base + "-" + std::to_string(same_id.size() + 1);
        same_id.push_back(kept.size());
        kept.push_back(std::move(tx));
    }
    txs = std::move(kept);
}

using Outpoint = std::pair<std::string, std::uint32_t>;
struct Spend {
    std::size_t tx = 0;
    std::size_t input = 0;
};

// Every input names an output that exists (in the export or in its prevout), no output is spent
// twice, inputs equal outputs plus fee, and the outspends agree with the spends.
void check_bitcoin(std::vector<DraftTransaction>& txs, const std::vector<OutspendList>& outspends,
                   const std::unordered_map<std::string, std::size_t>& by_id) {
    std::map<Outpoint, Spend> spent;
    for (std::size_t t = 0; t < txs.size(); ++t) {
        DraftTransaction& tx = txs[t];
        if (!tx.utxo()) continue;
        Units in = 0;
        for (std::size_t j = 0; j < tx.inputs.size(); ++j) {
            DraftInput& input = tx.inputs[j];
            if (!input.from_tx.empty()) {
                auto parent = by_id.find(input.from_tx);
                if (parent != by_id.end()) {
                    const DraftTransaction& p = txs[parent->second];
                    if (input.vout >= p.outputs.size()) {
                        Message m = file_error("import.error.missing_output", tx.origin.file,
                                               input_path(tx, j));
                        m.arg("vout", static_cast<long long>(input.vout))
                            .arg("parent", p.id)
                            .arg("count", p.outputs.size());
                        throw ImportFailure(m);
                    }
                    const DraftOutput& out = p.outputs[input.vout];
                    if (input.address.empty()) {
                        input.address = out.address;
                        input.amount = out.amount;
                    } else if (input.address != out.address || input.amount != out.amount) {
                        Message m = file_error("import.error.prevout_mismatch", tx.origin.file,
                                               input_path(tx, j) + ".prevout");
                        m.arg("vout", static_cast<long long>(input.vout))
                            .arg("parent", p.id)
                            .arg("address", out.address)
                            .arg("amount", to_string(out.amount));
                        throw ImportFailure(m);
                    }
                } else if (input.address.empty()) {
                    Message m = file_error("import.error.missing_parent", tx.origin.file,
                                           input_path(tx, j));
                    m.arg("vout", static_cast<long long>(input.vout)).arg("parent", input.from_tx);
                    throw ImportFailure(m);
                }
                auto [it, fresh] = spent.emplace(Outpoint{input.from_tx, input.vout}, Spend{t, j});
                if (!fresh) {
                    Message m = file_error("import.error.output_spent_twice", tx.origin.file,
                                           input_path(tx, j));
                    m.arg("vout", static_cast<long long>(input.vout))
                        .arg("parent", input.from_tx)
                        .arg("first", txs[it->second.tx].id)
                        .arg("second", tx.id);
                    throw ImportFailure(m);
                }
            }
            in += input.amount;
        }
        Units out = 0;
        for (const DraftOutput& o : tx.outputs) out += o.amount;
        if (in != out + tx.fee) {
            Message m = file_error("import.error.unbalanced", tx.origin.file, tx.origin.where);
            m.arg("tx", tx.id)
                .arg("inputs", to_string(in))
                .arg("outputs", to_string(out))
                .arg("fee", to_string(tx.fee));
            throw ImportFailure(m);
        }
    }
    for (const OutspendList& list : outspends) {
        auto parent = by_id.find(list.txid);
        if (parent == by_id.end()) {
            Message m = file_error("import.error.outspends_unknown_tx", list.origin.file, "$");
            m.arg("tx", list.txid);
            throw ImportFailure(m);
        }
        const DraftTransaction& p = txs[parent->second];
        if (list.outputs.size() != p.outputs.size()) {
            Message m = file_error("import.error.outspends_count", list.origin.file, "$");
            m.arg("tx", p.id).arg("found", list.outputs.size()).arg("count", p.outputs.size());
            throw ImportFailure(m);
        }
        for (std::size_t i = 0; i < list.outputs.size(); ++i) {
            const Outspend& o = list.outputs[i];
            const std::string where = "$[" + std::to_string(i) + "]";
            auto s = spent.find({list.txid, static_cast<std::uint32_t>(i)});
            const bool spender_known = o.spent && by_id.count(o.txid) > 0;
            if (!o.spent && s != spent.end()) {
                Message m = file_error("import.error.outspend_unspent", list.origin.file, where);
                m.arg("vout", i).arg("parent", p.id).arg("spender", txs[s->second.tx].id);
                throw ImportFailure(m);
            }
            if (spender_known &&
                (s == spent.end() || txs[s->second.tx].id != o.txid || s->second.input != o.vin)) {
                Message m = file_error("import.error.outspend_mismatch", list.origin.file, where);
                m.arg("vout", i)
                    .arg("parent", p.id)
                    .arg("claimed", o.txid)
                    .arg("vin", static_cast<long long>(o.vin));
                throw ImportFailure(m);
            }
        }
    }
}

std::vector<std::vector<std::size_t>> children_of(
    const std::vector<DraftTransaction>& txs,
    const std::unordered_map<std::string, std::size_t>& by_id) {
    std::vector<std::vector<std::size_t>> children(txs.size());
    std::unordered_map<std::string, std::vector<std::size_t>>
        sends;  // chain + address -> transfers
    for (std::size_t t = 0; t < txs.size(); ++t)
        if (!txs[t].utxo()) sends[txs[t].chain + ":" + txs[t].from].push_back(t);
    for (std::size_t t = 0; t < txs.size(); ++t) {
        const DraftTransaction& tx = txs[t];
        if (tx.utxo()) {
            std::set<std::size_t> parents;
            for (const DraftInput& in : tx.inputs)
                if (auto p = by_id.find(in.from_tx); p != by_id.end()) parents.insert(p->second);
            for (std::size_t p : parents) children[p].push_back(t);
            continue;
        }
        auto it = sends.find(tx.chain + ":" + tx.to);
        if (it == sends.end()) continue;
        for (std::size_t next : it->second)
            if (next != t && txs[next].unix_time >= tx.unix_time) children[t].push_back(next);
    }
    return children;
}

bool sends_from(const DraftTransaction& tx, const std::string& address) {
    if (!tx.utxo()) return tx.from == address;
    return std::any_of(tx.inputs.begin(), tx.inputs.end(),
                       [&](const DraftInput& i) { return i.address == address; });
}

bool pays(const DraftTransaction& tx, const std::string& address) {
    if (!tx.utxo()) return tx.to == address;
    return std::any_of(tx.outputs.begin(), tx.outputs.end(),
                       [&](const DraftOutput& o) { return o.address == address; });
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string largest_output(const DraftTransaction& tx) {
    auto it = std::max_element(
        tx.outputs.begin(), tx.outputs.end(),
        [](const DraftOutput& a, const DraftOutput& b) { return a.amount < b.amount; });
    return it->address;
}

}  // namespace

Trail build_trail(DraftLedger ledger, const TrailOptions& options) {
    std::vector<DraftTransaction>& txs = ledger.transactions;
    merge_duplicates(txs);
    if (txs.empty()) throw ImportFailure(Message("import.error.empty"));
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t t = 0; t < txs.size(); ++t)
        if (txs[t].utxo()) by_id.emplace(txs[t].id, t);
    check_bitcoin(txs, ledger.outspends, by_id);
    const auto children = children_of(txs, by_id);

    // Hop 0: the seeds' transactions, per chain.
    constexpr int kUnreached = -1;
    std::vector<int> hop(txs.size(), kUnreached);
    std::vector<std::size_t> came_from(txs.size(), static_cast<std::size_t>(-1));
    std::map<std::string, std::string> seed_address;  // chain -> address the seed named
    std::set<std::string> seeded;
    std::deque<std::size_t> queue;
    auto start = [&](std::size_t t) {
        if (hop[t] != kUnreached) return;
        hop[t] = 0;
        queue.push_back(t);
    };
    for (const std::string& raw : options.seeds) {
        const std::string seed = raw.size() == 42 && raw.rfind("0x", 0) == 0 ? lower(raw) : raw;
        std::vector<std::size_t> found;
        for (std::size_t t = 0; t < txs.size(); ++t)
            if (txs[t].id == seed || txs[t].id == lower(seed)) found.push_back(t);
        bool address = false;
        if (found.empty()) {
            address = true;
            for (std::size_t t = 0; t < txs.size(); ++t)
                if (sends_from(txs[t], seed)) found.push_back(t);
        }
        if (found.empty())
            for (std::size_t t = 0; t < txs.size(); ++t)
                if (pays(txs[t], seed)) found.push_back(t);
        if (found.empty()) {
            Message m("import.error.seed_not_found");
            m.arg("seed", raw);
            throw ImportFailure(m);
        }
        for (std::size_t t : found) {
            start(t);
            seeded.insert(txs[t].chain);
            if (address) seed_address.emplace(txs[t].chain, seed);
        }
    }
    std::vector<std::string> chain_order;
    for (const DraftTransaction& tx : txs)
        if (std::find(chain_order.begin(), chain_order.end(), tx.chain) == chain_order.end())
            chain_order.push_back(tx.chain);
    for (const std::string& chain : chain_order) {
        if (seeded.count(chain)) continue;
        std::size_t earliest = txs.size();
        for (std::size_t t = 0; t < txs.size(); ++t)
            if (txs[t].chain == chain &&
                (earliest == txs.size() || txs[t].unix_time < txs[earliest].unix_time))
                earliest = t;
        start(earliest);
    }
    while (!queue.empty()) {
        const std::size_t t = queue.front();
        queue.pop_front();
        if (options.max_hops && hop[t] >= *options.max_hops) continue;
        for (std::size_t c : children[t])
            if (hop[c] == kUnreached) {
                hop[c] = hop[t] + 1;
                came_from[c] = t;
                queue.push_back(c);
            }
    }

    Trail trail;
    for (const std::string& chain : chain_order) {
        std::size_t last = txs.size();
        for (std::size_t t = 0; t < txs.size(); ++t) {
            if (txs[t].chain != chain || hop[t] == kUnreached) continue;
            if (last == txs.size() || hop[t] > hop[last] ||
                (hop[t] == hop[last] && txs[t].unix_time >= txs[last].unix_time))
                last = t;
        }
        if (last == txs.size()) continue;  // nothing reached on this chain
        ChainTrail ct;
        ct.chain = chain;
        std::vector<std::size_t> path;
        std::size_t root = last;
        for (std::size_t t = last; t != static_cast<std::size_t>(-1); t = came_from[t]) {
            path.push_back(t);
            root = t;
        }
        std::reverse(path.begin(), path.end());
        for (std::size_t t : path) ct.path.push_back(txs[t].id);
        const DraftTransaction& first = txs[root];
        const DraftTransaction& end = txs[last];
        ct.seed_address = seed_address.count(chain) ? seed_address[chain]
                          : first.utxo()            ? first.inputs.front().address
                                                    : first.from;
        ct.last_address = end.utxo() ? largest_output(end) : end.to;
        ct.hops = static_cast<int>(path.size());
        trail.chains.push_back(std::move(ct));
    }

    // What is kept: everything reached, or every transaction of a chain without a seed when no
    // hop limit is set.
    std::vector<bool> keep(txs.size());
    for (std::size_t t = 0; t < txs.size(); ++t)
        keep[t] = hop[t] != kUnreached || (!seeded.count(txs[t].chain) && !options.max_hops);

    // Time order with parents first: a block's time may run before its parent block's, so a
    // transaction is never placed before a transaction it spends from, and takes at least its time.
    std::vector<std::size_t> waiting(txs.size(), 0);
    for (std::size_t t = 0; t < txs.size(); ++t)
        if (keep[t] && txs[t].utxo())
            for (std::size_t c : children[t])
                if (keep[c]) ++waiting[c];
    using Ready = std::pair<std::int64_t, std::size_t>;
    std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
    for (std::size_t t = 0; t < txs.size(); ++t)
        if (keep[t] && waiting[t] == 0) ready.push({txs[t].unix_time, t});
    while (!ready.empty()) {
        const std::size_t t = ready.top().second;
        ready.pop();
        trail.transactions.push_back(txs[t]);
        if (!txs[t].utxo()) continue;
        for (std::size_t c : children[t]) {
            if (!keep[c]) continue;
            txs[c].unix_time = std::max(txs[c].unix_time, txs[t].unix_time);
            if (--waiting[c] == 0) ready.push({txs[c].unix_time, c});
        }
    }
    return trail;
}

}  // namespace mt::import
