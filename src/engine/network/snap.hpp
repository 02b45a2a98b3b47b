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
  moved_off_island,  // nearest street was a tiny island; joined the main network instead
  island,            // only a tiny disconnected island is within reach
  off_network,       // no street within the maximum snap distance
  invalid            // NaN/inf coordinates
};

struct Snap {
  EdgeId edge = kInvalidId;
  float offset_m = 0;  // from the edge's tail along its geometry
  float access_m = 0;  // straight-line distance from the point to the street
  SnapStatus status = SnapStatus::invalid;
  bool usable() const { return status == SnapStatus::ok || status == SnapStatus::moved_off_island || status == SnapStatus::island; }
};

std::string_view to_string(SnapStatus s);

}  // namespace yz
