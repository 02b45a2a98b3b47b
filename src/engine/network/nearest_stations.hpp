#pragma once
// Walking distance from every junction to its nearest and second-nearest station (distinct
// stations), in one multi-source search over the whole network: each node keeps two labels, which
// is enough because a node's two nearest stations reach it through a neighbour's two nearest.
// Feeds the accessibility surface (minutes to the nearest station, and to the second one for
// double coverage) and the split of walk areas by nearest station.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/network/snap.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

struct TwoNearest {
  static constexpr float kInf = 3.0e38f;
  float d1 = kInf, d2 = kInf;                 // metres (off-street walks included)
  uint32_t s1 = kInvalidId, s2 = kInvalidId;  // station indices
  // Offers station s at distance d, keeping the two best distinct stations.
  void offer(float d, uint32_t s);
};

class NearestStations {
 public:
  // stations: snapped station positions (unusable ones are ignored); nothing beyond max_m.
  NearestStations(const WalkGraph& g, std::vector<Snap> stations, float max_m);

  const TwoNearest& node(NodeId u) const { return node_[u]; }
  // At a snapped point: through either end of its edge or straight along it from a station on
  // the same edge, plus the point's own off-street walk. Distances beyond max_m are dropped.
  TwoNearest at(const Snap& p) const;
  // At offset t (metres from the tail) along edge e, on the street itself.
  TwoNearest on_edge(EdgeId e, NodeId tail, NodeId head, float length_m, float t) const;
  float max_m() const { return max_m_; }

 private:
  const WalkGraph& g_;
  std::vector<Snap> stations_;
  float max_m_;
  std::vector<TwoNearest> node_;
  std::vector<std::pair<EdgeId, uint32_t>> on_edge_;  // (edge, station), sorted
};

}  // namespace yz
