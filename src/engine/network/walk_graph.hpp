#pragma once
// The pedestrian network as compressed sparse rows (CSR): one array per field, 32-bit ids.
// Nodes are junctions and dead ends; chains of degree-2 vertices are folded into one edge that
// keeps its full geometry (so searches touch few nodes and partial edges are still exact).
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/map/road_class.hpp"

namespace yz {

using NodeId = uint32_t;
using EdgeId = uint32_t;
using ArcId = uint32_t;
static_assert(sizeof(NodeId) == 4 && sizeof(EdgeId) == 4, "graph ids are 32-bit");
inline constexpr uint32_t kInvalidId = std::numeric_limits<uint32_t>::max();

struct WalkGraph {
  // One direction of an edge; head and length side by side (the search reads both per arc).
  struct Arc {
    NodeId head;
    float length_m;
  };
  // --- nodes (CSR over undirected edges: each edge is two arcs) ---
  std::vector<ArcId> first_out{0};  // node u's arcs: [first_out[u], first_out[u+1])
  std::vector<Arc> arcs;
  std::vector<EdgeId> arc_edge;     // arc -> edge it walks
  std::vector<uint32_t> node_component;  // connected component id (0 = largest)

  // --- edges: only the tail is stored; head and length are read off the tail's arcs (O(degree)),
  // which keeps the graph under 64 bytes per node. Snaps carry them for hot paths. ---
  std::vector<NodeId> edge_tail;  // geometry runs tail -> head
  std::vector<RoadClass> edge_class;
  std::vector<uint32_t> geom_first{0};  // edge e: geom[geom_first[e], geom_first[e+1])
  std::vector<Vec2> geom;               // metric, node coordinates included at both ends

  // --- components (sorted by total street length, largest first) ---
  std::vector<double> component_length_m;
  std::vector<uint32_t> component_nodes;

  uint32_t node_count() const { return static_cast<uint32_t>(first_out.size() - 1); }
  uint32_t edge_count() const { return static_cast<uint32_t>(edge_tail.size()); }
  NodeId edge_head(EdgeId e) const { return arcs[tail_arc(e)].head; }
  float edge_length(EdgeId e) const { return arcs[tail_arc(e)].length_m; }
  ArcId tail_arc(EdgeId e) const;  // the arc leaving the tail along e
  Vec2 node_xy(NodeId u) const;  // from the geometry of an incident edge
  // Point at `offset_m` from the tail along edge e.
  Vec2 point_on_edge(EdgeId e, double offset_m) const;
  // Geometry of edge e between two offsets from its tail (from <= to), appended to `out`.
  void edge_piece(EdgeId e, double from_m, double to_m, std::vector<Vec2>& out) const;
  // Bytes of the search structure (nodes, arcs, edge records), excluding geometry.
  size_t bytes_without_geometry() const;
  double total_length_m() const;
};

}  // namespace yz
