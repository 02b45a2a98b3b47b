#include "engine/inputs/proxy_demand.hpp"

#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/map/osm_features.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

double poi_workers(const DemandComponent& c,
                   const std::vector<std::pair<std::string, std::string>>& tags, double area_m2) {
  for (const auto& rule : c.tags)
    for (const auto& [k, v] : tags)
      if (k == rule.key && rule.matches(v))
        return c.weight * (rule.weight + rule.per_ha * area_m2 / 10000.0);
  return 0;
}

void add_proxy_demand(const CityNetwork& city, const DemandProfile& profile,
                      const ProxyDemandOptions& opt, DemandItems& items, DropReport& rep,
                      Notes& notes, const Progress& progress) {
  rep = DropReport{};
  rep.source = city.lines.source;
  rep.what = "points of interest";
  // Register active components first so output columns follow the profile's order.
  std::vector<const DemandComponent*> pois;
  for (const auto& c : profile.components) {
    if (!c.active()) continue;
    items.component_index(c.name);
    if (!c.tags.empty()) pois.push_back(&c);
  }
  for (const auto& c : profile.components) {
    if (!c.active() || !c.street_length) continue;
    StreetLengthOptions so;
    for (int k = 0; k < kRoadClassCount; ++k) so.per_metre[k] = c.per_km[k] / 1000.0 * c.weight;
    so.spacing_m = c.spacing_m;
    const PointSet ps = street_length_demand(city, so);
    const uint16_t ci = items.component_index(c.name);
    for (size_t i = 0; i < ps.size(); ++i) items.add(ps.xy[i], ps.weight[i], ci);
  }
  if (pois.empty()) return;
  if (!city.lines.from_osm) {
    std::string names;
    for (auto* c : pois) names += (names.empty() ? "" : ", ") + c->name;
    notes.add("the map is not an OpenStreetMap file, so it has no points of interest: components " +
              names + " add nothing (give worker data with --layer or --raster)");
    return;
  }
  OsmFeatureReport frep;
  const auto feats =
      read_osm_features(city.lines.source, profile.poi_keys(), city.projection(), frep, progress);
  const Box bounds = city.bounds();
  std::vector<Vec2> xy;
  for (const auto& f : feats) xy.push_back(f.xy);
  const auto snaps = city.snapper->snap_all(xy, opt.snap);
  std::vector<double> w(pois.size());
  for (size_t i = 0; i < feats.size(); ++i) {
    const OsmFeature& f = feats[i];
    bool any = false;
    for (size_t c = 0; c < pois.size(); ++c)
      any |= (w[c] = poi_workers(*pois[c], f.tags, f.area ? f.area_m2 : 0)) > 0;
    // Features matching only zero-weight rules are not demand at all: not read.
    bool matched = any;
    if (!matched)
      for (auto* c : pois)
        for (const auto& rule : c->tags)
          for (const auto& [k, v] : f.tags) matched |= k == rule.key && rule.matches(v);
    if (!matched) continue;
    ++rep.read;
    const std::string id = (f.area ? "area/" : "node/") + std::to_string(f.osm_id) +
                           (f.name.empty() ? "" : " " + f.name);
    if (!bounds.contains(f.xy, opt.outside_margin_m)) {
      rep.drop(i, id, f.lonlat, Msg::drop_outside_map);
      continue;
    }
    if (!snaps[i].usable()) {
      rep.drop(i, id, f.lonlat,
               Message(Msg::drop_could_not_snap_within,
                       {{"value", static_cast<int>(opt.snap.max_snap_m)}}));
      continue;
    }
    ++rep.kept;
    for (size_t c = 0; c < pois.size(); ++c)
      if (w[c] > 0) items.add(f.xy, w[c], items.component_index(pois[c]->name));
  }
  if (rep.read == 0)
    notes.add(
        "no point of interest on this map matches the profile's tag rules: only street length "
        "contributes");
  if (frep.invalid_geometry)
    notes.add(std::to_string(frep.invalid_geometry) + " points of interest had no usable geometry");
}

}  // namespace yz
