// Coverage by hour and suggesting for a time window on the demo city, whose stations carry
// opening hours (工作日 9:00-17:00, 24小时, 早8点至晚8点, Mo-Su 07:00-21:00, 7:00-23:00 in turn).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

TEST_CASE("demo --by-hour: figures consistent with the all-day coverage", "[cli][hours]") {
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo --json --by-hour", out) == 0);
  const auto j = nlohmann::json::parse(out);
  const auto& bh = j["by_hour"];
  REQUIRE(bh["weekday"].size() == 24);
  const double both_all_day = j["coverage"]["both"]["covered"];
  // 14 stations; the 24-hour ones are s2, s7, s12 (every fifth from the second): 3 open at 03:00.
  CHECK(bh["weekday"][3]["open_stations"] == 3);
  CHECK(bh["weekend"][3]["open_stations"] == 3);
  // Weekday noon: every station is open, so the hour's coverage is the all-day coverage.
  CHECK(bh["weekday"][12]["open_stations"] == 14);
  CHECK(bh["weekday"][12]["covered"]["both"].get<double>() == Approx(both_all_day));
  // Weekend noon: the three bank-hosted stations (工作日 9:00-17:00) are closed.
  CHECK(bh["weekend"][12]["open_stations"] == 11);
  for (const char* t : {"weekday", "weekend"})
    for (const auto& row : bh[t])
      CHECK(row["covered"]["both"].get<double>() <= both_all_day + 1e-6);
  const auto& wh = bh["worker_hours"];
  CHECK(wh["covered"]["both"].get<double>() < wh["covered_if_always_open"]["both"].get<double>());
  CHECK(wh["covered_if_always_open"]["both"].get<double>() <= wh["needed"].get<double>());
  CHECK(bh["hours_read"]["parsed"] == 14);
  CHECK(bh["hours_read"]["not_modelled"].size() == 3);  // 节假日休息 on s1, s6, s11
}

TEST_CASE("suggest --when and --objective worker-hours on the demo city", "[cli][hours]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  const std::string base = cli_exe() + " suggest --map " + dir + "/roads.gpkg --stations " + dir +
                           "/stations.gpkg --candidates " + dir + "/candidates.gpkg --demand " +
                           dir + "/demand.gpkg --k 3 --time-limit 20 --overwrite --json --out " +
                           dir + "/plan.gpkg";
  for (const std::string extra :
       {" --when 17:00-20:30 --day weekday", " --objective worker-hours"}) {
    INFO(extra);
    REQUIRE(run_command(base + extra, out) == 0);
    const auto j = nlohmann::json::parse(out);
    CHECK(j["sites"].size() == 3);
    CHECK(j["objective"].get<double>() <= j["bound"].get<double>() + 1e-6);
    CHECK(j["gap"].get<double>() >= 0);
    const std::string notes = j["notes"].dump();
    CHECK(notes.find("time objective") != std::string::npos);
    CHECK(notes.find("ASSUMED") != std::string::npos);  // demo candidates have no hours
  }
  // Plain run for comparison: a plan's mean coverage over a window (only open stations count)
  // cannot exceed its all-day coverage, which the plain run's proven bound caps.
  REQUIRE(run_command(base + " --when 17:00-20:30 --day weekday", out) == 0);
  const double window = nlohmann::json::parse(out)["after"]["covered"];
  REQUIRE(run_command(base, out) == 0);
  const auto plain = nlohmann::json::parse(out);
  CHECK(window <= plain["bound"].get<double>() + 1e-6);
  // Bad options: exit 2 naming the option.
  CHECK(run_command(base + " --when dinner", out) == 2);
  CHECK(out.find("--when") != std::string::npos);
  CHECK(run_command(base + " --when 17:00-20:00 --day moon", out) == 2);
  CHECK(out.find("--day") != std::string::npos);
  CHECK(run_command(base + " --objective money", out) == 2);
  CHECK(out.find("--objective") != std::string::npos);
}

