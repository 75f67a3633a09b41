#include "ui/funds_graph.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace mt::ui {
namespace {

int add_node(FundsGraph& graph, const std::string& id, GraphNode::Kind kind) {
    auto [it, inserted] = graph.node_index.emplace(id, static_cast<int>(graph.nodes.size()));
    if (inserted) {
        GraphNode node;
        node.kind = kind;
        node.id = id;
        node.first_time = INT64_MAX;
        graph.nodes.push_back(std::move(node));
    }
    return it->second;
}

// Each address of a service that pays out on one chain is linked from the same service's address
// on another chain that received before one of its payments (the latest such, so a service with
// many addresses adds one link per paying address).
void link_crossings(FundsGraph& graph) {
    const std::size_t n = graph.nodes.size();
    std::vector<SimSeconds> first_in(n, INT64_MAX), last_out(n, INT64_MIN);
    for (const GraphEdge& edge : graph.edges)
        for (const EdgeTransfer& transfer : edge.transfers) {
            auto& in = first_in[static_cast<std::size_t>(edge.to)];
            auto& out = last_out[static_cast<std::size_t>(edge.from)];
            in = std::min(in, transfer.time);
            out = std::max(out, transfer.time);
        }
    std::map<std::string, std::vector<std::size_t>> by_entity;
    for (std::size_t i = 0; i < n; ++i)
        if (!graph.nodes[i].entity_id.empty()) by_entity[graph.nodes[i].entity_id].push_back(i);
    for (const auto& [entity, members] : by_entity) {
        for (std::size_t payer : members) {
            if (last_out[payer] == INT64_MIN) continue;
            std::size_t from = n;
            for (std::size_t receiver : members) {
                if (first_in[receiver] > last_out[payer] ||
                    graph.nodes[receiver].chain == graph.nodes[payer].chain)
                    continue;
                if (from == n || first_in[receiver] > first_in[from]) from = receiver;
            }
            if (from < n)
                graph.crossings.emplace_back(static_cast<int>(from), static_cast<int>(payer));
        }
    }
}

// Collapses, around each address, the parallel flows from (or to) at least kGroupAt addresses
// that have nothing else on the graph: one transfer edge, no name, note, freeze or exploration.
void collapse_parallel_flows(FundsGraph& graph, const std::set<std::string>& expanded) {
    const std::size_t n = graph.nodes.size();
    std::vector<std::vector<int>> in_edges(n), out_edges(n);
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        out_edges[static_cast<std::size_t>(graph.edges[e].from)].push_back(static_cast<int>(e));
        in_edges[static_cast<std::size_t>(graph.edges[e].to)].push_back(static_cast<int>(e));
    }
    const auto plain = [&](std::size_t i) {
        const GraphNode& node = graph.nodes[i];
        return node.kind == GraphNode::Kind::Address && !node.attributed && !node.annotated &&
               !node.frozen && !node.explored_in && !node.explored_out &&
               in_edges[i].size() + out_edges[i].size() == 1;
    };
    std::vector<int> group_of(n, -1);  // collapsed node -> index of its group among `groups`
    struct Group {
        int hub = 0;
        bool inbound = true;
        std::vector<int> members;
    };
    std::vector<Group> groups;
    for (std::size_t hub = 0; hub < n; ++hub) {
        for (const bool inbound : {true, false}) {
            if (expanded.count(group_id(graph.nodes[hub].id, inbound))) continue;
            Group group{static_cast<int>(hub), inbound, {}};
            for (int e : inbound ? in_edges[hub] : out_edges[hub]) {
                const GraphEdge& edge = graph.edges[static_cast<std::size_t>(e)];
                const auto other = static_cast<std::size_t>(inbound ? edge.from : edge.to);
                if (plain(other) && group_of[other] < 0 && other != hub)
                    group.members.push_back(static_cast<int>(other));
            }
            if (group.members.size() < kGroupAt) continue;
            for (int m : group.members)
                group_of[static_cast<std::size_t>(m)] = static_cast<int>(groups.size());
            groups.push_back(std::move(group));
        }
    }
    if (groups.empty()) return;

