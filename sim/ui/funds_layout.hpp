#pragma once
// Left-to-right placement of the funds graph: money flows to the right, one column per hop.
// A first layout layers the graph (hop rank after greedy cycle breaking), orders each column with
// barycenter sweeps and straightens chains; after that, placed nodes never move on their own, and
// nodes brought in by an expansion are put beside the node that was expanded (so the picture does
// not jump while the trainee follows the money).
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/funds_graph.hpp"

namespace mt::ui {

struct Point {
    float x = 0.0f;
    float y = 0.0f;
};

struct Bounds {
    float x0 = 0.0f, y0 = 0.0f, x1 = 0.0f, y1 = 0.0f;
    bool empty = true;
};

// World units; the view multiplies by zoom and the interface scale.
struct LayoutMetrics {
    static constexpr float column = 360.0f;  // between hop columns: room for an arrow label
    static constexpr float row = 74.0f;      // between nodes of one column
    static constexpr float node_width = 200.0f;
    static constexpr float node_height = 50.0f;
    static constexpr float junction_size = 26.0f;
};

// Layered layout of `members` (indices into graph.nodes), node centres with the first column at
// x = 0 and the top at y = 0. Exposed for tests and benchmarks.
std::vector<Point> layered_layout(const FundsGraph& graph, const std::vector<int>& members);

class FundsLayout {
  public:
    // Places every node of `graph`, keeping the place of every node placed before.
    void update(const FundsGraph& graph);
    void clear();

    const std::vector<Point>& positions() const { return positions_; }
    Point position(int node) const { return positions_[static_cast<std::size_t>(node)]; }
    // The trainee dragged a node: it stays where they put it.
    void move(const FundsGraph& graph, int node, Point to);
    Bounds bounds() const { return bounds_; }

  private:
    std::unordered_map<std::string, Point> placed_;  // node id -> centre
    std::vector<Point> positions_;
    Bounds bounds_;
    void compute_bounds(const FundsGraph& graph);
};

}  // namespace mt::ui
