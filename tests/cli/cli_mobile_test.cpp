// Mobile stations end to end on the demo city (issue 14): a planner's schedule read by coverage
// --by-hour (the van counts at the stop it is at), its stops and round in the GeoPackage, bad
// schedules refused with exit 2 naming the row, and suggest --mobile choosing lunch stops whose
// round reads back as a schedule.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

int64_t features(const std::string& path, const char* layer) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  if (!ds || !ds->GetLayerByName(layer)) return -1;
  return ds->GetLayerByName(layer)->GetFeatureCount();
}

}  // namespace

TEST_CASE("coverage --mobile-schedule: the van counts where it stands", "[cli][mobile]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  {
    std::ofstream f(dir + "/st.csv");
    f << "id,name,lon,lat,类型,开放时间\n"
      << "a,环卫驿站,114.300,30.580,,24小时\n"
      << "v,流动驿站,114.305,30.570,流动,\n"
      << "w,流动车,114.310,30.575,流动,\n";
    std::ofstream s(dir + "/van.csv");
    s << "车辆,经度,纬度,日期,开始,结束\n"
      << "v,114.300,30.580,工作日,11:00,13:30\n"
      << "v,114.310,30.585,周一至周五,17:00,20:30\n";
  }
  const std::string base = cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " + dir +
                           "/st.csv --by-hour --json --no-areas --overwrite --out " + dir +
                           "/cov.gpkg --mobile-schedule ";
  REQUIRE(run_command(base + dir + "/van.csv", out) == 0);
  const auto j = nlohmann::json::parse(out);
  REQUIRE(j["mobile"]["stops"].size() == 2);
  CHECK(j["mobile"]["mobile_stations"] == 1);
  CHECK(j["mobile"]["notes"].dump().find("treated as fixed at their listed place: w") !=
        std::string::npos);
  const auto& bh = j["by_hour"];
  // a (24 h) and w (unscheduled: fixed, always open) always; v only at a stop.
  CHECK(bh["weekday"][12]["open_stations"] == 3);
  CHECK(bh["weekday"][15]["open_stations"] == 2);  // between stops
  CHECK(bh["weekday"][18]["open_stations"] == 3);
  CHECK(bh["weekend"][12]["open_stations"] == 2);
  CHECK(bh["stations"][1]["read_as"] == "Mo-Fr 11:00-13:30; Sa,Su off");
  CHECK(features(dir + "/cov.gpkg", "mobile_stops") == 2);
  CHECK(features(dir + "/cov.gpkg", "mobile_routes") == 1);
  CHECK(features(dir + "/cov.gpkg", "sites") == 4);  // a, v#1, v#2, w

  // export: the stops and the round in every GIS format asked for.
  REQUIRE(run_command(cli_exe() + " export --map " + dir + "/roads.gpkg --stations " + dir +
                          "/st.csv --mobile-schedule " + dir +
                          "/van.csv --formats gpkg,geojson --overwrite --out-dir " + dir + "/ex",
                      out) == 0);
  CHECK(features(dir + "/ex/plan.gpkg", "mobile_stops") == 2);
  CHECK(features(dir + "/ex/plan.gpkg", "mobile_routes") == 1);
  CHECK(features(dir + "/ex/plan.gpkg", "stations") == 4);
  CHECK(features(dir + "/ex/geojson/mobile_routes.geojson", "mobile_routes") == 1);

  // A stop of a station the stations file lacks: exit 2 naming the schedule's row.
  {
    std::ofstream s(dir + "/bad.csv");
    s << "station_id,lon,lat,时段\n"
      << "v,114.300,30.580,11:00-13:30\n"
      << "x9,114.310,30.585,17:00-20:30\n";
    std::ofstream n(dir + "/none.csv");
    n << "station_id,lon,lat,时段\nv,114.300,30.580,午饭时间\n";
  }
  CHECK(run_command(base + dir + "/bad.csv", out) == 2);
  CHECK(out.find("bad.csv") != std::string::npos);
  CHECK(out.find("station 'x9' is not in the stations file") != std::string::npos);
  CHECK(run_command(base + dir + "/none.csv", out) == 2);
  CHECK(out.find("no usable stop") != std::string::npos);
}

TEST_CASE("suggest --mobile: lunch stops, proven gap, a round that reads back", "[cli][mobile]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  {
    std::ofstream f(dir + "/st.csv");
    f << "id,name,lon,lat,类型,开放时间\n"
      << "a,银行驿站,114.300,30.580,,周一至周五 9:00-12:00\n"
      << "van,午餐车,114.305,30.570,流动,\n";
  }
  const std::string base = cli_exe() + " suggest --map " + dir + "/roads.gpkg --stations " + dir +
                           "/st.csv --candidates " + dir + "/candidates.gpkg --demand " + dir +
                           "/demand.gpkg --time-limit 20 --overwrite --json --out " + dir +
                           "/lunch.gpkg";
  CHECK(run_command(base + " --mobile --k 2", out) == 2);  // no --when
  CHECK(out.find("--mobile") != std::string::npos);
  REQUIRE(run_command(base + " --mobile --when 11:00-13:30 --day weekday --k 2", out) == 0);
  const auto j = nlohmann::json::parse(out);
  REQUIRE(j["sites"].size() == 2);
  CHECK(j["objective"].get<double>() <= j["bound"].get<double>() + 1e-6);
  CHECK(j["gap"].get<double>() >= 0);
  REQUIRE(j["mobile_round"].size() == 2);
  CHECK(j["mobile_round"][0]["hours"] == "11:00-12:15");
  CHECK(j["mobile_round"][1]["hours"] == "12:15-13:30");
  CHECK(j["mobile_round"][0]["days"] == "Mo-Fr");
  CHECK(j["notes"].dump().find("open whenever the van stands there") != std::string::npos);
  CHECK(j["notes"].dump().find("station van is the mobile station being planned") !=
        std::string::npos);
  CHECK(features(dir + "/lunch.gpkg", "mobile_stops") == 2);
  CHECK(features(dir + "/lunch.gpkg", "mobile_routes") == 1);

  // The round read back as the van's schedule: at weekday noon a and one stop are open.
  REQUIRE(run_command(cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " + dir +
                          "/st.csv --by-hour --json --no-areas --overwrite --out " + dir +
                          "/cov.gpkg --mobile-schedule " + dir +
                          "/lunch.gpkg --mobile-schedule-layer mobile_stops",
                      out) == 0);
  const auto c = nlohmann::json::parse(out);
  REQUIRE(c["mobile"]["stops"].size() == 2);
  CHECK(c["by_hour"]["weekday"][11]["open_stations"] == 2);  // a (until 12:00) and stop 1
  // 12:00-13:00: a closed, stop 1 one quarter then stop 2 three; 13:00-13:30 stop 2.
  CHECK(c["by_hour"]["weekday"][12]["open_stations"].get<double>() == Approx(1));
  CHECK(c["by_hour"]["weekday"][13]["open_stations"].get<double>() == Approx(0.5));
  CHECK(c["by_hour"]["weekday"][15]["open_stations"] == 0);
}
