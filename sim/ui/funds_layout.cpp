#include "ui/funds_layout.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <set>

namespace mt::ui {
namespace {

constexpr int kSweeps = 6;
constexpr int kStraightenPasses = 4;

// Places one column's nodes as close to `desired` as their order and the row gap allow.
void place_column(const std::vector<int>& column, const std::vector<float>& desired,
                  std::vector<float>& y) {
    const std::size_t n = column.size();
    if (n == 0) return;
    const float gap = LayoutMetrics::row;
    std::vector<float> down(n), up(n);
    for (std::size_t i = 0; i < n; ++i)
        down[i] = i == 0 ? desired[i] : std::max(desired[i], down[i - 1] + gap);
    for (std::size_t i = n; i-- > 0;)
        up[i] = i == n - 1 ? desired[i] : std::min(desired[i], up[i + 1] - gap);
    float previous = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
        float value = (down[i] + up[i]) * 0.5f;
        if (i > 0) value = std::max(value, previous + gap);
        y[static_cast<std::size_t>(column[i])] = value;
        previous = value;
    }
}

}  // namespace

std::vector<Point> layered_layout(const FundsGraph& graph, const std::vector<int>& members) {
    const std::size_t n = members.size();
    std::vector<Point> out(n);
    if (n == 0) return out;
    std::unordered_map<int, int> local;
    local.reserve(n);
    for (std::size_t i = 0; i < n; ++i) local.emplace(members[i], static_cast<int>(i));

    std::vector<std::vector<int>> succ(n), pred(n);
    for (const GraphEdge& e : graph.edges) {
        auto a = local.find(e.from), b = local.find(e.to);
        if (a == local.end() || b == local.end()) continue;
        succ[static_cast<std::size_t>(a->second)].push_back(b->second);
    }
    for (const auto& [from, to] : graph.crossings) {
        auto a = local.find(from), b = local.find(to);
        if (a == local.end() || b == local.end()) continue;
        succ[static_cast<std::size_t>(a->second)].push_back(b->second);
    }

    // Visit order: earliest money first, then by id, so results do not depend on map order.
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto node_of = [&](int l) -> const GraphNode& {
        return graph.nodes[static_cast<std::size_t>(members[static_cast<std::size_t>(l)])];
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const GraphNode& na = node_of(a);
        const GraphNode& nb = node_of(b);
        if (na.first_time != nb.first_time) return na.first_time < nb.first_time;
        return na.id < nb.id;
    });
    std::vector<int> visit_rank(n);
    for (std::size_t i = 0; i < n; ++i)
        visit_rank[static_cast<std::size_t>(order[i])] = static_cast<int>(i);

    // Greedy cycle breaking: an iterative DFS drops edges back into the current path.
    std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the path, 2 done
    std::vector<std::vector<int>> forward(n);
    for (int root : order) {
        if (state[static_cast<std::size_t>(root)]) continue;
        std::vector<std::pair<int, std::size_t>> stack{{root, 0}};
        state[static_cast<std::size_t>(root)] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto& out_edges = succ[static_cast<std::size_t>(v)];
            if (next == out_edges.size()) {
                state[static_cast<std::size_t>(v)] = 2;
                stack.pop_back();
                continue;
            }
            const int w = out_edges[next++];
            const auto ws = static_cast<std::size_t>(w);
            if (state[ws] == 1) continue;  // back edge: ignored for layering
            forward[static_cast<std::size_t>(v)].push_back(w);
            if (state[ws] == 0) {
                state[ws] = 1;
                stack.emplace_back(w, 0);
            }
        }
    }
    for (std::size_t v = 0; v < n; ++v)
        for (int w : forward[v]) pred[static_cast<std::size_t>(w)].push_back(static_cast<int>(v));

    // Hop rank: longest path from a source, in topological order (Kahn).
    std::vector<int> rank(n, 0), indegree(n, 0);
    for (std::size_t v = 0; v < n; ++v) indegree[v] = static_cast<int>(pred[v].size());
    std::deque<int> ready;
    for (int v : order)
        if (indegree[static_cast<std::size_t>(v)] == 0) ready.push_back(v);
    while (!ready.empty()) {
        const int v = ready.front();
        ready.pop_front();
        for (int w : forward[static_cast<std::size_t>(v)]) {
            auto ws = static_cast<std::size_t>(w);
            rank[ws] = std::max(rank[ws], rank[static_cast<std::size_t>(v)] + 1);
            if (--indegree[ws] == 0) ready.push_back(w);
        }
    }

    const int max_rank = *std::max_element(rank.begin(), rank.end());
    std::vector<std::vector<int>> columns(static_cast<std::size_t>(max_rank) + 1);
    for (int v : order)
        columns[static_cast<std::size_t>(rank[static_cast<std::size_t>(v)])].push_back(v);

    // Barycenter sweeps: order each column by the mean position of its neighbours in the column
    // before (downward sweep) or after (upward sweep).
    std::vector<float> slot(n, 0.0f);
    auto number = [&](const std::vector<int>& column) {
        for (std::size_t i = 0; i < column.size(); ++i)
            slot[static_cast<std::size_t>(column[i])] = static_cast<float>(i);
    };
    for (const auto& column : columns) number(column);
    auto sort_by_neighbours = [&](std::vector<int>& column,
                                  const std::vector<std::vector<int>>& neighbours) {
        std::vector<std::pair<float, int>> keyed;
        keyed.reserve(column.size());
        for (int v : column) {
            const auto& list = neighbours[static_cast<std::size_t>(v)];
            float key = slot[static_cast<std::size_t>(v)];
            if (!list.empty()) {
                float sum = 0.0f;
                for (int w : list) sum += slot[static_cast<std::size_t>(w)];
                key = sum / static_cast<float>(list.size());
            }
            keyed.emplace_back(key, v);
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < column.size(); ++i) column[i] = keyed[i].second;
        number(column);
    };
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
        if (sweep % 2 == 0) {
            for (std::size_t c = 1; c < columns.size(); ++c) sort_by_neighbours(columns[c], pred);
        } else {
            for (std::size_t c = columns.size() - 1; c-- > 0;)
                sort_by_neighbours(columns[c], forward);
        }
    }

    // Coordinates: start stacked, then pull each node toward its neighbours so chains run straight.
    std::vector<float> y(n, 0.0f);
    for (const auto& column : columns) {
        const float top = -static_cast<float>(column.size() - 1) * LayoutMetrics::row * 0.5f;
        for (std::size_t i = 0; i < column.size(); ++i)
            y[static_cast<std::size_t>(column[i])] =
                top + static_cast<float>(i) * LayoutMetrics::row;
    }
    auto straighten = [&](std::vector<int>& column,
                          const std::vector<std::vector<int>>& neighbours) {
        std::vector<float> desired(column.size());
        for (std::size_t i = 0; i < column.size(); ++i) {
            const auto v = static_cast<std::size_t>(column[i]);
            desired[i] = y[v];
            if (neighbours[v].empty()) continue;
            float sum = 0.0f;
            for (int w : neighbours[v]) sum += y[static_cast<std::size_t>(w)];
            desired[i] = sum / static_cast<float>(neighbours[v].size());
        }
        place_column(column, desired, y);
    };
    for (int pass = 0; pass < kStraightenPasses; ++pass) {
        for (std::size_t c = 1; c < columns.size(); ++c) straighten(columns[c], pred);
        for (std::size_t c = columns.size() - 1; c-- > 0;) straighten(columns[c], forward);
    }
    for (std::size_t c = 1; c < columns.size(); ++c) straighten(columns[c], pred);

    float top = y.empty() ? 0.0f : *std::min_element(y.begin(), y.end());
    for (std::size_t v = 0; v < n; ++v)
        out[v] = {static_cast<float>(rank[v]) * LayoutMetrics::column, y[v] - top};
    return out;
}

