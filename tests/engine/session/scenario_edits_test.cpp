// Scenario: incremental what-if edits agree exactly with a from-scratch coverage run of the same
// stations, attribute edits cost no search, and rebasing onto new parameters equals a fresh run.
#include <catch2/catch.hpp>
#include <random>

#include "engine/coverage/coverage_study.hpp"
#include "engine/session/scenario.hpp"

namespace {

using namespace yz;

struct Demo {
  OpenedMap map = open_map(MapSource{});
  std::shared_ptr<const Workspace> ws =
      std::make_shared<const Workspace>(map.city, MapSource{}, map.demand, CoverageParams{});
  std::vector<PlanStation> stations = stations_from_points(map.stations, kOriginExisting);
};

const Demo& demo() {
  static Demo d;
  return d;
}

// The scenario's numbers against an independent batch run over its live stations.
void check_against_batch(const Scenario& sc) {
  const Workspace& ws = sc.workspace();
  PointSet sites;
  std::vector<uint32_t> slot_of;
  for (uint32_t s : sc.active_slots()) {
    sites.add(ws.city().projection().to_lonlat(sc.station(s).xy), sc.station(s).xy, 1, "", "");
    slot_of.push_back(s);
  }
  CoverageStudy fresh =
      run_coverage(ws.city(), sites, ws.demand(), ws.demand_is_proxy(), ws.params());
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    INFO("criterion " << to_string(c));
    REQUIRE(sc.state().counts(c) == fresh.state.counts(c));
    CHECK(sc.state().summary().of(c).covered == Approx(fresh.state.summary().of(c).covered));
    CHECK(sc.state().summary().of(c).twice == Approx(fresh.state.summary().of(c).twice));
    for (size_t k = 0; k < slot_of.size(); ++k)
      CHECK(sc.state().covered_weight(slot_of[k], c) ==
            Approx(fresh.state.covered_weight(static_cast<uint32_t>(k), c)));
  }
  CHECK(sc.state().summary().radius_not_walk == Approx(fresh.state.summary().radius_not_walk));
}

}  // namespace

TEST_CASE("scenario edits match a from-scratch coverage run", "[session]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 1, "plan", d.stations);
  REQUIRE(sc.active_count() == d.stations.size());
  check_against_batch(sc);

  const Box b = d.ws->city().bounds();
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> ux(b.min.x, b.max.x), uy(b.min.y, b.max.y);
  for (int step = 0; step < 60; ++step) {
    const auto live = sc.active_slots();
    const int op = static_cast<int>(rng() % 3);
    if (op == 0 || live.empty()) {
      PlanStation s;
      s.name = "new " + std::to_string(step);
      s.origin = kOriginAdded;
      s.xy = {ux(rng), uy(rng)};
      sc.add(s);
    } else if (op == 1) {
      PlanStation s = sc.station(live[rng() % live.size()]);
      s.xy = {ux(rng), uy(rng)};
      const uint32_t slot = live[rng() % live.size()];
      sc.set(slot, s);
    } else {
      sc.set(live[rng() % live.size()], std::nullopt);
    }
    if (step % 15 == 14) check_against_batch(sc);
  }
  check_against_batch(sc);

  // Emptied slots stay empty and keep their numbers; putting a station back re-fills the slot.
  const uint32_t slots = sc.slots();
  const auto live = sc.active_slots();
  REQUIRE(!live.empty());
  const PlanStation back = sc.station(live.front());
  sc.set(live.front(), std::nullopt);
  CHECK_FALSE(sc.active(live.front()));
  CHECK(sc.slots() == slots);
  sc.set(live.front(), back);
  CHECK(sc.active(live.front()));
  check_against_batch(sc);
  CHECK_THROWS_AS(sc.set(sc.slots() + 1, back), std::out_of_range);
}

TEST_CASE("attribute edits keep coverage and need no search", "[session]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 1, "plan", d.stations);
  const auto before = sc.state().counts(Criterion::walk);
  const double w0 = sc.state().covered_weight(0, Criterion::walk);
  PlanStation s = sc.station(0);
  s.name = "改名的驿站";
  s.info.host_type = "co-built";
  s.info.amenities = 0x1ff;
  const uint64_t v = sc.version();
  sc.set(0, s);
  CHECK(sc.version() > v);
  CHECK(sc.station(0).name == "改名的驿站");
  CHECK(sc.state().counts(Criterion::walk) == before);
  CHECK(sc.state().covered_weight(0, Criterion::walk) == w0);
  CHECK_FALSE(sc.pieces(0).empty());
}

TEST_CASE("a station moved off the network covers nothing on foot but keeps its radius",
          "[session]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 1, "plan", d.stations);
  PlanStation s = sc.station(0);
  const Box b = d.ws->city().bounds();
  s.xy = {b.max.x + 5000, b.max.y + 5000};  // 5 km beyond the map's corner
  sc.set(0, s);
  CHECK_FALSE(sc.state().cover(0).snapped);
  CHECK(sc.state().covered_weight(0, Criterion::walk) == 0);
  CHECK(sc.pieces(0).empty());
  check_against_batch(sc);
}

TEST_CASE("rebasing onto new parameters equals a fresh scenario", "[session]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 3, "plan", d.stations);
  sc.set(2, std::nullopt);  // an empty slot must survive the rebase
  CoverageParams p;
  p.minutes = 10;
  p.radius_m = 600;
  auto ws2 = d.ws->with_params(p);
  CHECK(&ws2->demand_index() == &d.ws->demand_index());  // same snapping: index shared
  auto re = sc.rebased(ws2);
  CHECK(re->id() == 3);
  CHECK(re->slots() == sc.slots());
  CHECK_FALSE(re->active(2));
  check_against_batch(*re);
  CHECK(re->state().summary().walk.covered < sc.state().summary().walk.covered);

  CoverageParams q = p;
  q.snap.max_snap_m = 50;  // other snapping rules: the demand is snapped again
  auto ws3 = d.ws->with_params(q);
  CHECK(&ws3->demand_index() != &d.ws->demand_index());
  check_against_batch(*sc.rebased(ws3));
}

TEST_CASE("a copied scenario is independent of the original", "[session]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 1, "A", d.stations);
  auto b = sc.copy(2, "B");
  b->set(0, std::nullopt);
  CHECK(sc.active(0));
  CHECK_FALSE(b->active(0));
  CHECK(b->state().summary().walk.covered <= sc.state().summary().walk.covered);
  check_against_batch(sc);
  check_against_batch(*b);
}
