#pragma once
// Spreads a count given for an area (a planner's polygon, a coarse raster cell) over the walkable
// streets inside it in proportion to street length: the streets are clipped to the area and cut
// into pieces of at most `chunk_m`, each piece getting its share at its midpoint. Shared by the
// demand loaders, so polygons and raster cells are treated alike.
#include <memory>
#include <utility>
#include <vector>

#include "engine/geo/polygon.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

struct StreetPiece {
  Vec2 at;          // midpoint (metric)
  double length_m;  // its length
};

class StreetSpread {
 public:
  explicit StreetSpread(const WalkGraph& g);  // indexes the edges' bounding boxes
  ~StreetSpread();
  StreetSpread(const StreetSpread&) = delete;
  StreetSpread& operator=(const StreetSpread&) = delete;

  // The walkable street inside `area` (metric, valid), in pieces of at most chunk_m (0 = whole
  // clipped lines); empty when no street is inside. Deterministic (edges in id order).
  std::vector<StreetPiece> pieces(const MultiPolygon& area, double chunk_m) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Midpoints and lengths of the chunks of one polyline cut into pieces of at most chunk_m (equal
// lengths).
void chunk_line(const std::vector<Vec2>& line, double chunk_m, std::vector<StreetPiece>& out);

}  // namespace yz
