// Session: every edit undoes and redoes exactly (stations, scenarios, candidates, workspace
// changes), "unsaved changes" follows undo back to the saved state, and background rebases are
// refused when the plan changed meanwhile.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "engine/session/session.hpp"
#include "engine/util/error.hpp"

namespace {

using namespace yz;

Session demo_session() {
  return new_session(MapSource{}, CoverageParams{}, "现状 existing");
}

// Everything observable about a session's plans, for equality checks.
struct Fingerprint {
  std::vector<std::string> names;
  std::vector<std::vector<std::optional<PlanStation>>> slots;
  std::vector<std::vector<uint16_t>> walk_counts;
  std::vector<double> walk_covered;
  size_t active = 0;
  double minutes = 0;
  size_t candidates = 0;
  // Covered weights are running sums: equal up to rounding (the per-worker counts are exact).
  bool operator==(const Fingerprint& o) const {
    if (walk_covered.size() != o.walk_covered.size()) return false;
    for (size_t i = 0; i < walk_covered.size(); ++i)
      if (std::abs(walk_covered[i] - o.walk_covered[i]) > 1e-6 * (1 + std::abs(walk_covered[i])))
        return false;
    return names == o.names && slots == o.slots && walk_counts == o.walk_counts &&
           active == o.active && minutes == o.minutes && candidates == o.candidates;
  }
};

Fingerprint fingerprint(const Session& s) {
  Fingerprint f;
  for (size_t i = 0; i < s.scenario_count(); ++i) {
    const Scenario& sc = s.scenario(i);
    f.names.push_back(sc.name());
    std::vector<std::optional<PlanStation>> slots;
    // Trailing empty slots are an implementation detail of undoing an append.
    uint32_t n = sc.slots();
    while (n > 0 && !sc.active(n - 1)) --n;
    for (uint32_t k = 0; k < n; ++k) slots.push_back(sc.slot_content(k));
    f.slots.push_back(slots);
    f.walk_counts.push_back(sc.state().counts(Criterion::walk));
    f.walk_covered.push_back(sc.state().summary().walk.covered);
  }
  f.active = s.active_index();
  f.minutes = s.workspace().params().minutes;
  f.candidates = s.candidates().size();
  return f;
}

}  // namespace

TEST_CASE("new session on the demo city has its stations, candidates and workers", "[session]") {
  Session s = demo_session();
  CHECK(s.scenario_count() == 1);
  CHECK(s.active().name() == "现状 existing");
  CHECK(s.active().active_count() == 14);
  CHECK(s.candidates().size() > 100);
  CHECK_FALSE(s.workspace().demand_is_proxy());
  CHECK_FALSE(s.dirty());
  CHECK_FALSE(s.can_undo());
  // Demo stations carry host type and status from their columns.
  CHECK_FALSE(s.active().station(0).info.host_type.empty());
  CHECK(s.active().station(0).info.status == "built");
}

TEST_CASE("random edit sequences undo back to the start and redo to the end", "[session]") {
  Session s = demo_session();
  const Fingerprint start = fingerprint(s);
  const Box b = s.workspace().city().bounds();
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> ux(b.min.x, b.max.x), uy(b.min.y, b.max.y);
  int recorded = 0;
  for (int step = 0; step < 40; ++step) {
    Scenario& sc = s.active();
    const auto live = sc.active_slots();
    switch (rng() % 7) {
      case 0: {
        PlanStation p;
        p.name = "站 " + std::to_string(step);
        p.origin = kOriginAdded;
        p.xy = {ux(rng), uy(rng)};
        s.add_station(p, "add");
        ++recorded;
        break;
      }
      case 1:
        if (live.empty()) break;
        {
          const uint32_t slot = live[rng() % live.size()];
          PlanStation p = sc.station(slot);
          p.xy = {ux(rng), uy(rng)};
          s.update_station(slot, p, "move");
          ++recorded;
        }
        break;
      case 2:
        if (live.empty()) break;
        s.remove_station(live[rng() % live.size()], "remove");
        ++recorded;
        break;
      case 3:
        if (live.empty()) break;
        {  // a drag: many unrecorded moves, one recorded edit
          const uint32_t slot = live[rng() % live.size()];
          const PlanStation before = sc.station(slot);
          for (int k = 0; k < 5; ++k) s.drag_station(slot, {ux(rng), uy(rng)});
          s.end_drag(slot, before, "drag");
          ++recorded;
        }
        break;
      case 4:
        s.add_scenario("copy " + std::to_string(step), rng() % 2 == 0);
        ++recorded;
        break;
      case 5:
        if (s.scenario_count() > 1) {
          s.remove_scenario(rng() % s.scenario_count());
          ++recorded;
        }
        break;
      case 6:
        s.rename_scenario(s.active_index(), "方案 " + std::to_string(step));
        ++recorded;
        break;
    }
  }
  REQUIRE(recorded > 20);
  const Fingerprint end = fingerprint(s);
  CHECK(s.dirty());
  int undone = 0;
  while (s.can_undo()) s.undo(), ++undone;
  CHECK(undone == recorded);
  CHECK(fingerprint(s) == start);
  CHECK_FALSE(s.dirty());
  while (s.can_redo()) s.redo();
  CHECK(fingerprint(s) == end);
}

