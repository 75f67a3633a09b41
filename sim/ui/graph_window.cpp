// The funds-flow graph: addresses as nodes, known transactions as arrows labelled with amount,
// asset and time, laid out left to right. Pan by dragging the background (or with the middle
// button anywhere), zoom with the wheel around the cursor, double-click a node to follow its
// money. Nodes and arrows off screen are culled; zoomed out, labels go and arrows straighten.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>
#include <vector>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/graph_labels.hpp"
#include "ui/graph_legend.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

constexpr float kMinZoom = 0.04f;
constexpr float kMaxZoom = 3.0f;
constexpr float kDetailZoom = 0.4f;  // below this (world -> pixels), no labels and straight arrows
constexpr float kLabelZoom = 0.5f;   // below this, no arrow labels
constexpr double kWheelBurst = 0.6;  // seconds: wheel turns closer than this are one undo step

struct Transform {
    ImVec2 origin;  // canvas top-left on screen
    float cam_x = 0, cam_y = 0;
    float scale = 1;  // pixels per world unit
    ImVec2 to_screen(Point p) const {
        return ImVec2(origin.x + (p.x - cam_x) * scale, origin.y + (p.y - cam_y) * scale);
    }
    Point to_world(ImVec2 s) const {
        return {cam_x + (s.x - origin.x) / scale, cam_y + (s.y - origin.y) / scale};
    }
};

ImVec2 half_size(const GraphNode& node) {
    if (node.kind == GraphNode::Kind::Junction)
        return ImVec2(LayoutMetrics::junction_size * 0.5f, LayoutMetrics::junction_size * 0.5f);
    return ImVec2(LayoutMetrics::node_width * 0.5f, LayoutMetrics::node_height * 0.5f);
}

ImVec2 bezier_point(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, float t) {
    const float u = 1.0f - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return ImVec2(a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                  a * p0.y + b * p1.y + c * p2.y + d * p3.y);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Text drawn at the graph's zoom, clipped to a box.
void draw_text(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 colour,
               std::string_view text, const ImVec4& clip) {
    if (!font) font = ImGui::GetFont();
    draw->AddText(font, size, at, colour, text.data(), text.data() + text.size(), 0.0f, &clip);
}

// "200 payments from 198 addresses": what a group node stands for.
std::string group_label(const GraphNode& node) {
    return render(
        Message(node.inbound ? "ui.graph.group_in" : "ui.graph.group_out")
            .arg("count", node.members)
            .arg("payments", render(Message("count.payments").arg("count", node.payments))));
}

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

// Rectangles placed on the canvas this frame, bucketed in a coarse grid so that placing thousands
// of labels stays linear.
class PlacedRects {
  public:
    // `r` covers nothing placed.
    bool free(const ImVec4& r) const {
        bool clear = true;
        visit(r, [&](long long key) {
            if (auto it = cells_.find(key); it != cells_.end())
                for (const ImVec4& other : it->second) clear = clear && !overlaps(r, other);
        });
        return clear;
    }
    void add(const ImVec4& r) {
        visit(r, [&](long long key) { cells_[key].push_back(r); });
    }

  private:
    static constexpr float kCell = 96.0f;
    std::unordered_map<long long, std::vector<ImVec4>> cells_;
    template <typename Visit>
    static void visit(const ImVec4& r, Visit&& f) {
        const int x0 = static_cast<int>(std::floor(r.x / kCell)),
                  x1 = static_cast<int>(std::floor(r.z / kCell));
        const int y0 = static_cast<int>(std::floor(r.y / kCell)),
                  y1 = static_cast<int>(std::floor(r.w / kCell));
        for (int x = x0; x <= x1; ++x)
            for (int y = y0; y <= y1; ++y)
                f((static_cast<long long>(x) << 32) ^
                  static_cast<long long>(static_cast<unsigned>(y)));
    }
};

// A label of one or more lines with a dark backing at `at` (its top-left) if it fits inside the
// canvas and covers nothing placed before; recorded as a canvas label for the layout check.
constexpr float kLineSpacing = 1.1f;  // of the font size, between the lines of one label

ImVec2 lines_extent(const std::vector<std::string>& lines, float size) {
    float width = 0.0f;
    for (const std::string& line : lines)
        width =
            std::max(width, ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, line.c_str()).x);
    return ImVec2(width, size * (1.0f + kLineSpacing * static_cast<float>(lines.size() - 1)));
}

bool place_lines(ImDrawList* draw, PlacedRects& placed, const ImVec4& canvas, ImVec2 at,
                 const std::vector<std::string>& lines, float size, ImU32 colour,
                 bool slide = false, ImVec4* where = nullptr, std::string_view owner = {}) {
    ImFont* font = ImGui::GetFont();
    const ImVec2 extent = lines_extent(lines, size);
    const float width = extent.x;
    const float line_height = size * kLineSpacing;
    const float pad = 2.0f;
    // A name slides sideways to stay on the canvas (a node at its edge keeps it).
    if (slide)
        at.x = std::clamp(at.x, canvas.x + pad, std::max(canvas.x + pad, canvas.z - pad - width));
    const ImVec4 box(at.x - pad, at.y - pad, at.x + width + pad, at.y + extent.y + pad);
    if (box.x < canvas.x || box.z > canvas.z || box.y < canvas.y || box.w > canvas.w) return false;
    if (!placed.free(box)) return false;
    placed.add(box);
    if (where) *where = box;
    draw->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), palette::kLabelBack, 2.0f);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Each line centred in the block.
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, lines[i].c_str()).x;
        draw->AddText(font, size,
                      ImVec2(at.x + (width - w) * 0.5f, at.y + line_height * static_cast<float>(i)),
                      colour, lines[i].c_str());
    }
    note_canvas_label(joined_lines(lines), size, ImVec2(box.x, box.y), ImVec2(box.z, box.w), owner);
    return true;
}

bool place_label(ImDrawList* draw, PlacedRects& placed, const ImVec4& canvas, ImVec2 at,
                 std::string_view text, float size, ImU32 colour) {
    return place_lines(draw, placed, canvas, at, {std::string(text)}, size, colour);
}

// The ways to write a node's name under its box, the most readable first: whole in two lines of
// the column's width, then reaching over the gap beside it, in three lines, then shortened
// (name_lines: no parenthesis, middle initials). Never cut: a name with no room at all is left
// to the node's tooltip, as a map leaves out the names it cannot place.
std::vector<std::vector<std::string>> name_label_choices(ImFont* font, float size,
                                                         const std::string& name, float room) {
    const auto words = [](const std::vector<std::string>& lines) {
        std::string out;
        for (const std::string& line : lines) out += (out.empty() ? "" : " ") + line;
        return out;
    };
    const std::string spaced = words(name_lines(font, size, name, FLT_MAX, 1));
    constexpr std::pair<float, int> kForms[] = {
        {1.0f, 2}, {1.5f, 2}, {2.0f, 1}, {1.0f, 3}, {1.5f, 3}};
    std::vector<std::vector<std::string>> whole, shortened;
    for (const auto& [widths, lines] : kForms) {
        std::vector<std::string> choice = name_lines(font, size, name, room * widths, lines);
        if (words(choice) == spaced)
            whole.push_back(std::move(choice));
        else if (choice.back().find("…") == std::string::npos)
            shortened.push_back(std::move(choice));
    }
    whole.insert(whole.end(), shortened.begin(), shortened.end());
    return whole;
}

