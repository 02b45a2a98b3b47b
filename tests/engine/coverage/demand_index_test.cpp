// The demand index keeps no pointer to the demand it indexed (it copies the positions its grid
// needs), so a CoverageStudy moves without repair: the radius query answers the same, checked by
// brute force, after the PointSet it came from is gone.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "engine/coverage/demand_index.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

TEST_CASE("the demand index answers radius queries after its demand is gone", "[coverage]") {
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {2000, 0}}}, {{{1000, -1000}, {1000, 1000}}}}));
  std::vector<Vec2> xy;
  for (int i = 0; i < 400; ++i)  // a deterministic scatter over 2 x 2 km
    xy.push_back({std::fmod(i * 37.3, 2000.0), std::fmod(i * 91.7, 2000.0) - 1000});
  std::unique_ptr<DemandIndex> index;
  {
    PointSet demand;
    for (Vec2 p : xy) demand.add({NAN, NAN}, p, 1, "", "");
    index = std::make_unique<DemandIndex>(city.graph, *city.snapper, demand, SnapOptions{}, 300);
    PointSet moved = std::move(demand);
  }
  for (const Vec2 q : {Vec2{1000, 0}, Vec2{0, 0}, Vec2{1500, 700}}) {
    std::vector<uint32_t> got, truth;
    index->within(q, 450, got);
    for (uint32_t i = 0; i < xy.size(); ++i)
      if (distance(xy[i], q) <= 450) truth.push_back(i);
    CHECK(!truth.empty());
    CHECK(got == truth);
  }
}
