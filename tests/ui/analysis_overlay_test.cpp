// Analysis reports on the graph (taint colouring, the cluster box) and the taint-method
// comparison, driven headlessly like a trainee would.
#include <catch2/catch.hpp>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "recording_host.hpp"
#include "sample_casefile.hpp"
#include "ui/graph_overlay.hpp"

using namespace mt;
using namespace mt::test;

namespace {

AnalysisRow taint_row(const char* address, double share) {
    AnalysisRow row{address, "", {}};
    row.share = share;
    row.hops = 1;
    return row;
}

// The sample case plus taint reports by three methods on the suspect's funds (shares as the
// worked example's methods would give them) and a cluster report joining the two hops and, through
// a CoinJoin, the mule.
Casefile casefile_with_reports() {
    Casefile c = sample_casefile();  // analysis-1: haircut, the deposit at 25%
    auto taint = [&](const char* id, const char* method, double hop1, double deposit,
                     std::optional<double> mule) {
        AnalysisReport r;
        r.id = id;
        r.tool = AnalysisTool::Taint;
        r.method = method;
        r.subject = kSuspect;
        r.summary = {Message("forensic.taint.lost_to_fees").arg("lost", "0 BTC")};
        r.rows.push_back(taint_row(kHop1, hop1));
        r.rows.push_back(taint_row(kDeposit, deposit));
        if (mule) r.rows.push_back(taint_row(kMule, *mule));
        AnalysisRow tx{kRansomTx, "", {}, true};
        tx.share = hop1;
        r.rows.push_back(tx);
        c.analyses.push_back(r);
    };
    c.analyses[0].rows[0].share = 0.25;  // the deposit
    c.analyses[0].rows.push_back(taint_row(kHop1, 0.3));
    c.analyses[0].rows.push_back(taint_row(kMule, 0.3));
    taint("analysis-2", "poison", 1.0, 1.0, 1.0);
    taint("analysis-3", "fifo", 1.0, 1.0, std::nullopt);
    AnalysisReport cluster;
    cluster.id = "analysis-4";
    cluster.tool = AnalysisTool::Cluster;
    cluster.subject = kHop1;
    cluster.summary = {Message("forensic.cluster.coinjoin_links").arg("count", 1)};
    AnalysisRow subject{kHop1, "", {Message("forensic.cluster.this_address")}};
    subject.evidence = "subject";
    AnalysisRow change{kHop2,
                       "",
                       {Message("forensic.cluster.change")
                            .term("heuristic", "forensic.heuristic.one_time_change")}};
    change.evidence = "change:one_time_change";
    AnalysisRow mixed{kMule, "", {Message("forensic.cluster.common_input")}};
    mixed.evidence = "common_input";
    mixed.via_coinjoin = true;
    cluster.rows = {subject, change, mixed};
    c.analyses.push_back(cluster);
    c.actions_taken += 3;
    return c;
}

struct Fixture {
    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver{view, host};

    Fixture() {
        set_interface_language("en");
        host.case_open = casefile_with_reports();
        driver.frames(3);
    }
    float node_share(const char* address) const {
        const ui::TaintOverlay* overlay = view.taint_overlay();
        REQUIRE(overlay);
        const int node = view.funds_graph().find(address);
        REQUIRE(node >= 0);
        return overlay->node_share[static_cast<std::size_t>(node)];
    }
};

}  // namespace

TEST_CASE("the taint overlay colours the nodes a report reached and toggles off and on",
          "[ui][overlay]") {
    Fixture f;
    // The latest taint report (FIFO) is drawn by default.
    REQUIRE(f.view.taint_overlay());
    CHECK(f.view.taint_overlay()->report_id == "analysis-3");
    CHECK(f.node_share(kDeposit) == Approx(1.0));
    CHECK(f.node_share(kMule) < 0.0f);  // FIFO never reached the mule
    CHECK(f.node_share(kVictim) < 0.0f);
    CHECK(f.driver.drawn("graph.legend_taint"));
    CHECK(f.driver.drawn("graph.overlay_taint"));

    f.driver.click("graph.overlay_taint");
    f.driver.frames(2);
    CHECK_FALSE(f.view.state().graph.show_taint);
    CHECK_FALSE(f.view.taint_overlay());
    CHECK_FALSE(f.driver.drawn("graph.legend_taint"));

    f.driver.click("graph.overlay_taint");
    f.driver.frames(2);
    CHECK(f.view.taint_overlay());
    CHECK(f.driver.drawn("graph.legend_taint"));
    CHECK(f.host.emitted.empty());  // a view change, not an investigative action
}

TEST_CASE("arrows take the tainted share of their transaction", "[ui][overlay]") {
    Fixture f;
    const ui::FundsGraph& graph = f.view.funds_graph();
    const auto it = graph.tx_edges.find(kRansomTx);
    REQUIRE(it != graph.tx_edges.end());
    REQUIRE_FALSE(it->second.empty());
    REQUIRE(f.view.taint_overlay());
    for (int edge : it->second)
        CHECK(f.view.taint_overlay()->edge_share[static_cast<std::size_t>(edge)] == Approx(1.0));
}

