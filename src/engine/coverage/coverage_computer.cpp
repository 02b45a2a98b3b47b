#include "engine/coverage/coverage_computer.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <numeric>

#include "engine/coverage/walk_area.hpp"

namespace yz {

CoverageComputer::CoverageComputer(const WalkGraph& g, const Snapper& snapper,
                                   const DemandIndex& demand, CoverageParams params)
    : g_(g), snapper_(snapper), demand_(demand), params_(params) {}

SiteCover CoverageComputer::cover(Vec2 site_xy, const Snap& s, CoverScratch& sc) const {
  SiteCover out;
  demand_.within(site_xy, params_.radius_m, out.radius);
  if (!s.usable()) {
    sc.search.run(s, 0);  // leaves an empty search
    return out;
  }
  out.snapped = true;
  const float budget = static_cast<float>(params_.budget_m());
  sc.search.run(s, budget);
  if (++sc.now == 0) {
    std::fill(sc.edge_stamp.begin(), sc.edge_stamp.end(), 0);
    sc.now = 1;
  }
  std::vector<std::pair<uint32_t, float>> hits;
  auto scan_edge = [&](EdgeId e) {
    if (sc.edge_stamp[e] == sc.now) return;
    sc.edge_stamp[e] = sc.now;
    for (const uint32_t* it = demand_.on_edge_begin(e); it != demand_.on_edge_end(e); ++it) {
      const float d = sc.search.distance_to(demand_.snaps()[*it]);
      if (d < WalkSearch::kInf) hits.emplace_back(*it, d);
    }
  };
  scan_edge(s.edge);  // demand on the station's own edge, even if neither end is reached
  for (NodeId u : sc.search.settled())
    for (ArcId a = g_.first_out[u]; a < g_.first_out[u + 1]; ++a) scan_edge(g_.arc_edge[a]);
  std::sort(hits.begin(), hits.end());
  out.walk.reserve(hits.size());
  out.walk_m.reserve(hits.size());
  for (auto [i, d] : hits) out.walk.push_back(i), out.walk_m.push_back(d);
  return out;
}

std::vector<SiteCover> CoverageComputer::cover_all(
    const std::vector<Vec2>& sites, std::vector<Snap>* snaps_out, const Progress& progress,
    std::vector<std::vector<std::vector<Vec2>>>* pieces) const {
  std::vector<Snap> snaps = snapper_.snap_all(sites, params_.snap);
  std::vector<SiteCover> out(sites.size());
  if (pieces) pieces->assign(sites.size(), {});
  tbb::enumerable_thread_specific<CoverScratch> scratch([&] { return CoverScratch(g_); });
  std::atomic<size_t> done{0};
  tbb::parallel_for(tbb::blocked_range<size_t>(0, sites.size(), 16), [&](const auto& r) {
    if (progress.cancelled()) return;
    auto& sc = scratch.local();
    for (size_t i = r.begin(); i != r.end(); ++i) {
      out[i] = cover(sites[i], snaps[i], sc);
      if (pieces && out[i].snapped) (*pieces)[i] = reached_pieces(g_, sc.search);
    }
    const size_t d = done += r.size();
    progress(static_cast<double>(d) / sites.size(), "walk coverage");
  });
  progress.throw_if_cancelled();
  if (snaps_out) *snaps_out = std::move(snaps);
  return out;
}

}  // namespace yz
