// The app's Export dialog offers the field-check sheets (the CLI's --field-check choices), and its
// Districts tab reads the map's OpenStreetMap boundaries at a chosen admin_level, as
// `--district-level` does on the command line: the same districts, by a click in the tab.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

using namespace yz;

namespace {
test::Shot scripted(const std::string& args, const std::string& name, const std::string& steps) {
  const std::string path = test::temp_dir() + "/" + name + ".steps";
  std::ofstream(path) << steps;
  return test::gui_shot(args + " --input-script " + path + " --frames 2", name);
}
}  // namespace

TEST_CASE("Export dialog: Ctrl+E opens it, with the field-check sheet choice", "[app][export]") {
  for (const std::string lang : {"en", "zh"}) {
    INFO(lang);
    const test::Shot s =
        scripted("--lang " + lang, "export_dialog_" + lang, "wait 2\nkey ctrl+e\nwait 3\n");
    INFO(s.output);
    REQUIRE(s.rc == 0);
    REQUIRE(s.report["windows"].contains("export"));
    REQUIRE(s.report["items"].contains("export_field_check"));
    // The choice lies inside the dialog.
    const auto& w = s.report["windows"]["export"];
    const auto& c = s.report["items"]["export_field_check"];
    CHECK(c[0].get<double>() >= w[0].get<double>());
    CHECK(c[1].get<double>() + c[3].get<double>() <= w[1].get<double>() + w[3].get<double>());
  }
}

TEST_CASE("Districts tab: the map's OSM boundaries at a chosen level, as --district-level",
          "[app][districts][osm]") {
  const std::string guixi =
      test::require_file(test::data_dir() + "/osm/cn_guixi_jiangxi.osm", "Guixi extract");
  // At start-up, as the CLI reads them: 东门街道 is the extract's one complete level-8 boundary
  // (cli_districts_test).
  const test::Shot startup = test::gui_shot(
      "--map " + guixi + " --districts map --district-level 8 --tab districts --frames 2",
      "districts_map_startup");
  INFO(startup.output);
  REQUIRE(startup.rc == 0);
  CHECK(startup.report["districts"].get<int>() == 1);
  // In the tab: nothing loaded, then a click on "Load from the map" (level 8 is the default).
  const test::Shot before =
      test::gui_shot("--map " + guixi + " --tab districts --frames 2", "districts_tab_before");
  REQUIRE(before.rc == 0);
  CHECK(before.report["districts"].get<int>() == 0);
  REQUIRE(before.report["items"].contains("district_load_map"));
  const auto& b = before.report["items"]["district_load_map"];
  const int x = static_cast<int>(b[0].get<double>() + b[2].get<double>() / 2);
  const int y = static_cast<int>(b[1].get<double>() + b[3].get<double>() / 2);
  const test::Shot after =
      scripted("--map " + guixi + " --tab districts", "districts_tab_click",
               "wait 2\nclick " + std::to_string(x) + " " + std::to_string(y) + "\nwait 3\n");
  INFO(after.output);
  REQUIRE(after.rc == 0);
  CHECK(after.report["districts"].get<int>() == 1);
  // A level the map has no boundary at: a notice, not a crash, and none loaded.
  const test::Shot none = test::gui_shot(
      "--map " + guixi + " --districts map --district-level 6 --tab districts --frames 2",
      "districts_map_level6");
  REQUIRE(none.rc == 0);
  CHECK(none.report["districts"].get<int>() == 0);
  bool said = false;
  for (const auto& n : none.report["notices"])
    said |= n["error"].get<bool>() &&
            n["text"].get<std::string>().find("admin_level 6") != std::string::npos;
  CHECK(said);
}
