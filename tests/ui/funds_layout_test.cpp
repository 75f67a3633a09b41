// The funds graph built from a casefile and its left-to-right layout.
#include <catch2/catch.hpp>

#include <cmath>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "recording_host.hpp"
#include "sample_casefile.hpp"
#include "ui/funds_graph.hpp"
#include "ui/funds_layout.hpp"

using namespace mt;
using namespace mt::ui;

namespace {

Point at(const FundsGraph& graph, const FundsLayout& layout, const std::string& id) {
    const int node = graph.find(id);
    REQUIRE(node >= 0);
    return layout.position(node);
}

// No two nodes of one column closer than a row.
void require_no_overlap(const FundsGraph& graph, const FundsLayout& layout) {
    for (std::size_t a = 0; a < graph.nodes.size(); ++a)
        for (std::size_t b = a + 1; b < graph.nodes.size(); ++b) {
            const Point pa = layout.position(static_cast<int>(a)),
                        pb = layout.position(static_cast<int>(b));
            if (std::fabs(pa.x - pb.x) > 1.0f) continue;
            INFO(graph.nodes[a].id << " and " << graph.nodes[b].id);
            CHECK(std::fabs(pa.y - pb.y) >= LayoutMetrics::row * 0.9f);
        }
}

}  // namespace

TEST_CASE("the funds graph has a node per address and an arrow per transfer", "[ui][graph]") {
    const Casefile c = test::sample_casefile();
    const FundsGraph graph = build_funds_graph(c);
    CHECK(graph.nodes.size() == c.addresses.size());
    // ransom: victim->suspect; peel-1: suspect->mule, suspect->hop1; peel-2: hop1->deposit,
    // hop1->hop2.
    CHECK(graph.edges.size() == 5);
    const int deposit = graph.find(test::kDeposit);
    REQUIRE(deposit >= 0);
    CHECK(graph.nodes[static_cast<std::size_t>(deposit)].attributed);
    CHECK(graph.nodes[static_cast<std::size_t>(deposit)].entity == EntityKind::Exchange);
    CHECK(graph.nodes[static_cast<std::size_t>(deposit)].annotated);
    REQUIRE(graph.tx_edges.count("tx-peel-1") == 1);
    CHECK(graph.tx_edges.at("tx-peel-1").size() == 2);
    for (const GraphEdge& e : graph.edges) {
        if (graph.nodes[static_cast<std::size_t>(e.to)].id == test::kHop1)
            CHECK(e.total == 179990000);
    }
}

TEST_CASE("an address whose funds a service froze is marked, and only that one", "[ui][graph]") {
    Casefile casefile = test::sample_casefile();
    for (const GraphNode& node : build_funds_graph(casefile).nodes) CHECK_FALSE(node.frozen);
    // A confirmed freeze of the deposit; a pending request about the mule freezes nothing.
    casefile.requests[1].status = RequestStatus::Frozen;
    casefile.requests[1].identifiers = {test::kDeposit};
    casefile.requests[0].identifiers = {test::kMule};
    const FundsGraph graph = build_funds_graph(casefile);
    for (const GraphNode& node : graph.nodes) {
        INFO(node.id);
        CHECK(node.frozen == (node.id == test::kDeposit));
    }
}

TEST_CASE("a transaction with several spenders goes through one junction node", "[ui][graph]") {
    Casefile c = test::sample_casefile();
    KnownTransaction join = c.transactions.at("tx-peel-2");
    join.id = "tx-join";
    join.inputs = {{test::kMule, 20000000}, {test::kHop2, 100000000}};
    join.outputs = {{test::kDeposit, 119990000}};
    c.transactions[join.id] = join;
    const FundsGraph graph = build_funds_graph(c);
    const int junction = graph.find("tx-join");
    REQUIRE(junction >= 0);
    CHECK(graph.nodes[static_cast<std::size_t>(junction)].kind == GraphNode::Kind::Junction);
    int into = 0, out_of = 0;
    for (const GraphEdge& e : graph.edges) {
        if (e.to == junction) ++into;
        if (e.from == junction) ++out_of;
    }
    CHECK(into == 2);
    CHECK(out_of == 1);
}