void FundsLayout::clear() {
    placed_.clear();
    positions_.clear();
    bounds_ = {};
}

void FundsLayout::update(const FundsGraph& graph) {
    const std::size_t n = graph.nodes.size();
    positions_.assign(n, {});
    std::vector<bool> placed(n, false);
    bool any_placed = false;
    for (std::size_t i = 0; i < n; ++i) {
        auto it = placed_.find(graph.nodes[i].id);
        if (it == placed_.end()) continue;
        positions_[i] = it->second;
        placed[i] = true;
        any_placed = true;
    }

    // Occupied rows per column, to find a free place for a newcomer.
    std::map<long, std::multiset<float>> occupied;
    auto column_key = [](float x) { return std::lround(x / LayoutMetrics::column); };
    auto occupy = [&](int v) {
        const Point p = positions_[static_cast<std::size_t>(v)];
        occupied[column_key(p.x)].insert(p.y);
    };
    auto free_row_near = [&](float x, float desired) {
        const auto& rows = occupied[column_key(x)];
        const float clearance = LayoutMetrics::row * 0.95f;
        auto is_free = [&](float y) {
            auto it = rows.lower_bound(y - clearance);
            return it == rows.end() || *it >= y + clearance;
        };
        for (int step = 0;; ++step) {
            // Try below, then above, moving out one row at a time.
            const float below = desired + static_cast<float>(step) * LayoutMetrics::row;
            if (is_free(below)) return below;
            const float above = desired - static_cast<float>(step) * LayoutMetrics::row;
            if (is_free(above)) return above;
        }
    };
    for (std::size_t i = 0; i < n; ++i)
        if (placed[i]) occupy(static_cast<int>(i));

    if (any_placed) {
        std::vector<std::vector<std::pair<int, SimSeconds>>> succ(n), pred(n);
        for (const GraphEdge& e : graph.edges) {
            const SimSeconds t = e.transfers.empty() ? 0 : e.transfers.front().time;
            succ[static_cast<std::size_t>(e.from)].emplace_back(e.to, t);
            pred[static_cast<std::size_t>(e.to)].emplace_back(e.from, t);
        }
        for (const auto& [from, to] : graph.crossings) {
            const SimSeconds t = graph.nodes[static_cast<std::size_t>(to)].first_time;
            succ[static_cast<std::size_t>(from)].emplace_back(to, t);
            pred[static_cast<std::size_t>(to)].emplace_back(from, t);
        }
        // Breadth-first from the placed nodes: each newcomer goes beside the node that reaches it,
        // outputs one column right, inputs one column left, spread around its row in time order.
        std::deque<int> frontier;
        for (std::size_t i = 0; i < n; ++i)
            if (placed[i]) frontier.push_back(static_cast<int>(i));
        while (!frontier.empty()) {
            const int v = frontier.front();
            frontier.pop_front();
            const Point anchor = positions_[static_cast<std::size_t>(v)];
            for (int side = 0; side < 2; ++side) {
                auto list = side == 0 ? succ[static_cast<std::size_t>(v)]
                                      : pred[static_cast<std::size_t>(v)];
                std::erase_if(list, [&](const auto& entry) {
                    return placed[static_cast<std::size_t>(entry.first)];
                });
                std::stable_sort(list.begin(), list.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
                list.erase(
                    std::unique(list.begin(), list.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    list.end());
                const float x =
                    anchor.x + (side == 0 ? LayoutMetrics::column : -LayoutMetrics::column);
                const float centre =
                    static_cast<float>(list.size() - (list.empty() ? 0 : 1)) * 0.5f;
                for (std::size_t k = 0; k < list.size(); ++k) {
                    const auto w = static_cast<std::size_t>(list[k].first);
                    if (placed[w]) continue;
                    const float desired =
                        anchor.y + (static_cast<float>(k) - centre) * LayoutMetrics::row;
                    positions_[w] = {x, free_row_near(x, desired)};
                    placed[w] = true;
                    occupy(static_cast<int>(w));
                    frontier.push_back(static_cast<int>(w));
                }
            }
        }
    }

    // Whatever is still unplaced has no placed neighbour: lay it out on its own, below the rest.
    std::vector<int> rest;
    for (std::size_t i = 0; i < n; ++i)
        if (!placed[i]) rest.push_back(static_cast<int>(i));
    if (!rest.empty()) {
        float base_x = 0.0f, base_y = 0.0f;
        if (any_placed) {
            compute_bounds(graph);
            base_x = bounds_.x0 + LayoutMetrics::node_width * 0.5f;
            base_y = bounds_.y1 + LayoutMetrics::row * 1.5f;
        }
        const std::vector<Point> local = layered_layout(graph, rest);
        for (std::size_t i = 0; i < rest.size(); ++i)
            positions_[static_cast<std::size_t>(rest[i])] = {base_x + local[i].x,
                                                             base_y + local[i].y};
    }

    for (std::size_t i = 0; i < n; ++i) placed_[graph.nodes[i].id] = positions_[i];
    compute_bounds(graph);
}

void FundsLayout::move(const FundsGraph& graph, int node, Point to) {
    const auto i = static_cast<std::size_t>(node);
    if (i >= positions_.size() || i >= graph.nodes.size()) return;
    positions_[i] = to;
    placed_[graph.nodes[i].id] = to;
    compute_bounds(graph);
}

void FundsLayout::compute_bounds(const FundsGraph& graph) {
    bounds_ = {};
    for (std::size_t i = 0; i < positions_.size() && i < graph.nodes.size(); ++i) {
        const bool junction = graph.nodes[i].kind == GraphNode::Kind::Junction;
        const float hw =
            (junction ? LayoutMetrics::junction_size : LayoutMetrics::node_width) * 0.5f;
        const float hh =
            (junction ? LayoutMetrics::junction_size : LayoutMetrics::node_height) * 0.5f;
        const Point p = positions_[i];
        if (bounds_.empty) {
            bounds_ = {p.x - hw, p.y - hh, p.x + hw, p.y + hh, false};
            continue;
        }
        bounds_.x0 = std::min(bounds_.x0, p.x - hw);
        bounds_.y0 = std::min(bounds_.y0, p.y - hh);
        bounds_.x1 = std::max(bounds_.x1, p.x + hw);
        bounds_.y1 = std::max(bounds_.y1, p.y + hh);
    }
}

}  // namespace mt::ui
