#include "engine/coverage/rider_reach.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <sstream>

namespace yz {

RiderDemand rider_demand(const PointSet& demand, const std::string& selection,
                         const std::string& option) {
  RiderDemand out;
  if (selection == "all" || selection.empty()) {
    out.weight = demand.weight;
    out.what = "all demand";
    return out;
  }
  std::vector<std::string> names;
  std::stringstream ss(selection);
  for (std::string n; std::getline(ss, n, ',');)
    if (!n.empty()) names.push_back(n);
  auto column = [&](const std::string& name) -> int {
    for (const std::string& c : {name, "c_" + name})
      for (size_t k = 0; k < demand.attr_names.size(); ++k)
        if (demand.attr_names[k] == c) return static_cast<int>(k);
    return -1;
  };
  std::vector<int> cols;
  std::string missing;
  for (const auto& n : names) {
    const int c = column(n);
    if (c < 0)
      missing += (missing.empty() ? "" : ", ") + n;
    else
      cols.push_back(c);
  }
  // A demand made by `yizhan demand` has a `component` column: its components are known.
  const bool has_components = column("component") >= 0;
  if (!missing.empty() && (has_components || !cols.empty() || selection != "riders"))
    throw CodedParamError(option, Msg::rider_components_missing,
                          {{"file", demand.source}, {"value", missing}});
  if (cols.empty()) {
    out.weight = demand.weight;
    out.what = "all demand";
    out.note =
        "the demand has no per-component columns (not made by `yizhan demand`), so the "
        "rider test counts all of it as riders (--rider-demand)";
    return out;
  }
  out.weight.assign(demand.size(), 0);
  for (size_t i = 0; i < demand.size(); ++i)
    for (int c : cols) {
      const std::string& v = i < demand.attr_values.size() ? demand.attr_values[i][c] : "";
      char* end = nullptr;
      const double w = v.empty() ? 0 : std::strtod(v.c_str(), &end);
      if (std::isfinite(w) && w > 0) out.weight[i] += w;
    }
  out.what = selection;
  return out;
}

RiderReach::RiderReach(const CityNetwork& city, const RideNetwork& ride, const PointSet& demand,
                       const RiderParams& params, const SnapOptions& snap)
    : city_(city), ride_(ride), params_(params), snap_(snap) {
  snaps_ = ride.snapper->snap_all(demand.xy, snap);
  const uint32_t m = ride.graph.base.edge_count();
  edge_first_.assign(m + 1, 0);
  for (const Snap& s : snaps_)
    if (s.usable()) ++edge_first_[s.edge + 1];
  std::partial_sum(edge_first_.begin(), edge_first_.end(), edge_first_.begin());
  edge_items_.resize(edge_first_[m]);
  std::vector<uint32_t> fill(edge_first_.begin(), edge_first_.end() - 1);
  for (uint32_t i = 0; i < snaps_.size(); ++i)
    if (snaps_[i].usable()) edge_items_[fill[snaps_[i].edge]++] = i;
}

std::vector<uint32_t> RiderReach::cover(Vec2 site, Scratch& sc) const {
  std::vector<uint32_t> out;
  const RideGraph& rg = ride_.graph;
  const Snap ws = city_.snapper->snap(site, snap_);
  if (!ws.usable()) return out;
  const float walk_m = static_cast<float>(params_.park_walk_m);
  const float ride_m = static_cast<float>(params_.ride_m());
  sc.walk.run(ws, walk_m);
  auto walk_to = [&](Vec2 p) { return sc.walk.distance_to(city_.snapper->snap(p, snap_)); };
  // Parking spots: riding nodes within the park walk, at riding distance 0 ...
  sc.seeds.clear();
  sc.near.clear();
  ride_.nodes_near(site, walk_m, sc.near);
  for (NodeId u : sc.near)
    if (walk_to(ride_.node_xy[u]) < WalkSearch::kInf) sc.seeds.emplace_back(u, 0.0f);
  // ... and the point of the riding network nearest the station, reached along its edge.
  const Snap rs = ride_.snapper->snap(site, snap_);
  const bool spot_on_edge =
      rs.usable() && walk_to(rg.base.point_on_edge(rs.edge, rs.offset_m)) < WalkSearch::kInf;
  if (spot_on_edge) {
    if (rg.forward(rs.edge)) sc.seeds.emplace_back(rs.tail, rs.offset_m);
    if (rg.backward(rs.edge)) sc.seeds.emplace_back(rs.head, rs.edge_length_m - rs.offset_m);
  }
  if (sc.seeds.empty()) return out;
  sc.ride.run(sc.seeds, ride_m);
  // Riding distance from demand snap d to a spot: along its edge to an end, then the search's.
  auto ride_from = [&](const Snap& d) {
    float best = RideSearch::kInf;
    const EdgeId e = d.edge;
    if (rg.forward(e)) {
      const float h = sc.ride.dist(d.head);
      if (h < RideSearch::kInf) best = std::min(best, d.edge_length_m - d.offset_m + h);
      if (spot_on_edge && rs.edge == e && d.offset_m <= rs.offset_m)
        best = std::min(best, rs.offset_m - d.offset_m);
    }
    if (rg.backward(e)) {
      const float t = sc.ride.dist(d.tail);
      if (t < RideSearch::kInf) best = std::min(best, d.offset_m + t);
      if (spot_on_edge && rs.edge == e && d.offset_m >= rs.offset_m)
        best = std::min(best, d.offset_m - rs.offset_m);
    }
    return best + d.access_m;
  };
  if (++sc.now == 0) {
    std::fill(sc.edge_stamp.begin(), sc.edge_stamp.end(), 0);
    sc.now = 1;
  }
  auto visit = [&](EdgeId e) {
    if (sc.edge_stamp[e] == sc.now) return;
    sc.edge_stamp[e] = sc.now;
    for (uint32_t k = edge_first_[e]; k < edge_first_[e + 1]; ++k)
      if (ride_from(snaps_[edge_items_[k]]) <= ride_m) out.push_back(edge_items_[k]);
  };
  if (spot_on_edge) visit(rs.edge);
  const WalkGraph& g = rg.base;
  for (NodeId u : sc.ride.settled())
    for (ArcId a = g.first_out[u]; a < g.first_out[u + 1]; ++a) visit(g.arc_edge[a]);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::vector<uint32_t>> RiderReach::cover_all(const std::vector<Vec2>& sites,
                                                         const Progress& progress) const {
  std::vector<std::vector<uint32_t>> out(sites.size());
  tbb::enumerable_thread_specific<Scratch> scratch([&] { return Scratch(city_, ride_); });
  std::atomic<size_t> done{0};
  tbb::parallel_for(tbb::blocked_range<size_t>(0, sites.size(), 16), [&](const auto& r) {
    if (progress.cancelled()) return;
    auto& sc = scratch.local();
    for (size_t i = r.begin(); i != r.end(); ++i) out[i] = cover(sites[i], sc);
    const size_t d = done += r.size();
    progress(static_cast<double>(d) / sites.size(), "rider reach");
  });
  progress.throw_if_cancelled();
  return out;
}

double RiderStudy::station_weight(size_t s) const {
  double w = 0;
  for (uint32_t d : covers[s]) w += demand.weight[d];
  return w;
}

RiderStudy run_rider_reach(const CityNetwork& city, const RideNetwork& ride, const PointSet& sites,
                           const PointSet& demand, const RiderParams& params,
                           const SnapOptions& snap, const Progress& progress) {
  params.validate();
  RiderStudy st;
  st.params = params;
  st.demand = rider_demand(demand, params.demand);
  RiderReach reach(city, ride, demand, params, snap);
  st.covers = reach.cover_all(sites.xy, progress);
  st.count.assign(demand.size(), 0);
  for (const auto& c : st.covers)
    for (uint32_t d : c)
      if (st.count[d] < UINT16_MAX) ++st.count[d];
  for (size_t i = 0; i < demand.size(); ++i) {
    const double w = st.demand.weight[i];
    st.total += w;
    if (!reach.demand_snaps()[i].usable()) st.unsnapped += w;
    if (st.count[i] >= 1) st.covered += w;
    if (st.count[i] >= 2) st.twice += w;
  }
  const WalkGraph& g = ride.graph.base;
  st.ride_nodes = g.node_count();
  st.ride_edges = g.edge_count();
  st.one_way_edges = static_cast<uint32_t>(ride.one_way_edges);
  st.ride_km = g.total_length_m() / 1000;
  return st;
}

}  // namespace yz
