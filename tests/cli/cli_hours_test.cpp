// Coverage by hour and suggesting for a time window on the demo city, whose stations carry
// opening hours (工作日 9:00-17:00, 24小时, 早8点至晚8点, Mo-Su 07:00-21:00, 7:00-23:00 in turn).
#include <catch2/catch.hpp>

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
