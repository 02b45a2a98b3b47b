// The app's time control (scenario_hours): coverage at each hour from the plan's cover sets equals
// a fresh coverage run (new walk searches) over only the stations open then, with which stations
// are open taken from a hand-written table of the demo city's hours; and the per-worker counts the
// map colours by at that hour equal the fresh run's.
#include <catch2/catch.hpp>

#include "engine/coverage/coverage_study.hpp"
#include "engine/session/scenario_hours.hpp"

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

// The demo city gives station k (0-based) the hours kind k % 5 (engine/inputs/demo_city.cpp):
// 工作日 9:00-17:00, 24小时, 早8点至晚8点, Mo-Su 07:00-21:00, 7:00-23:00. Open for hour h?
bool open_by_hand(size_t k, bool weekend, int h) {
  switch (k % 5) {
    case 0:
      return !weekend && h >= 9 && h < 17;
    case 1:
      return true;
    case 2:
      return h >= 8 && h < 20;
    case 3:
      return h >= 7 && h < 21;
    default:
      return h >= 7 && h < 23;
  }
}

}  // namespace

TEST_CASE("coverage at an hour equals a fresh run over the stations open then", "[hours]") {
  const Demo& d = demo();
  REQUIRE(d.stations.size() == 14);
  for (size_t k = 0; k < d.stations.size(); ++k)
    REQUIRE(d.stations[k].id == "s" + std::to_string(k + 1));
  const Scenario sc(d.ws, 1, "plan", d.stations);
  const ScenarioHours sh = scenario_hours(sc, WorkerProfiles::load_default());
  REQUIRE(sh.slots.size() == 14);
  const HourCoverage& hc = sh.study.coverage;
  CHECK(hc.total == Approx(sc.state().summary().total));
  for (const bool weekend : {false, true})
    for (const int h : {3, 7, 8, 9, 12, 16, 17, 18, 20, 21, 22, 23}) {
      INFO((weekend ? "weekend " : "weekday ") << h << ":00");
      PointSet open_sites;
      std::vector<uint32_t> open_slots;
      for (size_t k = 0; k < d.stations.size(); ++k) {
        const bool open = open_by_hand(k, weekend, h);
        // The mask the map greys stations by agrees with the table.
        CHECK((open_share(sh.study.schedules[k], weekend, h) > 0) == open);
        if (!open) continue;
        const PlanStation& p = d.stations[k];
        open_sites.add(d.map.stations.lonlat[k], p.xy, 1, p.id, p.name);
        open_slots.push_back(sh.slots[k]);
      }
      const HourRow& row = hc.by[weekend ? 1 : 0][h];
      CHECK(row.open_stations == Approx(static_cast<double>(open_slots.size())));
      const CoverageStudy fresh =
          run_coverage(d.ws->city(), open_sites, d.ws->demand(), false, CoverageParams{});
      for (int c = 0; c < 4; ++c) {
        INFO(to_string(kAllCriteria[c]));
        CHECK(row.covered[c] ==
              Approx(fresh.state.summary().of(kAllCriteria[c]).covered).margin(1e-6));
        CHECK(open_cover_counts(sc, open_slots, kAllCriteria[c]) ==
              fresh.state.counts(kAllCriteria[c]));
      }
    }
}

TEST_CASE("an edit changes the by-hour figures as a fresh run says", "[hours]") {
  const Demo& d = demo();
  Scenario sc(d.ws, 1, "plan", d.stations);
  // Station s2 is the 24-hour one; make it a bank's 9-17 weekday station and remove s5.
  PlanStation s2 = sc.station(1);
  s2.info.opening_hours = "周一至周五 9:00-17:00";
  sc.set(1, s2);
  sc.set(4, std::nullopt);
  const ScenarioHours sh = scenario_hours(sc, WorkerProfiles::load_default());
  REQUIRE(sh.slots.size() == 13);
  // At 03:00 on a weekday only the other 24-hour stations (s7, s12) are open.
  PointSet open_sites;
  for (size_t k : {6u, 11u}) {
    const PlanStation& p = d.stations[k];
    open_sites.add(d.map.stations.lonlat[k], p.xy, 1, p.id, p.name);
  }
  const CoverageStudy fresh =
      run_coverage(d.ws->city(), open_sites, d.ws->demand(), false, CoverageParams{});
  const HourRow& row = sh.study.coverage.by[0][3];
  CHECK(row.open_stations == Approx(2));
  CHECK(row.covered[0] == Approx(fresh.state.summary().walk.covered).margin(1e-6));
  CHECK(sh.study.coverage.by[0][10].open_stations == Approx(13));
}