    // Rebuild: kept nodes in order, then one node per group; edges re-pointed, a group's merged
    // per asset.
    FundsGraph out;
    std::vector<int> index(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (group_of[i] >= 0) continue;
        index[i] = static_cast<int>(out.nodes.size());
        out.node_index.emplace(graph.nodes[i].id, index[i]);
        out.nodes.push_back(std::move(graph.nodes[i]));
    }
    std::vector<int> group_node(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Group& group = groups[g];
        GraphNode node;
        node.kind = GraphNode::Kind::Group;
        node.id = group_id(
            out.nodes[static_cast<std::size_t>(index[static_cast<std::size_t>(group.hub)])].id,
            group.inbound);
        node.inbound = group.inbound;
        node.members = group.members.size();
        node.first_time = INT64_MAX;
        for (int m : group.members) {
            const GraphNode& member = graph.nodes[static_cast<std::size_t>(m)];
            node.first_time = std::min(node.first_time, member.first_time);
            if (node.chain.empty()) node.chain = member.chain;
        }
        group_node[g] = static_cast<int>(out.nodes.size());
        out.node_index.emplace(node.id, group_node[g]);
        for (int m : group.members)
            out.grouped.emplace(graph.nodes[static_cast<std::size_t>(m)].id, group_node[g]);
        out.nodes.push_back(std::move(node));
    }
    std::map<std::tuple<int, int, std::string>, int> merged;
    for (GraphEdge& edge : graph.edges) {
        const auto from = static_cast<std::size_t>(edge.from),
                   to = static_cast<std::size_t>(edge.to);
        const int a = group_of[from] >= 0 ? group_node[static_cast<std::size_t>(group_of[from])]
                                          : index[from];
        const int b =
            group_of[to] >= 0 ? group_node[static_cast<std::size_t>(group_of[to])] : index[to];
        auto [it, inserted] =
            merged.emplace(std::make_tuple(a, b, edge.asset), static_cast<int>(out.edges.size()));
        if (inserted) {
            edge.from = a;
            edge.to = b;
            out.edges.push_back(std::move(edge));
        } else {
            GraphEdge& into = out.edges[static_cast<std::size_t>(it->second)];
            into.total += edge.total;
            into.transfers.insert(into.transfers.end(), edge.transfers.begin(),
                                  edge.transfers.end());
        }
    }
    for (GraphEdge& edge : out.edges) {
        std::stable_sort(
            edge.transfers.begin(), edge.transfers.end(),
            [](const EdgeTransfer& x, const EdgeTransfer& y) { return x.time < y.time; });
        const bool grouped =
            out.nodes[static_cast<std::size_t>(edge.from)].kind == GraphNode::Kind::Group ||
            out.nodes[static_cast<std::size_t>(edge.to)].kind == GraphNode::Kind::Group;
        if (grouped) {
            GraphNode& group = out.nodes[static_cast<std::size_t>(
                out.nodes[static_cast<std::size_t>(edge.from)].kind == GraphNode::Kind::Group
                    ? edge.from
                    : edge.to)];
            group.payments += edge.transfers.size();
        }
    }
    for (std::size_t e = 0; e < out.edges.size(); ++e)
        for (const EdgeTransfer& transfer : out.edges[e].transfers) {
            auto& carriers = out.tx_edges[transfer.tx];
            if (std::find(carriers.begin(), carriers.end(), static_cast<int>(e)) == carriers.end())
                carriers.push_back(static_cast<int>(e));
        }
    graph = std::move(out);
}

// An edge's value: its transfers' values summed, when every one of them has a price.
void total_usd(GraphEdge& edge) {
    std::int64_t sum = 0;
    for (const EdgeTransfer& transfer : edge.transfers)
        if (!transfer.usd_cents || __builtin_add_overflow(sum, *transfer.usd_cents, &sum)) {
            edge.usd_cents.reset();
            return;
        }
    edge.usd_cents = sum;
}

}  // namespace

std::string group_id(const std::string& address, bool inbound) {
    return (inbound ? "group-in:" : "group-out:") + address;
}

