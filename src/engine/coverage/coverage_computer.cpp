#include "engine/coverage/coverage_computer.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <numeric>

#include "engine/coverage/walk_area.hpp"

namespace yz {

CoverageComputer::CoverageComputer(const WalkGraph& g, const Snapper& snapper,
                                   const DemandIndex& demand, CoverageParams params)
    : g_(g), snapper_(snapper), demand_(demand), params_(params) {}

template <class Fn>
void CoverageComputer::visit_reached_edges(const Snap& s, CoverScratch& sc, Fn&& fn) const {
  if (++sc.now == 0) {
    std::fill(sc.edge_stamp.begin(), sc.edge_stamp.end(), 0);
    sc.now = 1;
  }
  auto visit = [&](EdgeId e) {
    if (sc.edge_stamp[e] == sc.now) return;
    sc.edge_stamp[e] = sc.now;
    fn(e);
  };
  visit(s.edge);  // demand on the station's own edge, even if neither end is reached
  for (NodeId u : sc.search.settled())
    for (ArcId a = g_.first_out[u]; a < g_.first_out[u + 1]; ++a) visit(g_.arc_edge[a]);
}

SiteCover CoverageComputer::cover(Vec2 site_xy, const Snap& s, CoverScratch& sc) const {
  SiteCover out;
  demand_.within(site_xy, params_.radius_m, out.radius);
  if (!s.usable()) {
    sc.search.run(s, 0);  // leaves an empty search
    return out;
  }
  out.snapped = true;
  const float budget = static_cast<float>(params_.budget_m());
  const auto& snaps = demand_.snaps();
  // The same station with the island rule off (--island-m 0), for SiteCover::join_gain/join_loss.
  // A station joined off an island searches again from its island; otherwise one search serves
  // both, joined demand being looked up at its island snap as well.
  const bool site_joined = s.status == SnapStatus::moved_off_island;
  std::vector<uint32_t>
      plain;  // demand reached with the rule off (joined demand only, unless site_joined)
  auto reach_unjoined = [&](EdgeId e) {
    for (const uint32_t* it = demand_.unjoined_on_edge_begin(e);
         it != demand_.unjoined_on_edge_end(e); ++it)
      if (sc.search.distance_to(demand_.snap_without_joins(*it)) < WalkSearch::kInf)
        plain.push_back(*it);
  };
  if (site_joined) {
    sc.search.run(snapper_.snap_without_joins(site_xy, params_.snap), budget);
    visit_reached_edges(sc.search.source(), sc, [&](EdgeId e) {
      for (const uint32_t* it = demand_.on_edge_begin(e); it != demand_.on_edge_end(e); ++it)
        if (!demand_.is_joined(*it) && sc.search.distance_to(snaps[*it]) < WalkSearch::kInf)
          plain.push_back(*it);
      reach_unjoined(e);
    });
  }
  sc.search.run(s, budget);
  std::vector<std::pair<uint32_t, float>> hits;
  visit_reached_edges(s, sc, [&](EdgeId e) {
    for (const uint32_t* it = demand_.on_edge_begin(e); it != demand_.on_edge_end(e); ++it) {
      const float d = sc.search.distance_to(snaps[*it]);
      if (d < WalkSearch::kInf) hits.emplace_back(*it, d);
    }
    if (!site_joined) reach_unjoined(e);
  });
  std::sort(hits.begin(), hits.end());
  out.walk.reserve(hits.size());
  out.walk_m.reserve(hits.size());
  for (auto [i, d] : hits) out.walk.push_back(i), out.walk_m.push_back(d);
  std::sort(plain.begin(), plain.end());
  std::vector<uint32_t> with_rule;  // what the rule's answer is compared with
  if (site_joined) {
    with_rule = out.walk;
  } else {
    for (uint32_t d : out.walk)
      if (demand_.is_joined(d)) with_rule.push_back(d);
  }
  std::set_difference(with_rule.begin(), with_rule.end(), plain.begin(), plain.end(),
                      std::back_inserter(out.join_gain));
  std::set_difference(plain.begin(), plain.end(), out.walk.begin(), out.walk.end(),
                      std::back_inserter(out.join_loss));
  return out;
}

std::vector<SiteCover> CoverageComputer::cover_all(
    const std::vector<Vec2>& sites, std::vector<Snap>* snaps_out, const Progress& progress,
    std::vector<std::vector<std::vector<Vec2>>>* pieces,
    std::vector<ReachedStreets>* reached) const {
  std::vector<Snap> snaps = snapper_.snap_all(sites, params_.snap);
  std::vector<SiteCover> out(sites.size());
  if (pieces) pieces->assign(sites.size(), {});
  if (reached) reached->assign(sites.size(), {});
  tbb::enumerable_thread_specific<CoverScratch> scratch([&] { return CoverScratch(g_); });
  std::atomic<size_t> done{0};
  tbb::parallel_for(tbb::blocked_range<size_t>(0, sites.size(), 16), [&](const auto& r) {
    if (progress.cancelled()) return;
    auto& sc = scratch.local();
    for (size_t i = r.begin(); i != r.end(); ++i) {
      out[i] = cover(sites[i], snaps[i], sc);
      if (pieces && out[i].snapped) (*pieces)[i] = reached_pieces(g_, sc.search);
      if (reached && out[i].snapped) (*reached)[i] = reached_streets(g_, sc.search);
    }
    const size_t d = done += r.size();
    progress(static_cast<double>(d) / sites.size(), "walk coverage");
  });
  progress.throw_if_cancelled();
  if (snaps_out) *snaps_out = std::move(snaps);
  return out;
}

}  // namespace yz