// "Frozen" on a node's top edge, never smaller than `floor`; a plain blue tab when zoomed out too
// far for text. Returns where it is.
ImVec4 draw_frozen_badge(ImDrawList* draw, ImVec2 r0, ImVec2 r1, float scale, bool with_text,
                         float floor) {
    const char* text = tr("ui.graph.frozen_badge");
    const float size = std::max(floor, 11.0f * scale);
    const ImVec2 extent = with_text ? ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, text)
                                    : ImVec2(12.0f * scale, 4.0f * scale);
    const float pad = 3.0f * scale;
    const ImVec2 max(r1.x - 8.0f * scale, r0.y + extent.y * 0.5f + pad);
    const ImVec2 min(max.x - extent.x - 2.0f * pad, r0.y - extent.y * 0.5f - pad);
    draw->AddRectFilled(min, max, palette::kFrozen, 3.0f * scale);
    if (with_text)
        draw->AddText(ImGui::GetFont(), size, ImVec2(min.x + pad, min.y + pad), palette::kText,
                      text);
    return ImVec4(min.x, min.y, max.x, max.y);
}

// The chain a node is on, on its top-left edge, so a case across chains reads at a glance; never
// smaller than `floor`. Returns where it is.
ImVec4 draw_chain_badge(ImDrawList* draw, const GraphNode& node, ImVec2 r0, float scale,
                        float floor) {
    const float size = std::max(floor, 10.0f * scale);
    const char* text = node.chain.c_str();
    const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    const float pad = 3.0f * scale;
    const ImVec2 min(r0.x + 10.0f * scale, r0.y - extent.y * 0.5f - pad);
    const ImVec2 max(min.x + extent.x + 2.0f * pad, r0.y + extent.y * 0.5f + pad);
    draw->AddRectFilled(min, max, palette::kLabelBack, 3.0f * scale);
    draw->AddRect(min, max, palette::kEdge, 3.0f * scale);
    draw->AddText(ImGui::GetFont(), size, ImVec2(min.x + pad, min.y + pad), palette::kTextDim,
                  text);
    probe_rect("graph.chain:" + node.id, min, max);
    return ImVec4(min.x, min.y, max.x, max.y);
}

// The trail's depth along the canvas's top, "Hop 0", "Hop 1", ... over the layout's columns, at
// every zoom (every other column or fewer when zoomed out too far for each to have its own).
void draw_hop_headers(ImDrawList* draw, PlacedRects& placed, const std::vector<Point>& positions,
                      const Transform& t, const ImVec4& canvas) {
    std::set<long> columns;
    for (const Point& p : positions) columns.insert(std::lround(p.x / LayoutMetrics::column));
    if (columns.size() < 2) return;
    const long first = *columns.begin();
    const float size = ImGui::GetFontSize() * 0.85f;
    const float widest =
        ImGui::GetFont()
            ->CalcTextSizeA(
                size, FLT_MAX, 0.0f,
                trf("ui.graph.hop_column", {std::to_string(*columns.rbegin() - first)}).c_str())
            .x;
    const float spacing = LayoutMetrics::column * t.scale;
    const long every = std::max(1L, static_cast<long>(std::ceil((widest + 16.0f) / spacing)));
    for (long column : columns) {
        if ((column - first) % every != 0) continue;
        const std::string text = trf("ui.graph.hop_column", {std::to_string(column - first)});
        const float width = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
        const float x = t.to_screen({static_cast<float>(column) * LayoutMetrics::column, 0.0f}).x;
        place_label(draw, placed, canvas, ImVec2(x - width * 0.5f, canvas.y + 4.0f), text, size,
                    palette::kTextDim);
    }
}

// The boxes of the nodes on the canvas: no label is placed over them.
void add_node_boxes(PlacedRects& placed, const FundsGraph& graph,
                    const std::vector<Point>& positions, const Transform& t, const ImVec4& canvas) {
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const ImVec2 c = t.to_screen(positions[i]);
        const ImVec2 half(half_size(graph.nodes[i]).x * t.scale,
                          half_size(graph.nodes[i]).y * t.scale);
        const ImVec4 box(c.x - half.x, c.y - half.y, c.x + half.x, c.y + half.y);
        if (box.z >= canvas.x && box.x <= canvas.z && box.w >= canvas.y && box.y <= canvas.w)
            placed.add(box);
    }
}

// Text sizes on the canvas: the graph's zoom scales the text with the boxes, down to a floor
// (kMinTextScale of the interface's font) below which a projector's text is unreadable.
struct CanvasText {
    float natural = 0.0f;  // the interface's font at the graph's zoom
    float floor = 0.0f;    // the smallest size any text is drawn at
    float size(float factor) const { return std::max(natural * factor, floor); }
    bool readable(float factor) const { return natural * factor >= floor; }
};

// The lines of `size` a box of `height` holds around its middle: 2, 1 or 0.
int lines_in(float height, float size) {
    return height >= 2.35f * size ? 2 : height >= 1.2f * size ? 1 : 0;
}

// An address's name (or identifier) and kind in its box, at the zoom's size or the readable floor;
// the name alone when the box is too low for two lines at that size. False, with nothing drawn,
// when the box has no room for the name whole or readably shortened (never cut) or for the
// identifier: the caller writes it beside the box.
bool draw_address_text(ImDrawList* draw, const GraphNode& node, ImVec2 r0, ImVec2 r1, float scale,
                       const CanvasText& text, ImFont* body_font, ImFont* mono_font) {
    const float size = text.size(1.0f);
    const int lines = lines_in(r1.y - r0.y, size);
    if (lines == 0) return false;
    const float text_x = r0.x + 32.0f * scale;
    const ImVec4 clip(text_x, r0.y, r1.x - 4.0f * scale, r1.y);
    const float room = clip.z - clip.x;
    const auto width = [](ImFont* font, float at, const std::string& line) {
        return font->CalcTextSizeA(at, FLT_MAX, 0.0f, line.c_str()).x;
    };
    // A name too long for one line takes the kind's line too (the marker and the colour say the
    // kind, the tooltip the identifier).
    ImFont* bold = fonts().bold ? fonts().bold : body_font;
    ImFont* first_font = node.attributed ? bold : mono_font;
    std::vector<std::string> first =
        node.attributed ? name_lines(bold, size, text_of(node.name), room, lines)
                        : std::vector<std::string>{fit_id_to(mono_font, size, node.id, room)};
    // An identifier is shortened in its middle ("bc1qxy2k…x0wlh"); a name never is.
    if ((node.attributed && first.back().find("…") != std::string::npos) ||
        width(first_font, size, first[0]) > room)
        return false;
    note_canvas_label(joined_lines(first), size, r0, r1, node.id);
    const float line = size * 1.15f;
    const float centre = (r0.y + r1.y) * 0.5f;
    const float top = lines == 2 ? centre - line : centre - size * 0.5f;
    const std::string mark = node.annotated ? "  ·  ✎" : "";
    if (first.size() > 1 && !mark.empty() && width(first_font, size, first.back() + mark) <= room)
        first.back() += mark;
    for (std::size_t l = 0; l < first.size(); ++l)
        draw_text(draw, first_font, size, ImVec2(text_x, top + line * static_cast<float>(l)),
                  palette::kText, first[l], clip);
    if (first.size() == 1 && lines == 2) {
        // The kind, then (for a named node) its identifier shortened in the middle to the room
        // left, then the note mark.
        const float small = text.size(0.9f);
        std::string second = tr(key_of(node.entity));
        if (node.attributed) {
            const float left = room - width(body_font, small, second + "  ·  " + mark);
            const std::string id = fit_id_to(body_font, small, node.id, left);
            if (width(body_font, small, id) <= left) second += "  ·  " + id;
        }
        second += mark;
        draw_text(draw, body_font, small, ImVec2(text_x, top + line), palette::kTextDim,
                  fit_to(body_font, small, second, room), clip);
    }
    return true;
}