FundsGraph build_funds_graph(const Casefile& casefile, const std::set<std::string>& expanded) {
    FundsGraph graph;
    graph.nodes.reserve(casefile.addresses.size());
    for (const auto& [text, known] : casefile.addresses) {
        GraphNode& node =
            graph.nodes[static_cast<std::size_t>(add_node(graph, text, GraphNode::Kind::Address))];
        if (known.attribution) {
            node.attributed = true;
            node.entity = known.attribution->kind;
            node.name = known.attribution->name;
            node.entity_id = known.attribution->entity_id;
        }
        node.chain = known.chain;
        node.explored_in = known.explored_in;
        node.explored_out = known.explored_out;
        node.annotated = !known.note.empty() || !known.tags.empty();
    }
    for (const LegalRequestFile& request : casefile.requests) {
        if (request.status != RequestStatus::Frozen) continue;
        for (const std::string& identifier : request.identifiers)
            if (const int n = graph.find(identifier);
                n >= 0 && graph.nodes[static_cast<std::size_t>(n)].kind == GraphNode::Kind::Address)
                graph.nodes[static_cast<std::size_t>(n)].frozen = true;
    }

    // (from, to, asset) -> edge index, so repeated transfers between two nodes share one arrow.
    std::map<std::tuple<int, int, std::string>, int> edge_of;
    auto add_transfer = [&](int from, int to, const KnownTransaction& tx, Units amount) {
        if (from == to)
            return;  // change back to the spender: shown in the inspector, not as a loop
        auto key = std::make_tuple(from, to, tx.asset);
        auto [it, inserted] = edge_of.emplace(key, static_cast<int>(graph.edges.size()));
        if (inserted) graph.edges.push_back({from, to, tx.asset, tx.decimals, 0, {}, std::nullopt});
        GraphEdge& edge = graph.edges[static_cast<std::size_t>(it->second)];
        edge.total += amount;
        edge.transfers.push_back({tx.id, amount, tx.time,
                                  usd_cents_at(casefile.briefing.prices, tx.chain, tx.asset,
                                               tx.decimals, amount, tx.time)});
        auto& carriers = graph.tx_edges[tx.id];
        if (std::find(carriers.begin(), carriers.end(), it->second) == carriers.end())
            carriers.push_back(it->second);
    };

    // Transactions in time order, so each edge's transfers are too.
    std::vector<const KnownTransaction*> ordered;
    ordered.reserve(casefile.transactions.size());
    for (const auto& entry : casefile.transactions) ordered.push_back(&entry.second);
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const KnownTransaction* a, const KnownTransaction* b) { return a->time < b->time; });

    for (const KnownTransaction* tx : ordered) {
        // Sum per address: a UTXO spend often has several inputs from one address.
        std::map<std::string, Units> spent, received;
        for (const KnownLeg& leg : tx->inputs) spent[leg.address] += leg.amount;
        for (const KnownLeg& leg : tx->outputs) received[leg.address] += leg.amount;
        auto touch = [&](int index) {
            GraphNode& node = graph.nodes[static_cast<std::size_t>(index)];
            node.first_time = std::min(node.first_time, tx->time);
        };
        std::vector<int> senders, receivers;
        for (const auto& [address, amount] : spent)
            senders.push_back(add_node(graph, address, GraphNode::Kind::Address));
        for (const auto& [address, amount] : received)
            receivers.push_back(add_node(graph, address, GraphNode::Kind::Address));
        for (int index : senders) touch(index);
        for (int index : receivers) touch(index);

        if (spent.size() <= 1) {
            // One spender (or a coinbase-like transaction with none shown): direct arrows.
            if (spent.empty()) continue;
            std::size_t i = 0;
            for (const auto& [address, amount] : received)
                add_transfer(senders[0], receivers[i++], *tx, amount);
        } else {
            const int junction = add_node(graph, tx->id, GraphNode::Kind::Junction);
            touch(junction);
            std::size_t i = 0;
            for (const auto& [address, amount] : spent)
                add_transfer(senders[i++], junction, *tx, amount);
            i = 0;
            for (const auto& [address, amount] : received)
                add_transfer(junction, receivers[i++], *tx, amount);
        }
    }
    for (GraphNode& node : graph.nodes)
        if (node.first_time == INT64_MAX) node.first_time = 0;
    collapse_parallel_flows(graph, expanded);
    for (GraphEdge& edge : graph.edges) total_usd(edge);
    link_crossings(graph);
    return graph;
}

GraphSignature signature_of(const Casefile& casefile) {
    return {casefile.briefing.scenario_id, casefile.actions_taken, casefile.addresses.size(),
            casefile.transactions.size(), casefile.now};
}

}  // namespace mt::ui
