#include "engine/coverage/join_summary.hpp"

#include <algorithm>

namespace yz {

std::vector<Join> list_joins(const WalkGraph& g, const Snapper& snapper, const SnapOptions& opt,
                             const DemandIndex& demand, const PointSet& demand_points,
                             const std::vector<Vec2>& site_xy,
                             const std::vector<Snap>& site_snaps) {
  std::vector<Join> out;
  auto add = [&](bool site, uint32_t i, Vec2 xy, double w, const Snap& on, const Snap& off) {
    Join j;
    j.site = site, j.index = i, j.xy = xy, j.weight = w, j.joined = on, j.unjoined = off;
    j.piece = g.node_component[off.tail];
    out.push_back(j);
  };
  for (uint32_t i = 0; i < site_snaps.size() && i < site_xy.size(); ++i)
    if (site_snaps[i].status == SnapStatus::moved_off_island)
      add(true, i, site_xy[i], 0, site_snaps[i], snapper.snap_without_joins(site_xy[i], opt));
  const auto& joined = demand.joined();
  for (size_t k = 0; k < joined.size(); ++k) {
    const uint32_t d = joined[k];
    add(false, d, demand_points.xy[d], demand_points.weight[d], demand.snaps()[d],
        demand.unjoined_snaps()[k]);
  }
  return out;
}

std::vector<Join> list_joins(const CoverageStudy& st) {
  return list_joins(st.city->graph, *st.city->snapper, st.params.snap, *st.index, st.demand,
                    st.sites.xy, st.site_snaps);
}

JoinSummary summarize_joins(const std::vector<Join>& joins, double island_max_m) {
  JoinSummary s;
  s.island_max_m = island_max_m;
  std::vector<uint32_t> pieces;
  double extra = 0;
  for (const auto& j : joins) {
    pieces.push_back(j.piece);
    if (j.site) {
      ++s.sites;
    } else {
      ++s.demand_points;
      s.demand_weight += j.weight;
      extra += j.weight * j.extra_off_street_m();
    }
  }
  std::sort(pieces.begin(), pieces.end());
  s.pieces = static_cast<uint32_t>(std::unique(pieces.begin(), pieces.end()) - pieces.begin());
  s.mean_extra_m = s.demand_weight > 0 ? extra / s.demand_weight : 0;
  return s;
}

JoinSummary join_summary(const CoverageStudy& st) {
  return summarize_joins(list_joins(st), st.params.snap.island_max_m);
}

}  // namespace yz
