// What-if editing by mouse and keyboard, end to end: scripted steps replayed by the headless app
// (`yizhan gui --input-script`) go through the same ImGui input path as a planner's hand. After
// each edit the figures the app shows equal an independent coverage run on the stations it
// reports, stations sit where the pointer put them, and undo/redo restore the plan exactly.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "app/render/camera.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/demo_city.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
using test::Shot;

Shot scripted(const std::string& name, const std::string& steps) {
  const std::string path = test::temp_dir() + "/" + name + ".steps";
  std::ofstream(path) << steps;
  return test::gui_shot("--input-script " + path + " --frames 2", name);
}

const Shot& baseline() {
  static const Shot s = test::gui_shot("--frames 2", "input_baseline");
  return s;
}

struct Demo {
  DemoCity demo;
  CityNetwork city;
};
const Demo& demo() {
  static const Demo* d = [] {
    auto* x = new Demo;
    x->demo = generate_demo_city(DemoCitySettings::load_default());
    x->city = city_from_lines(x->demo.lines);
    return x;
  }();
  return *d;
}

// Walk coverage of the stations a run reports, computed here from scratch.
double independent_walk_percent(const nlohmann::json& report) {
  PointSet st;
  for (const auto& p : report["station_xy"]) {
    const Vec2 xy{p[0].get<double>(), p[1].get<double>()};
    st.add(xy, xy, 1, "s", "s");
  }
  return run_coverage(demo().city, st, demo().demo.demand, false, CoverageParams{})
      .state.summary()
      .percent(Criterion::walk);
}

// Screen position of station slot `slot` in a report, or nullopt.
std::optional<Vec2> screen_of(const nlohmann::json& r, int slot) {
  const auto& slots = r["station_slots"];
  for (size_t i = 0; i < slots.size(); ++i)
    if (slots[i].get<int>() == slot)
      return Vec2{r["station_screen"][i][0].get<double>(), r["station_screen"][i][1].get<double>()};
  return std::nullopt;
}

// A station well inside the map area, away from the toolbar and the other stations (so a
// click or a drag there hits only it).
int clear_station(const nlohmann::json& r) {
  const auto area = r["map_area"];
  const auto tb = r["windows"]["toolbar"];
  for (const auto& sl : r["station_slots"]) {
    const int k = sl.get<int>();
    const Vec2 p = *screen_of(r, k);
    if (p.x < area[0].get<double>() + 150 || p.y < area[1].get<double>() + 150 ||
        p.x > area[0].get<double>() + area[2].get<double>() - 150 ||
        p.y > area[1].get<double>() + area[3].get<double>() - 150)
      continue;
    if (p.x < tb[0].get<double>() + tb[2].get<double>() + 20 &&
        p.y < tb[1].get<double>() + tb[3].get<double>() + 20)
      continue;
    bool alone = true;
    for (const auto& o : r["station_slots"])
      if (o.get<int>() != k && distance(*screen_of(r, o.get<int>()), p) < 40) alone = false;
    if (alone) return k;
  }
  return -1;
}

}  // namespace

TEST_CASE("Add tool + click adds a station under the pointer; the figures follow", "[app]") {
  const auto& b = baseline().report;
  REQUIRE(baseline().rc == 0);
  REQUIRE(b["stations"] == 14);
  // An empty spot in the map area: no station within 60 px.
  const auto area = b["map_area"];
  const Vec2 spot{area[0].get<double>() + area[2].get<double>() * 0.55,
                  area[1].get<double>() + area[3].get<double>() * 0.6};
  for (const auto& p : b["station_screen"])
    REQUIRE(distance(Vec2{p[0].get<double>(), p[1].get<double>()}, spot) > 60);
  Shot sh = scripted(
      "input_add", "key a\nclick " + std::to_string(spot.x) + " " + std::to_string(spot.y) + "\n");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  CHECK(sh.report["stations"] == 15);
  CHECK(sh.report["undo_steps"] == 1);
  CHECK(sh.report["dirty"] == true);
  bool under_pointer = false;
  for (const auto& p : sh.report["station_screen"])
    under_pointer |= distance(Vec2{p[0].get<double>(), p[1].get<double>()}, spot) < 1.0;
  CHECK(under_pointer);
  const double pct = sh.report["percent"]["walk"].get<double>();
  CHECK(pct == Approx(independent_walk_percent(sh.report)).epsilon(1e-9));
  CHECK(pct >= b["percent"]["walk"].get<double>());
}

TEST_CASE("dragging a station moves it with the pointer, as one undo step", "[app]") {
  const auto& b = baseline().report;
  const int k = clear_station(b);
  REQUIRE(k >= 0);
  const Vec2 p0 = *screen_of(b, k);
  Shot sh = scripted("input_drag", "drag station:" + std::to_string(k) + " 90 -60\n");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  CHECK(sh.report["stations"] == 14);
  CHECK(sh.report["undo_steps"] == 1);  // the whole drag, not one step per frame
  const auto p1 = screen_of(sh.report, k);
  REQUIRE(p1);
  CHECK(p1->x == Approx(p0.x + 90).margin(1.0));
  CHECK(p1->y == Approx(p0.y - 60).margin(1.0));
  const double pct = sh.report["percent"]["walk"].get<double>();
  CHECK(pct == Approx(independent_walk_percent(sh.report)).epsilon(1e-9));
  CHECK(pct != Approx(b["percent"]["walk"].get<double>()).epsilon(1e-12));
}