TEST_CASE("unsaved changes follow undo back to the saved state", "[session]") {
  Session s = demo_session();
  PlanStation p = s.active().station(0);
  p.name = "renamed";
  s.update_station(0, p, "rename station");
  CHECK(s.dirty());
  s.mark_saved();
  CHECK_FALSE(s.dirty());
  s.remove_station(1, "remove");
  CHECK(s.dirty());
  s.undo();
  CHECK_FALSE(s.dirty());
  s.undo();  // before the save
  CHECK(s.dirty());
  s.redo();
  CHECK_FALSE(s.dirty());
  // An edit that changes nothing is not recorded.
  s.update_station(0, s.active().station(0), "nothing");
  CHECK(s.undo_label() == "rename station");
}

TEST_CASE("batch edits (accepting suggestions) undo as one step", "[session]") {
  Session s = demo_session();
  const double before = s.active().state().summary().walk.covered;
  std::vector<StationEdit> edits;
  for (size_t i = 0; i < 5; ++i) {
    PlanStation p = station_from_candidate(s.candidates(), i * 7, kOriginSuggested);
    p.suggested_rank = static_cast<uint32_t>(i + 1);
    edits.push_back({~0u, std::nullopt, p});
  }
  s.apply_station_edits(edits, "accept 5 suggestions");
  CHECK(s.active().active_count() == 19);
  CHECK(s.active().state().summary().walk.covered >= before);
  CHECK(s.active().station(18).suggested_rank == 5);
  CHECK(s.active().station(18).origin == kOriginSuggested);
  s.undo();
  CHECK(s.active().active_count() == 14);
  CHECK(s.active().state().summary().walk.covered == Approx(before));
}

TEST_CASE("parameter changes swap back on undo without recomputing", "[session]") {
  Session s = demo_session();
  const double walk15 = s.active().state().summary().walk.covered;
  s.add_scenario("B", true);
  CoverageParams p = s.workspace().params();
  p.minutes = 8;
  auto in = s.rebase_input();
  auto r = Session::compute_rebase(in, s.workspace().with_params(p));
  s.apply_rebase(std::move(r), "walk minutes 15 → 8");
  CHECK(s.workspace().params().minutes == 8);
  const double walk8 = s.scenario(0).state().summary().walk.covered;
  CHECK(walk8 < walk15);
  CHECK(s.scenario(1).state().summary().walk.covered == Approx(walk8));
  s.undo();
  CHECK(s.workspace().params().minutes == 15);
  CHECK(s.scenario(0).state().summary().walk.covered == Approx(walk15));
  s.redo();
  CHECK(s.scenario(0).state().summary().walk.covered == Approx(walk8));

  // A rebase computed before an edit is refused (the plan changed meanwhile).
  auto stale_in = s.rebase_input();
  s.remove_station(0, "remove");
  auto stale = Session::compute_rebase(stale_in, s.workspace().with_params(CoverageParams{}));
  CHECK_THROWS_AS(s.apply_rebase(std::move(stale), "stale"), std::logic_error);
}

TEST_CASE("new demand and new candidates are undoable too", "[session]") {
  Session s = demo_session();
  const size_t n_cand = s.candidates().size();
  PointSet few;
  few.add({114.3, 30.58}, s.workspace().city().projection().to_metric({114.3, 30.58}), 1, "c1",
          "one");
  s.set_candidates(few, "candidates layer");
  CHECK(s.candidates().size() == 1);
  s.undo();
  CHECK(s.candidates().size() == n_cand);

  // Empty demand: the street-length proxy stands in.
  auto r = Session::compute_rebase(s.rebase_input(), s.workspace().with_demand(PointSet{}));
  s.apply_rebase(std::move(r), "demand");
  CHECK(s.workspace().demand_is_proxy());
  s.undo();
  CHECK_FALSE(s.workspace().demand_is_proxy());
}

TEST_CASE("the last scenario cannot be removed", "[session]") {
  Session s = demo_session();
  CHECK_THROWS_AS(s.remove_scenario(0), InputError);
  s.add_scenario("B", false);
  CHECK(s.active_index() == 1);
  CHECK(s.active().active_count() == 0);
  s.remove_scenario(1);
  CHECK(s.scenario_count() == 1);
  CHECK(s.active_index() == 0);
}
