#include "engine/coverage/rider_report.hpp"

#include <fmt/format.h>

namespace yz {

namespace {

// The same summary in Chinese (the export's report language).
std::string rider_text_zh(const RiderStudy& st, const PointSet& sites, const std::string& unit) {
  const RiderParams& p = st.params;
  const std::string u = unit == "street-m" ? "街道米" : "名劳动者";
  std::string s = fmt::format(
      "骑行可达（单独的一项检验，不属于双15标准）\n"
      "  在骑行路网上骑行至多 {:g} 分钟，时速 {:g} 公里（{:.0f} 米），遵守单行道，"
      "停车后再步行至多 {:g} 米\n"
      "  骑行路网：{} 个节点，{} 条边（其中骑行单向 {} 条），{:.1f} 公里\n"
      "  适用于：{}，共 {:.0f} {}\n",
      p.minutes, p.speed_kmh, p.ride_m(), p.park_walk_m, st.ride_nodes, st.ride_edges,
      st.one_way_edges, st.ride_km,
      st.demand.what == "all demand" ? std::string("全部需求")
      : st.demand.what == "riders"   ? std::string("骑手")
                                     : st.demand.what,
      st.total, u);
  // The one note the rider demand carries (see rider_demand): no per-group column.
  if (!st.demand.note.empty()) s += "  说明：需求图层没有分项列，骑行可达把全部需求计为骑手\n";
  s += fmt::format("  覆盖：{:.0f} {}（{:.1f} %），被两个及以上站点覆盖：{:.0f}\n", st.covered, u,
                   st.percent(), st.twice);
  if (st.unsnapped > 0) s += fmt::format("  骑行路网够不到：{:.0f} {}\n", st.unsnapped, u);
  size_t none = 0;
  for (size_t i = 0; i < st.covers.size(); ++i) none += st.covers[i].empty();
  if (none)
    s += fmt::format(
        "  {} 个站点中有 {} 个够不到任何骑手需求（不在路网上，或停车步行范围内没有骑行道路）\n",
        sites.size(), none);
  return s;
}

}  // namespace

std::string rider_text(const RiderStudy& st, const PointSet& sites, const std::string& unit,
                       bool zh) {
  if (zh) return rider_text_zh(st, sites, unit);
  const RiderParams& p = st.params;
  std::string s = fmt::format(
      "Rider reach (骑行可达; a separate test, not part of double 15)\n"
      "  ride up to {:g} min at {:g} km/h ({:.0f} m) on the riding network, one-way streets "
      "respected, then walk up to {:g} m from where the rider parks\n"
      "  riding network: {} nodes, {} edges ({} one-way for riders), {:.1f} km\n"
      "  applies to: {} — {:.0f} {}\n",
      p.minutes, p.speed_kmh, p.ride_m(), p.park_walk_m, st.ride_nodes, st.ride_edges,
      st.one_way_edges, st.ride_km, st.demand.what, st.total, unit);
  if (!st.demand.note.empty()) s += "  note: " + st.demand.note + "\n";
  const double pc = st.percent();
  s += fmt::format("  covered: {:.0f} {} ({:.1f} %), by two or more stations: {:.0f}\n", st.covered,
                   unit, pc, st.twice);
  if (st.unsnapped > 0)
    s += fmt::format("  out of reach of the riding network: {:.0f} {}\n", st.unsnapped, unit);
  size_t none = 0;
  for (size_t i = 0; i < st.covers.size(); ++i) none += st.covers[i].empty();
  if (none)
    s += fmt::format(
        "  {} of {} stations reach no rider demand (off the networks, or no riding "
        "street within the park walk)\n",
        none, sites.size());
  return s;
}

nlohmann::json rider_json(const RiderStudy& st, const PointSet& sites) {
  nlohmann::json j;
  const RiderParams& p = st.params;
  j["test"] = "rider_reach";
  j["name_zh"] = "骑行可达";
  j["ride_min"] = p.minutes;
  j["ride_kmh"] = p.speed_kmh;
  j["ride_m"] = p.ride_m();
  j["park_walk_m"] = p.park_walk_m;
  j["demand"] = st.demand.what;
  if (!st.demand.note.empty()) j["note"] = st.demand.note;
  j["total"] = st.total;
  j["covered"] = st.covered;
  j["percent"] = st.percent();
  j["covered_twice"] = st.twice;
  j["unsnapped"] = st.unsnapped;
  j["network"] = {{"nodes", st.ride_nodes},
                  {"edges", st.ride_edges},
                  {"one_way_edges", st.one_way_edges},
                  {"km", st.ride_km}};
  auto& per = j["stations"] = nlohmann::json::array();
  for (size_t i = 0; i < st.covers.size(); ++i)
    per.push_back({{"id", i < sites.id.size() ? sites.id[i] : std::to_string(i)},
                   {"points", st.covers[i].size()},
                   {"covered", st.station_weight(i)}});
  return j;
}

}  // namespace yz
