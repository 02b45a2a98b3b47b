// Demand proxies from the map: profile loading and overrides, POI tags from OpenStreetMap, the
// sanitation component (street length by class) against a hand-computed network, components on
// and off, exact weight scaling, and aggregation that conserves every component's workers.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine/inputs/demand_builder.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/osm_features.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

namespace {

const DemandComponentSummary* component(const DemandResult& r, const std::string& name) {
  for (const auto& c : r.summary.components)
    if (c.name == name) return &c;
  return nullptr;
}

double cells_component_total(const DemandCells& cells, const std::string& name) {
  double s = 0;
  for (size_t c = 0; c < cells.components.size(); ++c)
    if (cells.components[c] == name)
      for (size_t i = 0; i < cells.size(); ++i) s += cells.component_weight(i, c);
  return s;
}

CityNetwork open_map(const std::string& name) {
  const std::string path = require_file(data_dir() + "/osm/" + name, "OSM extract " + name);
  return open_city(path, TagProfile::load_default());
}

}  // namespace

TEST_CASE("demand profile: default loads, select and weights", "[demand][profile]") {
  DemandProfile p = DemandProfile::load_default();
  REQUIRE(p.names() ==
          std::vector<std::string>{"riders", "couriers", "sanitation", "drivers", "construction"});
  REQUIRE(p.find("sanitation")->street_length);
  REQUIRE(p.find("riders")->tags.size() > 3);
  p.select({"riders", "sanitation"});
  REQUIRE(p.find("riders")->enabled);
  REQUIRE_FALSE(p.find("couriers")->enabled);
  p.set_weight("riders=2.5");
  REQUIRE(p.find("riders")->weight == 2.5);
  REQUIRE_THROWS_AS(p.select({"bogus"}), InputError);
  REQUIRE_THROWS_AS(p.set_weight("riders=-1"), InputError);
  REQUIRE_THROWS_AS(p.set_weight("riders=abc"), InputError);
  REQUIRE_THROWS_AS(p.set_weight("nobody=1"), InputError);
  const std::string dir = temp_dir();
  std::ofstream(dir + "/bad.json")
      << R"({"components":[{"name":"x","per_km":{"highway_to_hell":1}}]})";
  REQUIRE_THROWS_AS(DemandProfile::load(dir + "/bad.json"), InputError);
  std::ofstream(dir + "/empty.json") << R"({"components":[{"name":"x"}]})";
  REQUIRE_THROWS_AS(DemandProfile::load(dir + "/empty.json"), InputError);
  std::ofstream(dir + "/broken.json") << "{";
  REQUIRE_THROWS_AS(DemandProfile::load(dir + "/broken.json"), InputError);
}

TEST_CASE("hstore other_tags parsing", "[demand][osm]") {
  const auto t =
      parse_hstore(R"("amenity"=>"fast_food","name:zh"=>"麦当劳","note"=>"a \"quoted\" => thing")");
  REQUIRE(t.size() == 3);
  REQUIRE(t[0] == std::pair<std::string, std::string>{"amenity", "fast_food"});
  REQUIRE(t[1].second == "麦当劳");
  REQUIRE(t[2].second == "a \"quoted\" => thing");
  REQUIRE(parse_hstore("").empty());
}

TEST_CASE("POI rules: first match, per hectare, component weight", "[demand][profile]") {
  DemandComponent c;
  c.weight = 2;
  c.tags = {{"amenity", {"fast_food"}, 1.5, 0},
            {"shop", {"*"}, 0.2, 0},
            {"landuse", {"construction"}, 5, 5}};
  REQUIRE(poi_workers(c, {{"amenity", "fast_food"}, {"shop", "bakery"}}, 0) == Approx(3.0));
  REQUIRE(poi_workers(c, {{"shop", "bakery"}}, 0) == Approx(0.4));
  REQUIRE(poi_workers(c, {{"amenity", "bench"}}, 0) == 0);
  REQUIRE(poi_workers(c, {{"landuse", "construction"}}, 30000) == Approx(2 * (5 + 5 * 3)));
}

