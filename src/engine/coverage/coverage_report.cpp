#include "engine/coverage/coverage_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "engine/coverage/join_summary.hpp"
#include "engine/util/text_width.hpp"

namespace yz {

namespace {
std::string thousands(double v, int decimals = 0) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  const auto dot = s.find('.');
  int end = static_cast<int>(dot == std::string::npos ? s.size() : dot);
  const int start = s[0] == '-' ? 1 : 0;
  for (int i = end - 3; i > start; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}
double pct(double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; }
}  // namespace

double join_gain_weight(const CoverageStudy& st, uint32_t site) {
  double w = 0;
  for (uint32_t d : st.covers[site].join_gain) w += st.demand.weight[d];
  return w;
}

std::string joins_text(const CoverageStudy& st, const std::string& unit) {
  const auto& S = st.state.summary();
  const double island_m = st.params.snap.island_max_m;
  if (island_m <= 0)
    return "\nJoined street pieces: none (--island-m 0: every point takes its nearest street)\n";
  const JoinSummary js = join_summary(st);
  std::string s = fmt::format(
      "\nJoined street pieces (--island-m {:g}: a worker or station whose nearest street is a "
      "disconnected piece with under {:g} m of street walks off-street to the main network "
      "instead)\n",
      island_m, island_m);
  if (js.pieces == 0) return s + "  none joined\n";
  s += fmt::format(
      "  {} piece{} joined: {} demand point{} ({} {}, on average {:.0f} m farther off-street)",
      js.pieces, js.pieces == 1 ? "" : "s", thousands(js.demand_points),
      js.demand_points == 1 ? "" : "s", thousands(js.demand_weight, 1), unit, js.mean_extra_m);
  s += js.sites ? fmt::format(" and {} station{}\n", js.sites, js.sites == 1 ? "" : "s") : "\n";
  auto line = [&](const char* what, double JoinEffect::*f) {
    std::string l = fmt::format("  {:<38}", what);
    const char* names[] = {"walk", "both", "either"};
    int k = 0;
    for (Criterion c : {Criterion::walk, Criterion::both, Criterion::either}) {
      const double v = S.joins(c).*f;
      l +=
          fmt::format("{}{} {} ({:.1f} %)", k ? ", " : "", names[k], thousands(v), pct(v, S.total));
      ++k;
    }
    return l + "\n";
  };
  s += line("covered only through a joined piece:", &JoinEffect::only_through_joins);
  bool lost = false;
  for (Criterion c : {Criterion::walk, Criterion::both, Criterion::either})
    lost |= S.joins(c).only_without_joins > 0;
  if (lost) s += line("covered only with the rule off:", &JoinEffect::only_without_joins);
  s += fmt::format(
      "  with --island-m 0: walk {:.1f} % ({:.1f} % with the rule), both {:.1f} %, either {:.1f} "
      "%\n",
      S.percent_without_joins(Criterion::walk), S.percent(Criterion::walk),
      S.percent_without_joins(Criterion::both), S.percent_without_joins(Criterion::either));
  return s;
}

std::vector<double> radius_overstatement(const CoverageStudy& st) {
  std::vector<double> out(st.sites.size(), 0);
  for (size_t i = 0; i < st.sites.size(); ++i) {
    const auto& cv = st.covers[i];
    size_t k = 0;
    for (uint32_t d : cv.radius) {
      while (k < cv.walk.size() && cv.walk[k] < d) ++k;
      if (k == cv.walk.size() || cv.walk[k] != d) out[i] += st.demand.weight[d];
    }
  }
  return out;
}

nlohmann::json network_json(const CityNetwork& c) {
  const auto& g = c.graph;
  const auto& r = c.lines.report;
  nlohmann::json j;
  j["map"] = c.lines.source;
  j["synthetic"] = c.lines.synthetic;
  j["projection"] = c.projection().name();
  j["ways_read"] = r.features_read;
  j["roads"] = r.roads;
  j["walkable_ways"] = r.walkable;
  j["excluded"] = {{"not_walkable_class", r.not_walkable_class}, {"foot_forbidden", r.foot_forbidden},
                   {"access_forbidden", r.access_forbidden}, {"invalid_geometry", r.invalid_geometry}};
  j["ways_missing_nodes"] = r.ways_missing_nodes;
  j["missing_nodes"] = {{"roads_in_file", r.osm_roads},
                        {"roads_referencing_missing_nodes", r.ways_missing_nodes},
                        {"roads_dropped", r.ways_dropped},
                        {"roads_shortened", r.ways_shortened},
                        {"untagged_nodes_in_no_way", r.unused_nodes}};
  j["jumps_cut"] = r.jumps_cut;
  j["nodes"] = g.node_count();
  j["edges"] = g.edge_count();
  j["street_km"] = g.total_length_m() / 1000;
  j["components"] = g.component_length_m.size();
  j["largest_component_share"] = g.component_length_m.empty() ? 0 : g.component_length_m[0] / std::max(1.0, g.total_length_m());
  j["notes"] = r.notes.lines;
  return j;
}

std::string network_text(const CityNetwork& c) {
  const auto& g = c.graph;
  const auto& r = c.lines.report;
  std::string s;
  s += fmt::format("Map        {}{}\n", c.lines.source, c.lines.synthetic ? "  [SYNTHETIC]" : "");
  s += fmt::format("Projection {} (local metric; outputs in WGS-84)\n", c.projection().name());
  s += fmt::format("Roads      {} ways read, {} walkable; excluded: {} motorway/other, {} foot=no, {} access=no/private\n",
                   thousands(r.roads), thousands(r.walkable), r.not_walkable_class, r.foot_forbidden, r.access_forbidden);
  const double total = g.total_length_m();
  s += fmt::format("Network    {} nodes, {} edges, {} km of walkable street, {} connected components (largest holds {:.1f} % of the street length)\n",
                   thousands(g.node_count()), thousands(g.edge_count()), thousands(total / 1000, 1),
                   g.component_length_m.size(), g.component_length_m.empty() ? 0.0 : pct(g.component_length_m[0], total));
  for (const auto& n : r.notes.lines) s += "  note: " + n + "\n";
  return s;
}

nlohmann::json coverage_json(const CoverageStudy& st, const std::vector<DropReport>& drops) {
  const auto& S = st.state.summary();
  nlohmann::json j;
  j["network"] = network_json(*st.city);
  j["parameters"] = {{"minutes", st.params.minutes},
                     {"speed_kmh", st.params.speed_kmh},
                     {"walk_budget_m", st.params.budget_m()},
                     {"radius_m", st.params.radius_m},
                     {"max_snap_m", st.params.snap.max_snap_m},
                     {"island_max_m", st.params.snap.island_max_m}};
  j["demand"] = {{"source", st.demand.source}, {"proxy", st.demand_is_proxy},
                 {"estimated", st.demand_estimated()}, {"estimate", st.demand.estimate}, {"points", st.demand.size()},
                 {"total", S.total}, {"off_network", S.unsnapped}};
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    const auto& t = S.of(c);
    j["coverage"][std::string(to_string(c))] = {{"covered", t.covered}, {"percent", S.percent(c)},
                                                {"covered_once", t.once}, {"covered_twice_or_more", t.twice},
                                                {"uncovered", S.total - t.covered}};
    // The island rule's share (see join_summary.hpp); the radius test does not snap: zeros.
    const auto& je = S.joins(c);
    auto& jc = j["coverage"][std::string(to_string(c))];
    jc["covered_only_through_joins"] = je.only_through_joins;
    jc["covered_only_without_joins"] = je.only_without_joins;
    jc["covered_without_joins"] = S.covered_without_joins(c);
    jc["percent_without_joins"] = S.percent_without_joins(c);
  }
  const JoinSummary js = join_summary(st);
  j["joins"] = {{"island_max_m", js.island_max_m},
                {"pieces", js.pieces},
                {"demand_points", js.demand_points},
                {"demand_joined", js.demand_weight},
                {"stations", js.sites},
                {"mean_extra_off_street_m", js.mean_extra_m}};
  j["disagreement"] = {{"inside_radius_not_walk", S.radius_not_walk}, {"walk_not_radius", S.walk_not_radius}};
  const auto over = radius_overstatement(st);
  nlohmann::json sites = nlohmann::json::array();
  for (uint32_t i = 0; i < st.sites.size(); ++i)
    sites.push_back({{"id", st.sites.id[i]},
                     {"name", st.sites.name[i]},
                     {"lon", st.sites.lonlat[i].x},
                     {"lat", st.sites.lonlat[i].y},
                     {"snap", to_string(st.site_snaps[i].status)},
                     {"walk", st.state.covered_weight(i, Criterion::walk)},
                     {"radius", st.state.covered_weight(i, Criterion::radius)},
                     {"both", st.state.covered_weight(i, Criterion::both)},
                     {"either", st.state.covered_weight(i, Criterion::either)},
                     {"walk_only_here", st.state.unique_weight(i, Criterion::walk)},
                     {"walk_through_joins", join_gain_weight(st, i)},
                     {"inside_radius_not_walk", over[i]}});
  j["sites"] = sites;
  nlohmann::json dj = nlohmann::json::array();
  for (const auto& d : drops) {
    nlohmann::json reasons = nlohmann::json::object();  // {} rather than null when nothing was dropped
    for (const auto& [r, n] : d.reasons()) reasons[r] = n;
    dj.push_back({{"source", d.source}, {"what", d.what}, {"read", d.read}, {"kept", d.kept},
                  {"dropped", d.dropped.size()}, {"reasons", reasons}, {"notes", d.notes}});
  }
  j["inputs"] = dj;
  return j;
}

