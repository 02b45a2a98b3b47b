#include "app/scene_from_plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace yz::app {
namespace {

template <size_t N>
uint8_t index_of(const char* const (&names)[N], const std::string& v) {
  for (size_t i = 0; i < N; ++i)
    if (v == names[i]) return static_cast<uint8_t>(i);
  return kUnknown;
}

// Canonical spelling from the parsed site info, else from a raw pass-through column.
template <size_t N>
uint8_t look(const char* const (&names)[N], const std::string& parsed, const std::string& raw,
             std::optional<std::string> (*parse)(std::string_view)) {
  if (!parsed.empty()) return index_of(names, parsed);
  if (raw.empty()) return kUnknown;
  const auto p = parse(raw);
  return p ? index_of(names, *p) : kUnknown;
}

constexpr const char* kLayerNames[kMapLayerCount] = {
    "areas",      "streets", "demand_density", "demand_points", "uncovered", "disagreement",
    "walk_areas", "circles", "candidates",     "scenario_diff", "stations",  "suggestions"};

}  // namespace

StationLooks station_looks(const PointSet& st) {
  StationLooks l;
  for (size_t i = 0; i < st.size(); ++i) {
    const SiteInfo none;
    const SiteInfo& info = i < st.info.size() ? st.info[i] : none;
    l.host.push_back(look(kHostTypes, info.host_type, st.attr(i, "host_type"), parse_host_type));
    l.status.push_back(look(kStatuses, info.status, st.attr(i, "status"), parse_status));
  }
  return l;
}

void fill_scene(const Scenario& sc, int selected, const StationLooks& looks, MapScene& out) {
  out.stations.clear();
  for (uint32_t k = 0; k < sc.slots(); ++k) {
    if (!sc.active(k)) continue;
    SceneStation s;
    s.xy = sc.position(k);
    // Stations added in the app are planned; input ones keep their columns.
    s.host = k < looks.host.size() ? looks.host[k] : kUnknown;
    s.status = k < looks.status.size() ? looks.status[k] : 1;
    s.selected = static_cast<int>(k) == selected;
    s.walk_pieces = &sc.pieces(k);
    out.stations.push_back(s);
  }
  out.radius_m = sc.params().radius_m;
  const PointSet& dem = sc.demand();
  out.demand_xy = dem.xy;
  out.demand_weight.resize(dem.size());
  for (size_t i = 0; i < dem.size(); ++i) out.demand_weight[i] = static_cast<float>(dem.weight[i]);
  const auto& walk = sc.state().counts(Criterion::walk);
  const auto& radius = sc.state().counts(Criterion::radius);
  out.demand_walk.resize(dem.size());
  out.demand_radius.resize(dem.size());
  for (size_t i = 0; i < dem.size(); ++i) {
    out.demand_walk[i] = static_cast<uint8_t>(std::min<uint16_t>(walk[i], 255));
    out.demand_radius[i] = static_cast<uint8_t>(std::min<uint16_t>(radius[i], 255));
  }
}

MapScene scene_from(const Scenario& sc, int selected, const StationLooks& looks) {
  MapScene s;
  fill_scene(sc, selected, looks, s);
  return s;
}

LayerStyles styles_from(const MapLayers& toggles, LayerStyles s) {
  s[MapLayer::walk_areas].visible &= toggles.walk_areas;
  s[MapLayer::circles].visible &= toggles.circles;
  s[MapLayer::demand_points].visible &= toggles.demand;
  return s;
}

LayerStyles startup_styles() {
  LayerStyles s = LayerStyles::defaults();
  if (const char* env = std::getenv("YIZHAN_MAP_LAYERS")) {
    std::string list = env;
    size_t at = 0;
    while (at <= list.size()) {
      size_t end = std::min(list.find(',', at), list.size());
      std::string name = list.substr(at, end - at);
      at = end + 1;
      bool show = true;
      if (!name.empty() && (name[0] == '+' || name[0] == '-'))
        show = name[0] == '+', name.erase(0, 1);
      for (int l = 0; l < kMapLayerCount; ++l)
        if (name == kLayerNames[l]) s.layer[static_cast<size_t>(l)].visible = show;
    }
  }
  return s;
}

LegendText english_legend_text() {
  LegendText t;
  t.stations = "Stations: host type / status";
  const char* host[6] = {"standalone", "co-built", "shared", "alliance", "mobile", "other"};
  const char* status[4] = {"built", "planned", "upgrading", "other"};
  std::copy(std::begin(host), std::end(host), t.host);
  std::copy(std::begin(status), std::end(status), t.status);
  t.demand = "Workers: stations within 15 min walk";
  t.uncovered = "No station within 15 min walk";
  t.disagreement = "Inside 1 km, not within 15 min";
  t.density = "Worker density";
  t.walk_area = "15-minute walk";
  t.circle = "1 km radius";
  t.candidate = "Candidate site";
  t.suggestion = "Suggested station";
  t.diff_here = "Station only in this plan";
  t.diff_there = "Station only in the other plan";
  t.diff_gained = "Workers gained";
  t.diff_lost = "Workers lost";
  return t;
}

}  // namespace yz::app
