// What-if edits in the app's Scenario (add, move, remove through the incremental CoverageState)
// give the same coverage as a from-scratch run over the edited station list.
#include <catch2/catch.hpp>

#include "app/scenario.hpp"
#include "engine/map/demo_city.hpp"

namespace {

yz::app::AppInputs demo_inputs() {
  yz::DemoCity demo = yz::generate_demo_city(yz::DemoCitySettings::load_default());
  yz::app::AppInputs in;
  in.city.reset(new yz::CityNetwork(yz::city_from_lines(std::move(demo.lines))));
  in.stations = std::move(demo.stations);
  in.demand = std::move(demo.demand);
  return in;
}

// From scratch: coverage of the listed positions.
yz::CoverageSummary fresh(const yz::CityNetwork& city, const std::vector<yz::Vec2>& xy,
                          const yz::PointSet& demand, const yz::CoverageParams& p) {
  yz::PointSet sites;
  for (auto v : xy) sites.add(city.projection().to_lonlat(v), v, 1, "", "");
  return yz::run_coverage(city, std::move(sites), demand, false, p).state.summary();
}

std::vector<yz::Vec2> live(const yz::app::Scenario& sc) {
  std::vector<yz::Vec2> out;
  for (uint32_t k = 0; k < sc.slots(); ++k)
    if (sc.active(k)) out.push_back(sc.position(k));
  return out;
}

void same(const yz::CoverageSummary& a, const yz::CoverageSummary& b) {
  CHECK(a.walk.covered == Approx(b.walk.covered));
  CHECK(a.walk.twice == Approx(b.walk.twice));
  CHECK(a.radius.covered == Approx(b.radius.covered));
  CHECK(a.either.covered == Approx(b.either.covered));
}

}  // namespace

TEST_CASE("what-if edits match a from-scratch coverage run", "[app]") {
  yz::app::Scenario sc(demo_inputs());
  const uint32_t n0 = sc.slots();
  REQUIRE(n0 == 14);
  const double walk0 = sc.state().summary().walk.covered;
  // A station in an uncovered hot spot adds walk coverage, with its reached streets for drawing.
  uint32_t s = sc.add(sc.demand().xy[0]);
  WARN("what-if add took " << sc.last_edit_ms() << " ms");
  CHECK(s == n0);
  CHECK(sc.state().summary().walk.covered > walk0);
  CHECK(!sc.pieces(s).empty());
  same(sc.state().summary(), fresh(sc.city(), live(sc), sc.demand(), sc.params()));
  sc.move(s, sc.position(3));
  same(sc.state().summary(), fresh(sc.city(), live(sc), sc.demand(), sc.params()));
  sc.remove(0);
  CHECK(!sc.active(0));
  same(sc.state().summary(), fresh(sc.city(), live(sc), sc.demand(), sc.params()));
  CHECK(sc.last_edit_ms() >= 0);
  // New parameters recompute every live station (a 10-minute walk covers less).
  const double walk15 = sc.state().summary().walk.covered;
  yz::CoverageParams p = sc.params();
  p.minutes = 10;
  sc.set_params(p);
  CHECK(sc.slots() == 14);  // the removed slot is gone after the full recompute
  CHECK(sc.state().summary().walk.covered < walk15);
  same(sc.state().summary(), fresh(sc.city(), live(sc), sc.demand(), p));
}
