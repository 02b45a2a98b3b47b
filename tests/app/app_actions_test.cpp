// The app's actions without a window: opening the demo city in the background, suggesting,
// accepting suggestions (one undo step), new walking parameters (undoable), saving (the saved
// state is clean; edits made while saving stay unsaved), exporting through the engine, opening a
// points layer, and refusing a second job while one runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/actions/app_actions.hpp"
#include "app/render/scene_builder.hpp"
#include "engine/session/session_file.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
using namespace yz::app;

// Waits for the background job and hands its result over, as the frame loop does.
std::string finish(AppState& st) {
  st.job.wait();
  std::string err;
  if (JobFinish f = st.job.collect(&err)) {
    if (err.empty()) f(st);
  }
  return err;
}

void open_demo_city(AppState& st) {
  st.headless = true;
  open_demo(st);
  REQUIRE(finish(st).empty());
  REQUIRE(st.session);
}

}  // namespace

TEST_CASE("suggest, accept and undo through the app's actions", "[app]") {
  AppState st;
  open_demo_city(st);
  CHECK(st.session->active().active_count() == 14);
  st.suggest.k = 4;
  run_suggest(st);
  CHECK(st.job.busy());
  open_demo(st);  // a second job is refused while one runs
  CHECK(st.notices.back().error);
  REQUIRE(finish(st).empty());
  REQUIRE(st.suggest.run);
  REQUIRE(st.suggest.run->result.sites.size() == 4);
  CHECK(suggestion_current(st));
  const double before = st.session->active().state().summary().percent(Criterion::both);
  accept_suggestions(st, {0, 1, 2, 3});
  CHECK(st.session->active().active_count() == 18);
  // What the run promised is what the plan now covers under its test.
  CHECK(st.session->active().state().summary().percent(Criterion::both) ==
        Approx(100 * st.suggest.run->result.after.fraction()).epsilon(1e-9));
  CHECK(st.session->active().state().summary().percent(Criterion::both) > before);
  for (uint32_t k = 14; k < 18; ++k) {
    CHECK(st.session->active().station(k).origin == kOriginSuggested);
    CHECK(st.session->active().station(k).suggested_rank == k - 13);
  }
  accept_suggestions(st, {0});  // already accepted: nothing happens
  CHECK(st.session->active().active_count() == 18);
  undo(st);
  CHECK(st.session->active().active_count() == 14);
  CHECK(st.session->active().state().summary().percent(Criterion::both) == Approx(before));
}

TEST_CASE("new walking parameters recompute in the background and undo at once", "[app]") {
  AppState st;
  open_demo_city(st);
  const double walk15 = st.session->active().state().summary().walk.covered;
  CoverageParams p = st.session->workspace().params();
  p.minutes = 10;
  apply_params(st, p);
  CHECK(st.edits_locked());  // the plan is being replaced: edits wait
  REQUIRE(finish(st).empty());
  CHECK_FALSE(st.edits_locked());
  CHECK(st.session->workspace().params().minutes == 10);
  CHECK(st.session->active().state().summary().walk.covered < walk15);
  CHECK(st.session->undo_label().find("15→10 min") != std::string::npos);
  undo(st);
  CHECK(st.session->workspace().params().minutes == 15);
  CHECK(st.session->active().state().summary().walk.covered == Approx(walk15));
}

TEST_CASE("saving marks the saved state clean; exporting writes the hand-over files", "[app]") {
  AppState st;
  open_demo_city(st);
  PlanStation s = hand_station(st, st.session->active().station(0).xy + Vec2{300, 0});
  st.session->add_station(s, "add");
  CHECK(st.session->dirty());
  const std::string path = test::temp_dir() + "/app_save.gpkg";
  save(st, path);
  st.session->remove_station(0, "remove while saving");  // after the snapshot
  REQUIRE(finish(st).empty());
  CHECK(st.session->path == path);
  CHECK(st.session->dirty());  // the removal came after the snapshot
  undo(st);
  CHECK_FALSE(st.session->dirty());  // back to exactly what was saved
  CHECK(read_session_file(path).scenarios.at(0).stations.size() == 15);

  ExportOptions o;
  o.out_dir = test::temp_dir() + "/app_export";
  std::filesystem::create_directories(o.out_dir);
  o.formats = parse_formats("gpkg,csv");
  export_plan_to(st, o);
  REQUIRE(finish(st).empty());
  CHECK(std::filesystem::exists(o.out_dir + "/plan.gpkg"));
  CHECK(std::filesystem::exists(o.out_dir + "/stations_webmap.csv"));
}

