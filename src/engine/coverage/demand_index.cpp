#include "engine/coverage/demand_index.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace yz {

DemandIndex::DemandIndex(const WalkGraph& g, const Snapper& snapper, const PointSet& demand,
                         const SnapOptions& opt, double grid_cell_m)
    : cell_m_(grid_cell_m) {
  snaps_ = snapper.snap_all(demand.xy, opt);
  // Edge -> demand (CSR).
  edge_first_.assign(g.edge_count() + 1, 0);
  for (const auto& s : snaps_)
    if (s.usable()) ++edge_first_[s.edge + 1];
  std::partial_sum(edge_first_.begin(), edge_first_.end(), edge_first_.begin());
  edge_items_.resize(edge_first_.back());
  {
    std::vector<uint32_t> fill(edge_first_.begin(), edge_first_.end() - 1);
    for (uint32_t i = 0; i < snaps_.size(); ++i)
      if (snaps_[i].usable()) edge_items_[fill[snaps_[i].edge]++] = i;
  }
  // Joined points and their snaps with the rule off, indexed by edge the same way.
  for (uint32_t i = 0; i < snaps_.size(); ++i)
    if (snaps_[i].status == SnapStatus::moved_off_island) joined_.push_back(i);
  unjoined_.resize(joined_.size());
  for (size_t k = 0; k < joined_.size(); ++k)
    unjoined_[k] = snapper.snap_without_joins(demand.xy[joined_[k]], opt);
  unjoined_first_.assign(g.edge_count() + 1, 0);
  for (const auto& s : unjoined_) ++unjoined_first_[s.edge + 1];
  std::partial_sum(unjoined_first_.begin(), unjoined_first_.end(), unjoined_first_.begin());
  unjoined_items_.resize(unjoined_first_.back());
  {
    std::vector<uint32_t> fill(unjoined_first_.begin(), unjoined_first_.end() - 1);
    for (size_t k = 0; k < joined_.size(); ++k)
      unjoined_items_[fill[unjoined_[k].edge]++] = joined_[k];
  }
  // Uniform grid over finite demand positions.
  Box b;
  for (auto p : demand.xy)
    if (std::isfinite(p.x) && std::isfinite(p.y)) b.add(p);
  if (b.empty()) b.add({0, 0});
  origin_ = b.min;
  nx_ = std::max(1, static_cast<int>(std::ceil((b.max.x - b.min.x) / cell_m_)) + 1);
  ny_ = std::max(1, static_cast<int>(std::ceil((b.max.y - b.min.y) / cell_m_)) + 1);
  cell_first_.assign(static_cast<size_t>(nx_) * ny_ + 1, 0);
  auto cell_of = [&](Vec2 p) {
    const int cx = std::clamp(static_cast<int>((p.x - origin_.x) / cell_m_), 0, nx_ - 1);
    const int cy = std::clamp(static_cast<int>((p.y - origin_.y) / cell_m_), 0, ny_ - 1);
    return static_cast<size_t>(cy) * nx_ + cx;
  };
  for (auto p : demand.xy)
    if (std::isfinite(p.x) && std::isfinite(p.y)) ++cell_first_[cell_of(p) + 1];
  std::partial_sum(cell_first_.begin(), cell_first_.end(), cell_first_.begin());
  cell_items_.resize(cell_first_.back());
  cell_xy_.resize(cell_first_.back());
  std::vector<uint32_t> fill(cell_first_.begin(), cell_first_.end() - 1);
  for (uint32_t i = 0; i < demand.xy.size(); ++i)
    if (std::isfinite(demand.xy[i].x) && std::isfinite(demand.xy[i].y)) {
      const uint32_t k = fill[cell_of(demand.xy[i])]++;
      cell_items_[k] = i;
      cell_xy_[k] = demand.xy[i];
    }
}

const Snap& DemandIndex::snap_without_joins(uint32_t d) const {
  if (!is_joined(d)) return snaps_[d];
  const auto it = std::lower_bound(joined_.begin(), joined_.end(), d);
  return unjoined_[static_cast<size_t>(it - joined_.begin())];
}

void DemandIndex::within(Vec2 p, double radius_m, std::vector<uint32_t>& out) const {
  out.clear();
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  const int x0 = std::max(0, static_cast<int>(std::floor((p.x - radius_m - origin_.x) / cell_m_)));
  const int x1 = std::min(nx_ - 1, static_cast<int>(std::floor((p.x + radius_m - origin_.x) / cell_m_)));
  const int y0 = std::max(0, static_cast<int>(std::floor((p.y - radius_m - origin_.y) / cell_m_)));
  const int y1 = std::min(ny_ - 1, static_cast<int>(std::floor((p.y + radius_m - origin_.y) / cell_m_)));
  const double r2 = radius_m * radius_m;
  for (int cy = y0; cy <= y1; ++cy)
    for (int cx = x0; cx <= x1; ++cx) {
      const size_t c = static_cast<size_t>(cy) * nx_ + cx;
      for (uint32_t k = cell_first_[c]; k < cell_first_[c + 1]; ++k) {
        const Vec2 d = cell_xy_[k] - p;
        if (dot(d, d) <= r2) out.push_back(cell_items_[k]);
      }
    }
  std::sort(out.begin(), out.end());
}

}  // namespace yz