TEST_CASE("Delete removes the selected station; Ctrl+Z restores it, Ctrl+Y removes it again",
          "[app]") {
  const auto& b = baseline().report;
  const int k = clear_station(b);
  REQUIRE(k >= 0);
  const std::string remove = "click station:" + std::to_string(k) + "\nkey delete\n";

  Shot del = scripted("input_delete", remove);
  INFO(del.output);
  REQUIRE(del.rc == 0);
  CHECK(del.report["stations"] == 13);
  CHECK_FALSE(screen_of(del.report, k));
  CHECK(del.report["percent"]["walk"].get<double>() ==
        Approx(independent_walk_percent(del.report)).epsilon(1e-9));

  Shot undo = scripted("input_undo", remove + "key ctrl+z\n");
  REQUIRE(undo.rc == 0);
  CHECK(undo.report["stations"] == 14);
  CHECK(undo.report["redo_steps"] == 1);
  CHECK(undo.report["dirty"] == false);  // back to the plan as opened
  CHECK(undo.report["percent"]["walk"].get<double>() == b["percent"]["walk"].get<double>());
  REQUIRE(screen_of(undo.report, k));
  CHECK(distance(*screen_of(undo.report, k), *screen_of(b, k)) < 1e-6);

  Shot redo = scripted("input_redo", remove + "key ctrl+z\nkey ctrl+y\n");
  REQUIRE(redo.rc == 0);
  CHECK(redo.report["stations"] == 13);
  CHECK(redo.report["percent"]["walk"].get<double>() ==
        del.report["percent"]["walk"].get<double>());
}

TEST_CASE("double-clicking a candidate site builds a station there", "[app]") {
  const auto& b = baseline().report;
  const auto area = b["map_area"];
  // A candidate inside the map with no station or other candidate within 25 px.
  std::optional<Vec2> pick;
  for (const auto& c : b["candidate_screen"]) {
    const Vec2 p{c[0].get<double>(), c[1].get<double>()};
    if (p.x < area[0].get<double>() + 100 || p.y < area[1].get<double>() + 120 ||
        p.x > area[0].get<double>() + area[2].get<double>() - 100 ||
        p.y > area[1].get<double>() + area[3].get<double>() - 100)
      continue;
    bool alone = true;
    for (const auto& o : b["candidate_screen"])
      if (Vec2 q{o[0].get<double>(), o[1].get<double>()}; !(q == p) && distance(q, p) < 25)
        alone = false;
    for (const auto& o : b["station_screen"])
      if (distance(Vec2{o[0].get<double>(), o[1].get<double>()}, p) < 25) alone = false;
    if (alone) {
      pick = p;
      break;
    }
  }
  REQUIRE(pick);
  Shot sh = scripted("input_dblclick", "doubleclick " + std::to_string(pick->x) + " " +
                                           std::to_string(pick->y) + "\n");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  CHECK(sh.report["stations"] == 15);
  CHECK(sh.report["undo_steps"] == 1);
  bool there = false;
  for (const auto& p : sh.report["station_screen"])
    there |= distance(Vec2{p[0].get<double>(), p[1].get<double>()}, *pick) < 0.5;
  CHECK(there);
  CHECK(sh.report["percent"]["walk"].get<double>() ==
        Approx(independent_walk_percent(sh.report)).epsilon(1e-9));
}

TEST_CASE("a bad input script is refused with its name, the line and exit code 2", "[app]") {
  Shot sh = scripted("input_bad", "key a\nclick here\n");
  CHECK(sh.rc == 2);
  CHECK_THAT(sh.output, Catch::Contains("input_bad.steps"));
  CHECK_THAT(sh.output, Catch::Contains("line 2"));
  Shot gone = scripted("input_nostation", "click station:999\n");
  CHECK(gone.rc == 2);
  CHECK_THAT(gone.output, Catch::Contains("no station 999"));
}

namespace {
app::Camera camera_of(const nlohmann::json& r) {
  app::Camera c;
  c.centre = {r["camera"][0].get<double>(), r["camera"][1].get<double>()};
  c.m_per_px = r["camera"][2].get<double>();
  c.width_px = 1280, c.height_px = 800;
  return c;
}
}  // namespace

TEST_CASE("the wheel zooms about the pointer; dragging the empty map pans with it", "[app]") {
  const auto& b = baseline().report;
  const app::Camera before = camera_of(b);
  const auto area = b["map_area"];
  // Whole pixels: ImGui floors the pointer's position.
  const Vec2 spot{std::floor(area[0].get<double>() + area[2].get<double>() * 0.3),
                  std::floor(area[1].get<double>() + area[3].get<double>() * 0.7)};
  for (const auto& p : b["station_screen"])
    REQUIRE(distance(Vec2{p[0].get<double>(), p[1].get<double>()}, spot) > 30);
  const std::string at = std::to_string(spot.x) + " " + std::to_string(spot.y);

  Shot zoom = scripted("input_wheel", "wheel " + at + " 2\n");
  REQUIRE(zoom.rc == 0);
  const app::Camera z = camera_of(zoom.report);
  CHECK(z.m_per_px == Approx(before.m_per_px / (1.2 * 1.2)).epsilon(1e-9));
  // The place under the pointer stays under it.
  const Vec2 w0 = before.to_world(spot.x, spot.y), w1 = z.to_world(spot.x, spot.y);
  CHECK(distance(w0, w1) < 1e-6 * before.m_per_px);

  Shot pan = scripted("input_pan", "drag " + at + " 120 80\n");
  REQUIRE(pan.rc == 0);
  const app::Camera p = camera_of(pan.report);
  CHECK(p.m_per_px == before.m_per_px);
  CHECK(pan.report["undo_steps"] == 0);  // panning is not an edit
  CHECK(pan.report["stations"] == 14);
  // The place that was under the pointer has followed it.
  const Vec2 w2 = p.to_world(spot.x + 120, spot.y + 80);
  CHECK(distance(w0, w2) < 1e-6 * before.m_per_px);
}
