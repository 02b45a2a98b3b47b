#include "engine/geo/polygon_locator.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

namespace {

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

PolygonLocator::PolygonLocator(const std::vector<MultiPolygon>& areas, double boundary_m)
    : tol_(std::max(0.0, boundary_m)), count_(areas.size()) {
  double ymin = 1e300, ymax = -1e300;
  for (size_t i = 0; i < areas.size(); ++i)
    for (const Polygon& poly : areas[i])
      for (const Ring& r : poly.rings)
        for (size_t k = 0; k + 1 < r.size(); ++k) {
          edges_.push_back({r[k], r[k + 1], static_cast<int32_t>(i)});
          ymin = std::min({ymin, r[k].y, r[k + 1].y});
          ymax = std::max({ymax, r[k].y, r[k + 1].y});
        }
  if (edges_.empty()) return;
  // About 8 edges a band on average; each edge goes into every band its y-range (plus the
  // boundary tolerance) touches.
  const size_t n = std::clamp<size_t>(edges_.size() / 8, 1, 1 << 16);
  y0_ = ymin - tol_;
  band_h_ = std::max((ymax - ymin + 2 * tol_) / static_cast<double>(n), 1e-9);
  bands_.resize(n);
  for (uint32_t e = 0; e < edges_.size(); ++e) {
    const Edge& ed = edges_[e];
    const size_t lo = band_of(std::min(ed.a.y, ed.b.y) - tol_);
    const size_t hi = band_of(std::max(ed.a.y, ed.b.y) + tol_);
    for (size_t b = lo; b <= hi; ++b) bands_[b].edges.push_back(e);
  }
}

size_t PolygonLocator::band_of(double y) const {
  const double f = std::floor((y - y0_) / band_h_);
  if (!(f > 0)) return 0;
  return std::min(static_cast<size_t>(f), bands_.size() - 1);
}

bool PolygonLocator::on_boundary(Vec2 p) const {
  if (bands_.empty() || !std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  for (uint32_t e : bands_[band_of(p.y)].edges)
    if (segment_distance(p, edges_[e].a, edges_[e].b) <= tol_) return true;
  return false;
}

int32_t PolygonLocator::locate(Vec2 p) const {
  if (bands_.empty() || !std::isfinite(p.x) || !std::isfinite(p.y)) return kNone;
  // Even-odd crossings of a ray to +x, per area; every edge a horizontal ray at p.y crosses lies
  // in p's band (it spans p.y).
  std::vector<uint8_t> inside(count_, 0);
  for (uint32_t e : bands_[band_of(p.y)].edges) {
    const Edge& ed = edges_[e];
    if (segment_distance(p, ed.a, ed.b) <= tol_) return kNone;
    const Vec2 a = ed.a, b = ed.b;
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside[ed.area] ^= 1;
  }
  for (size_t i = 0; i < count_; ++i)
    if (inside[i]) return static_cast<int32_t>(i);
  return kNone;
}

}  // namespace yz
