#pragma once
// The riding network of the rider-reach test: the ways an e-bike may use (riding profile), as a
// DIRECTED graph. `base` is the undirected CSR structure (geometry, two-way arcs, components) that
// snapping uses; `edge_dir` says which way each edge may be ridden; the reversed CSR (arcs INTO
// each node) is what a search from a station walks back along, since riders ride TO the station.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/map/road_lines.hpp"
#include "engine/network/graph_builder.hpp"
#include "engine/network/snapper.hpp"

namespace yz {

struct RideGraph {
  WalkGraph base;
  std::vector<uint8_t> edge_dir;  // RideDir along tail -> head, per edge
  // Arcs into node v: [first_in[v], first_in[v+1]); an in-arc's `head` is where it comes FROM.
  std::vector<ArcId> first_in{0};
  std::vector<WalkGraph::Arc> in_arcs;

  uint32_t node_count() const { return base.node_count(); }
  bool forward(EdgeId e) const { return edge_dir[e] & kRideForward; }    // tail -> head
  bool backward(EdgeId e) const { return edge_dir[e] & kRideBackward; }  // head -> tail
};

// The riding graph and its snapping index, plus a grid of node positions (for the parking spots
// near a station). Move-only (big); the snapper keeps its own copy of what it needs from the
// graph, so a move needs no repair.
struct RideNetwork {
  RideNetwork() = default;
  RideNetwork(RideNetwork&& o) noexcept = default;
  RideNetwork& operator=(RideNetwork&& o) noexcept = default;
  RideNetwork(const RideNetwork&) = delete;
  RideNetwork& operator=(const RideNetwork&) = delete;

  RideGraph graph;
  std::unique_ptr<Snapper> snapper;
  GraphBuildReport build;
  std::vector<Vec2> node_xy;
  uint64_t one_way_edges = 0;  // edges ridden in one direction only

  // Nodes within radius_m (straight line) of p, ascending ids, appended to `out`.
  void nodes_near(Vec2 p, double radius_m, std::vector<NodeId>& out) const;

 private:
  friend RideNetwork build_ride_network(const RoadLines&, const RideProfile&, const Progress&);
  double cell_m_ = 100;
  Vec2 origin_;
  int nx_ = 0, ny_ = 0;
  std::vector<uint32_t> cell_first_, cell_items_;
};

// Lines marked kRideByClass (demo city, hand-built lines) are decided by `profile` from their road
// class. Throws InputError when no line may be ridden.
RideNetwork build_ride_network(const RoadLines& lines, const RideProfile& profile,
                               const Progress& progress = {});

}  // namespace yz
