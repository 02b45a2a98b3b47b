// Rider reach (骑行可达) in the app: one click on the Coverage panel's rider-reach button computes
// the plan's figure, which equals `yizhan coverage --rider --json` on the same city and stations
// (the demo city written out by `yizhan demo-city`), and is named as its own test.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;

std::string centre(const nlohmann::json& r) {
  return std::to_string(static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2)) + " " +
         std::to_string(static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2));
}

}  // namespace

TEST_CASE("rider reach in the Coverage panel equals coverage --rider", "[gui][rider]") {
  const std::string dir = test::temp_dir() + "/gui_rider";
  std::string out;
  REQUIRE(test::run_command(test::cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  REQUIRE(test::run_command(test::cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " +
                                dir + "/stations.gpkg --demand " + dir +
                                "/demand.gpkg --rider --json --no-areas --overwrite --out " + dir +
                                "/cov.gpkg",
                            out) == 0);
  const auto rj = nlohmann::json::parse(out)["rider_reach"];
  for (const std::string lang : {"en", "zh"}) {
    INFO(lang);
    const test::Shot base = test::gui_shot("--lang " + lang + " --frames 2", "rider_base_" + lang);
    REQUIRE(base.rc == 0);
    CHECK(base.report.find("rider") == base.report.end());  // nothing until asked
    REQUIRE(base.report["items"].contains("rider_compute"));
    const std::string steps = dir + "/rider_" + lang + ".steps";
    std::ofstream(steps) << "click " << centre(base.report["items"]["rider_compute"])
                         << "\nwait 5\n";
    const test::Shot sh = test::gui_shot(
        "--lang " + lang + " --input-script " + steps + " --frames 3", "rider_" + lang);
    REQUIRE(sh.rc == 0);
    REQUIRE(sh.report.contains("rider"));
    CHECK(sh.report["rider"]["current"] == true);
    CHECK(sh.report["rider"]["total"].get<double>() == Approx(rj["total"].get<double>()));
    CHECK(sh.report["rider"]["covered"].get<double>() == Approx(rj["covered"].get<double>()));
    CHECK(sh.report["rider"]["percent"].get<double>() == Approx(rj["percent"].get<double>()));
  }
}