// Zoomed out (Fit on a large case, a projector's few pixels per node) a node box may have no room
// for its text at a readable size (`outside`: those nodes) and arrows none for their labels
// (`amounts`): names go under their boxes and amounts on their arrows at a readable size wherever
// they cover nothing else, the selected node's and the attributed names first, as a map places
// its labels.
void draw_overview_labels(ImDrawList* draw, PlacedRects& placed, const FundsGraph& graph,
                          const std::vector<Point>& positions,
                          const std::vector<std::string>& edge_labels, const Transform& t,
                          int selected, const std::vector<char>& outside, bool amounts,
                          const ImVec4& canvas) {
    const float size = ImGui::GetFontSize() * 0.85f;
    const float room = std::max(LayoutMetrics::column * t.scale - 8.0f, size * 4.0f);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const GraphNode& node = graph.nodes[i];
        const ImVec2 c = t.to_screen(positions[i]);
        const ImVec2 half(half_size(node).x * t.scale, half_size(node).y * t.scale);
        if (c.x + half.x < canvas.x || c.x - half.x > canvas.z || c.y + half.y < canvas.y ||
            c.y - half.y > canvas.w)
            continue;
        if (node.kind != GraphNode::Kind::Junction && outside[i]) order.push_back(i);
    }
    {
        const auto rank = [&](std::size_t i) {
            return static_cast<int>(i) == selected ? 0 : graph.nodes[i].attributed ? 1 : 2;
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
        ImFont* font = ImGui::GetFont();
        std::vector<std::vector<std::vector<std::string>>> choices(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            const GraphNode& node = graph.nodes[order[k]];
            if (node.kind == GraphNode::Kind::Group)
                choices[k] = {{fit_to(font, size, group_label(node), room)}};
            else if (node.attributed)
                choices[k] = name_label_choices(font, size, text_of(node.name), room);
            else
                choices[k] = {{fit_id_to(font, size, node.id, room)}};
        }
        // Every name under or above its box first; then, for those with no room there (a column
        // of nodes close together), half a label to either side, beside the box, or past the
        // column's neighbours above or below with a leader line. Never over a box, its own
        // included: a box hidden under a name reads as the name of the arrows beside it.
        std::vector<bool> named(order.size(), false);
        // Names (and the selected node) take their places before bare identifiers do.
        const auto named_first = [&](std::size_t k) { return rank(order[k]) < 2; };
        for (int round = 0; round < 4; ++round)
            for (std::size_t k = 0; k < order.size(); ++k) {
                const int pass = round % 2;
                if (named[k] || named_first(k) != (round < 2)) continue;
                const GraphNode& node = graph.nodes[order[k]];
                const ImVec2 c = t.to_screen(positions[order[k]]);
                const ImVec2 half(half_size(node).x * t.scale, half_size(node).y * t.scale);
                const ImVec4 own(c.x - half.x, c.y - half.y, c.x + half.x, c.y + half.y);
                const ImU32 colour = node.attributed ? palette::kText : palette::kTextDim;
                for (const std::vector<std::string>& lines : choices[k]) {
                    const ImVec2 extent = lines_extent(lines, size);
                    const float centred_x = c.x - extent.x * 0.5f;
                    const float middle_y = c.y - extent.y * 0.5f;
                    const float below_y = c.y + half.y + 3.0f;
                    const float above_y = c.y - half.y - 3.0f - extent.y;
                    const float shift = extent.x * 0.5f;
                    std::vector<ImVec2> spots =
                        pass == 0
                            ? std::vector<ImVec2>{ImVec2(centred_x, below_y),
                                                  ImVec2(centred_x, above_y)}
                            : std::vector<ImVec2>{ImVec2(centred_x - shift, below_y),
                                                  ImVec2(centred_x + shift, below_y),
                                                  ImVec2(centred_x - shift, above_y),
                                                  ImVec2(centred_x + shift, above_y),
                                                  ImVec2(c.x + half.x + 6.0f, middle_y),
                                                  ImVec2(c.x - half.x - 6.0f - extent.x, middle_y)};
                    const std::size_t first_far = spots.size();
                    if (pass == 1 && named_first(k))  // a bare identifier is not worth it
                        for (int rows = 1; rows <= 3; ++rows) {
                            const float away =
                                LayoutMetrics::row * t.scale * static_cast<float>(rows);
                            spots.emplace_back(centred_x, above_y - away);
                            spots.emplace_back(centred_x, below_y + away);
                        }
                    ImVec4 box;
                    for (std::size_t spot = 0; spot < spots.size() && !named[k]; ++spot) {
                        named[k] = place_lines(draw, placed, canvas, spots[spot], lines, size,
                                               colour, true, &box, node.id);
                        if (!named[k] || pass == 0) continue;
                        if (spot < first_far) {
                            // Away from its box, a name points at it.
                            const ImVec2 from(std::clamp(c.x, box.x, box.z),
                                              std::clamp(c.y, box.y, box.w));
                            const ImVec2 to(std::clamp(from.x, own.x, own.z),
                                            std::clamp(from.y, own.y, own.w));
                            draw->AddLine(from, to, palette::kTextDim);
                            continue;
                        }
                        // Past its neighbours: the leader runs down (or up) beside the column
                        // to the box's corner, and no later label is placed over it.
                        const bool above = box.w <= own.y;
                        const float x = std::min(own.z + 4.0f, box.z - 2.0f);
                        const float y0 = above ? box.w : box.y;
                        const float y1 = above ? own.y + 3.0f : own.w - 3.0f;
                        draw->AddLine(ImVec2(x, y0), ImVec2(x, y1), palette::kTextDim);
                        draw->AddLine(ImVec2(x, y1), ImVec2(own.z, y1), palette::kTextDim);
                        placed.add(ImVec4(x - 1.0f, std::min(y0, y1), x + 1.0f, std::max(y0, y1)));
                    }
                    if (named[k]) break;
                }
            }
    }
    for (std::size_t e = 0; e < graph.edges.size() && amounts; ++e) {
        const GraphEdge& edge = graph.edges[e];
        const ImVec2 a = t.to_screen(positions[static_cast<std::size_t>(edge.from)]);
        const ImVec2 b = t.to_screen(positions[static_cast<std::size_t>(edge.to)]);
        // The amount and, when the case prices it, its value in US dollars: both lines where
        // there is room, else the amount alone.
        const std::string& label = edge_labels[e];
        const std::size_t first_break = label.find('\n');
        std::vector<std::vector<std::string>> forms{{label.substr(0, first_break)}};
        if (edge.usd_cents)
            forms.insert(forms.begin(),
                         {forms.front().front(),
                          label.substr(first_break + 1,
                                       label.find('\n', first_break + 1) - first_break - 1)});
        bool placed_label = false;
        for (const std::vector<std::string>& lines : forms) {
            const ImVec2 extent = lines_extent(lines, size);
            // At the arrow's middle, or the nearest free place above or below it (a fan-out's
            // arrows share their start).
            const ImVec2 at((a.x + b.x) * 0.5f - extent.x * 0.5f,
                            (a.y + b.y) * 0.5f - extent.y * 0.5f);
            const float step = extent.y + 6.0f;
            for (int attempt = 0; attempt < 5 && !placed_label; ++attempt) {
                const float dy =
                    step * static_cast<float>((attempt + 1) / 2) * (attempt % 2 ? 1.0f : -1.0f);
                placed_label = place_lines(draw, placed, canvas, ImVec2(at.x, at.y + dy), lines,
                                           size, palette::kText);
            }
            if (placed_label) break;
        }
    }
}

}  // namespace

