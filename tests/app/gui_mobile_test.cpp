// Mobile stations on the app's map (issue 14), by hand: `yizhan gui --mobile-schedule` with a
// van's three stops on the demo city; the time control set by scripted clicks to an hour. The
// stop the van stands at then (known from the hand-written schedule, not from the app) is drawn
// filled in the highlight colour at its place on screen, the others are not; at an hour between
// stops none is; and the legend's rows for grey (closed) stations and the rounds exist in both
// languages.
#include <catch2/catch.hpp>
#include <fstream>

#include "app/render/app_palette.hpp"
#include "app/text/strings.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
using test::Shot;

// Weekday windows of the stops below: 07-10, 11-14, 17-20 (whole hours).
const char* kSchedule =
    "车辆,经度,纬度,日期,开始,结束\n"
    "s5,114.3240,30.5700,工作日,07:00,10:00\n"
    "s5,114.3100,30.5700,工作日,11:00,14:00\n"
    "s5,114.3050,30.5850,周一至周五,17:00,20:00\n";

int stop_at(int hour) {
  if (hour >= 7 && hour < 10) return 0;
  if (hour >= 11 && hour < 14) return 1;
  if (hour >= 17 && hour < 20) return 2;
  return -1;
}

std::string centre(const nlohmann::json& rect, double fx = 0.5) {
  return std::to_string(static_cast<int>(rect[0].get<double>() + fx * rect[2].get<double>())) +
         " " + std::to_string(static_cast<int>(rect[1].get<double>() + rect[3].get<double>() / 2));
}

Shot scripted(const std::string& name, const std::string& steps, const std::string& args) {
  const std::string path = test::temp_dir() + "/" + name + ".steps";
  std::ofstream(path) << steps;
  return test::gui_shot(args + " --input-script " + path + " --frames 3", name);
}

// Weekday, the hour slider clicked at `frac` of its width.
Shot at_hour(const std::string& name, double frac, const std::string& args) {
  const Shot base = test::gui_shot(args + " --frames 2", name + "_closed");
  REQUIRE(base.rc == 0);
  const std::string open =
      "click " + centre(base.report["items"]["time_header"], 0.3) + "\nwait 3\n";
  const Shot opened = scripted(name + "_open", open, args);
  REQUIRE(opened.rc == 0);
  const auto& items = opened.report["items"];
  return scripted(name,
                  open + "click " + centre(items["time_weekday"], 0.1) + "\nwait 2\nclick " +
                      centre(items["time_hour"], frac) + "\nwait 4\n",
                  args);
}

void check_current(const Shot& sh) {
  REQUIRE(sh.rc == 0);
  REQUIRE(sh.report["time"]["all_day"] == false);
  const int h = sh.report["time"]["hour"];
  INFO("hour " << h);
  REQUIRE(sh.report["mobile"].size() == 1);
  const auto& van = sh.report["mobile"][0];
  REQUIRE(van["stops_screen"].size() == 3);
  const int want = stop_at(h);
  CHECK(van["current"] == want);
  for (int i = 0; i < 3; ++i) {
    INFO("stop " << i);
    const auto& p = van["stops_screen"][static_cast<size_t>(i)];
    const int highlighted = test::colour_near(sh.img, app::app_style::mobile_current,
                                              p[0].get<double>(), p[1].get<double>(), 3);
    if (i == want)
      CHECK(highlighted >= 20);  // a filled disc of 7.5 px radius: most of the 7 x 7 probe
    else
      CHECK(highlighted == 0);
    // Every stop is drawn: its rim (or the highlight's fill) in the round's colour family.
    CHECK((test::colour_near(sh.img, app::app_style::mobile_stop, p[0].get<double>(),
                             p[1].get<double>(), 6) > 0 ||
           highlighted > 0));
  }
}

}  // namespace

TEST_CASE("mobile station: the van's stop at the chosen hour is highlighted", "[gui][mobile]") {
  const std::string path = test::temp_dir() + "/van.csv";
  std::ofstream(path) << kSchedule;
  const std::string args = "--mobile-schedule " + path;
  const Shot noon = at_hour("mobile_noon", 0.53, args);
  REQUIRE(stop_at(noon.report["time"]["hour"]) == 1);  // the click landed at lunch
  check_current(noon);
  const Shot gap = at_hour("mobile_gap", 0.68, args + " --lang zh");
  REQUIRE(stop_at(gap.report["time"]["hour"]) == -1);  // between stops: none highlighted
  check_current(gap);
  // The notice says what was shown, in the UI's language.
  bool said = false;
  for (const auto& n : gap.report["notices"])
    said = said || n["text"].get<std::string>().find("流动驿站") != std::string::npos;
  CHECK(said);
}

TEST_CASE("mobile schedule that cannot be read: exit 2 naming the file", "[gui][mobile]") {
  const std::string missing = test::temp_dir() + "/no_such_van.csv";
  const Shot sh = test::gui_shot("--mobile-schedule " + missing + " --frames 2", "mobile_missing");
  CHECK(sh.rc == 2);
  CHECK(sh.output.find("no_such_van.csv") != std::string::npos);
}

TEST_CASE("legend says what grey stations and the vans' rounds mean, in both languages",
          "[app][mobile]") {
  for (app::Str s :
       {app::Str::legend_closed, app::Str::legend_mobile_route, app::Str::legend_mobile_current}) {
    const std::string en = app::tr(s, app::Lang::en), zh = app::tr(s, app::Lang::zh);
    CHECK(!en.empty());
    CHECK(!zh.empty());
    CHECK(en != zh);
  }
  CHECK(std::string(app::tr(app::Str::legend_closed, app::Lang::en)).find("closed") !=
        std::string::npos);
  CHECK(std::string(app::tr(app::Str::legend_closed, app::Lang::zh)).find("灰色") !=
        std::string::npos);
}