TEST_CASE("money flows left to right, one column per hop", "[ui][layout]") {
    const Casefile c = test::sample_casefile();
    const FundsGraph graph = build_funds_graph(c);
    FundsLayout layout;
    layout.update(graph);
    const float victim = at(graph, layout, test::kVictim).x;
    const float suspect = at(graph, layout, test::kSuspect).x;
    const float hop1 = at(graph, layout, test::kHop1).x;
    const float hop2 = at(graph, layout, test::kHop2).x;
    CHECK(suspect - victim == Approx(LayoutMetrics::column));
    CHECK(hop1 - suspect == Approx(LayoutMetrics::column));
    CHECK(hop2 - hop1 == Approx(LayoutMetrics::column));
    CHECK(at(graph, layout, test::kDeposit).x == Approx(hop2));
    require_no_overlap(graph, layout);
    CHECK_FALSE(layout.bounds().empty);
}

TEST_CASE("expanding a node keeps every placed node where it was", "[ui][layout]") {
    Casefile c = test::sample_casefile();
    FundsGraph graph = build_funds_graph(c);
    FundsLayout layout;
    layout.update(graph);
    std::map<std::string, Point> before;
    for (const GraphNode& node : graph.nodes) before[node.id] = at(graph, layout, node.id);

    // hop2's outputs are listed: three new addresses appear to its right.
    for (int i = 0; i < 3; ++i) {
        const std::string next = "bc1qnext" + std::to_string(i);
        c.addresses[next].address = next;
        c.transactions["tx-next-" + std::to_string(i)] = KnownTransaction{
            "tx-next-" + std::to_string(i), "bitcoin",      "BTC", 8, hours(1) + i, 0, "BTC", 8,
            {{test::kHop2, 1000}},          {{next, 1000}}, {},    {}};
    }
    graph = build_funds_graph(c);
    layout.update(graph);
    for (const auto& [id, p] : before) {
        INFO(id);
        CHECK(at(graph, layout, id).x == p.x);
        CHECK(at(graph, layout, id).y == p.y);
    }
    const Point hop2 = at(graph, layout, test::kHop2);
    for (int i = 0; i < 3; ++i) {
        const Point p = at(graph, layout, "bc1qnext" + std::to_string(i));
        CHECK(p.x == Approx(hop2.x + LayoutMetrics::column));
        CHECK(std::fabs(p.y - hop2.y) <= LayoutMetrics::row * 3);
    }
    require_no_overlap(graph, layout);
}

TEST_CASE("a node the trainee moved stays where they put it", "[ui][layout]") {
    const Casefile c = test::sample_casefile();
    const FundsGraph graph = build_funds_graph(c);
    FundsLayout layout;
    layout.update(graph);
    const int mule = graph.find(test::kMule);
    layout.move(graph, mule, {1234.0f, 567.0f});
    layout.update(graph);
    CHECK(layout.position(mule).x == 1234.0f);
    CHECK(layout.position(mule).y == 567.0f);
    layout.clear();
    layout.update(graph);
    CHECK(layout.position(mule).x != 1234.0f);
}

TEST_CASE("cycles are laid out without hanging and a chain stays straight", "[ui][layout]") {
    Casefile c;
    c.briefing.scenario_id = "cycle";
    for (const char* a : {"a", "b", "c"}) c.addresses[a].address = a;
    auto tx = [](std::string id, std::string from, std::string to, SimSeconds t) {
        return KnownTransaction{id,    "bitcoin", "BTC",        8,          t,  0,
                                "BTC", 8,         {{from, 10}}, {{to, 10}}, {}, {}};
    };
    c.transactions["t1"] = tx("t1", "a", "b", 1);
    c.transactions["t2"] = tx("t2", "b", "c", 2);
    c.transactions["t3"] = tx("t3", "c", "a", 3);
    const FundsGraph graph = build_funds_graph(c);
    FundsLayout layout;
    layout.update(graph);
    CHECK(at(graph, layout, "a").x < at(graph, layout, "b").x);
    CHECK(at(graph, layout, "b").x < at(graph, layout, "c").x);
    // A chain with no branching runs along one row.
    CHECK(at(graph, layout, "a").y == Approx(at(graph, layout, "b").y));
    CHECK(at(graph, layout, "b").y == Approx(at(graph, layout, "c").y));
}

