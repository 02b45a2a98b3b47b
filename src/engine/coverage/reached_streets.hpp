#pragma once
// The streets one station's walk search reached, kept compactly (edge ids, and offsets for the
// edges reached only in part) so a coverage study can hold them for thousands of stations and
// draw walk areas without searching again.
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/network/walk_search.hpp"

namespace yz {

struct EdgeSpan {
  EdgeId edge;
  float from_m, to_m;  // metres from the edge's tail, from < to
};

struct ReachedStreets {
  std::vector<EdgeId> whole;      // edges reached end to end, sorted
  std::vector<EdgeSpan> partial;  // parts of edges, sorted by edge then offset
  bool empty() const { return whole.empty() && partial.empty(); }
};

// What the last run of `search` reached: the same pieces as reached_pieces() (walk_area.hpp).
ReachedStreets reached_streets(const WalkGraph& g, const WalkSearch& search);

// The pieces as metric polylines (whole edges first, then the parts).
std::vector<std::vector<Vec2>> street_polylines(const WalkGraph& g, const ReachedStreets& r);

}  // namespace yz