TEST_CASE("sanitation: street length by class on a hand-built network", "[demand][sanitation]") {
  // 300 m of primary road and 200 m of footway meeting at one junction.
  CityNetwork city =
      city_from_lines(tiny_lines({{{{0, 0}, {300, 0}}, true, RoadClass::primary},
                                  {{{300, 0}, {300, 200}}, true, RoadClass::footway}}));
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  req.profile.select({"sanitation"});
  req.cell_m = 0;
  const auto& per_km = req.profile.find("sanitation")->per_km;
  const double expect = 0.3 * per_km[static_cast<int>(RoadClass::primary)] +
                        0.2 * per_km[static_cast<int>(RoadClass::footway)];
  // Default: a point every 50 m along the streets (6 on the primary road, 4 on the footway).
  const DemandResult along = build_demand(city, req);
  REQUIRE(along.cells.total() == Approx(expect).epsilon(1e-6));
  REQUIRE(along.cells.size() == 10);
  for (size_t i = 0; i < along.cells.size(); ++i) {
    const Vec2 p = along.cells.xy[i];
    const bool on_primary = std::abs(p.y) < 1e-6 && p.x > 0 && p.x < 300;
    const bool on_footway = std::abs(p.x - 300) < 1e-6 && p.y > 0 && p.y < 200;
    REQUIRE((on_primary || on_footway));
    REQUIRE(along.cells.weight[i] ==
            Approx(on_primary ? 0.05 * per_km[static_cast<int>(RoadClass::primary)]
                              : 0.05 * per_km[static_cast<int>(RoadClass::footway)]));
  }
  // spacing_m = 0: at the junctions, each getting half of every street around it.
  req.profile.find("sanitation")->spacing_m = 0;
  const DemandResult r = build_demand(city, req);
  REQUIRE(r.cells.total() == Approx(expect).epsilon(1e-6));
  REQUIRE(r.cells.size() == 3);  // the three junctions
  // The shared junction gets half of each street.
  double at_joint = 0;
  for (size_t i = 0; i < r.cells.size(); ++i)
    if (distance(r.cells.xy[i], {300, 0}) < 1e-6) at_joint = r.cells.weight[i];
  REQUIRE(at_joint == Approx(0.15 * per_km[static_cast<int>(RoadClass::primary)] +
                             0.1 * per_km[static_cast<int>(RoadClass::footway)]));
  // Weights scale exactly.
  req.profile.set_weight("sanitation=3");
  REQUIRE(build_demand(city, req).cells.total() == Approx(3 * expect).epsilon(1e-12));
  // The old default proxy is unchanged: metres of street.
  REQUIRE(street_length_demand(city).total_weight() == Approx(500));
  // Nothing switched on: a clear error.
  req.profile.select({"none"});
  REQUIRE_THROWS_AS(build_demand(city, req), InputError);
}

TEST_CASE("proxy demand on a sparse Chinese city still gives usable street demand",
          "[demand][osm][cn]") {
  CityNetwork city = open_map("cn_guixi_jiangxi.osm");
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  const DemandResult r = build_demand(city, req);
  const auto* san = component(r, "sanitation");
  REQUIRE(san);
  REQUIRE(san->workers > 10);     // ~ 0.5 per km over tens of km of street
  REQUIRE(r.cells.size() > 100);  // spread over the city
  REQUIRE(r.cells.total() == Approx(r.items.total()).epsilon(1e-9));
  for (const auto& c : r.summary.components)
    REQUIRE(cells_component_total(r.cells, c.name) == Approx(c.workers).epsilon(1e-9));
  // Every component has a column even when the map has no matching POIs.
  REQUIRE(r.cells.components.size() == 5);
}

TEST_CASE("proxy demand on every Chinese extract", "[demand][osm][cn]") {
  require_data_dir();
  size_t seen = 0;
  for (const std::string& path : osm_extracts()) {
    if (path.find("/cn_") == std::string::npos) continue;
    ++seen;
    INFO(path);
    CityNetwork city = open_city(path, TagProfile::load_default());
    DemandRequest req;
    req.profile = DemandProfile::load_default();
    const DemandResult r = build_demand(city, req);
    // Street length always gives demand, however few POIs are mapped (the OSMnx Shanghai file has
    // none).
    REQUIRE(component(r, "sanitation")->workers > 10);
    REQUIRE(r.cells.size() > 50);
    double sum = 0;
    for (const auto& c : r.summary.components) sum += c.workers;
    REQUIRE(r.cells.total() == Approx(sum).epsilon(1e-9));
    for (const auto& d : r.drops) REQUIRE(d.read == d.kept + d.dropped.size());
  }
  REQUIRE(seen == 5);
}