TEST_CASE("a large layered graph is placed without overlaps", "[ui][layout]") {
    const Casefile c = test::large_casefile(12, 40);
    const FundsGraph graph = build_funds_graph(c);
    REQUIRE(graph.nodes.size() == 480);
    FundsLayout layout;
    layout.update(graph);
    require_no_overlap(graph, layout);
    for (const GraphEdge& e : graph.edges)
        CHECK(layout.position(e.from).x < layout.position(e.to).x);
}

namespace {

void add_known(Casefile& c, const std::string& address, const std::string& chain,
               const std::string& entity = {}) {
    KnownAddress a;
    a.address = address;
    a.chain = chain;
    if (!entity.empty()) {
        Attribution attribution;
        attribution.entity_id = entity;
        attribution.kind = EntityKind::Bridge;
        attribution.name = {"Arcadia Bridge", "Arcadia Bridge"};
        a.attribution = attribution;
    }
    c.addresses[address] = a;
}

void add_transfer(Casefile& c, const std::string& id, SimSeconds time, const std::string& from,
                  const std::string& to, const std::string& chain) {
    KnownTransaction tx;
    tx.id = id;
    tx.chain = chain;
    tx.asset = "USDT";
    tx.decimals = 6;
    tx.time = time;
    tx.inputs = {{from, 1000}};
    tx.outputs = {{to, 1000}};
    c.transactions[id] = tx;
}

}  // namespace

TEST_CASE("money crossing chains through a bridge flows left to right", "[ui][graph]") {
    // Ethereum: thief -> bridge deposit. Tron: bridge release -> launderer, and a release to
    // someone else before the hack (the bridge's own earlier business).
    Casefile c;
    add_known(c, "eth-thief", "Ethereum");
    add_known(c, "eth-bridge", "Ethereum", "arcadia");
    add_known(c, "tron-bridge", "Tron", "arcadia");
    add_known(c, "tron-launderer", "Tron");
    add_known(c, "tron-earlier", "Tron");
    add_transfer(c, "tx-earlier", 5, "tron-bridge", "tron-earlier", "Tron");
    add_transfer(c, "tx-deposit", 10, "eth-thief", "eth-bridge", "Ethereum");
    add_transfer(c, "tx-release", 20, "tron-bridge", "tron-launderer", "Tron");
    const FundsGraph graph = build_funds_graph(c);
    REQUIRE(graph.crossings.size() == 1);
    CHECK(graph.crossings[0].first == graph.find("eth-bridge"));
    CHECK(graph.crossings[0].second == graph.find("tron-bridge"));
    FundsLayout layout;
    layout.update(graph);
    CHECK(at(graph, layout, "eth-thief").x < at(graph, layout, "eth-bridge").x);
    CHECK(at(graph, layout, "eth-bridge").x < at(graph, layout, "tron-bridge").x);
    CHECK(at(graph, layout, "tron-bridge").x < at(graph, layout, "tron-launderer").x);

    // The same service on one chain only: nothing crosses.
    Casefile one_chain = c;
    one_chain.addresses["tron-bridge"].chain = "Ethereum";
    CHECK(build_funds_graph(one_chain).crossings.empty());
}

namespace {

// 200 victims' payments from 198 addresses into one collector (two victims paid twice), and the
// collector's one payment onwards.
Casefile many_victims() {
    Casefile c;
    add_known(c, "collector", "Tron");
    add_known(c, "onwards", "Tron");
    c.addresses["collector"].explored_in = true;
    int payment = 0;
    for (int v = 0; v < 198; ++v) {
        const std::string victim = "victim-" + std::to_string(v);
        add_known(c, victim, "Tron");
        for (int k = 0; k < (v < 2 ? 2 : 1); ++k) {
            const std::string id = "tx-pay-" + std::to_string(payment++);
            add_transfer(c, id, payment, victim, "collector", "Tron");
        }
    }
    add_transfer(c, "tx-onwards", 1000, "collector", "onwards", "Tron");
    return c;
}

}  // namespace