std::string coverage_text(const CoverageStudy& st, const std::vector<DropReport>& drops, int top) {
  const auto& S = st.state.summary();
  std::string s = network_text(*st.city);
  for (const auto& d : drops) {
    s += "Input      " + d.summary() + "\n";
    for (const auto& n : d.notes) s += "  note: " + n + "\n";
  }
  auto tally = [](const std::vector<Snap>& snaps, const std::vector<double>* w) {
    std::string out;
    double n[5] = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < snaps.size(); ++i) n[static_cast<int>(snaps[i].status)] += w ? (*w)[i] : 1;
    const char* what[] = {"", "moved off a tiny island onto the main network", "only near a tiny disconnected island",
                          "off the network (no walkable street within the snap distance)", "with invalid coordinates"};
    for (int k = 1; k < 5; ++k)
      if (n[k] > 0) out += fmt::format("; {} {}", thousands(n[k], w ? 1 : 0), what[k]);
    return out;
  };
  s += fmt::format("Stations   {}{}\n", st.sites.size(), tally(st.site_snaps, nullptr));
  // The street-length proxy is not a head count: name its unit honestly.
  // A file of estimates (PointSet::estimate) is labelled as one, not as workers counted.
  const std::string unit = st.demand_is_proxy ? "street-m" : st.demand_estimated() ? "est. workers" : "workers";
  s += fmt::format("Demand     {} points, {} {} — {}\n", thousands(st.demand.size()), thousands(S.total, 1), unit,
                   st.demand_is_proxy ? std::string("PROXY: ") + st.demand.source
                   : st.demand_estimated()
                       ? fmt::format("ESTIMATE ({}, not a head count): {}", st.demand.estimate, st.demand.source)
                       : st.demand.source);
  if (const std::string t = tally(st.index->snaps(), &st.demand.weight); !t.empty())
    s += "           of this demand:" + t.substr(1) + " (off-network demand counts as uncovered)\n";
  s += fmt::format("Standard   {:g}-minute walk at {:g} km/h ({:.0f} m along streets) and {:g} m straight-line radius\n\n",
                   st.params.minutes, st.params.speed_kmh, st.params.budget_m(), st.params.radius_m);
  s += fmt::format("{:<34}{:>12}{:>9}{:>14}{:>14}\n", "Coverage", unit, "%", "by 1 station", "by 2+");
  const char* label[] = {"15-minute walk", "1 km radius", "both (the double-15 standard)", "either"};
  int k = 0;
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    const auto& t = S.of(c);
    std::string l = label[k++];
    if (c == Criterion::walk) l = fmt::format("{:g}-minute walk", st.params.minutes);
    if (c == Criterion::radius) l = fmt::format("{:g} m radius", st.params.radius_m);
    s += fmt::format("  {:<32}{:>12}{:>8.1f}%{:>14}{:>14}\n", l, thousands(t.covered, 0), S.percent(c), thousands(t.once), thousands(t.twice));
  }
  s += fmt::format("  {:<32}{:>12}{:>8.1f}%\n", "uncovered (walk)", thousands(S.total - S.walk.covered), pct(S.total - S.walk.covered, S.total));
  s += joins_text(st, unit);
  s += "\nWhere the two tests disagree\n";
  s += fmt::format("  inside {:g} m but NOT within a {:g}-minute walk: {} {} ({:.1f} % of all) — the circle overstates coverage\n",
                   st.params.radius_m, st.params.minutes, thousands(S.radius_not_walk), unit, pct(S.radius_not_walk, S.total));
  s += fmt::format("  within a {:g}-minute walk but outside {:g} m:     {} {} ({:.1f} %)\n", st.params.minutes,
                   st.params.radius_m, thousands(S.walk_not_radius), unit, pct(S.walk_not_radius, S.total));
  const auto over = radius_overstatement(st);
  std::vector<uint32_t> order(st.sites.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return over[a] > over[b]; });
  if (!order.empty() && over[order[0]] > 0) {
    s += fmt::format("\nStations where the {:g} m circle overstates walking coverage most\n", st.params.radius_m);
    s += fmt::format("  {:<20}{:>14}{:>14}{:>20}\n", "station", "in circle", "walk reach", "in circle, not walk");
    for (int i = 0; i < top && i < static_cast<int>(order.size()); ++i) {
      const uint32_t k2 = order[i];
      if (over[k2] <= 0) break;
      const double r = st.state.covered_weight(k2, Criterion::radius);
      std::string name = st.sites.name[k2].empty() ? st.sites.id[k2] : st.sites.name[k2];
      s += fmt::format("  {}{:>14}{:>14}{:>13} ({:.0f} %)\n", pad_right(name, 20), thousands(r), thousands(st.state.covered_weight(k2, Criterion::walk)),
                       thousands(over[k2]), pct(over[k2], r));
    }
  }
  return s;
}

}  // namespace yz