TEST_CASE("'Show on graph' draws an older taint report", "[ui][overlay]") {
    Fixture f;
    f.driver.click("tab.tools");
    // Older reports are collapsed; open the haircut one, then show it.
    f.driver.click("tools.report:analysis-1");
    f.driver.click("tools.show_on_graph:analysis-1");
    f.driver.frames(2);
    CHECK(f.view.state().graph.taint_report == "analysis-1");
    REQUIRE(f.view.taint_overlay());
    CHECK(f.view.taint_overlay()->method == "haircut");
    CHECK(f.node_share(kDeposit) == Approx(0.25));
    CHECK(f.node_share(kMule) == Approx(0.3));
}

TEST_CASE("a cluster report boxes its members and flags the CoinJoin link", "[ui][overlay]") {
    Fixture f;
    const ui::ClusterOverlay* cluster = f.view.cluster_overlay();
    REQUIRE(cluster);
    CHECK(cluster->report_id == "analysis-4");
    CHECK(cluster->listed == 3);
    CHECK(cluster->members.size() == 3);
    CHECK(cluster->by_common_input == 1);
    CHECK(cluster->by_change == 1);
    CHECK(cluster->via_coinjoin == 1);
    REQUIRE(cluster->member_coinjoin.size() == 3);
    CHECK(cluster->member_coinjoin[2]);
    CHECK(cluster->members[2] == f.view.funds_graph().find(kMule));
    CHECK(f.driver.drawn("graph.legend_cluster"));
    f.driver.click("graph.overlay_cluster");
    f.driver.frames(2);
    CHECK_FALSE(f.view.cluster_overlay());
    CHECK_FALSE(f.driver.drawn("graph.legend_cluster"));
    CHECK(f.view.taint_overlay());  // the two overlays toggle separately
}

TEST_CASE("the comparison table shows each method's share side by side", "[ui][overlay]") {
    Fixture f;
    f.driver.click("tab.tools");
    f.driver.click("tools.compare_taint");
    f.driver.frames(2);
    REQUIRE(f.driver.drawn("compare.window"));
    const std::string deposit(kDeposit), mule(kMule);
    CHECK(f.driver.drawn("compare.cell:poison:" + deposit + "=100.0%"));
    CHECK(f.driver.drawn("compare.cell:haircut:" + deposit + "=25.0%"));
    CHECK(f.driver.drawn("compare.cell:fifo:" + deposit + "=100.0%"));
    CHECK(f.driver.drawn("compare.cell:haircut:" + mule + "=30.0%"));
    CHECK(f.driver.drawn("compare.cell:fifo:" + mule + "=—"));
    // LIFO and TIHO were not run on this source: one click runs each.
    CHECK_FALSE(f.driver.drawn("compare.run:haircut"));
    f.driver.click("compare.run:lifo");
    const auto runs = f.host.of_type(ActionType::RunAnalysis);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].tool == AnalysisTool::Taint);
    CHECK(runs[0].method == TaintMethod::Lifo);
    CHECK(runs[0].target == kSuspect);
}

TEST_CASE("the comparison marks addresses where the methods disagree", "[ui][overlay]") {
    const Casefile c = casefile_with_reports();
    const ui::TaintComparison table = ui::compare_taint_methods(c, kSuspect);
    REQUIRE(table.methods.size() == 3);
    CHECK(table.methods[0] == TaintMethod::Poison);
    CHECK(table.methods[1] == TaintMethod::Haircut);
    CHECK(table.methods[2] == TaintMethod::Fifo);
    REQUIRE(table.rows.size() == 3);  // addresses only, not the transaction row
    for (const auto& row : table.rows) {
        INFO(row.address);
        CHECK(row.methods_disagree);
    }
    CHECK(ui::compare_taint_methods(c, kVictim).methods.empty());
    CHECK(ui::taint_sources(c) == std::vector<std::string>{kSuspect});
}

TEST_CASE("the taint ramp runs from dark to light", "[ui][overlay]") {
    auto lightness = [](ImU32 colour) {
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
        return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    };
    float last = -1.0f;
    for (int i = 0; i <= 10; ++i) {
        const float now = lightness(ui::taint_colour(static_cast<float>(i) / 10.0f));
        CHECK(now > last);
        last = now;
    }
}

TEST_CASE("a node's context menu runs the analysis tools", "[ui][overlay]") {
    Fixture f;
    f.driver.click(std::string("graph.node:") + kHop1, 1);
    f.driver.frames(2);  // a popup settles its size over its first frames
    CHECK(f.driver.drawn("graph.menu.analysis.flow_patterns"));
    f.driver.click("graph.menu.analysis.cluster");
    const auto runs = f.host.of_type(ActionType::RunAnalysis);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].tool == AnalysisTool::Cluster);
    CHECK(runs[0].target == kHop1);
}
