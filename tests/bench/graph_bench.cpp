// The funds-flow graph at 1k, 5k and 20k nodes: how long the layout takes, how much CPU the
// investigator interface needs to build one frame of it, and how long Graphviz `dot` takes to lay
// out the same graph.
//
// The graphs are real traces: a Session on the generated 1M-transaction case explores addresses
// breadth first from the briefing's addresses (each exploration lists up to 200 transactions, as
// the explorer pages) until the trainee's funds graph has the wanted number of nodes. Exchange hot
// wallets and merchants make it a wide, irregular graph, as a long investigation would.
//
// Frames are built in a headless ImGui context (no GL, no rendering): NewFrame, the real
// InvestigatorUi::draw over the casefile, Render (which finishes the draw lists). CPU time of the
// loop is the figure; the first frame, which builds the graph and its layout, is reported apart.
// Results and commands: docs/performance.md.
#include <benchmark/benchmark.h>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "session/session.hpp"
#include "ui/funds_graph.hpp"
#include "ui/funds_layout.hpp"
#include "ui/investigator_ui.hpp"

namespace {

using namespace mt;
namespace fs = std::filesystem;

constexpr std::uint64_t kLedger = 1'000'000;

struct TraceGraph {
    Casefile casefile;
    ui::FundsGraph graph;
    ui::FundsGraph before_last;  // the graph before the last exploration
    int explorations = 0;
    fs::path dot_file;
};

// `after` without the transactions the last exploration revealed (over `before`) beyond the
// oldest `keep`, and without the addresses only those brought in.
Casefile keep_oldest(const Casefile& after, const Casefile& before,
                     const std::vector<const KnownTransaction*>& added, std::size_t keep) {
    Casefile c = after;
    std::set<std::string> referenced;
    for (std::size_t i = 0; i < added.size(); ++i) {
        if (i >= keep) {
            c.transactions.erase(added[i]->id);
            continue;
        }
        for (const KnownLeg& leg : added[i]->inputs) referenced.insert(leg.address);
        for (const KnownLeg& leg : added[i]->outputs) referenced.insert(leg.address);
    }
    std::erase_if(c.addresses, [&](const auto& entry) {
        return !before.addresses.count(entry.first) && !referenced.count(entry.first);
    });
    return c;
}

// Explores breadth first from the briefing's addresses until the graph has `nodes` nodes; the
// last exploration is then cut back (its newest transactions dropped) to that size.
TraceGraph make_trace(int nodes) {
    TraceGraph t;
    const auto wanted = static_cast<std::size_t>(nodes);
    Session session(bench::loaded_case(kLedger));
    std::set<std::string> seen;
    std::vector<std::string> queue;
    std::size_t head = 0;
    auto enqueue_new = [&] {
        for (const auto& [address, known] : session.casefile().addresses)
            if (seen.insert(address).second) queue.push_back(address);
    };
    enqueue_new();
    Casefile before;
    while (head < queue.size()) {
        Action explore;
        explore.type = ActionType::ExploreAddress;
        explore.target = queue[head++];
        explore.direction = Direction::Both;
        // Keep the casefile before each exploration while it is small or near the size wanted;
        // the last exploration is cut back against it (any earlier snapshot would also do).
        const std::size_t known = session.casefile().addresses.size();
        if (known < 5000 || known * 5 >= wanted * 4) before = session.casefile();
        if (!session.apply(explore).accepted) continue;
        ++t.explorations;
        enqueue_new();
        if (session.casefile().addresses.size() * 5 < wanted * 4) continue;
        if (ui::build_funds_graph(session.casefile()).nodes.size() >= wanted) break;
    }
    const Casefile& after = session.casefile();
    std::vector<const KnownTransaction*> added;
    for (const auto& [id, tx] : after.transactions)
        if (!before.transactions.count(id)) added.push_back(&tx);
    std::sort(added.begin(), added.end(), [](const auto* a, const auto* b) {
        return a->time != b->time ? a->time < b->time : a->id < b->id;
    });
    // The most of the last exploration's transactions that keeps the graph within size.
    std::size_t lo = 0, hi = added.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (ui::build_funds_graph(keep_oldest(after, before, added, mid)).nodes.size() <= wanted)
            lo = mid;
        else
            hi = mid - 1;
    }
    t.casefile = keep_oldest(after, before, added, lo);
    t.graph = ui::build_funds_graph(t.casefile);
    t.before_last = ui::build_funds_graph(before);
    return t;
}