void InvestigatorUi::sync_graph(const Casefile& casefile) {
    // A selected address (from search, the inspector, a report) is never hidden in a group.
    if (graph_.valid && state_.selection.is_address())
        if (auto it = graph_.graph.grouped.find(state_.selection.id);
            it != graph_.graph.grouped.end()) {
            state_.graph.expanded_groups.insert(
                graph_.graph.nodes[static_cast<std::size_t>(it->second)].id);
            graph_.regroup = true;
        }
    const GraphSignature signature = signature_of(casefile);
    if (graph_.valid && !graph_.regroup && signature == graph_.signature) return;
    graph_.regroup = false;
    if (!graph_.valid || signature.scenario_id != graph_.signature.scenario_id) {
        graph_.layout.clear();
        state_.graph.fit_requested = true;
        if (graph_.valid) state_.graph.expanded_groups.clear();  // another case
    }
    graph_.graph = build_funds_graph(casefile, state_.graph.expanded_groups);
    graph_.layout.update(graph_.graph);
    graph_.edge_labels.clear();
    graph_.edge_labels.reserve(graph_.graph.edges.size());
    for (const GraphEdge& edge : graph_.graph.edges) {
        // Short lines fit between columns: the amount, its value in US dollars at the time when
        // the case gives prices, then when (or how many transfers).
        std::string text = display_amount(edge.total, edge.decimals, edge.asset) + "\n";
        if (edge.usd_cents) text += usd_value_text(*edge.usd_cents) + "\n";
        if (edge.transfers.size() == 1) {
            text += sim_date_short(casefile.briefing, edge.transfers.front().time);
        } else {
            text += trf("ui.graph.transfers", {std::to_string(edge.transfers.size())});
        }
        graph_.edge_labels.push_back(std::move(text));
    }
    graph_.signature = signature;
    graph_.valid = true;
    graph_.overlay_key.clear();  // overlays index the nodes and edges just rebuilt
}

void InvestigatorUi::fit_graph(ImVec2 canvas) {
    const Bounds b = graph_.layout.bounds();
    GraphCamera& cam = state_.graph.camera;
    const float unit = scaled(1.0f);
    if (b.empty || canvas.x <= 0 || canvas.y <= 0) {
        cam = GraphCamera{};
        return;
    }
    const float margin = scaled(40.0f);
    const float zx = (canvas.x - 2 * margin) / std::max(1.0f, b.x1 - b.x0);
    const float zy = (canvas.y - 2 * margin) / std::max(1.0f, b.y1 - b.y0);
    cam.zoom = std::clamp(std::min(zx, zy) / unit, kMinZoom, 1.2f);
    const float s = cam.zoom * unit;
    cam.x = (b.x0 + b.x1) * 0.5f - canvas.x * 0.5f / s;
    cam.y = (b.y0 + b.y1) * 0.5f - canvas.y * 0.5f / s;
}

void InvestigatorUi::center_graph_on(int node, ImVec2 canvas) {
    if (node < 0 || static_cast<std::size_t>(node) >= graph_.layout.positions().size()) return;
    GraphCamera& cam = state_.graph.camera;
    const float s = cam.zoom * scaled(1.0f);
    const Point p = graph_.layout.position(node);
    cam.x = p.x - canvas.x * 0.5f / s;
    cam.y = p.y - canvas.y * 0.5f / s;
}

void InvestigatorUi::run_search(UiHost& host, const Casefile& casefile) {
    (void)host;
    GraphViewState& g = state_.graph;
    g.search_message_key.clear();
    std::string query = g.search;
    query.erase(0, query.find_first_not_of(" \t"));
    query.erase(query.find_last_not_of(" \t") + 1);
    if (query.empty()) return;
    const FundsGraph& graph = graph_.graph;
    // Exact matches first, then the first address or transaction containing the text.
    if (int node = graph.find(query); node >= 0 && casefile.addresses.count(query)) {
        select({Selection::Kind::Address, query});
        g.center_on = query;
        return;
    }
    if (casefile.transactions.count(query)) {
        select({Selection::Kind::Transaction, query});
        if (auto it = graph.tx_edges.find(query); it != graph.tx_edges.end() && !it->second.empty())
            g.center_on = graph
                              .nodes[static_cast<std::size_t>(
                                  graph.edges[static_cast<std::size_t>(it->second.front())].from)]
                              .id;
        return;
    }
    const std::string needle = lower(query);
    for (const auto& [text, address] : casefile.addresses) {
        const bool label_hit =
            address.attribution &&
            (lower(address.attribution->name.en).find(needle) != std::string::npos ||
             lower(address.attribution->name.es).find(needle) != std::string::npos);
        if (lower(text).find(needle) != std::string::npos || label_hit) {
            select({Selection::Kind::Address, text});
            g.center_on = text;
            return;
        }
    }
    for (const auto& [id, tx] : casefile.transactions) {
        if (lower(id).find(needle) != std::string::npos) {
            select({Selection::Kind::Transaction, id});
            return;
        }
    }
    g.search_message_key = "ui.graph.search_none";
}

void InvestigatorUi::draw_graph_window(UiHost& host, const Casefile& casefile, Region region) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(scaled(6.0f), scaled(6.0f)));
    const bool visible = begin_pinned_window(
        "###graph", region, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (!visible) return;
    sync_graph(casefile);
    sync_overlays(casefile);
    draw_graph_toolbar(host, casefile);
    draw_graph_canvas(host, casefile);
    ImGui::End();
}