TEST_CASE("coverage --by-hour reads a station list's 开放时间 and lists what it cannot read",
          "[cli][hours]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  {
    std::ofstream f(dir + "/st.csv");
    f << "id,name,lon,lat,开放时间\n"
      << "a,银行驿站,114.300,30.580,周一至周五 9:00-17:00\n"
      << "b,环卫驿站,114.310,30.585,24小时\n"
      << "c,商场驿站,114.290,30.575,营业中\n"
      << "d,社区驿站,114.305,30.570,\n";
  }
  REQUIRE(run_command(cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " + dir +
                          "/st.csv --by-hour --json --no-areas --overwrite --out " + dir +
                          "/cov.gpkg",
                      out) == 0);
  const auto j = nlohmann::json::parse(out);
  const auto& hr = j["by_hour"]["hours_read"];
  CHECK(hr["parsed"] == 2);
  CHECK(hr["blank_always_open"] == 1);
  REQUIRE(hr["unreadable"].size() == 1);
  const std::string bad = hr["unreadable"][0];
  CHECK(bad.find("row 3 (c 商场驿站)") != std::string::npos);
  CHECK(bad.find("营业中") != std::string::npos);
  // Saturday 03:00: a is closed, b/c/d (24 h, unreadable, blank) count as open.
  CHECK(j["by_hour"]["weekend"][3]["open_stations"] == 3);
  CHECK(j["by_hour"]["weekday"][10]["open_stations"] == 4);
  CHECK(j["by_hour"]["stations"][0]["read_as"] == "Mo-Fr 09:00-17:00; Sa,Su off");
  // The sites layer carries the hours as read and when each station is open.
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/cov.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  int seen = 0;
  for (auto& f : *ds->GetLayerByName("sites")) {
    if (std::string(f->GetFieldAsString("site_id")) != "a") continue;
    ++seen;
    CHECK(std::string(f->GetFieldAsString("hours_read")) == "Mo-Fr 09:00-17:00; Sa,Su off");
    CHECK(f->GetFieldAsDouble("weekday_open_h") == 8);
    CHECK(f->GetFieldAsDouble("weekend_open_h") == 0);
    CHECK(f->GetFieldAsInteger("open_wd_12h") == 1);
    CHECK(f->GetFieldAsInteger("open_wd_18h") == 0);
  }
  CHECK(seen == 1);
}

TEST_CASE("the demo city's workers come in groups: by-hour peaks and the rider test use them",
          "[cli][hours][rider]") {
  const std::string dir = temp_dir() + "/demo_groups";
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  // Independent truth: the demand layer's group columns, summed here.
  GDALAllRegister();
  GDALDatasetUniquePtr g(GDALDataset::Open((dir + "/demand.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(g);
  OGRLayer* l = g->GetLayer(0);
  REQUIRE(l);
  const std::vector<std::string> groups = {"construction", "couriers", "drivers", "riders",
                                           "sanitation"};
  std::map<std::string, double> sum;
  for (auto& f : *l)
    for (const auto& name : groups) {
      const int i = f->GetFieldIndex(name.c_str());
      REQUIRE(i >= 0);
      sum[name] += f->GetFieldAsDouble(i);
    }
  REQUIRE(run_command(cli_exe() + " coverage --map " + dir + "/roads.gpkg --sites " + dir +
                          "/stations.gpkg --demand " + dir +
                          "/demand.gpkg --by-hour --rider --json --no-areas --overwrite --out " +
                          dir + "/cov.gpkg",
                      out) == 0);
  const auto j = nlohmann::json::parse(out);
  double all = 0;
  for (const auto& name : groups) all += sum[name];
  // The shares add to 1; each of the 5 columns is rounded down to 0.001 worker.
  const double total = j["demand"]["total"].get<double>();
  CHECK(all <= total + 1e-9);
  CHECK(total - all <= 0.005 * j["demand"]["points"].get<double>());
  // The rider test counts the riders column only.
  CHECK(j["rider_reach"]["total"].get<double>() == Approx(sum["riders"]).epsilon(1e-6));
  CHECK(j["rider_reach"]["total"].get<double>() < 0.6 * all);
  // Each group has its own peak row with its own workers; riders peak at lunch and dinner.
  std::map<std::string, nlohmann::json> peak;
  for (const auto& p : j["by_hour"]["peak"]) peak[p["group"]] = p;
  for (const auto& name : groups) {
    INFO(name);
    REQUIRE(peak.count(name));
    CHECK(peak[name]["workers"].get<double>() == Approx(sum[name]).epsilon(1e-6));
  }
  const auto rh = peak["riders"]["weekday"]["hours"].get<std::vector<int>>();
  CHECK(std::find(rh.begin(), rh.end(), 12) != rh.end());
  CHECK(std::find(rh.begin(), rh.end(), 18) != rh.end());
  const std::string notes = j["by_hour"]["notes"].dump();
  CHECK(notes.find("no worker-group columns") == std::string::npos);
}