TEST_CASE("a non-OpenStreetMap map: POI components add nothing and the notes say so",
          "[demand][profile]") {
  CityNetwork city = city_from_lines(tiny_lines({{{{0, 0}, {300, 0}}}}));
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  const DemandResult r = build_demand(city, req);
  REQUIRE(r.cells.total() ==
          Approx(0.3 *
                 req.profile.find("sanitation")->per_km[static_cast<int>(RoadClass::residential)]));
  REQUIRE(r.summary.notes.size() == 1);
  REQUIRE_THAT(r.summary.notes[0], Catch::Contains("not an OpenStreetMap file"));
  // Riders alone on such a map: no demand at all, a clear error.
  req.profile.select({"riders"});
  REQUIRE_THROWS_AS(build_demand(city, req), InputError);
}

TEST_CASE("proxy demand on Nanjing: POIs found, components on/off and weights",
          "[demand][osm][cn]") {
  CityNetwork city = open_map("cn_nanjing_xinjiekou.osm");
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  req.cell_m = 50;
  const DemandResult all = build_demand(city, req);
  const auto* riders = component(all, "riders");
  REQUIRE(riders);
  REQUIRE(riders->items > 50);  // README: 82 restaurants/fast food/cafés + shops as points
  REQUIRE(riders->workers > 50);
  REQUIRE(!all.drops.empty());
  REQUIRE(all.drops[0].read >= all.drops[0].kept);
  REQUIRE(all.drops[0].read == all.drops[0].kept + all.drops[0].dropped.size());
  // Riders off: the total drops by exactly the riders' workers.
  DemandRequest no_riders = req;
  no_riders.profile.select({"couriers", "sanitation", "drivers", "construction"});
  const DemandResult nr = build_demand(city, no_riders);
  REQUIRE(nr.cells.total() == Approx(all.cells.total() - riders->workers).epsilon(1e-9));
  REQUIRE(component(nr, "riders") == nullptr);
  // Riders doubled: the riders' total doubles exactly, the others stay.
  DemandRequest twice = req;
  twice.profile.set_weight("riders=2");
  const DemandResult tw = build_demand(city, twice);
  REQUIRE(component(tw, "riders")->workers == Approx(2 * riders->workers).epsilon(1e-12));
  REQUIRE(component(tw, "sanitation")->workers ==
          Approx(component(all, "sanitation")->workers).epsilon(1e-12));
  REQUIRE(tw.cells.total() == Approx(all.cells.total() + riders->workers).epsilon(1e-9));
  // Aggregation: fewer points than items, same totals; no aggregation keeps every item.
  REQUIRE(all.cells.size() < all.items.size());
  DemandRequest raw = req;
  raw.cell_m = 0;
  const DemandResult r0 = build_demand(city, raw);
  size_t nonzero = 0;
  for (double w : r0.items.weight) nonzero += w > 0;
  REQUIRE(r0.cells.size() == nonzero);
  REQUIRE(r0.cells.total() == Approx(all.cells.total()).epsilon(1e-9));
  // Every aggregated point lies in its cell.
  for (size_t i = 0; i < all.cells.size(); ++i) {
    REQUIRE(all.cells.xy[i].x >= all.cells.col[i] * 50.0 - 1e-6);
    REQUIRE(all.cells.xy[i].x <= (all.cells.col[i] + 1) * 50.0 + 1e-6);
    REQUIRE(all.cells.xy[i].y >= all.cells.row[i] * 50.0 - 1e-6);
    REQUIRE(all.cells.xy[i].y <= (all.cells.row[i] + 1) * 50.0 + 1e-6);
  }
}

TEST_CASE("proxy demand on a European extract", "[demand][osm]") {
  CityNetwork city = open_map("munich_center.osm.pbf");
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  const DemandResult r = build_demand(city, req);
  REQUIRE(component(r, "riders")->items >
          400);  // README: 415 restaurants/fast food/cafés as points
  REQUIRE(component(r, "couriers")->items > 0);
  REQUIRE(component(r, "drivers")->items > 0);
  // Riders outweigh sanitation in a dense centre full of restaurants.
  REQUIRE(component(r, "riders")->workers > component(r, "sanitation")->workers);
  double sum = 0;
  for (const auto& c : r.summary.components) sum += c.workers;
  REQUIRE(r.cells.total() == Approx(sum).epsilon(1e-9));
}
