#pragma once
// Where a site or demand point joins the walk network: a position ON an edge plus the off-street
// walk to reach it.
#include <cstdint>
#include <string_view>

#include "engine/geo/vec2.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

enum class SnapStatus : uint8_t {
  ok,
  moved_off_island,  // nearest street was a tiny island; joined the main network instead (a "join":
                     // the off-street walk runs straight to the main street, past the island)
  island,            // only a tiny disconnected island is within reach
  off_network,       // no street within the maximum snap distance
  invalid            // NaN/inf coordinates
};

struct Snap {
  EdgeId edge = kInvalidId;
  NodeId tail = kInvalidId, head = kInvalidId;  // the edge's ends (copied: searches read them often)
  float edge_length_m = 0;
  float offset_m = 0;  // from the edge's tail along its geometry
  float access_m = 0;  // straight-line distance from the point to the street
  SnapStatus status = SnapStatus::invalid;
  bool usable() const { return status == SnapStatus::ok || status == SnapStatus::moved_off_island || status == SnapStatus::island; }
};

std::string_view to_string(SnapStatus s);

// A snap at `offset_m` along edge e (clamped to the edge), `access_m` off the street.
Snap snap_on_edge(const WalkGraph& g, EdgeId e, double offset_m, double access_m, SnapStatus status = SnapStatus::ok);

}  // namespace yz