TEST_CASE("a stations layer replaces the active plan's stations as one undo step", "[app]") {
  AppState st;
  open_demo_city(st);
  const std::string csv = test::temp_dir() + "/two.csv";
  const Vec2 a =
      st.session->workspace().city().projection().to_lonlat(st.session->active().station(0).xy);
  {
    std::ofstream f(csv);
    f.precision(10);
    f << "名称,经度,纬度,类型\n甲站," << a.x << "," << a.y << ",共建\n乙站," << a.x + 0.01 << ","
      << a.y << ",独立\n"
      << "坏行,abc,30.5,共建\n";
  }
  // A CSV records no CRS: the planner is asked first, nothing is read yet.
  open_layer(st, csv, LayerKind::stations);
  REQUIRE(st.crs_question);
  CHECK(st.crs_question->path == csv);
  CHECK_FALSE(st.job.busy());
  CHECK(st.session->active().active_count() == 14);
  st.crs_question.reset();
  open_layer(st, csv, LayerKind::stations, "wgs84");  // the answer
  REQUIRE(finish(st).empty());
  CHECK(st.session->settings.stations_origin.path == csv);
  CHECK(st.session->settings.stations_origin.crs == "wgs84");
  const Scenario& sc = st.session->active();
  REQUIRE(sc.active_count() == 2);
  const auto live = sc.stations();
  CHECK(live[0].name == "甲站");
  CHECK(live[0].info.host_type == "co-built");
  CHECK(live[1].info.host_type == "standalone");
  CHECK(st.notices.back().error);  // the bad row is reported
  CHECK(st.notices.back().text.find("dropped 1") != std::string::npos);
  undo(st);
  CHECK(st.session->active().active_count() == 14);

  open_layer(st, test::temp_dir() + "/missing.csv", LayerKind::candidates);
  const std::string err = finish(st);
  CHECK(err.find("missing.csv") != std::string::npos);
}

TEST_CASE("comparing two plans: stations match within a metre, moved ones show on both sides",
          "[app]") {
  AppState st;
  open_demo_city(st);
  Session& s = *st.session;
  const size_t b = s.add_scenario("B", true);  // a copy of the existing stations, made active
  s.set_active(b);
  const Vec2 p0 = s.active().station(0).xy, p1 = s.active().station(1).xy,
             p2 = s.active().station(2).xy;
  auto move = [&](uint32_t slot, Vec2 to) {
    PlanStation ps = s.active().station(slot);
    ps.xy = to;
    s.update_station(slot, ps, "move");
  };
  move(0, {p0.x + 0.5, p0.y - 0.4});  // 0.64 m: still the same station
  move(1, {p1.x + 6, p1.y});          // 6 m: a different place
  s.remove_station(2, "remove");
  st.compare_with = 0;
  MapScene scene;
  build_scene(st, scene);
  // Only here: station 1 at its new place. Only in the other plan: station 1's old place and 2.
  REQUIRE(scene.diff.stations_only_here.size() == 1);
  CHECK(distance(scene.diff.stations_only_here[0], {p1.x + 6, p1.y}) < 1e-9);
  REQUIRE(scene.diff.stations_only_there.size() == 2);
  CHECK(distance(scene.diff.stations_only_there[0], p1) < 1e-9);
  CHECK(distance(scene.diff.stations_only_there[1], p2) < 1e-9);
}
