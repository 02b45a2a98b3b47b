// Attribute values as planners write them: areas with units and Chinese numerals, amenity words
// and lists, blank capacity, unreadable cost. A station is never dropped for an attribute; the
// values expected below are worked out by hand from the text.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "engine/inputs/number_text.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/site_attributes.hpp"
#include "engine/session/plan_station.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"

using namespace yz;

namespace {

uint32_t bits(std::initializer_list<const char*> names) {
  uint32_t b = 0;
  for (const char* n : names)
    for (int i = 0; i < kAmenityCount; ++i)
      if (std::string(n) == kAmenities[i]) b |= 1u << i;
  return b;
}

}  // namespace

TEST_CASE("Chinese numerals", "[inputs][attributes]") {
  CHECK(parse_chinese_number("二十") == 20.0);
  CHECK(parse_chinese_number("二十五") == 25.0);
  CHECK(parse_chinese_number("十二") == 12.0);
  CHECK(parse_chinese_number("十") == 10.0);
  CHECK(parse_chinese_number("两百") == 200.0);
  CHECK(parse_chinese_number("一百零五") == 105.0);
  CHECK(parse_chinese_number("一百五") == 150.0);  // spoken: one hundred (and) fifty
  CHECK(parse_chinese_number("一千二百") == 1200.0);
  CHECK(parse_chinese_number("三万") == 30000.0);
  CHECK(parse_chinese_number("二十点五") == 20.5);
  CHECK(parse_chinese_number("零") == 0.0);
  CHECK(parse_chinese_number("贰拾") == 20.0);
  CHECK(!parse_chinese_number("二三"));  // 2 to 3, or 23?
  CHECK(!parse_chinese_number("十十"));
  CHECK(!parse_chinese_number("一间房"));
  CHECK(!parse_chinese_number(""));
  CHECK(!parse_chinese_number("二十点"));
}

TEST_CASE("Floor areas as planners write them", "[inputs][attributes]") {
  CHECK(parse_area_m2("20") == 20.0);
  CHECK(parse_area_m2("20㎡") == 20.0);
  CHECK(parse_area_m2("约20平米") == 20.0);
  CHECK(parse_area_m2("15平") == 15.0);
  CHECK(parse_area_m2("20平方米") == 20.0);
  CHECK(parse_area_m2("20m2") == 20.0);
  CHECK(parse_area_m2("20 m²") == 20.0);
  CHECK(parse_area_m2("12.5 ㎡") == 12.5);
  CHECK(parse_area_m2("二十") == 20.0);
  CHECK(parse_area_m2("二十五平米") == 25.0);
  CHECK(parse_area_m2("大约三十平方米") == 30.0);
  CHECK(parse_area_m2("20平左右") == 20.0);
  CHECK(parse_area_m2("２０㎡") == 20.0);  // full-width digits
  // Not one unambiguous number: unknown.
  CHECK(!parse_area_m2("15-20平"));
  CHECK(!parse_area_m2("大约一间房"));
  CHECK(!parse_area_m2("二三平米"));
  CHECK(!parse_area_m2("-5"));
  CHECK(!parse_area_m2("1e9"));  // beyond any station
  CHECK(!parse_area_m2("㎡"));
}

TEST_CASE("Amenity words and lists", "[inputs][attributes]") {
  const uint32_t both_charging = bits({"phone_charging", "ebike_charging"});
  CHECK(parse_amenities("充电") == both_charging);
  CHECK(parse_amenities("charging") == both_charging);
  CHECK(parse_amenities("手机充电") == bits({"phone_charging"}));
  CHECK(parse_amenities("电动车充电") == bits({"ebike_charging"}));
  CHECK(parse_amenities("电动车充电桩") == bits({"ebike_charging"}));  // longest spelling wins
  CHECK(parse_amenities("热水") == bits({"water"}));
  CHECK(parse_amenities("饮用水") == bits({"water"}));
  CHECK(parse_amenities("空调") == bits({"climate"}));
  CHECK(parse_amenities("暖气") == bits({"climate"}));
  CHECK(parse_amenities("药箱") == bits({"first_aid"}));
  CHECK(parse_amenities("WiFi") == bits({"wifi"}));
  CHECK(parse_amenities("无线网络") == bits({"wifi"}));
  CHECK(parse_amenities("雨具") == bits({"rain_gear"}));
  CHECK(parse_amenities("维修工具") == bits({"repair_tools"}));
  CHECK(parse_amenities("drinking water") == bits({"water"}));
  CHECK(!parse_amenities("spaceship"));
  CHECK(parse_amenity("充电") == std::nullopt);  // names two amenities, not one
  CHECK(parse_amenity("first_aid") == 4);

  std::vector<std::string> unknown;
  CHECK(parse_amenity_list("充电、热水", unknown) == (both_charging | bits({"water"})));
  CHECK(parse_amenity_list("饮用水，空调；暖气;药箱", unknown) ==
        bits({"water", "climate", "first_aid"}));
  CHECK(parse_amenity_list("WiFi 雨具/维修工具", unknown) ==
        bits({"wifi", "rain_gear", "repair_tools"}));
  CHECK(parse_amenity_list("drinking water, air conditioning", unknown) ==
        bits({"water", "climate"}));
  CHECK(unknown.empty());
  CHECK(parse_amenity_list("厕所、飞船", unknown) == bits({"toilet"}));
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0] == "飞船");
}