// The same graph for Graphviz: boxes of the size the view draws (200 x 50 world units at 72 per
// inch), small squares for junctions, left to right; arrows without labels (labels would only
// make dot slower).
void write_dot(const ui::FundsGraph& graph, const fs::path& file) {
    std::ofstream out(file);
    out << "digraph trace {\n  rankdir=LR;\n  node [shape=box, width=2.78, height=0.69, "
           "fixedsize=true];\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const ui::GraphNode& n = graph.nodes[i];
        out << "  n" << i << " [label=\"" << n.id.substr(0, 18) << "\"";
        if (n.kind == ui::GraphNode::Kind::Junction)
            out << ", shape=square, width=0.36, height=0.36, label=\"\"";
        out << "];\n";
    }
    for (const ui::GraphEdge& e : graph.edges) out << "  n" << e.from << " -> n" << e.to << ";\n";
    out << "}\n";
}

const TraceGraph& trace(int nodes) {
    static std::map<int, TraceGraph> cache;
    auto it = cache.find(nodes);
    if (it != cache.end()) return it->second;
    TraceGraph t = make_trace(nodes);
    fs::create_directories(bench::data_dir());
    t.dot_file = bench::data_dir() / ("trace-" + std::to_string(nodes) + ".dot");
    write_dot(t.graph, t.dot_file);
    return cache.emplace(nodes, std::move(t)).first->second;
}

void graph_counters(benchmark::State& state, const TraceGraph& t) {
    state.counters["nodes"] = static_cast<double>(t.graph.nodes.size());
    state.counters["edges"] = static_cast<double>(t.graph.edges.size());
    state.counters["explorations"] = t.explorations;
}

// Graphviz's CPU time for the same graph (dot -Tplain, in a child process, so it includes dot's
// start-up and parsing: a few ms). Capped by $MT_BENCH_DOT_LIMIT seconds of CPU (default 300;
// the kernel stops dot with SIGXCPU at the cap). At 20k nodes dot runs to the cap, which on a
// loaded 2-core machine is half an hour of wall time before the benchmark's row is printed, so
// dot's start and end are said on stderr as they happen.
struct DotRun {
    double cpu_seconds = -1;
    bool capped = false;
};
DotRun dot_layout(const TraceGraph& t) {
    int limit = 300;
    if (const char* env = std::getenv("MT_BENCH_DOT_LIMIT"); env && *env) limit = std::atoi(env);
    std::fprintf(stderr, "dot on %zu nodes (%s), capped at %d s of CPU...\n", t.graph.nodes.size(),
                 t.dot_file.c_str(), limit);
    const bench::ChildRun run =
        bench::run_program({"dot", "-Tplain", "-o", "/dev/null", t.dot_file.string()}, limit);
    DotRun d;
    d.cpu_seconds = run.cpu_seconds;
    d.capped = !run.ok;
    std::fprintf(stderr, "dot on %zu nodes: %s after %.1f s of CPU (%.1f s wall)\n",
                 t.graph.nodes.size(), d.capped ? "stopped or failed" : "done", run.cpu_seconds,
                 run.wall_seconds);
    return d;
}

