// Each site's schedule from its hours text: own hours first, a candidate's category hours when it
// has none (counted as assumed), blank and unreadable hours always open, every unreadable value
// listed with its row.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"

using namespace yz;

TEST_CASE("site schedules: own hours, category hours, blank and unreadable", "[inputs][hours]") {
  PointSet pts;
  pts.source = "stations.csv";
  pts.attr_names = {"开放时间", "category"};
  const std::vector<std::pair<std::string, std::string>> rows = {{"24小时", ""},
                                                                 {"工作日 9:00-17:00", "bank"},
                                                                 {"", "bank"},
                                                                 {"", ""},
                                                                 {"营业中", "mall"},
                                                                 {"", "unknown_kind"},
                                                                 {"Mo-Fr 08:00-18:00; PH off", ""}};
  for (size_t i = 0; i < rows.size(); ++i) {
    pts.add({0, 0}, {0, 0}, 1, "s" + std::to_string(i + 1), "");
    pts.attr_values.back() = {rows[i].first, rows[i].second};
    pts.set_row(i + 1);  // the CSV's rows 2..8 (row 1 is the header)
  }
  CategoryHours cats;
  cats.by_category = {{"bank", "Mo-Fr 09:00-17:00"}, {"default", "06:00-22:00"}};
  SiteHoursReport rep;
  const auto w = site_schedules(pts, &cats, rep);
  REQUIRE(w.size() == 7);
  CHECK(w[0].always_open());
  CHECK(w[1] == parse_opening_hours("Mo-Fr 09:00-17:00").schedule);
  CHECK(w[2] == parse_opening_hours("Mo-Fr 09:00-17:00").schedule);  // assumed from "bank"
  CHECK(w[3].always_open());                                         // no hours, no category
  CHECK(w[4].always_open());                                         // unreadable
  CHECK(w[5] == parse_opening_hours("06:00-22:00").schedule);        // the "default" category
  CHECK(rep.parsed == 3);
  CHECK(rep.assumed == 2);
  CHECK(rep.assumed_by_category.at("bank") == 1);
  CHECK(rep.assumed_by_category.at("default") == 1);
  CHECK(rep.blank == 1);
  REQUIRE(rep.unreadable == 1);
  REQUIRE(rep.unreadable_rows.size() == 1);
  CHECK(rep.unreadable_rows[0].find("row 6 (s5)") != std::string::npos);
  CHECK(rep.unreadable_rows[0].find("营业中") != std::string::npos);
  REQUIRE(rep.not_modelled.size() == 1);
  CHECK(rep.not_modelled[0].find("row 8") != std::string::npos);
  // Without category hours (existing stations): no guess, blank = always open.
  SiteHoursReport rep2;
  const auto w2 = site_schedules(pts, nullptr, rep2);
  CHECK(w2[2].always_open());
  CHECK(rep2.blank == 3);
  CHECK(rep2.assumed == 0);
}

TEST_CASE("the shipped assumption files load; bad ones name the problem", "[inputs][hours]") {
  const WorkerProfiles wp = WorkerProfiles::load_default();
  for (const char* g : {"riders", "couriers", "sanitation", "drivers", "construction", "default"})
    CHECK(wp.find(g) != nullptr);
  // Riders' weekday peaks: lunch and dinner (at or above 80 % of the busiest hour).
  CHECK(wp.peak_hours(*wp.find("riders"), false) == std::vector<int>{11, 12, 17, 18, 19});
  const CategoryHours ch = CategoryHours::load_default();
  for (const char* c : {"bank", "mall", "government", "bus_station", "convenience", "fuel"})
    CHECK(ch.by_category.count(c) == 1);
  const std::string dir = yz::test::temp_dir();
  {
    std::ofstream f(dir + "/wp.json");
    f << R"({"groups": {"default": {"weekday": [1,2], "weekend": []}}})";
  }
  CHECK_THROWS_WITH(WorkerProfiles::load(dir + "/wp.json"),
                    Catch::Contains("wp.json") && Catch::Contains("24 numbers"));
  {
    std::ofstream f(dir + "/ch.json");
    f << R"({"categories": {"bank": "看情况"}})";
  }
  CHECK_THROWS_WITH(CategoryHours::load(dir + "/ch.json"),
                    Catch::Contains("bank") && Catch::Contains("看情况"));
}
