// A suggested site whose host has no hours of its own takes its category's typical hours
// (data/category_hours.json) in the export, said as an assumption: on the stations and
// suggestions layers (hours_assumed, weekday/weekend open hours, open_* columns) and in the PDF's
// by-hour section, whose open-station counts follow. Inputs as a planner has them: GBK CSVs with
// Chinese headers and 开放时间 values (工作日 9:00-17:00, 24小时), candidates' 类别 in English
// (bank) or Chinese (银行网点), on the real Nanjing extract. Expected values are worked out here
// from the category file's hours (bank: Mo-Fr 09:00-17:00, convenience_24h: 24/7).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {

struct Expect {
  double weekday_h, weekend_h;
  std::string assumed;  // category whose typical hours are assumed ("" = the site's own hours)
};

// Per candidate id: open hours a weekday / weekend day, from the hours it has or is assumed.
const std::map<std::string, Expect> kCandidates = {
    {"c1", {8, 0, "bank"}},               // 银行网点, no hours: bank's Mo-Fr 09:00-17:00
    {"c2", {8, 0, "bank"}},               // bank, no hours
    {"c3", {24, 24, "convenience_24h"}},  // no hours: 24/7
    {"c4", {9, 0, ""}},                   // own hours 工作日 8:30-17:30
    {"c5", {24, 24, ""}}};                // own hours 24小时

}  // namespace

TEST_CASE("export: suggested sites without hours take their category's typical hours",
          "[cli][export][hours][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/suggested_hours";
  fs::create_directories(dir);
  std::ofstream(dir + "/stations_utf8.csv") << "编号,站点名称,经度,纬度,开放时间\n"
                                            << "nj1,新街口驿站,118.7785,32.0418,工作日 9:00-17:00\n"
                                            << "nj2,鼓楼广场驿站,118.7790,32.0500,24小时\n";
  std::ofstream(dir + "/candidates_utf8.csv")
      << "编号,名称,经度,纬度,类别,开放时间\n"
      << "c1,工商银行网点,118.7830,32.0450,银行网点,\n"
      << "c2,建设银行网点,118.7720,32.0380,bank,\n"
      << "c3,便利店,118.7850,32.0360,convenience_24h,\n"
      << "c4,社区服务中心,118.7700,32.0460,community_centre,"
         "工作日 8:30-17:30\n"
      << "c5,商场,118.7880,32.0480,mall,24小时\n";
  std::string out;
  for (const char* f : {"stations", "candidates"})
    REQUIRE(run_command(std::string("iconv -f UTF-8 -t GBK ") + dir + "/" + f + "_utf8.csv > " +
                            dir + "/" + f + ".csv",
                        out) == 0);
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.csv --candidates " + dir +
                          "/candidates.csv --k 5 --formats gpkg,pdf --lang zh --out-dir " + dir +
                          "/out",
                      out) == 0);
  INFO(out);

  GDALAllRegister();
  GDALDatasetUniquePtr g(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(g);
  std::vector<std::string> suggested;
  for (const char* layer : {"stations", "suggestions"}) {
    INFO(layer);
    OGRLayer* l = g->GetLayerByName(layer);
    REQUIRE(l);
    const OGRFeatureDefn* d = l->GetLayerDefn();
    const int id = d->GetFieldIndex("site_id"), as = d->GetFieldIndex("hours_assumed"),
              wd = d->GetFieldIndex("weekday_open_h"), we = d->GetFieldIndex("weekend_open_h"),
              we12 = d->GetFieldIndex("open_we_12h"), wd12 = d->GetFieldIndex("open_wd_12h");
    REQUIRE(id >= 0);
    REQUIRE(as >= 0);
    REQUIRE(wd >= 0);
    REQUIRE(we >= 0);
    REQUIRE(we12 >= 0);
    REQUIRE(wd12 >= 0);
    for (auto& f : *l) {
      const std::string sid = f->GetFieldAsString(id);
      INFO(sid);
      const auto it = kCandidates.find(sid);
      if (it == kCandidates.end()) {  // an existing station: its own hours, nothing assumed
        CHECK(std::string(f->GetFieldAsString(as)).empty());
        continue;
      }
      if (std::string(layer) == "suggestions") suggested.push_back(sid);
      CHECK(std::string(f->GetFieldAsString(as)) == it->second.assumed);
      CHECK(f->GetFieldAsDouble(wd) == Approx(it->second.weekday_h));
      CHECK(f->GetFieldAsDouble(we) == Approx(it->second.weekend_h));
      CHECK(f->GetFieldAsInteger(wd12) == 1);
      CHECK(f->GetFieldAsInteger(we12) == (it->second.weekend_h > 0 ? 1 : 0));
    }
  }
  REQUIRE(suggested.size() >= 3);

  // The PDF's by-hour table: stations open at weekend noon = nj2 (24小时) and each suggested
  // site open then; every assumption is listed by site.
  std::string text;
  REQUIRE(run_command("pdftotext -layout " + dir + "/out/report.pdf -", text) == 0);
  int weekend_noon = 1, weekday_3 = 1;
  std::string assumed_ids;
  for (const auto& s : suggested) {
    weekend_noon += kCandidates.at(s).weekend_h > 0;
    weekday_3 += kCandidates.at(s).weekday_h == 24;
    if (!kCandidates.at(s).assumed.empty()) {
      INFO(s);
      CHECK(std::regex_search(text, std::regex(s + "[^\\n]*按其类别的典型开放时间假设")));
    }
  }
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(R"(\n\s*12:00((\s+[0-9]+\.[0-9]){10}))")));
  std::istringstream row(m[1].str());
  std::vector<double> v;
  for (double x; row >> x;) v.push_back(x);
  REQUIRE(v.size() == 10);
  CHECK(v[0] == Approx(2 + suggested.size()));  // weekday noon: all open
  CHECK(v[5] == Approx(weekend_noon));
  REQUIRE(std::regex_search(text, m, std::regex(R"(\n\s*03:00\s+([0-9]+\.[0-9]))")));
  CHECK(std::stod(m[1].str()) == Approx(weekday_3));
}
