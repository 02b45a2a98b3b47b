// The Coverage panel's time control, by hand (scripted clicks through ImGui's input path): after
// choosing a day type and an hour, the figures the app shows equal `yizhan demo --by-hour --json`
// for the same city and stations at that hour, the stations closed then are the ones the CLI
// counts as not open and are drawn grey on the map, and the open ones keep their colour.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
using test::Shot;

Shot scripted(const std::string& name, const std::string& steps, const std::string& args = "") {
  const std::string path = test::temp_dir() + "/" + name + ".steps";
  std::ofstream(path) << steps;
  return test::gui_shot(args + " --input-script " + path + " --frames 3", name);
}

std::string centre(const nlohmann::json& rect, double fx = 0.5) {
  return std::to_string(static_cast<int>(rect[0].get<double>() + fx * rect[2].get<double>())) +
         " " + std::to_string(static_cast<int>(rect[1].get<double>() + rect[3].get<double>() / 2));
}

const nlohmann::json& cli_by_hour() {
  static const nlohmann::json j = [] {
    std::string out;
    REQUIRE(test::run_command(test::cli_exe() + " demo --json --by-hour", out) == 0);
    return nlohmann::json::parse(out)["by_hour"];
  }();
  return j;
}

// Opens the time section, picks the day type and drags the hour slider to about `frac` of its
// width; returns the run (its report says which hour the slider landed on).
Shot choose(const std::string& name, bool weekend, double frac, const std::string& args) {
  const Shot base = test::gui_shot(args + " --frames 2", name + "_closed");
  REQUIRE(base.rc == 0);
  const auto header = base.report["items"]["time_header"];
  const std::string open = "click " + centre(header, 0.3) + "\nwait 3\n";
  const Shot opened = scripted(name + "_open", open, args);
  REQUIRE(opened.rc == 0);
  REQUIRE(opened.report["time"]["panel_open"] == true);
  const auto& items = opened.report["items"];
  const std::string day = centre(items[weekend ? "time_weekend" : "time_weekday"], 0.1);
  return scripted(
      name,
      open + "click " + day + "\nwait 2\nclick " + centre(items["time_hour"], frac) + "\nwait 4\n",
      args);
}

void check_against_cli(const Shot& sh, bool weekend) {
  REQUIRE(sh.rc == 0);
  const auto& t = sh.report["time"];
  REQUIRE(t["all_day"] == false);
  CHECK(t["weekend"] == weekend);
  const int h = t["hour"];
  INFO("hour " << h);
  const auto& row = cli_by_hour()[weekend ? "weekend" : "weekday"][h];
  const double total = cli_by_hour()["total"];
  CHECK(t["total"].get<double>() == Approx(total));
  for (const char* c : {"walk", "radius", "both", "either"}) {
    INFO(c);
    CHECK(t["percent"][c].get<double>() ==
          Approx(100.0 * row["covered"][c].get<double>() / total).margin(1e-9));
  }
  // Whole-hour hours in the demo: the open count is whole and the app's open list matches it.
  CHECK(t["open_slots"].size() == static_cast<size_t>(row["open_stations"].get<double>()));
  CHECK(t["closed_slots"].size() + t["open_slots"].size() == sh.report["stations"]);
  // Closed stations grey (the closed fill), open ones not.
  const app::Rgba grey{200, 200, 205};
  const auto& slots = sh.report["station_slots"];
  auto screen_of = [&](int slot) {
    for (size_t i = 0; i < slots.size(); ++i)
      if (slots[i] == slot) return sh.report["station_screen"][i];
    FAIL("no station " << slot);
    return nlohmann::json();
  };
  const auto area = sh.report["map_area"];
  auto on_map = [&](const nlohmann::json& p) {
    return p[0].get<double>() > area[0].get<double>() + 8 &&
           p[1].get<double>() > area[1].get<double>() + 8 &&
           p[0].get<double>() < area[0].get<double>() + area[2].get<double>() - 8 &&
           p[1].get<double>() < area[1].get<double>() + area[3].get<double>() - 8;
  };
  int grey_seen = 0, checked = 0;
  for (const auto& s : t["closed_slots"]) {
    const auto p = screen_of(s.get<int>());
    if (!on_map(p)) continue;
    ++checked;
    grey_seen += test::colour_near(sh.img, grey, p[0].get<double>(), p[1].get<double>(), 5) > 5;
  }
  CHECK(grey_seen == checked);
  for (const auto& s : t["open_slots"]) {
    const auto p = screen_of(s.get<int>());
    if (on_map(p))
      CHECK(test::colour_near(sh.img, grey, p[0].get<double>(), p[1].get<double>(), 5) <= 5);
  }
}

}  // namespace

TEST_CASE("time control: weekday evening equals the CLI's by-hour figures", "[gui][hours]") {
  const Shot sh = choose("time_weekday", false, 0.93, "");
  const int h = sh.report["time"]["hour"];
  CHECK(h >= 19);  // late enough that some hosts have closed
  CHECK(!sh.report["time"]["closed_slots"].empty());
  check_against_cli(sh, false);
}

TEST_CASE("time control in Chinese: weekend figures equal the CLI's", "[gui][hours]") {
  const Shot sh = choose("time_weekend_zh", true, 0.55, "--lang zh");
  CHECK(sh.report["lang"] == "zh");
  // Weekend midday: the bank-hosted stations (工作日 9:00-17:00) are closed.
  CHECK(sh.report["time"]["closed_slots"].size() == 3);
  check_against_cli(sh, true);
}