TEST_CASE("many small parallel flows collapse into one group that expands", "[ui][graph]") {
    const Casefile c = many_victims();
    const FundsGraph graph = build_funds_graph(c);
    // collector, onwards and one group node instead of 198 victims.
    REQUIRE(graph.nodes.size() == 3);
    const int group = graph.find(group_id("collector", true));
    REQUIRE(group >= 0);
    const GraphNode& node = graph.nodes[static_cast<std::size_t>(group)];
    CHECK(node.kind == GraphNode::Kind::Group);
    CHECK(node.members == 198);
    CHECK(node.payments == 200);
    CHECK(graph.grouped.count("victim-7") == 1);
    // One arrow carries all 200 payments, and each payment's transaction finds it.
    REQUIRE(graph.edges.size() == 2);
    const GraphEdge* into = nullptr;
    for (const GraphEdge& e : graph.edges)
        if (e.from == group) into = &e;
    REQUIRE(into);
    CHECK(into->to == graph.find("collector"));
    CHECK(into->transfers.size() == 200);
    CHECK(into->total == 200 * 1000);
    REQUIRE(graph.tx_edges.count("tx-pay-150") == 1);
    CHECK(graph.tx_edges.at("tx-pay-150").front() == static_cast<int>(into - graph.edges.data()));

    // Expanded, every address is back.
    const FundsGraph open = build_funds_graph(c, {group_id("collector", true)});
    CHECK(open.nodes.size() == 200);
    CHECK(open.grouped.empty());

    // An address the trainee looked into is never hidden in a group; below the threshold nothing
    // is grouped.
    Casefile noted = c;
    noted.addresses["victim-7"].note = "the complainant";
    CHECK(build_funds_graph(noted).nodes.size() == 4);
    Casefile few;
    for (const auto& [id, a] : c.addresses)
        if (id.rfind("victim-", 0) != 0 || (id.size() == 8 && id.back() - '0' < int{kGroupAt} - 1))
            few.addresses[id] = a;
    for (const auto& [id, tx] : c.transactions)
        if (few.addresses.count(tx.inputs.front().address)) few.transactions[id] = tx;
    REQUIRE(few.addresses.size() == kGroupAt + 1);  // kGroupAt - 1 victims
    CHECK(build_funds_graph(few).nodes.size() == kGroupAt + 1);
}

TEST_CASE("the group node names its flows and opens with a click", "[ui][graph]") {
    set_interface_language("en");
    test::RecordingHost host;
    InvestigatorUi view;
    test::HeadlessUi driver{view, host};
    host.case_open = many_victims();
    driver.frames(3);
    const std::string group = "graph.node:" + group_id("collector", true);
    REQUIRE(driver.drawn(group));
    bool named = false;
    for (const CanvasLabel& label : view.state().probe.canvas_labels())
        named = named || label.text == "200 payments from 198 addresses";
    CHECK(named);
    CHECK_FALSE(driver.drawn("graph.node:victim-7"));
    driver.click(group);
    driver.frames(2);
    CHECK_FALSE(driver.drawn(group));
    CHECK(view.state().graph.expanded_groups.count(group_id("collector", true)) == 1);
    // Every victim is on the graph again (the probe records nodes off screen are not drawn, so
    // count through the graph's layout instead of the screen).
    std::size_t victims = 0;
    for (const auto& [key, rect] : view.state().probe.all())
        victims += key.rfind("graph.node:victim-", 0) == 0 ? 1 : 0;
    CHECK(victims > 0);
}

