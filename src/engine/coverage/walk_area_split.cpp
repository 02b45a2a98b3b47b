#include "engine/coverage/walk_area_split.hpp"

#include <tbb/parallel_for.h>

#include <cmath>

#include "engine/geo/geos_ops.hpp"
#include "engine/network/nearest_stations.hpp"

namespace yz {

PlanWalkAreas plan_walk_areas(const CoverageStudy& st, const WalkAreaOptions& opt, double step_m) {
  const WalkGraph& g = st.city->graph;
  const float B = static_cast<float>(st.params.budget_m());
  const NearestStations ns(g, st.site_snaps, B);
  const uint32_t n_sites = static_cast<uint32_t>(st.sites.size());
  std::vector<std::vector<std::vector<Vec2>>> pieces(n_sites);
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const NodeId tail = g.edge_tail[e], head = g.edge_head(e);
    const float len = g.edge_length(e);
    // Quick reject: neither end reached and no station on the edge.
    if (ns.node(tail).s1 == kInvalidId && ns.node(head).s1 == kInvalidId &&
        ns.on_edge(e, tail, head, len, 0).s1 == kInvalidId &&
        ns.on_edge(e, tail, head, len, len).s1 == kInvalidId)
      continue;
    const int n = std::max(1, static_cast<int>(std::ceil(len / step_m)));
    const double h = static_cast<double>(len) / n;
    int run_start = -1;
    uint32_t run_site = kInvalidId;
    auto flush = [&](int end) {
      if (run_start < 0) return;
      std::vector<Vec2> piece;
      g.edge_piece(e, run_start * h, end * h, piece);
      pieces[run_site].push_back(std::move(piece));
      run_start = -1;
    };
    for (int k = 0; k < n; ++k) {
      const TwoNearest t = ns.on_edge(e, tail, head, len, static_cast<float>((k + 0.5) * h));
      const uint32_t s = t.s1 != kInvalidId && t.d1 <= B ? t.s1 : kInvalidId;
      if (s != run_site) flush(k);
      if (s != kInvalidId && run_start < 0) run_start = k;
      run_site = s;
    }
    flush(n);
  }
  PlanWalkAreas out;
  out.nearest.resize(n_sites);
  std::vector<MultiPolygon> buffers(n_sites);
  std::vector<Box> boxes(n_sites);
  tbb::parallel_for(uint32_t{0}, n_sites, [&](uint32_t i) {
    buffers[i] = buffer_lines(pieces[i], opt);
    for (const auto& p : buffers[i])
      for (auto v : p.rings.front()) boxes[i].add(v);
  });
  // The union of the pieces' buffers is the buffer of all pieces (far cheaper than buffering
  // every reached street at once).
  out.dissolved = union_polygons(buffers);
  auto overlap = [](const Box& a, const Box& b) {
    return !a.empty() && !b.empty() && a.min.x <= b.max.x && b.min.x <= a.max.x &&
           a.min.y <= b.max.y && b.min.y <= a.max.y;
  };
  // Buffers of neighbouring stations overlap where their streets meet; each keeps what the
  // stations before it (in site order) have not taken, so the split is a partition.
  tbb::parallel_for(uint32_t{0}, n_sites, [&](uint32_t i) {
    if (buffers[i].empty()) return;
    std::vector<MultiPolygon> before;
    for (uint32_t j = 0; j < i; ++j)
      if (overlap(boxes[i], boxes[j])) before.push_back(buffers[j]);
    out.nearest[i] = before.empty() ? buffers[i] : difference(buffers[i], union_polygons(before));
  });
  return out;
}

}  // namespace yz