// A first layout of the whole graph, as when a saved session with this graph is opened: the
// layered layout (cycle breaking, hop ranks, barycenter ordering, straightening) of every node.
void BM_GraphLayout(benchmark::State& state) {
    const TraceGraph& t = trace(static_cast<int>(state.range(0)));
    const double cpu_start = bench::process_cpu_seconds();
    for (auto _ : state) {
        ui::FundsLayout layout;
        layout.update(t.graph);
        benchmark::DoNotOptimize(layout.bounds());
    }
    const double layout_cpu =
        (bench::process_cpu_seconds() - cpu_start) /
        static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
    graph_counters(state, t);
    const DotRun dot = dot_layout(t);
    state.counters["dot_cpu_s"] = dot.cpu_seconds;
    state.counters["dot_capped"] = dot.capped ? 1 : 0;
    // Above 1: dot takes that many times more CPU (a lower bound when capped).
    state.counters["dot_over_layout"] = dot.cpu_seconds / layout_cpu;
}
BENCHMARK(BM_GraphLayout)
    ->Arg(1'000)
    ->Arg(5'000)
    ->Arg(20'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// The last exploration of the trace on a graph that is already laid out: the nodes it revealed go
// beside the explored one and nothing else moves (FundsLayout::update with the old nodes placed).
void BM_GraphLayoutExpand(benchmark::State& state) {
    const TraceGraph& t = trace(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        ui::FundsLayout layout;
        layout.update(t.before_last);
        state.ResumeTiming();
        layout.update(t.graph);
        benchmark::DoNotOptimize(layout.bounds());
    }
    graph_counters(state, t);
    state.counters["new_nodes"] =
        static_cast<double>(t.graph.nodes.size() - t.before_last.nodes.size());
}

class FixedHost : public ui::UiHost {
  public:
    explicit FixedHost(const Casefile& c) : casefile_(c) {}
    const Casefile* casefile() const override { return &casefile_; }
    const std::vector<ui::CaseChoice>& cases() const override { return none_; }
    const ui::CaseLoadFailure* load_failure() const override { return nullptr; }
    void emit(const Action&) override {}
    SimSeconds cost_of(const Action&) const override { return 0; }
    void open_case(const std::string&, ui::OpenMode) override {}
    void close_case() override {}
    void request_quit() override {}

  private:
    const Casefile& casefile_;
    std::vector<ui::CaseChoice> none_;
};

// One ImGui context per benchmark, set up as the desktop program does (1600 x 900, a font atlas
// built, vertex offsets so big draw lists are allowed), but with nothing rendered.
class HeadlessContext {
  public:
    HeadlessContext() {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 900);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.MousePos = ImVec2(800, 450);  // over the graph, as a trainee's would be
    }
    ~HeadlessContext() { ImGui::DestroyContext(context_); }
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

  private:
    ImGuiContext* context_ = nullptr;
};

void frame(ui::InvestigatorUi& view, ui::UiHost& host) {
    ImGui::NewFrame();
    view.draw(host);
    ImGui::Render();
}

// zoomed: 0 fit to view (the whole graph on screen: level of detail, every node drawn), 1 the
// camera at zoom 1 in the middle of the graph (labels and curves, culling of what is off screen).
void ui_frame(benchmark::State& state, bool zoomed) {
    const TraceGraph& t = trace(static_cast<int>(state.range(0)));
    HeadlessContext context;
    FixedHost host(t.casefile);
    ui::InvestigatorUi view;
    const double first_start = bench::process_cpu_seconds();
    frame(view, host);  // builds the graph and its layout, fits it to the view
    const double first = bench::process_cpu_seconds() - first_start;
    if (zoomed) {
        const ui::Bounds b = view.funds_layout().bounds();
        view.state().graph.camera = {(b.x0 + b.x1) * 0.5f - 600.0f, (b.y0 + b.y1) * 0.5f - 350.0f,
                                     1.0f};
    }
    frame(view, host);
    for (auto _ : state) frame(view, host);
    graph_counters(state, t);
    state.counters["first_frame_ms"] = first * 1000.0;
    state.counters["zoom"] = view.state().graph.camera.zoom;
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
void BM_UiFrameFit(benchmark::State& state) {
    ui_frame(state, false);
}
void BM_UiFrameZoomed(benchmark::State& state) {
    ui_frame(state, true);
}

BENCHMARK(BM_GraphLayoutExpand)->Arg(1'000)->Arg(5'000)->Arg(20'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UiFrameFit)->Arg(1'000)->Arg(5'000)->Arg(20'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UiFrameZoomed)->Arg(1'000)->Arg(5'000)->Arg(20'000)->Unit(benchmark::kMillisecond);

}  // namespace