void InvestigatorUi::draw_graph_toolbar(UiHost& host, const Casefile& casefile) {
    // One row when the canvas is wide; at projector scales the controls wrap onto more rows.
    GraphViewState& g = state_.graph;
    const std::string find = label("ui.graph.find");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    // Wide enough for its placeholder (Find then wraps below), or the short placeholder when
    // even the whole row is too narrow for the long one.
    const float padding = ImGui::GetStyle().FramePadding.x * 2.0f;
    const char* hint = tr("ui.graph.search_hint");
    if (ImGui::CalcTextSize(hint).x + padding > avail) hint = tr("ui.graph.search_hint_short");
    const float hint_width = ImGui::CalcTextSize(hint).x + padding;
    const float width =
        std::min(avail, std::max({scaled(80.0f), hint_width,
                                  std::min(scaled(300.0f), avail - button_width(find) - spacing)}));
    ImGui::SetNextItemWidth(width);
    const bool submitted = ImGui::InputTextWithHint("###graph_search", hint, &g.search,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
    probe("graph.search", g.search.empty() ? hint_width : 0.0f);
    same_line_or_wrap(button_width(find));
    if (button("ui.graph.find") || submitted) run_search(host, casefile);
    if (!g.search_message_key.empty()) {
        // Not in the casefile: offer to look it up on the chain, as an investigator would with a
        // hash from the victim's report.
        const char* message = tr(g.search_message_key);
        same_line_or_wrap(ImGui::CalcTextSize(message).x);
        ImGui::TextDisabled("%s", message);
        note_text(message);
        const bool plausible = g.search.size() >= 20 && g.search.find(' ') == std::string::npos;
        if (plausible && !casefile.submitted) {
            const Action explore_address = explore_address_action(g.search, Direction::Both);
            const SimSeconds address_cost = host.cost_of(explore_address);
            same_line_or_wrap(button_width(cost_label("ui.graph.explore_address", address_cost)));
            if (cost_button("ui.graph.explore_address", address_cost)) {
                emit(host, explore_address);
                g.search_message_key.clear();
            }
            const Action explore_tx = explore_transaction_action(g.search);
            const SimSeconds tx_cost = host.cost_of(explore_tx);
            same_line_or_wrap(button_width(cost_label("ui.graph.explore_transaction", tx_cost)));
            if (cost_button("ui.graph.explore_transaction", tx_cost)) {
                emit(host, explore_tx);
                g.search_message_key.clear();
            }
        }
    }
    same_line_or_wrap(button_width(label("ui.graph.fit")), scaled(16.0f));
    if (button("ui.graph.fit")) {
        record_view();
        g.fit_requested = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.graph.fit_tip"));
    same_line_or_wrap(button_width(label("ui.graph.relayout")));
    if (button("ui.graph.relayout")) {
        graph_.layout.clear();
        graph_.layout.update(graph_.graph);
        record_view();
        g.fit_requested = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.graph.relayout_tip"));
    const std::string antialiasing = label("ui.graph.antialiasing");
    same_line_or_wrap(checkbox_width(antialiasing));
    ImGui::Checkbox(antialiasing.c_str(), &g.antialiasing);
    probe("ui.graph.antialiasing");
    draw_overlay_toggles();
}

void InvestigatorUi::draw_graph_canvas(UiHost& host, const Casefile& casefile) {
    GraphViewState& g = state_.graph;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::kCanvas);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const bool open =
        ImGui::BeginChild("graph_canvas", ImVec2(0, 0), true,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                              ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (!open) {
        ImGui::EndChild();
        return;
    }
    // Keyboard navigation may try to scroll the canvas; the camera is the only scrolling here.
    ImGui::SetScrollX(0.0f);
    ImGui::SetScrollY(0.0f);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 canvas_min = ImGui::GetWindowPos();
    const ImVec2 canvas_size = ImGui::GetWindowSize();
    const ImVec2 canvas_max(canvas_min.x + canvas_size.x, canvas_min.y + canvas_size.y);
    graph_canvas_ = ImVec4(canvas_min.x, canvas_min.y, canvas_max.x, canvas_max.y);
    const ImGuiIO& io = ImGui::GetIO();

    if (g.fit_requested && canvas_size.x > 1 && canvas_size.y > 1) {
        fit_graph(canvas_size);
        g.fit_requested = false;
    }
    if (!g.center_on.empty()) {
        center_graph_on(graph_.graph.find(g.center_on), canvas_size);
        g.center_on.clear();
    }

    GraphCamera& cam = g.camera;
    Transform t{canvas_min, cam.x, cam.y, cam.zoom * scaled(1.0f)};
    const bool detailed = t.scale >= kDetailZoom;
    const CanvasText sizes{ImGui::GetFontSize() * cam.zoom, ImGui::GetFontSize() * kMinTextScale};
    // Arrows' labels (amount, value, time; the handle that selects the transaction) from this
    // zoom on, at least at the readable floor; zoomed out further, the amounts alone where they
    // fit (draw_overview_labels).
    const bool edge_labels = t.scale >= kLabelZoom;

    const ImDrawListFlags saved_flags = draw->Flags;
    if (!g.antialiasing)
        draw->Flags &= ~(ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedLinesUseTex |
                         ImDrawListFlags_AntiAliasedFill);

    // Grid, so panning is visible even on an empty stretch.
    if (detailed) {
        const float step = 100.0f * t.scale;
        const float x0 = canvas_min.x - std::fmod(cam.x * t.scale, step);
        const float y0 = canvas_min.y - std::fmod(cam.y * t.scale, step);
        for (float x = x0; x < canvas_max.x; x += step)
            draw->AddLine(ImVec2(x, canvas_min.y), ImVec2(x, canvas_max.y), palette::kGrid);
        for (float y = y0; y < canvas_max.y; y += step)
            draw->AddLine(ImVec2(canvas_min.x, y), ImVec2(canvas_max.x, y), palette::kGrid);
    }

    const FundsGraph& graph = graph_.graph;
    const auto& positions = graph_.layout.positions();
    const Selection& sel = state_.selection;
    const int selected_node = sel.is_address() ? graph.find(sel.id) : -1;
    const std::vector<int>* selected_tx_edges = nullptr;
    if (sel.is_transaction())
        if (auto it = graph.tx_edges.find(sel.id); it != graph.tx_edges.end())
            selected_tx_edges = &it->second;

    ImFont* body_font = fonts().body ? fonts().body : ImGui::GetFont();
    ImFont* mono_font = fonts().mono ? fonts().mono : body_font;
    // Nodes whose names are written beside their boxes: all of them zoomed out past the detail
    // level, else those whose box is too small for the name at a readable size.
    std::vector<char> outside(graph.nodes.size(), detailed ? 0 : 1);
    std::vector<ImVec4> badge_rects;  // no name or amount is placed over a badge

    // Channels: arrows below, their labels above, nodes on top.
    ImDrawListSplitter layers;
    layers.Split(draw, 3);

    // A cluster report's box goes under everything else.
    if (graph_.cluster) {
        std::vector<ImVec4> member_rects;
        for (int member : graph_.cluster->members) {
            const std::size_t m = static_cast<std::size_t>(member);
            const ImVec2 c = t.to_screen(positions[m]);
            const ImVec2 half = half_size(graph.nodes[m]);
            member_rects.emplace_back(c.x - half.x * t.scale, c.y - half.y * t.scale,
                                      c.x + half.x * t.scale, c.y + half.y * t.scale);
        }
        layers.SetCurrentChannel(draw, 0);
        draw_cluster_overlay(draw, member_rects, t.scale);
    }
    const TaintOverlay* taint = graph_.taint ? &*graph_.taint : nullptr;

    // Nodes first: ImGui gives the mouse to the first item submitted under it, so nodes win over
    // arrow labels, and both over the background submitted last.
    layers.SetCurrentChannel(draw, 2);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const GraphNode& node = graph.nodes[i];
        const ImVec2 c = t.to_screen(positions[i]);
        const ImVec2 half(half_size(node).x * t.scale, half_size(node).y * t.scale);
        const ImVec2 r0(c.x - half.x, c.y - half.y), r1(c.x + half.x, c.y + half.y);
        // The expansion stubs stick out on both sides.
        const float stub = 8.0f * std::min(t.scale, 1.5f);
        if (!ImGui::IsRectVisible(ImVec2(r0.x - stub * 2, r0.y), ImVec2(r1.x + stub * 2, r1.y)))
            continue;
        const bool is_address = node.kind == GraphNode::Kind::Address;
        ImGui::PushID(node.id.c_str(), node.id.c_str() + node.id.size());

        ImGui::SetCursorScreenPos(r0);
        const bool pressed = ImGui::InvisibleButton(
            "node", ImVec2(std::max(1.0f, r1.x - r0.x), std::max(1.0f, r1.y - r0.y)));
        probe("graph.node:" + node.id);
        const bool hovered = ImGui::IsItemHovered();
        // Selected on press with the mouse, on activation with the keyboard.
        const bool is_group = node.kind == GraphNode::Kind::Group;
        if ((ImGui::IsItemClicked(ImGuiMouseButton_Left) || pressed) && is_group) {
            // A group opens into its addresses, placed beside the address they pay or are paid by.
            state_.graph.expanded_groups.insert(node.id);
            graph_.regroup = true;
        } else if (ImGui::IsItemClicked(ImGuiMouseButton_Left) || pressed) {
            select({is_address ? Selection::Kind::Address : Selection::Kind::Transaction, node.id});
        }
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            // Dragging a node moves it; it keeps the place the trainee gives it.
            const Point p = positions[i];
            graph_.layout.move(graph, static_cast<int>(i),
                               {p.x + io.MouseDelta.x / t.scale, p.y + io.MouseDelta.y / t.scale});
        }
        if (hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
            !ImGui::IsPopupOpen("node_menu")) {
            // The whole identity, which the node itself shortens.
            ImGui::BeginTooltip();
            if (is_group) {
                heading(group_label(node));
                text_disabled(tr("ui.graph.group_expand"));
            }
            if (node.attributed) heading(text_of(node.name));
            if (!is_group) {
                ImGui::TextDisabled(
                    "%s", tr(is_address ? key_of(node.entity) : "ui.inspector.transaction"));
                mono_text(node.id);
            }
            if (is_address) {
                ImGui::Text("%s %s   %s %s", node.explored_out ? "✓" : "○",
                            tr("ui.inspector.outputs_listed"), node.explored_in ? "✓" : "○",
                            tr("ui.inspector.inputs_listed"));
                if (auto it = casefile.addresses.find(node.id);
                    it != casefile.addresses.end() && !it->second.note.empty())
                    text_disabled(it->second.note);
            }
            ImGui::EndTooltip();
        }
        const bool can_act = !casefile.submitted;
        if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && is_address &&
            can_act) {
            // Follow the money forward first; once outputs are listed, look at where it came from.
            const Direction d = !node.explored_out  ? Direction::Out
                                : !node.explored_in ? Direction::In
                                                    : Direction::Out;
            emit(host, explore_address_action(node.id, d));
        }
        if (!is_group && ImGui::BeginPopupContextItem("node_menu")) {
            ImGui::TextDisabled("%s", short_id(node.id, 30).c_str());
            ImGui::Separator();
            if (is_address) {
                for (Direction d : {Direction::Out, Direction::In, Direction::Both}) {
                    const Action a = explore_address_action(node.id, d);
                    const char* key = d == Direction::Out  ? "ui.graph.expand_out"
                                      : d == Direction::In ? "ui.graph.expand_in"
                                                           : "ui.graph.expand_both";
                    std::string text =
                        std::string(tr(key)) + " (" + duration_text(host.cost_of(a)) + ")###" + key;
                    if (ImGui::MenuItem(text.c_str(), nullptr, false, can_act)) emit(host, a);
                    probe(std::string("graph.menu.") + key);
                }
                const Action lookup = lookup_action(node.id);
                std::string text = std::string(tr("ui.tools.lookup")) + " (" +
                                   duration_text(host.cost_of(lookup)) + ")###lookup";
                if (ImGui::MenuItem(text.c_str(), nullptr, false, can_act && !node.attributed))
                    emit(host, lookup);
                if (ImGui::MenuItem(label("ui.graph.add_to_request").c_str())) {
                    auto& ids = state_.legal.identifiers;
                    if (std::find(ids.begin(), ids.end(), node.id) == ids.end())
                        ids.push_back(node.id);
                    state_.focus_tab = "legal";
                }
            }
            draw_analysis_menu_items(host, node.id, is_address, can_act);
            if (ImGui::MenuItem(label("ui.graph.copy_id").c_str()))
                ImGui::SetClipboardText(node.id.c_str());
            probe("graph.copy_id");
            if (ImGui::MenuItem(label("ui.graph.center_here").c_str())) {
                record_view();
                g.center_on = node.id;
            }
            ImGui::EndPopup();
        }

        // Drawing.
        const bool selected =
            static_cast<int>(i) == selected_node || (sel.is_transaction() && sel.id == node.id);
        const KindStyle style = kind_style(node.entity);
        const float rounding = 6.0f * t.scale;
        if (is_address) {
            draw->AddRectFilled(r0, r1, hovered ? palette::kNodeHover : palette::kNodeFill,
                                rounding);
            draw->AddRectFilled(r0, ImVec2(r0.x + 5.0f * t.scale, r1.y), style.colour, rounding,
                                ImDrawFlags_RoundCornersLeft);
            draw->AddRect(r0, r1, selected ? palette::kSelected : style.colour, rounding, 0,
                          selected ? std::max(2.0f, 2.5f * t.scale) : 1.0f);
            if (taint && taint->node_share[i] >= 0.0f) {
                // Taint overlay: a ring in the ramp's colour, wider for a larger share, and a bar
                // along the bottom filled to the share.
                const float share = taint->node_share[i];
                const ImU32 colour = taint_colour(share);
                const float ring = (1.5f + 4.0f * share) * std::min(t.scale, 1.5f);
                draw->AddRect(ImVec2(r0.x - ring, r0.y - ring), ImVec2(r1.x + ring, r1.y + ring),
                              colour, rounding + ring, 0, ring);
                const float bar = 4.0f * t.scale;
                draw->AddRectFilled(
                    ImVec2(r0.x + 5.0f * t.scale, r1.y - bar),
                    ImVec2(r0.x + 5.0f * t.scale + (r1.x - r0.x - 5.0f * t.scale) * share, r1.y),
                    colour);
            }
            if (detailed) {
                const float marker = 7.0f * t.scale;
                draw_kind_marker(draw, ImVec2(r0.x + 18.0f * t.scale, c.y), marker, node.entity);
                outside[i] =
                    draw_address_text(draw, node, r0, r1, t.scale, sizes, body_font, mono_font) ? 0
                                                                                                : 1;
            } else {
                draw_kind_marker(draw, c, std::max(2.0f, 12.0f * t.scale), node.entity);
            }
            // The badges' words only on a box large enough for its own text at a readable size;
            // on a smaller one they would cover its neighbours (the tooltip names the chain).
            const bool badges = detailed && !outside[i];
            if (node.frozen)
                badge_rects.push_back(
                    draw_frozen_badge(draw, r0, r1, t.scale, badges, sizes.floor));
            if (badges && !node.chain.empty())
                badge_rects.push_back(draw_chain_badge(draw, node, r0, t.scale, sizes.floor));
        } else if (is_group) {
            // A stack of boxes: many addresses behind one.
            const float offset = 4.0f * t.scale;
            for (int layer = 2; layer >= 1; --layer) {
                const float d = offset * static_cast<float>(layer);
                draw->AddRectFilled(ImVec2(r0.x + d, r0.y - d), ImVec2(r1.x + d, r1.y - d),
                                    palette::kNodeFill, rounding);
                draw->AddRect(ImVec2(r0.x + d, r0.y - d), ImVec2(r1.x + d, r1.y - d),
                              palette::kEdge, rounding);
            }
            draw->AddRectFilled(r0, r1, hovered ? palette::kNodeHover : palette::kNodeFill,
                                rounding);
            draw->AddRect(r0, r1, palette::kEdge, rounding, 0, 1.0f);
            // What the group stands for, then the hint to open it when the box is high enough
            // for both at a readable size; beside the box when the first does not fit.
            const float size = sizes.size(1.0f);
            const int lines = lines_in(r1.y - r0.y, size);
            const float text_x = r0.x + 10.0f * t.scale;
            const float room = r1.x - 4.0f * t.scale - text_x;
            const std::string stands_for = group_label(node);
            if (detailed && lines > 0 &&
                body_font->CalcTextSizeA(size, FLT_MAX, 0.0f, stands_for.c_str()).x <= room) {
                note_canvas_label(stands_for, size, r0, r1, node.id);
                const ImVec4 clip(text_x, r0.y, r1.x - 4.0f * t.scale, r1.y);
                const float line = size * 1.15f;
                const float top = lines == 2 ? c.y - line : c.y - size * 0.5f;
                draw_text(draw, body_font, size, ImVec2(text_x, top), palette::kText, stands_for,
                          clip);
                if (lines == 2)
                    draw_text(
                        draw, body_font, sizes.size(0.9f), ImVec2(text_x, top + line),
                        palette::kTextDim,
                        fit_to(body_font, sizes.size(0.9f), tr("ui.graph.group_expand"), room),
                        clip);
            } else {
                outside[i] = 1;
            }
        } else {
            draw->AddCircleFilled(c, half.x, hovered ? palette::kNodeHover : palette::kNodeFill,
                                  20);
            const bool tainted = taint && taint->node_share[i] >= 0.0f;
            draw->AddCircle(c, half.x,
                            selected  ? palette::kSelected
                            : tainted ? taint_colour(taint->node_share[i])
                                      : palette::kEdge,
                            20,
                            selected ? std::max(2.0f, 2.5f * t.scale)
                            : tainted
                                ? (1.5f + 3.0f * taint->node_share[i]) * std::min(t.scale, 1.5f)
                                : 1.0f);
            if (detailed && sizes.readable(0.8f))
                draw_text(draw, body_font, sizes.size(0.8f),
                          ImVec2(c.x - half.x * 0.55f, c.y - sizes.size(0.8f) * 0.55f),
                          palette::kTextDim, tr("ui.graph.junction"),
                          ImVec4(r0.x, r0.y, r1.x, r1.y));
        }

        // "+" stubs where money has not been followed yet.
        if (is_address && detailed && !casefile.submitted) {
            for (int side = 0; side < 2; ++side) {
                const bool out = side == 1;
                if (out ? node.explored_out : node.explored_in) continue;
                const ImVec2 centre(out ? r1.x + stub : r0.x - stub, c.y);
                ImGui::SetCursorScreenPos(ImVec2(centre.x - stub, centre.y - stub));
                ImGui::InvisibleButton(out ? "expand_out" : "expand_in",
                                       ImVec2(stub * 2, stub * 2));
                probe(std::string(out ? "graph.expand_out:" : "graph.expand_in:") + node.id);
                const bool stub_hovered = ImGui::IsItemHovered();
                const Action a =
                    explore_address_action(node.id, out ? Direction::Out : Direction::In);
                if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) emit(host, a);
                if (stub_hovered) {
                    ImGui::SetTooltip("%s (%s)",
                                      tr(out ? "ui.graph.expand_out" : "ui.graph.expand_in"),
                                      duration_text(host.cost_of(a)).c_str());
                }
                draw->AddCircleFilled(centre, stub,
                                      stub_hovered ? palette::kEdgeHighlight : palette::kStub, 12);
                const float arm = stub * 0.55f;
                draw->AddLine(ImVec2(centre.x - arm, centre.y), ImVec2(centre.x + arm, centre.y),
                              palette::kCanvas, 2.0f);
                draw->AddLine(ImVec2(centre.x, centre.y - arm), ImVec2(centre.x, centre.y + arm),
                              palette::kCanvas, 2.0f);
            }
        }
        ImGui::PopID();
    }
    // Hop columns along the top, and when zoomed out the names and amounts that still fit; none
    // over a node's box, nor over each other.
    const ImVec4 canvas_rect(canvas_min.x, canvas_min.y, canvas_max.x, canvas_max.y);
    PlacedRects overview;
    add_node_boxes(overview, graph, positions, t, canvas_rect);
    for (const ImVec4& badge : badge_rects) overview.add(badge);
    // The legend and the counts keep their corner free of labels. The counts (how much is known)
    // sit in the bottom-right corner, or above the legend where it reaches that far (a
    // projector's scale on a narrow canvas).
    const std::string counts_text =
        trf("ui.graph.counts",
            {render(Message("count.addresses").arg("count", casefile.addresses.size())),
             render(Message("count.transactions").arg("count", casefile.transactions.size()))});
    const ImVec2 counts_size = ImGui::CalcTextSize(counts_text.c_str());
    ImVec4 counts(canvas_max.x - counts_size.x - scaled(10.0f),
                  canvas_max.y - counts_size.y - scaled(8.0f), canvas_max.x - scaled(10.0f),
                  canvas_max.y - scaled(8.0f));
    if (state_.panels.legend) {
        const ImVec4 legend = legend_layout(graph, overlay_legend_rows(), overlay_legend_width(),
                                            state_.graph.legend_open, canvas_min, canvas_max)
                                  .area;
        overview.add(legend);
        if (legend.z > counts.x && legend.w > counts.y)
            counts = ImVec4(legend.x, legend.y - counts_size.y - scaled(4.0f),
                            legend.x + counts_size.x, legend.y - scaled(4.0f));
    }
    overview.add(counts);
    layers.SetCurrentChannel(draw, 2);
    draw_hop_headers(draw, overview, positions, t, canvas_rect);
    if (!edge_labels || std::find(outside.begin(), outside.end(), 1) != outside.end())
        draw_overview_labels(draw, overview, graph, positions, graph_.edge_labels, t, selected_node,
                             outside, !edge_labels, canvas_rect);
    // Money crossing chains through one service: a dashed link from where it went in to where
    // it came out.
    layers.SetCurrentChannel(draw, 0);
    for (const auto& [from, to] : graph.crossings) {
        const ImVec2 a = t.to_screen(positions[static_cast<std::size_t>(from)]);
        const ImVec2 b = t.to_screen(positions[static_cast<std::size_t>(to)]);
        const ImVec2 p0(a.x + half_size(graph.nodes[static_cast<std::size_t>(from)]).x * t.scale,
                        a.y);
        const ImVec2 p1(b.x - half_size(graph.nodes[static_cast<std::size_t>(to)]).x * t.scale,
                        b.y);
        if (!ImGui::IsRectVisible(ImVec2(std::min(p0.x, p1.x), std::min(p0.y, p1.y)),
                                  ImVec2(std::max(p0.x, p1.x) + 1, std::max(p0.y, p1.y) + 1)))
            continue;
        const float length = std::hypot(p1.x - p0.x, p1.y - p0.y);
        const float dash = std::max(4.0f, 8.0f * std::min(t.scale, 1.5f));
        const int dashes = std::min(400, static_cast<int>(length / (2.0f * dash)));
        for (int k = 0; k <= dashes; ++k) {
            const float s0 =
                std::min(1.0f, static_cast<float>(2 * k) * dash / std::max(length, 1.0f));
            const float s1 =
                std::min(1.0f, static_cast<float>(2 * k + 1) * dash / std::max(length, 1.0f));
            draw->AddLine(ImVec2(p0.x + (p1.x - p0.x) * s0, p0.y + (p1.y - p0.y) * s0),
                          ImVec2(p0.x + (p1.x - p0.x) * s1, p0.y + (p1.y - p0.y) * s1),
                          palette::kEdge, std::max(1.0f, 1.5f * std::min(t.scale, 1.5f)));
        }
    }
    // Arrows that share a midpoint (a swap, two assets between the same nodes, a fan-out) move
    // their label to the nearest place above or below free of other labels and of node boxes;
    // a label with no such place is left out (zoom in to see it).
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        const GraphEdge& edge = graph.edges[e];
        const GraphNode& from = graph.nodes[static_cast<std::size_t>(edge.from)];
        const GraphNode& to = graph.nodes[static_cast<std::size_t>(edge.to)];
        const ImVec2 a = t.to_screen(positions[static_cast<std::size_t>(edge.from)]);
        const ImVec2 b = t.to_screen(positions[static_cast<std::size_t>(edge.to)]);
        const ImVec2 p0(a.x + half_size(from).x * t.scale, a.y);
        const ImVec2 p3(b.x - half_size(to).x * t.scale, b.y);
        const float reach = std::max(std::fabs(p3.x - p0.x) * 0.5f, 60.0f * t.scale);
        const ImVec2 p1(p0.x + reach, p0.y), p2(p3.x - reach, p3.y);
        const ImVec2 lo(std::min({p0.x, p1.x, p2.x, p3.x}), std::min(p0.y, p3.y));
        const ImVec2 hi(std::max({p0.x, p1.x, p2.x, p3.x}), std::max(p0.y, p3.y) + 1.0f);
        if (!ImGui::IsRectVisible(lo, hi)) continue;

        const bool highlight =
            edge.from == selected_node || edge.to == selected_node ||
            (selected_tx_edges && std::find(selected_tx_edges->begin(), selected_tx_edges->end(),
                                            static_cast<int>(e)) != selected_tx_edges->end());
        ImU32 colour = highlight ? palette::kEdgeHighlight : palette::kEdge;
        float thickness = std::max(1.0f, (highlight ? 2.5f : 1.5f) * std::min(t.scale, 1.5f));
        if (taint && taint->edge_share[e] >= 0.0f) {
            // Taint overlay: the ramp's colour, 1.5 to 7 px by share; selected arrows go white,
            // since the ramp ends in a yellow like the usual highlight.
            const float share = taint->edge_share[e];
            colour = highlight ? palette::kSelected : taint_colour(share);
            thickness = std::max(thickness, (1.5f + 5.5f * share) * std::min(t.scale, 1.5f));
        }
        layers.SetCurrentChannel(draw, 0);
        if (detailed) {
            draw->AddBezierCubic(p0, p1, p2, p3, colour, thickness);
            const float head = 7.0f * std::min(t.scale, 1.5f);
            draw->AddTriangleFilled(p3, ImVec2(p3.x - head * 1.4f, p3.y - head),
                                    ImVec2(p3.x - head * 1.4f, p3.y + head), colour);
        } else {
            draw->AddLine(p0, p3, colour, thickness);
        }
        if (!edge_labels) continue;

        // The label doubles as the handle that selects the transaction.
        const std::string& text = graph_.edge_labels[e];
        const float label_size = sizes.size(0.9f);
        const ImVec2 size = body_font->CalcTextSizeA(label_size, FLT_MAX, 0.0f, text.c_str());
        const float pad = 3.0f * t.scale;
        const ImVec2 mid = bezier_point(p0, p1, p2, p3, 0.5f);
        ImVec2 box_min(mid.x - size.x * 0.5f - pad, mid.y - size.y * 0.5f - pad);
        ImVec2 box_max(mid.x + size.x * 0.5f + pad, mid.y + size.y * 0.5f + pad);
        {
            const float step = box_max.y - box_min.y + 2.0f;
            const auto free_at = [&](float dy) {
                return overview.free(ImVec4(box_min.x, box_min.y + dy, box_max.x, box_max.y + dy));
            };
            int attempt = 0;
            const auto offset = [&] {
                return step * static_cast<float>((attempt + 1) / 2) * (attempt % 2 ? 1.0f : -1.0f);
            };
            while (attempt <= 12 && !free_at(offset())) ++attempt;
            if (attempt > 12) continue;
            box_min.y += offset();
            box_max.y += offset();
            overview.add(ImVec4(box_min.x, box_min.y, box_max.x, box_max.y));
        }
        if (!ImGui::IsRectVisible(box_min, box_max)) continue;
        note_canvas_label(text, label_size, box_min, box_max);
        ImGui::SetCursorScreenPos(box_min);
        ImGui::PushID(static_cast<int>(e));
        ImGui::InvisibleButton("edge", ImVec2(box_max.x - box_min.x, box_max.y - box_min.y));
        const std::string& first_tx = edge.transfers.front().tx;
        probe("graph.edge:" + first_tx);
        const bool hovered = ImGui::IsItemHovered();
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left))
            select({Selection::Kind::Transaction, first_tx});
        if (hovered) {
            ImGui::BeginTooltip();
            for (std::size_t i = 0; i < edge.transfers.size() && i < 12; ++i) {
                const EdgeTransfer& transfer = edge.transfers[i];
                const std::string value =
                    transfer.usd_cents ? "  " + usd_value_text(*transfer.usd_cents) : "";
                ImGui::Text("%s  %s%s  %s", sim_date(casefile.briefing, transfer.time).c_str(),
                            display_amount(transfer.amount, edge.decimals, edge.asset).c_str(),
                            value.c_str(), short_id(transfer.tx, 20).c_str());
            }
            if (edge.transfers.size() > 12) ImGui::TextDisabled("…");
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        layers.SetCurrentChannel(draw, 1);
        draw->AddRectFilled(box_min, box_max, hovered ? palette::kNodeHover : palette::kLabelBack,
                            3.0f * t.scale);
        draw_text(draw, body_font, label_size, ImVec2(box_min.x + pad, box_min.y + pad),
                  highlight ? palette::kEdgeHighlight : palette::kText, text,
                  ImVec4(box_min.x, box_min.y, box_max.x, box_max.y));
    }

    layers.Merge(draw);

    // The background takes what the nodes did not: drag to pan, click to clear the selection.
    ImGui::SetCursorScreenPos(canvas_min);
    ImGui::InvisibleButton("canvas", canvas_size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                               ImGuiButtonFlags_MouseButtonRight);
    probe("graph.canvas");
    if (ImGui::IsItemActivated()) {
        record_view();
        g.panning = false;
    }
    const bool canvas_active = ImGui::IsItemActive();
    const bool middle_drag =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Middle);
    if ((canvas_active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
                           ImGui::IsMouseDragging(ImGuiMouseButton_Right))) ||
        middle_drag) {
        if (middle_drag && !canvas_active && !g.panning) record_view();
        g.panning = true;
        cam.x -= io.MouseDelta.x / t.scale;
        cam.y -= io.MouseDelta.y / t.scale;
    }
    if (ImGui::IsItemDeactivated()) {
        if (!g.panning && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) select({});
        g.panning = false;
    }

    // Wheel: zoom around the cursor.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MouseWheel != 0.0f) {
        if (ImGui::GetTime() - g.last_wheel_time > kWheelBurst) record_view();
        g.last_wheel_time = ImGui::GetTime();
        const Point anchor = t.to_world(io.MousePos);
        cam.zoom = std::clamp(cam.zoom * std::pow(1.15f, io.MouseWheel), kMinZoom, kMaxZoom);
        const float s = cam.zoom * scaled(1.0f);
        cam.x = anchor.x - (io.MousePos.x - canvas_min.x) / s;
        cam.y = anchor.y - (io.MousePos.y - canvas_min.y) / s;
    }
    draw->Flags = saved_flags;

    if (graph.nodes.empty()) {
        const char* empty = tr("ui.graph.empty");
        const ImVec2 size = ImGui::CalcTextSize(empty, nullptr, false, canvas_size.x * 0.6f);
        ImGui::SetCursorScreenPos(ImVec2(canvas_min.x + (canvas_size.x - size.x) * 0.5f,
                                         canvas_min.y + canvas_size.y * 0.4f));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + canvas_size.x * 0.6f);
        ImGui::TextDisabled("%s", empty);
        ImGui::PopTextWrapPos();
    }
    draw->AddText(ImVec2(counts.x, counts.y), palette::kTextDim, counts_text.c_str());
    probe_rect("graph.counts", ImVec2(counts.x, counts.y), ImVec2(counts.z, counts.w));
    if (state_.panels.legend) draw_graph_legend(canvas_min, canvas_max);
    ImGui::EndChild();
}

}  // namespace mt::ui
