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

}  // namespace

FundsGraph build_funds_graph(const Casefile& casefile) {
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
        if (inserted) graph.edges.push_back({from, to, tx.asset, tx.decimals, 0, {}});
        GraphEdge& edge = graph.edges[static_cast<std::size_t>(it->second)];
        edge.total += amount;
        edge.transfers.push_back({tx.id, amount, tx.time});
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
    link_crossings(graph);
    return graph;
}

GraphSignature signature_of(const Casefile& casefile) {
    return {casefile.briefing.scenario_id, casefile.actions_taken, casefile.addresses.size(),
            casefile.transactions.size(), casefile.now};
}

}  // namespace mt::ui