TEST_CASE("A station is kept whatever its attributes; a candidate is dropped for its cost",
          "[inputs][attributes]") {
  const std::vector<std::string> names = {"面积", "容量", "成本", "设施"};
  const SiteColumns c = SiteColumns::find(names);
  std::vector<std::string> unknown;
  SiteInfo st;
  // Unreadable area, capacity and cost: the station keeps them unknown (capacity = unlimited).
  CHECK(read_site_info(c, {"一间房", "很多", "待定", "充电"}, st, unknown).empty());
  CHECK(std::isnan(st.area_m2));
  CHECK(st.size_class.empty());
  CHECK(std::isnan(st.capacity));
  CHECK(std::isnan(st.cost));
  CHECK(st.amenities == bits({"phone_charging", "ebike_charging"}));
  CHECK(unknown.size() == 3);
  // The same row as a candidate: dropped, named by the first problem.
  unknown.clear();
  SiteInfo cand;
  CHECK(read_site_info(c, {"一间房", "很多", "待定", ""}, cand, unknown, true) ==
        "non-numeric capacity");
  CHECK(read_site_info(c, {"", "", "-5", ""}, cand, unknown, true) == "negative cost");
  // A readable area sets the size class by the standard's 5 m² split.
  SiteInfo ok;
  CHECK(read_site_info(c, {"约4平米", "", "", ""}, ok, unknown).empty());
  CHECK(ok.area_m2 == 4.0);
  CHECK(ok.size_class == "micro");
}

TEST_CASE("Stations read by the reader and the app's station list agree", "[inputs][attributes]") {
  // Nine stations in Wuhan, four with area text `review` used to drop.
  const LocalProjection proj = LocalProjection::utm_for(114.3, 30.6);
  Box box;
  box.add(proj.to_metric({114.25, 30.55}));
  box.add(proj.to_metric({114.35, 30.65}));
  const std::string path = yz::test::temp_dir() + "/nine.csv";
  std::ofstream(path) << "id,name,lon,lat,面积,设施,容量,成本\n"
                         "1,甲,114.300,30.600,20㎡,充电、热水,,\n"
                         "2,乙,114.302,30.601,约20平米,饮用水，空调,30,\n"
                         "3,丙,114.304,30.602,15平,暖气;药箱,,\n"
                         "4,丁,114.306,30.603,20平方米,WiFi 雨具,,\n"
                         "5,戊,114.308,30.604,二十,维修工具/无线网络,,\n"
                         "6,己,114.299,30.598,4,手机充电,,\n"
                         "7,庚,114.301,30.597,大约一间房,电动车充电,,\n"
                         "8,辛,114.303,30.596,20 m²,,,\n"
                         "9,壬,114.305,30.595,二十五平米,,,待定\n";
  PointReadOptions o;
  o.site_attributes = true;
  DropReport rep;
  const PointSet ps = read_points(path, proj, box, o, rep, "stations");
  REQUIRE(ps.size() == 9);
  CHECK(rep.dropped.empty());
  const double area[] = {20, 20, 15, 20, 20, 4, NAN, 20, 25};
  const uint32_t amen[] = {bits({"phone_charging", "ebike_charging", "water"}),
                           bits({"water", "climate"}),
                           bits({"climate", "first_aid"}),
                           bits({"wifi", "rain_gear"}),
                           bits({"repair_tools", "wifi"}),
                           bits({"phone_charging"}),
                           bits({"ebike_charging"}),
                           0,
                           0};
  for (size_t i = 0; i < 9; ++i) {
    INFO("station " << ps.id[i]);
    CHECK(ps.id[i] == std::to_string(i + 1));
    if (std::isnan(area[i]))
      CHECK(std::isnan(ps.info[i].area_m2));
    else
      CHECK(ps.info[i].area_m2 == area[i]);
    CHECK(ps.info[i].amenities == amen[i]);
    CHECK(ps.info[i].size_class == (std::isnan(area[i]) ? ""
                                    : area[i] >= 5      ? "standard"
                                                        : "micro"));
    CHECK(std::isnan(ps.info[i].cost));
    CHECK((i == 1 ? ps.info[i].capacity == 30 : std::isnan(ps.info[i].capacity)));
  }
  // The note names the rows not understood: 7 (area) and 9 (cost).
  std::string notes;
  for (const auto& n : rep.notes) notes += n + "\n";
  CHECK_THAT(notes, Catch::Contains("row 7 (id 7): area '大约一间房'"));
  CHECK_THAT(notes, Catch::Contains("row 9 (id 9): cost '待定'"));
  // The app's station list is built from the same read: same ids, same attributes.
  const auto plan = stations_from_points(ps, kOriginExisting);
  REQUIRE(plan.size() == 9);
  for (size_t i = 0; i < 9; ++i) {
    CHECK(plan[i].id == ps.id[i]);
    CHECK(plan[i].info.amenities == ps.info[i].amenities);
    CHECK(plan[i].info.size_class == ps.info[i].size_class);
    CHECK(std::isnan(plan[i].info.capacity) == std::isnan(ps.info[i].capacity));
  }
  // As candidates, only row 9 (cost 待定) is dropped, with its reason.
  o.candidates = true;
  DropReport crep;
  const PointSet cs = read_points(path, proj, box, o, crep, "candidates");
  CHECK(cs.size() == 8);
  REQUIRE(crep.dropped.size() == 1);
  CHECK(crep.dropped[0].reason == "non-numeric cost");
  CHECK(crep.dropped[0].id == "9");
}
