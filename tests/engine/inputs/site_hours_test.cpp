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

TEST_CASE("category hours: Chinese category names, and only a plan's suggested sites assumed",
          "[inputs][hours]") {
  // The shipped file: a planner's 类别 in Chinese finds the category's hours.
  const CategoryHours ch = CategoryHours::load_default();
  CHECK(ch.resolve("银行网点") == "bank");
  CHECK(ch.resolve("银行") == "bank");
  CHECK(ch.resolve("政务服务中心") == "government");
  CHECK(ch.resolve("bank") == "bank");
  CHECK(ch.resolve("某某") == "default");
  REQUIRE(ch.find("银行网点"));
  CHECK(*ch.find("银行网点") == ch.by_category.at("bank"));

  // A plan's sites: two stations, then two suggested sites; only the suggested ones are given
  // their category's hours, each named in the report.
  PointSet pts;
  pts.attr_names = {"开放时间", "类别"};
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"", "银行网点"}, {"24小时", "bank"}, {"", "银行网点"}, {"工作日 9:00-17:00", "mall"}};
  for (size_t i = 0; i < rows.size(); ++i) {
    pts.add({0, 0}, {0, 0}, 1, "p" + std::to_string(i + 1), i == 2 ? "工商银行网点" : "");
    pts.attr_values.back() = {rows[i].first, rows[i].second};
  }
  pts.attr_names[1] = "category";  // as the site reader names the 类别 column
  SiteHoursReport rep;
  const auto w = site_schedules(pts, &ch, rep, 2);
  CHECK(w[0].always_open());  // a station without hours: always open, nothing assumed
  CHECK(w[2] == parse_opening_hours(ch.by_category.at("bank")).schedule);
  CHECK(w[3] == parse_opening_hours("Mo-Fr 09:00-17:00").schedule);  // its own hours
  CHECK(rep.assumed == 1);
  CHECK(rep.blank == 1);
  REQUIRE(rep.assumed_category.size() == 4);
  CHECK(rep.assumed_category == std::vector<std::string>{"", "", "bank", ""});
  REQUIRE(rep.assumed_rows.size() == 1);
  CHECK(rep.assumed_rows[0].find("p3 工商银行网点") != std::string::npos);
  CHECK(rep.assumed_rows[0].find("ASSUMED") != std::string::npos);
  // Aliases must name a category of the file.
  const std::string dir = yz::test::temp_dir();
  {
    std::ofstream f(dir + "/alias.json");
    f << R"({"categories": {"bank": "Mo-Fr 09:00-17:00"}, "aliases": {"银行": "banks"}})";
  }
  CHECK_THROWS_WITH(CategoryHours::load(dir + "/alias.json"),
                    Catch::Contains("alias.json") && Catch::Contains("银行"));
}
