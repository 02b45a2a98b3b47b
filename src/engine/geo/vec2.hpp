#pragma once
// A point or vector in the local metric projection (metres) or in lon/lat degrees.
#include <cmath>

namespace yz {

struct Vec2 {
  double x = 0, y = 0;
  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
  friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
  friend bool operator==(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
};

inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double length(Vec2 a) { return std::hypot(a.x, a.y); }
inline double distance(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

struct Box {
  Vec2 min{1e300, 1e300}, max{-1e300, -1e300};
  void add(Vec2 p) {
    if (p.x < min.x) min.x = p.x;
    if (p.y < min.y) min.y = p.y;
    if (p.x > max.x) max.x = p.x;
    if (p.y > max.y) max.y = p.y;
  }
  bool empty() const { return min.x > max.x; }
  bool contains(Vec2 p, double margin = 0) const {
    return p.x >= min.x - margin && p.x <= max.x + margin && p.y >= min.y - margin &&
           p.y <= max.y + margin;
  }
  Vec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};

}  // namespace yz
