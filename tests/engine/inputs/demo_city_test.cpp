// The synthetic demo city: deterministic, and its barriers behave as advertised.
#include <catch2/catch.hpp>

#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/network/walk_search.hpp"

using namespace yz;

TEST_CASE("the demo city is deterministic", "[demo]") {
  const auto s = DemoCitySettings::load_default();
  DemoCity a = generate_demo_city(s), b = generate_demo_city(s);
  REQUIRE(a.lines.points.size() == b.lines.points.size());
  CHECK(a.lines.points == b.lines.points);
  CHECK(a.demand.xy == b.demand.xy);
  CHECK(a.demand.weight == b.demand.weight);
  CHECK(a.candidates.name == b.candidates.name);
  CHECK(a.stations.lonlat == b.stations.lonlat);
  CHECK(a.lines.synthetic);
  CHECK(a.stations.size() == static_cast<size_t>(s.existing_stations));
  CHECK(a.candidates.size() == static_cast<size_t>(s.candidates));
  DemoCitySettings other = s;
  other.seed += 1;
  CHECK_FALSE(generate_demo_city(other).demand.xy == a.demand.xy);
}

TEST_CASE("the river and the expressway make walks longer than straight lines", "[demo]") {
  DemoCitySettings s = DemoCitySettings::load_default();
  DemoCity demo = generate_demo_city(s);
  const Vec2 origin = demo.lines.projection.to_metric({s.centre_lon, s.centre_lat});
  CityNetwork city = city_from_lines(std::move(demo.lines));
  CHECK(city.graph.component_length_m.size() == 1);  // connected, through bridges and underpasses
  // The expressway is drawn but not walkable.
  size_t motorway = 0;
  for (size_t i = 0; i < city.lines.size(); ++i)
    if (city.lines.road_class[i] == RoadClass::motorway) {
      ++motorway;
      CHECK(city.lines.walkable[i] == 0);
    }
  CHECK(motorway == 1);
  // Two points facing each other across the river, away from bridges: walking is far longer.
  const double H = s.height_m, W = s.width_m;
  const double river_y = -H / 2 + s.river_y_share * H;  // the centre line at x where sin(...) = 0
  const Vec2 south = origin + Vec2{-W / 2, river_y - s.river_width_m / 2 - 80};
  const Vec2 north = origin + Vec2{-W / 2, river_y + s.river_width_m / 2 + 80};
  const Snap a = city.snapper->snap(south), b = city.snapper->snap(north);
  REQUIRE(a.usable());
  REQUIRE(b.usable());
  WalkSearch ws(city.graph);
  ws.run(a, 1e9f);
  const double straight = distance(south, north);
  CHECK(straight < 500);
  CHECK(ws.distance_to(b) > 3 * straight);
}
