#include "app/render/scene_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "app/actions/app_actions.hpp"
#include "app/actions/mobile_rounds.hpp"
#include "engine/coverage/join_summary.hpp"

namespace yz::app {
namespace {

// The 1 m cell of p, shifted by (dx, dy) cells, as one hash key.
uint64_t cell_key(Vec2 p, int dx, int dy) {
  const auto cx = static_cast<int64_t>(std::floor(p.x)) + dx;
  const auto cy = static_cast<int64_t>(std::floor(p.y)) + dy;
  return static_cast<uint64_t>(cx) * 0x9E3779B97F4A7C15ull ^ static_cast<uint64_t>(cy);
}

template <size_t N>
uint8_t index_in(const char* const (&names)[N], const std::string& v) {
  for (size_t i = 0; i < N; ++i)
    if (v == names[i]) return static_cast<uint8_t>(i);
  return kUnknown;
}

uint8_t sat(uint16_t n) {
  return static_cast<uint8_t>(std::min<uint16_t>(n, 255));
}

}  // namespace

uint8_t host_index(const std::string& h) {
  return index_in(kHostTypes, h);
}
uint8_t status_index(const std::string& s) {
  return index_in(kStatuses, s);
}

void build_scene(const AppState& st, MapScene& out) {
  out = MapScene{};
  if (!st.session) return;
  const Session& s = *st.session;
  const Scenario& sc = s.active();
  const Workspace& ws = s.workspace();
  out.radius_m = ws.params().radius_m;
  for (uint32_t k = 0; k < sc.slots(); ++k) {
    if (!sc.active(k)) continue;
    const PlanStation& p = sc.station(k);
    SceneStation ss;
    ss.xy = p.xy;
    ss.host = host_index(p.info.host_type);
    ss.status = status_index(p.info.status);
    ss.selected = static_cast<int>(k) == st.sel.station;
    // Closed at the chosen hour: grey, and its walk is not drawn (it covers no one then).
    ss.closed = st.time.closed_slot(k);
    ss.walk_pieces = ss.closed ? nullptr : &sc.pieces(k);
    out.stations.push_back(ss);
  }
  const PointSet& d = ws.demand();
  // At a chosen hour workers are coloured by the stations open then.
  const bool at_hour = st.time.at_hour();
  const auto& shown = at_hour ? st.time.counts_shown : sc.state().counts(st.view_criterion);
  const auto& walk = at_hour ? st.time.counts_walk : sc.state().counts(Criterion::walk);
  const auto& radius = at_hour ? st.time.counts_radius : sc.state().counts(Criterion::radius);
  out.demand_xy = d.xy;
  out.demand_weight.assign(d.weight.begin(), d.weight.end());
  out.demand_count.resize(d.size());
  out.demand_walk.resize(d.size());
  out.demand_radius.resize(d.size());
  for (size_t i = 0; i < d.size(); ++i) {
    out.demand_count[i] = sat(shown[i]);
    out.demand_walk[i] = sat(walk[i]);
    out.demand_radius[i] = sat(radius[i]);
  }
  // Joins (island rule): the pieces points were joined off, every street of them, and the
  // connecting lines, for workers and the plan's stations.
  {
    std::vector<Vec2> site_xy;
    std::vector<Snap> site_snaps;
    for (uint32_t k : sc.active_slots())
      site_xy.push_back(sc.station(k).xy), site_snaps.push_back(sc.snap(k));
    const WalkGraph& g = ws.city().graph;
    const auto joins = list_joins(g, *ws.city().snapper, ws.params().snap, ws.demand_index(),
                                  ws.demand(), site_xy, site_snaps);
    std::vector<uint32_t> pieces;
    for (const auto& j : joins) {
      pieces.push_back(j.piece);
      out.join_lines.push_back({j.xy, g.point_on_edge(j.joined.edge, j.joined.offset_m)});
    }
    std::sort(pieces.begin(), pieces.end());
    pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());
    if (!pieces.empty())
      for (EdgeId e = 0; e < g.edge_count(); ++e)
        if (std::binary_search(pieces.begin(), pieces.end(), g.node_component[g.edge_tail[e]]))
          out.join_lines.emplace_back(g.geom.begin() + g.geom_first[e],
                                      g.geom.begin() + g.geom_first[e + 1]);
  }
  if (st.mobile)
    out.mobile = mobile_rounds(*st.mobile, !st.time.all_day, st.time.weekend, st.time.hour);
  out.candidates = s.candidates().xy;
  out.selected_candidate = st.sel.candidate;
  if (st.suggest.run && suggestion_current(st)) {
    const auto& run = *st.suggest.run;
    for (size_t i = 0; i < run.result.sites.size(); ++i) {
      if (i < st.suggest.accepted.size() && st.suggest.accepted[i]) continue;
      const auto& ss = run.result.sites[i];
      out.suggestions.push_back(
          {run.sites.xy[ss.site], ss.rank, static_cast<int>(i) == st.sel.suggestion});
    }
  }
  if (st.compare_with >= 0 && st.compare_with < static_cast<int>(s.scenario_count()) &&
      static_cast<size_t>(st.compare_with) != s.active_index()) {
    const Scenario& other = s.scenario(static_cast<size_t>(st.compare_with));
    // Stations match when they stand within a metre (a moved station is one removed, one
    // added). Each plan's stations in a hash of 1 m cells: a lookup reads the 3 x 3 cells around.
    auto cells = [](const Scenario& x) {
      std::unordered_multimap<uint64_t, Vec2> h;
      for (uint32_t k : x.active_slots()) h.emplace(cell_key(x.station(k).xy, 0, 0), x.station(k).xy);
      return h;
    };
    auto has = [](const std::unordered_multimap<uint64_t, Vec2>& h, Vec2 p) {
      for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy) {
          const auto [b, e] = h.equal_range(cell_key(p, dx, dy));
          for (auto it = b; it != e; ++it)
            if (distance(it->second, p) < 1.0) return true;
        }
      return false;
    };
    const auto here = cells(sc), there_cells = cells(other);
    for (uint32_t k : sc.active_slots())
      if (!has(there_cells, sc.station(k).xy))
        out.diff.stations_only_here.push_back(sc.station(k).xy);
    for (uint32_t k : other.active_slots())
      if (!has(here, other.station(k).xy))
        out.diff.stations_only_there.push_back(other.station(k).xy);
    const auto& there = other.state().counts(st.view_criterion);
    for (size_t i = 0; i < d.size(); ++i) {
      if (shown[i] > 0 && there[i] == 0) out.diff.workers_gained.push_back(d.xy[i]);
      if (shown[i] == 0 && there[i] > 0) out.diff.workers_lost.push_back(d.xy[i]);
    }
  }
}

}  // namespace yz::app
