// Field-check links: percent-encoding against hand-encoded UTF-8, and the Amap / Baidu marker
// links carrying GCJ-02 (lon,lat) and BD-09 (lat,lng) as the documented formats require, at a
// point whose offsets are known (Beijing, Amap's own example position).
#include <catch2/catch.hpp>

#include <cstdio>

#include "engine/export/field_check_sheet.hpp"
#include "engine/geo/china_coords.hpp"

using namespace yz;

TEST_CASE("Field-check links: percent-encoding", "[export][field_check]") {
  // 学 U+5B66 = E5 AD A6, 清 U+6E05 = E6 B8 85, 路 U+8DEF = E8 B7 AF (by hand from the code points).
  CHECK(percent_encode("学清路 A&B=1/2") == "%E5%AD%A6%E6%B8%85%E8%B7%AF%20A%26B%3D1%2F2");
  CHECK(percent_encode("grid-68_a.b~") == "grid-68_a.b~");  // unreserved characters stay
}

TEST_CASE("Field-check links: Amap takes GCJ-02 lon,lat; Baidu BD-09 lat,lng",
          "[export][field_check]") {
  const Vec2 wgs{116.473195, 39.993253};
  const WebMapLinks l = web_map_links(wgs, "首开广场", "望京");
  const Vec2 g = wgs84_to_gcj02(wgs), b = gcj02_to_bd09(g);
  double lon = 0, lat = 0;
  const auto p = l.amap.find("position=");
  REQUIRE(p != std::string::npos);
  REQUIRE(std::sscanf(l.amap.c_str() + p, "position=%lf,%lf", &lon, &lat) == 2);
  CHECK(std::abs(lon - g.x) <= 1e-6);
  CHECK(std::abs(lat - g.y) <= 1e-6);
  CHECK(l.amap.rfind("https://uri.amap.com/marker?", 0) == 0);
  CHECK(l.amap.find("&coordinate=gaode") != std::string::npos);
  CHECK(l.amap.find("&name=%E9%A6%96%E5%BC%80%E5%B9%BF%E5%9C%BA") != std::string::npos);
  const auto q = l.baidu.find("location=");
  REQUIRE(q != std::string::npos);
  REQUIRE(std::sscanf(l.baidu.c_str() + q, "location=%lf,%lf", &lat, &lon) == 2);
  CHECK(std::abs(lon - b.x) <= 1e-6);
  CHECK(std::abs(lat - b.y) <= 1e-6);
  CHECK(l.baidu.rfind("https://api.map.baidu.com/marker?", 0) == 0);
  for (const char* part : {"&coord_type=bd09ll", "&output=html", "&title=", "&content=%E6%9C%9B"})
    CHECK(l.baidu.find(part) != std::string::npos);
  // In Beijing GCJ-02 lies ~0.006° east of WGS-84 and BD-09 ~0.0065° east of GCJ-02.
  CHECK(g.x - wgs.x == Approx(0.0062).margin(0.002));
  CHECK(b.x - g.x == Approx(0.0065).margin(0.002));
  CHECK(l.gcj02.x == g.x);
  CHECK(l.bd09.y == b.y);
}