TEST_CASE("an arrow carries its transfers' value in US dollars, each at its own time",
          "[ui][graph]") {
    Casefile c = test::sample_casefile();
    // No prices: no value anywhere.
    for (const GraphEdge& e : build_funds_graph(c).edges) CHECK_FALSE(e.usd_cents);
    // BTC quoted from 12 hours before the start: the ransom (-20 h) has no price yet, the peels
    // (-10 h, -5 h) are worth 0.5 BTC at 50,000 and then 60,000 USD.
    c.briefing.prices = {
        {"bitcoin",
         "BTC",
         {{-hours(12), Units{5'000'000'000'000}}, {-hours(6), Units{6'000'000'000'000}}}}};
    const FundsGraph graph = build_funds_graph(c);
    std::size_t valued = 0;
    for (const GraphEdge& e : graph.edges) {
        const std::string& from = graph.nodes[static_cast<std::size_t>(e.from)].id;
        const std::string& to = graph.nodes[static_cast<std::size_t>(e.to)].id;
        INFO(from << " -> " << to);
        REQUIRE(e.transfers.size() == 1);
        if (to == test::kSuspect) {
            CHECK_FALSE(e.usd_cents);  // before the first quote
            continue;
        }
        const Units price = e.transfers.front().time < -hours(6) ? 50'000 : 60'000;
        REQUIRE(e.usd_cents);
        // amount (satoshi) x price (USD) / 10^8 satoshi, in cents.
        CHECK(*e.usd_cents == static_cast<std::int64_t>(e.total * price * 100 / 100'000'000));
        CHECK(e.transfers.front().usd_cents == e.usd_cents);
        ++valued;
    }
    CHECK(valued == 4);
    // The same symbol on another chain is another asset: no price.
    c.briefing.prices.front().chain = "liquid";
    for (const GraphEdge& e : build_funds_graph(c).edges) CHECK_FALSE(e.usd_cents);
}

TEST_CASE("a collapsed group's arrow sums its payments' values, or shows none if one lacks it",
          "[ui][graph]") {
    Casefile c = many_victims();  // payments at 1..200 s, 1000 units (0.001 USDT) each
    c.briefing.prices = {{"Tron", "USDT", {{kPriceAlways, Units{100'000'000}}}}};
    for (auto& [id, tx] : c.transactions)
        tx.outputs.front().amount = tx.inputs.front().amount = 50'000'000;
    FundsGraph graph = build_funds_graph(c);
    const int group = graph.find(group_id("collector", true));
    const GraphEdge* into = nullptr;
    for (const GraphEdge& e : graph.edges)
        if (e.from == group) into = &e;
    REQUIRE(into);
    REQUIRE(into->usd_cents);
    CHECK(*into->usd_cents == 200 * 5'000);  // 200 payments of 50 USDT at 1.00
    // Quoted only from the 100th second: the earlier payments have no value, so neither has the
    // sum.
    c.briefing.prices.front().quotes.front().at = 100;
    graph = build_funds_graph(c);
    for (const GraphEdge& e : graph.edges)
        if (e.from == graph.find(group_id("collector", true))) CHECK_FALSE(e.usd_cents);
}

TEST_CASE("the inspector says what a transaction was worth then, where the case gives prices",
          "[ui][graph]") {
    Casefile c = test::sample_casefile();
    c.briefing.prices = {{"bitcoin", "BTC", {{-hours(12), Units{5'000'000'000'000}}}}};
    test::RecordingHost host;
    InvestigatorUi view;
    test::HeadlessUi driver{view, host};
    set_interface_language("en");
    host.case_open = c;
    driver.frames(2);
    const auto shown = [&](const std::string& tx) {
        view.state().selection = {Selection::Kind::Transaction, tx};
        driver.frames(2);
        std::string found;
        for (const LaidOutItem& item : view.state().probe.items())
            if (item.what.find("≈") != std::string::npos) found = item.what;
        return found;
    };
    // 1.9999 BTC moved at 50,000 USD.
    CHECK(shown("tx-peel-1") == "Worth then: ≈ USD 99,995");
    // Before the first quote: nothing.
    CHECK(shown(test::kRansomTx).empty());
    set_interface_language("es");
    CHECK(shown("tx-peel-1") == "Valor en ese momento: ≈ 99,995 USD");
    set_interface_language("en");
}
