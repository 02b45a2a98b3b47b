// Mobile stations' schedules (issue 14): Chinese and English tables in CSV (UTF-8 and GBK made
// with iconv), XLSX made with GDAL's driver and GeoPackage; days and hours in the spellings
// planners use; bad rows listed with row and column; a van never at two stops at once; stations
// replaced by their stops, unknown ids refused, unscheduled mobile stations kept fixed with a note.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "engine/geo/china_coords.hpp"
#include "engine/inputs/mobile_stops.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/wuhan_frame.hpp"

using namespace yz;
using yz::test::run_command;
using yz::test::temp_dir;

namespace {

const LocalProjection& proj() {
  return test::wuhan_projection();
}

MobileSchedule read(const std::string& path, const std::string& crs = "") {
  PointReadOptions o;
  o.crs = crs;
  return read_mobile_schedule(path, proj(), test::wuhan_box(), o);
}

std::string write(const std::string& name, const std::string& text) {
  const std::string path = temp_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The schedule built by hand, quarter by quarter (independent of stop_schedule()).
WeekSchedule hand(std::initializer_list<int> days, int from_h, int from_m, int to_h, int to_m) {
  WeekSchedule w;
  for (int d : days)
    for (int q = from_h * 4 + from_m / 15; q < to_h * 4 + to_m / 15; ++q) w.day[d][q] = true;
  return w;
}

bool contains(const std::vector<std::string>& v, const std::string& part) {
  for (const auto& s : v)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a Chinese schedule with days, 开始/结束 and the order column", "[inputs][mobile]") {
  const std::string path = write("van.csv",
                                 "车辆,序号,经度,纬度,日期,开始,结束\n"
                                 "V1,2,114.31,30.61,工作日,17:00,20:30\n"
                                 "V1,1,114.30,30.60,周一至周五,11:00,13:30\n"
                                 "V1,3,114.32,30.62,周末,10:00,16:00\n"
                                 "V2,1,114.28,30.58,every day,22:00,02:00\n"
                                 "V2,2,114.29,30.59,Mo-Fr,08:00:00,09:30:00\n");
  const MobileSchedule ms = read(path);
  CHECK(ms.problems.empty());
  REQUIRE(ms.stops.size() == 5);
  CHECK(ms.stations() == std::vector<std::string>{"V1", "V2"});
  // V1 sorted by 序号: the lunch stop first.
  CHECK(ms.stops[0].station == "V1");
  CHECK(ms.stops[0].order == 1);
  CHECK(ms.stops[0].lonlat.x == Approx(114.30));
  CHECK(ms.stops[0].when == hand({0, 1, 2, 3, 4}, 11, 0, 13, 30));
  CHECK(ms.stops[1].when == hand({0, 1, 2, 3, 4}, 17, 0, 20, 30));
  CHECK(ms.stops[2].when == hand({5, 6}, 10, 0, 16, 0));
  // 22:00-02:00 every day: each evening and the next morning (Sunday night into Monday).
  WeekSchedule night;
  for (int d = 0; d < 7; ++d) {
    for (int q = 88; q < 96; ++q) night.day[d][q] = true;
    for (int q = 0; q < 8; ++q) night.day[d][q] = true;
  }
  CHECK(ms.stops[3].when == night);
  CHECK(ms.stops[4].when == hand({0, 1, 2, 3, 4}, 8, 0, 9, 30));  // seconds of a time cell
  CHECK(ms.stops[4].order == 2);
}

TEST_CASE("one 时段 column, OSM-style cells, GBK bytes", "[inputs][mobile]") {
  const std::string utf8 =
      "站点编号,经度,纬度,时段\n"
      "M1,114.30,30.60,11:00-13:30\n"
      "M1,114.31,30.60,Mo-Fr 17:00-19:00\n"
      "M1,114.32,30.60,工作日 6:00-8:00\n";
  const std::string src = write("gbk.utf8", utf8), path = temp_dir() + "/gbk.csv";
  std::string out;
  REQUIRE(run_command("iconv -f UTF-8 -t GBK " + src + " > " + path, out) == 0);
  const MobileSchedule ms = read(path);
  CHECK(ms.problems.empty());
  REQUIRE(ms.stops.size() == 3);
  CHECK(ms.stops[0].station == "M1");
  CHECK(ms.stops[0].when == hand({0, 1, 2, 3, 4, 5, 6}, 11, 0, 13, 30));  // no days = every day
  CHECK(ms.stops[1].when == hand({0, 1, 2, 3, 4}, 17, 0, 19, 0));
  CHECK(ms.stops[2].when == hand({0, 1, 2, 3, 4}, 6, 0, 8, 0));
}

TEST_CASE("bad rows are listed with row and column, overlaps refused", "[inputs][mobile]") {
  const std::string path = write("bad.csv",
                                 "station_id,lon,lat,days,from,to\n"
                                 "V1,114.30,30.60,Mo-Fr,11:00,13:30\n"  // row 1: kept
                                 "V1,114.31,30.60,周八,17:00,19:00\n"   // row 2: days
                                 "V1,114.32,30.60,Mo-Fr,lunch,13:00\n"  // row 3: hours
                                 "V1,abc,30.60,Mo-Fr,15:00,16:00\n"     // row 4: coordinates
                                 "V1,114.33,30.60,Mo,12:00,14:00\n"     // row 5: overlaps row 1
                                 ",114.33,30.60,Mo,12:00,14:00\n"       // row 6: no id
                                 "V1,114.34,30.60,Sa,12:00,14:00\n");   // row 7: kept
  const MobileSchedule ms = read(path);
  REQUIRE(ms.stops.size() == 2);
  CHECK(ms.stops[1].when == hand({5}, 12, 0, 14, 0));
  CHECK(ms.problems.size() == 5);
  CHECK(contains(ms.problems, "column days: days '周八'"));
  CHECK(contains(ms.problems, "column from: '-13:00'") == false);
  CHECK(contains(ms.problems, "column from: 'lunch-13:00' is not a time range"));
  CHECK(contains(ms.problems, "column station_id: no station id"));
  CHECK(contains(ms.problems, "already at the stop of row"));
  // The point reader's rows are numbered as its own drop report numbers them.
  const auto& drop = ms.drops.dropped;
  REQUIRE(drop.size() == 1);
  CHECK(contains(ms.problems, "row " + std::to_string(drop[0].index + 1) + ":"));

  CHECK_THROWS_AS(read(write("nohours.csv", "station_id,lon,lat\nV1,114.3,30.6\n")), InputError);
  CHECK_THROWS_AS(read(write("noid.csv", "lon,lat,时段\n114.3,30.6,11:00-12:00\n")), InputError);
  try {
    read(write("none.csv", "station_id,lon,lat,时段\nV1,114.3,30.6,午饭\n"));
    FAIL("no usable stop must be refused");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("no usable stop") != std::string::npos);
    CHECK(std::string(e.what()).find("午饭") != std::string::npos);
  }
}

TEST_CASE("GCJ-02 stops are shifted back like station lists", "[inputs][mobile]") {
  const Vec2 wgs{114.30, 30.60}, gcj = wgs84_to_gcj02(wgs);
  const std::string path =
      write("gcj.csv",
            fmt::format("station_id,lon,lat,时段\nV1,{:.8f},{:.8f},11:00-13:00\n", gcj.x, gcj.y));
  const MobileSchedule ms = read(path, "gcj02");
  REQUIRE(ms.stops.size() == 1);
  CHECK(ms.stops[0].lonlat.x == Approx(wgs.x).margin(1e-5));
  CHECK(ms.stops[0].lonlat.y == Approx(wgs.y).margin(1e-5));
}

TEST_CASE("XLSX and GeoPackage schedules", "[inputs][mobile]") {
  GDALAllRegister();
  for (const char* driver : {"XLSX", "GPKG"}) {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    if (!drv) continue;
    const std::string path =
        temp_dir() + "/van." + (std::string(driver) == "XLSX" ? "xlsx" : "gpkg");
    {
      GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
      REQUIRE(ds);
      const bool gpkg = std::string(driver) == "GPKG";
      OGRSpatialReference wgs;
      wgs.importFromEPSG(4326);
      wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      OGRLayer* l = ds->CreateLayer("stops", gpkg ? &wgs : nullptr, gpkg ? wkbPoint : wkbNone);
      for (const char* f : {"车辆", "经度", "纬度", "星期", "时段"}) {
        OGRFieldDefn fd(f, OFTString);
        l->CreateField(&fd);
      }
      const char* rows[2][5] = {{"V9", "114.30", "30.60", "周末", "10:00-12:00"},
                                {"V9", "114.31", "30.61", "周一至周五", "11:00-13:30"}};
      for (auto& r : rows) {
        OGRFeature f(l->GetLayerDefn());
        for (int c = 0; c < 5; ++c) f.SetField(c, r[c]);
        OGRPoint p(std::stod(r[1]), std::stod(r[2]));
        if (gpkg) f.SetGeometry(&p);
        REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
      }
    }
    const MobileSchedule ms = read(path);
    INFO(driver);
    CHECK(ms.problems.empty());
    REQUIRE(ms.stops.size() == 2);
    CHECK(ms.stops[0].when == hand({5, 6}, 10, 0, 12, 0));
    CHECK(ms.stops[1].when == hand({0, 1, 2, 3, 4}, 11, 0, 13, 30));
    CHECK(ms.stops[1].lonlat.y == Approx(30.61));
  }
}

TEST_CASE("stations replaced by their stops; hours read back from the stop", "[inputs][mobile]") {
  PointSet st;
  st.source = "stations.csv";
  st.attr_names = {"类型", "开放时间"};
  const char* rows[3][3] = {{"F1", "", "8:00-20:00"}, {"V1", "流动", ""}, {"V2", "流动", ""}};
  for (int i = 0; i < 3; ++i) {
    st.add({114.3, 30.6}, {0, 0}, 1, rows[i][0], std::string("s") + rows[i][0]);
    st.attr_values.back() = {rows[i][1], rows[i][2]};
    st.info.emplace_back();
    st.info.back().opening_hours = rows[i][2];
    if (i) st.info.back().host_type = "mobile";
  }
  const MobileSchedule ms = read(write("v1.csv",
                                       "station_id,lon,lat,days,hours\n"
                                       "V1,114.30,30.60,Mo-Fr,11:00-13:30\n"
                                       "V1,114.31,30.61,Mo-Fr,17:00-20:30\n"
                                       "V1,114.32,30.62,Sa,22:00-01:00\n"));
  const MobileSites m = place_mobile_stops(st, ms);
  REQUIRE(m.sites.size() == 5);
  CHECK(m.sites.id == std::vector<std::string>{"F1", "V1#1", "V1#2", "V1#3", "V2"});
  CHECK(m.stop == std::vector<int32_t>{-1, 0, 1, 2, -1});
  CHECK(m.mobile_stations == 1);
  CHECK(m.stops == 3);
  CHECK(contains(m.notes, "treated as fixed at their listed place: V2"));
  CHECK(m.sites.attr(2, "mobile_station") == "V1");
  CHECK(m.sites.attr(2, "stop_order") == "2");
  // What every hours-aware computation reads is exactly the stop's window.
  SiteHoursReport rep;
  const auto w = site_schedules(m.sites, nullptr, rep);
  CHECK(rep.unreadable == 0);
  CHECK(w[0] == parse_opening_hours("8:00-20:00").schedule);
  for (int k = 0; k < 3; ++k) CHECK(w[1 + k] == ms.stops[k].when);
  CHECK(w[4].always_open());  // unscheduled mobile station: blank hours, always open

  const MobileSchedule bad = read(write("unknown.csv",
                                        "station_id,lon,lat,时段\nV1,114.3,30.6,11:00-12:00\n"
                                        "X7,114.3,30.6,11:00-12:00\n"));
  try {
    place_mobile_stops(st, bad);
    FAIL("unknown station must be refused");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("station 'X7' is not in the stations file") !=
          std::string::npos);
    CHECK(std::string(e.what()).find("row " + std::to_string(bad.stops[1].row + 1)) !=
          std::string::npos);
  }
}
