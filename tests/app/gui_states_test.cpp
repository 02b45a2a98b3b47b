// The desktop planner's main states, rendered headless under Xvfb and checked against what a
// planner should see: the figures shown equal an independent coverage run; station and
// suggestion markers are drawn where the UI report says they are, in their exact colours; the
// sidebar, toolbar, menu and status bar are present and not blank; a saved session with two
// scenarios reopens with the comparison drawn; a damaged session is refused with its name; an
// autosave left by a crash is offered back.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/render/map_style.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/session/autosave.hpp"
#include "engine/session/session.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
namespace s = yz::app::style;
using test::Shot;

// Panels present, inside the window, and with something drawn in them.
void check_panels(const Shot& sh) {
  REQUIRE(sh.img.w == 1280);
  REQUIRE(sh.img.h == 800);
  for (const char* w : {"menu", "sidebar", "toolbar", "status"}) {
    INFO("window " << w);
    REQUIRE(sh.report["windows"].contains(w));
    const auto r = sh.report["windows"][w];
    CHECK(r[2].get<double>() > 100);
    CHECK(r[3].get<double>() > 15);
  }
  const auto side = sh.report["windows"]["sidebar"];
  CHECK(test::distinct_colours(sh.img, 0, side[1].get<int>(), side[2].get<int>(),
                               side[1].get<int>() + side[3].get<int>()) > 20);
}

double demo_walk_percent() {
  DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
  CityNetwork city = city_from_lines(std::move(demo.lines));
  return run_coverage(city, demo.stations, demo.demand, false, CoverageParams{})
      .state.summary()
      .percent(Criterion::walk);
}

}  // namespace

TEST_CASE("demo city: figures match an independent run, stations drawn where reported", "[app]") {
  Shot sh = test::gui_shot("--frames 3", "demo_en");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  check_panels(sh);
  CHECK(sh.report["stations"] == 14);
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(demo_walk_percent()).epsilon(1e-9));
  CHECK(sh.report["dirty"] == false);
  // Every station inside the map area shows its exact fill colour at its reported position.
  const auto area = sh.report["map_area"];
  int inside = 0, drawn = 0;
  for (const auto& p : sh.report["station_screen"]) {
    const double x = p[0], y = p[1];
    if (x < area[0].get<double>() + 12 || y < area[1].get<double>() + 60 ||
        x > area[0].get<double>() + area[2].get<double>() - 12 ||
        y > area[1].get<double>() + area[3].get<double>() - 12)
      continue;
    ++inside;
    drawn += test::colour_near(sh.img, s::station, x, y, 4) > 5;
  }
  CHECK(inside >= 10);
  CHECK(drawn == inside);
  // Workers in the three cover colours.
  for (auto c : {s::demand0, s::demand1, s::demand2}) CHECK(test::count_colour(sh.img, c) > 50);
}

TEST_CASE("suggestion results: stars at the suggested sites, list in the Suggest tab", "[app]") {
  Shot sh = test::gui_shot("--suggest-k 5 --frames 3", "suggest");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  check_panels(sh);
  REQUIRE(sh.report.contains("suggested"));
  CHECK(sh.report["suggested"] == 5);
  CHECK(sh.report["tab"] == 1);  // the Suggest tab opened by itself
  CHECK(sh.report["suggest_gap"].get<double>() <= 0.01);
  int stars = 0;
  for (const auto& p : sh.report["suggestion_screen"])
    stars +=
        test::colour_near(sh.img, s::suggestion, p[0].get<double>(), p[1].get<double>(), 6) > 10;
  CHECK(stars >= 4);  // one may sit under the toolbar or a label
  // Compared with the plain demo, the sidebar shows something else (the results table).
  Shot plain = test::gui_shot("--frames 3", "plain_for_suggest");
  REQUIRE(plain.rc == 0);
  int differ = 0;
  for (int y = 380; y < 760; ++y)
    for (int x = 0; x < 400; ++x)
      differ += std::memcmp(sh.img.at(x, y), plain.img.at(x, y), 3) != 0;
  CHECK(differ > 5000);
}

TEST_CASE("Chinese UI: same map, Chinese panels", "[app]") {
  Shot en = test::gui_shot("--frames 3 --lang en", "lang_en");
  Shot zh = test::gui_shot("--frames 3 --lang zh", "lang_zh");
  REQUIRE(en.rc == 0);
  REQUIRE(zh.rc == 0);
  check_panels(zh);
  CHECK(zh.report["lang"] == "zh");
  CHECK(zh.report["scenario"] == "现状");
  int differ_side = 0, differ_map = 0;
  for (int y = 30; y < 760; ++y)
    for (int x = 0; x < en.img.w; ++x) {
      const bool d = std::memcmp(en.img.at(x, y), zh.img.at(x, y), 3) != 0;
      (x < 400 ? differ_side : differ_map) += d;
    }
  CHECK(differ_side > 3000);
  CHECK(zh.report["percent"]["walk"] == en.report["percent"]["walk"]);
}

TEST_CASE("a saved session reopens with its scenarios and the comparison on the map", "[app]") {
  Session ses = new_session(MapSource{}, CoverageParams{}, "现状");
  ses.add_scenario("少三站", true);
  for (uint32_t k : {2u, 5u, 9u}) ses.remove_station(k, "remove");
  const double walk_b = ses.active().state().summary().percent(Criterion::walk);
  const std::string path = test::temp_dir() + "/two_plans.gpkg";
  write_session_file(path, ses.snapshot());

  Shot sh = test::gui_shot(
      "--session " + path + " --scenario 1 --compare 0 --tab scenarios --frames 3", "session");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  check_panels(sh);
  CHECK(sh.report["scenarios"] == 2);
  CHECK(sh.report["scenario"] == "少三站");
  CHECK(sh.report["stations"] == 11);
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(walk_b));
  CHECK(sh.report["dirty"] == false);
  // The three stations only the other plan has are drawn as differences.
  CHECK(test::count_colour(sh.img, s::diff_lost) > 30);
  CHECK(test::count_colour(sh.img, s::diff_gained) + test::count_colour(sh.img, s::diff_lost) >
        100);
}

TEST_CASE("a damaged session is refused with its name and exit code 2", "[app]") {
  const std::string bad = test::temp_dir() + "/broken.gpkg";
  std::ofstream(bad) << "not a geopackage";
  Shot sh = test::gui_shot("--session " + bad, "broken");
  CHECK(sh.rc == 2);
  CHECK_THAT(sh.output, Catch::Contains("broken.gpkg"));
}

TEST_CASE("an autosave left by a crash is offered back", "[app]") {
  const std::string dir = test::temp_dir() + "/crash";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/plan.gpkg";
  Session ses = new_session(MapSource{}, CoverageParams{}, "saved");
  write_session_file(path, ses.snapshot());
  // The state folder gui_shot gives the app: write the autosave where the app will look.
  ::setenv("YIZHAN_STATE_DIR", (test::temp_dir() + "/state").c_str(), 1);
  ses.rename_scenario(0, "edited after saving");
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) - std::chrono::seconds(60));
  write_session_file(autosave_path(path), ses.snapshot());
  Shot sh = test::gui_shot("--session " + path + " --recover --frames 3", "recover");
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  CHECK(sh.report["windows"].contains("recovery"));
  CHECK(sh.report["scenario"] == "saved");  // nothing replaced until the planner answers
}
