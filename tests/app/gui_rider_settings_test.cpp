// The rider test's settings in the app (Coverage panel: riding minutes, speed, walk after parking,
// which workers count) in both languages: a session's settings are shown as saved, a minute typed
// into the field gives the figure `yizhan coverage --rider` gives with the same settings, and the
// saved session keeps the new value and the rider criterion.
#include <catch2/catch.hpp>
#include <fstream>

#include "engine/session/session.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;

std::string centre(const nlohmann::json& r) {
  return std::to_string(static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2)) + " " +
         std::to_string(static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2));
}

}  // namespace

TEST_CASE("rider settings: shown from the session, edited, computed as the CLI, saved",
          "[gui][rider][session]") {
  const std::string dir = test::temp_dir() + "/gui_rider_settings";
  std::string out;
  REQUIRE(test::run_command(test::cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  // The CLI's figure for 4 minutes at 12 km/h, 50 m walk, all workers.
  REQUIRE(test::run_command(test::cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " +
                                dir + "/stations.gpkg --demand " + dir +
                                "/demand.gpkg --rider --ride-min 4 --ride-kmh 12 "
                                "--park-walk-m 50 --rider-demand all --json --no-areas "
                                "--overwrite --out " +
                                dir + "/cov.gpkg",
                            out) == 0);
  const auto rj = nlohmann::json::parse(out)["rider_reach"];

  // A session saved with the rider criterion and 3 minutes at 12 km/h, 50 m, all workers.
  Session s = new_session(MapSource{}, CoverageParams{}, "现状");
  s.settings.rider_criterion = true;
  s.settings.rider.minutes = 3;
  s.settings.rider.speed_kmh = 12;
  s.settings.rider.park_walk_m = 50;
  s.settings.rider.demand = "all";
  const std::string session = dir + "/rider.yizhan.gpkg";
  write_session_file(session, s.snapshot());

  for (const std::string lang : {"en", "zh"}) {
    INFO(lang);
    const test::Shot base = test::gui_shot(
        "--session " + session + " --lang " + lang + " --frames 2", "rider_settings_base_" + lang);
    REQUIRE(base.rc == 0);
    const auto& rs = base.report["rider_settings"];
    CHECK(rs["minutes"] == 3);
    CHECK(rs["speed_kmh"] == 12);
    CHECK(rs["park_walk_m"] == 50);
    CHECK(rs["demand"] == "all");
    CHECK(rs["criterion"] == true);
    const auto& items = base.report["items"];
    REQUIRE(items.contains("ride_min"));
    REQUIRE(items.contains("rider_compute"));
    // Type 4 into the minutes field, then compute.
    const std::string steps = dir + "/rider_settings_" + lang + ".steps";
    std::ofstream(steps) << "click " << centre(items["ride_min"]) << "\nkey ctrl+a\ntype 4\n"
                         << "key enter\nwait 2\nclick " << centre(items["rider_compute"])
                         << "\nwait 5\n";
    const std::string saved = dir + "/saved_" + lang + ".gpkg";
    const test::Shot sh =
        test::gui_shot("--session " + session + " --lang " + lang + " --input-script " + steps +
                           " --frames 3 --save " + saved,
                       "rider_settings_" + lang);
    REQUIRE(sh.rc == 0);
    CHECK(sh.report["rider_settings"]["minutes"] == 4);
    REQUIRE(sh.report.contains("rider"));
    CHECK(sh.report["rider"]["current"] == true);
    CHECK(sh.report["rider"]["total"].get<double>() == Approx(rj["total"].get<double>()));
    CHECK(sh.report["rider"]["covered"].get<double>() == Approx(rj["covered"].get<double>()));
    const SessionFile f = read_session_file(saved);
    CHECK(f.settings.rider_criterion);
    CHECK(f.settings.rider.minutes == 4);
    CHECK(f.settings.rider.speed_kmh == 12);
    CHECK(f.settings.rider.park_walk_m == 50);
    CHECK(f.settings.rider.demand == "all");
  }
}
