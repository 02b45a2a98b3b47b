#include "engine/network/ride_graph.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

void RideNetwork::nodes_near(Vec2 p, double radius_m, std::vector<NodeId>& out) const {
  if (nx_ == 0) return;
  const size_t before = out.size();
  const int x0 = std::max(0, static_cast<int>(std::floor((p.x - radius_m - origin_.x) / cell_m_)));
  const int x1 =
      std::min(nx_ - 1, static_cast<int>(std::floor((p.x + radius_m - origin_.x) / cell_m_)));
  const int y0 = std::max(0, static_cast<int>(std::floor((p.y - radius_m - origin_.y) / cell_m_)));
  const int y1 =
      std::min(ny_ - 1, static_cast<int>(std::floor((p.y + radius_m - origin_.y) / cell_m_)));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const size_t c = static_cast<size_t>(y) * nx_ + x;
      for (uint32_t k = cell_first_[c]; k < cell_first_[c + 1]; ++k)
        if (distance(node_xy[cell_items_[k]], p) <= radius_m) out.push_back(cell_items_[k]);
    }
  std::sort(out.begin() + before, out.end());
}

RideNetwork build_ride_network(const RoadLines& lines, const RideProfile& profile,
                               const Progress& progress) {
  std::vector<uint8_t> dir(lines.size());
  bool any = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    dir[i] = lines.ride.size() == lines.size() ? lines.ride[i] : kRideByClass;
    if (dir[i] == kRideByClass) dir[i] = profile.by_class(to_string(lines.road_class[i]));
    any |= dir[i] != kRideNone;
  }
  if (!any) throw CodedError(lines.source, Msg::no_rideable_way, {{"file", profile.path()}});
  RideNetwork net;
  RideGraph& r = net.graph;
  r.base = build_line_graph(lines, dir, &dir, &r.edge_dir, "rideable", &net.build, progress);
  const WalkGraph& g = r.base;
  const uint32_t n = g.node_count(), m = g.edge_count();
  // Reversed CSR: every allowed direction of an edge is an arc into its end.
  r.first_in.assign(n + 1, 0);
  std::vector<NodeId> head(m);
  for (EdgeId e = 0; e < m; ++e) {
    head[e] = g.edge_head(e);
    if (r.forward(e)) ++r.first_in[head[e] + 1];
    if (r.backward(e)) ++r.first_in[g.edge_tail[e] + 1];
    net.one_way_edges += r.edge_dir[e] != kRideBoth;
  }
  std::partial_sum(r.first_in.begin(), r.first_in.end(), r.first_in.begin());
  r.in_arcs.resize(r.first_in[n]);
  std::vector<uint32_t> fill(r.first_in.begin(), r.first_in.end() - 1);
  for (EdgeId e = 0; e < m; ++e) {
    const float len = g.edge_length(e);
    if (r.forward(e)) r.in_arcs[fill[head[e]]++] = {g.edge_tail[e], len};
    if (r.backward(e)) r.in_arcs[fill[g.edge_tail[e]]++] = {head[e], len};
  }
  net.snapper = std::make_unique<Snapper>(g);
  // Node grid.
  net.node_xy.resize(n);
  Box box;
  for (NodeId u = 0; u < n; ++u) box.add(net.node_xy[u] = g.node_xy(u));
  net.origin_ = box.min;
  // 100 m cells, coarser for huge extents (at most ~1000 cells a side).
  net.cell_m_ = std::max(100.0, std::max(box.max.x - box.min.x, box.max.y - box.min.y) / 1000);
  net.nx_ = std::max(1, static_cast<int>(std::ceil((box.max.x - box.min.x) / net.cell_m_)) + 1);
  net.ny_ = std::max(1, static_cast<int>(std::ceil((box.max.y - box.min.y) / net.cell_m_)) + 1);
  const size_t cells = static_cast<size_t>(net.nx_) * net.ny_;
  auto cell_of = [&](Vec2 p) {
    const int x = std::clamp(static_cast<int>((p.x - net.origin_.x) / net.cell_m_), 0, net.nx_ - 1);
    const int y = std::clamp(static_cast<int>((p.y - net.origin_.y) / net.cell_m_), 0, net.ny_ - 1);
    return static_cast<size_t>(y) * net.nx_ + x;
  };
  net.cell_first_.assign(cells + 1, 0);
  for (NodeId u = 0; u < n; ++u) ++net.cell_first_[cell_of(net.node_xy[u]) + 1];
  std::partial_sum(net.cell_first_.begin(), net.cell_first_.end(), net.cell_first_.begin());
  net.cell_items_.resize(n);
  std::vector<uint32_t> cf(net.cell_first_.begin(), net.cell_first_.end() - 1);
  for (NodeId u = 0; u < n; ++u) net.cell_items_[cf[cell_of(net.node_xy[u])]++] = u;
  return net;
}

}  // namespace yz
