#pragma once
// The funds-flow graph as the trainee knows it: addresses are nodes and known transactions are
// directed edges. A transaction spending from several addresses (a consolidation, a CoinJoin) gets
// a junction node, so its inputs and outputs are drawn once each instead of every pair.
// Pure data built from the casefile; no ImGui, so layout and tests do not need a window.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/casefile.hpp"

namespace mt::ui {

struct GraphNode {
    // Group: many small parallel flows into (or out of) one address, from (or to) addresses known
    // for nothing else, drawn as one node until the trainee expands it.
    enum class Kind : std::uint8_t { Address, Junction, Group };
    Kind kind = Kind::Address;
    std::string id;     // address text, or the transaction id of a junction
    std::string chain;  // the chain it is on, as the casefile names it ("Bitcoin")
    EntityKind entity = EntityKind::Unknown;
    bool attributed = false;
    LocalizedText name;     // the attribution's name when attributed
    std::string entity_id;  // the attributed entity ("arcadia-bridge"), empty when unknown
    bool explored_in = false;
    bool explored_out = false;
    bool annotated = false;     // has a note or tags
    bool frozen = false;        // a service confirmed a freeze of the funds it holds
    SimSeconds first_time = 0;  // earliest known transaction touching it (layout order)
    std::size_t members = 0;    // Group: the addresses it stands for
    std::size_t payments = 0;   // Group: the transfers between them and the address
    bool inbound = true;        // Group: the flows go into the address (a collector's deposits)
};

struct EdgeTransfer {
    std::string tx;
    Units amount = 0;
    SimSeconds time = 0;
    // Its value in US cents at the price in force at its time, when the case gives one.
    std::optional<std::int64_t> usd_cents;
};

// All known transfers from one node to another in one asset, drawn as one arrow.
struct GraphEdge {
    int from = 0;
    int to = 0;
    std::string asset;
    int decimals = 0;
    Units total = 0;
    std::vector<EdgeTransfer> transfers;  // in time order
    // The transfers' values summed, each at its own time; empty unless every one has a price.
    std::optional<std::int64_t> usd_cents;
};

struct FundsGraph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    // Money crossing chains through one service (a bridge, an exchange): from its address that
    // received on one chain to its address that paid out on another, later. No transaction joins
    // the two, but the layout keeps the second to the right of the first and the view draws a
    // dashed link, so a case across chains still flows left to right.
    std::vector<std::pair<int, int>> crossings;
    std::unordered_map<std::string, int> node_index;             // id -> index into nodes
    std::unordered_map<std::string, std::vector<int>> tx_edges;  // tx id -> edges carrying it
    std::unordered_map<std::string, int> grouped;  // address in a collapsed group -> group node

    int find(const std::string& id) const {
        auto it = node_index.find(id);
        return it == node_index.end() ? -1 : it->second;
    }
};

// A node with at least this many parallel flows from (or to) addresses known for nothing else
// shows them as one group node.
inline constexpr std::size_t kGroupAt = 8;
// The id of the group of flows into (inbound) or out of an address.
std::string group_id(const std::string& address, bool inbound);

// `expanded`: group ids the trainee opened; their addresses are drawn one by one.
FundsGraph build_funds_graph(const Casefile& casefile, const std::set<std::string>& expanded = {});

// Changes whenever the casefile's graph may have changed (anything accepted, the clock, a new
// case).
struct GraphSignature {
    std::string scenario_id;
    std::size_t actions = 0;
    std::size_t addresses = 0;
    std::size_t transactions = 0;
    SimSeconds now = 0;
    bool operator==(const GraphSignature&) const = default;
};
GraphSignature signature_of(const Casefile& casefile);

}  // namespace mt::ui
