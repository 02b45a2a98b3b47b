#pragma once
// Hand-built networks for exact tests: polylines in metres around a fixed UTM origin.
#include <initializer_list>
#include <vector>

#include "engine/network/city_network.hpp"

namespace yz::test {

struct TinyLine {
  std::vector<Vec2> pts;
  bool walkable = true;
  RoadClass cls = RoadClass::residential;
};

inline RoadLines tiny_lines(std::initializer_list<TinyLine> lines) {
  RoadLines L;
  L.source = "tiny test network";
  L.projection = LocalProjection::utm_for(114.3, 30.6);
  int64_t id = 1;
  for (const auto& l : lines) L.add_line(l.pts, l.cls, l.walkable, id++);
  return L;
}

inline RoadLines tiny_lines(const std::vector<TinyLine>& lines) {
  RoadLines L;
  L.source = "tiny test network";
  L.projection = LocalProjection::utm_for(114.3, 30.6);
  int64_t id = 1;
  for (const auto& l : lines) L.add_line(l.pts, l.cls, l.walkable, id++);
  return L;
}

}  // namespace yz::test
