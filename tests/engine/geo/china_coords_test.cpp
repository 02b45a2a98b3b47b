// GCJ-02 / BD-09 against published reference points (the eviltransform project's test table,
// computed independently of this code) and round trips to sub-millimetre accuracy.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/geo/china_coords.hpp"

using namespace yz;

namespace {
// Metres between two lon/lat points (equirectangular; plenty for offsets of a few hundred m).
double metres(Vec2 a, Vec2 b) {
  const double k = 111319.49;
  return std::hypot((a.x - b.x) * k * std::cos(a.y * 3.14159265358979 / 180), (a.y - b.y) * k);
}
}  // namespace

TEST_CASE("WGS-84 to GCJ-02 matches published reference points", "[geo][china]") {
  struct Ref {
    Vec2 wgs, gcj;
  };
  const Ref refs[] = {
      {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},  // Shanghai
      {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},  // Shenzhen
      {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},  // Beijing
  };
  for (const auto& r : refs) {
    const Vec2 g = wgs84_to_gcj02(r.wgs);
    CHECK(g.x == Approx(r.gcj.x).margin(1e-9));
    CHECK(g.y == Approx(r.gcj.y).margin(1e-9));
    // The offset is real (hundreds of metres), and the exact inverse takes it away again.
    CHECK(metres(r.wgs, r.gcj) > 100);
    CHECK(metres(gcj02_to_wgs84(r.gcj), r.wgs) < 1e-3);
  }
}

TEST_CASE("GCJ-02 to BD-09 matches the published reference point", "[geo][china]") {
  // Tiananmen in GCJ-02 and its published BD-09 coordinates (the usual test vector of the
  // open-source converters, e.g. wandergis/coordtransform).
  const Vec2 bd = gcj02_to_bd09({116.404, 39.915});
  CHECK(bd.x == Approx(116.41036949371029).margin(1e-9));
  CHECK(bd.y == Approx(39.92133699351021).margin(1e-9));
  const Vec2 back = bd09_to_gcj02({116.41036949371029, 39.92133699351021});
  CHECK(metres(back, {116.404, 39.915}) < 1e-4);
}

TEST_CASE("BD-09 agrees with the textbook closed-form inverse", "[geo][china]") {
  // Independent check of the iterated inverse: the widely published one-step formula for
  // BD-09 -> GCJ-02 (accurate to about a metre), written out here separately.
  const double xpi = 3.14159265358979323846 * 3000.0 / 180.0;
  auto closed_form = [&](Vec2 bd) {
    const double x = bd.x - 0.0065, y = bd.y - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * xpi);
    const double t = std::atan2(y, x) - 0.000003 * std::cos(x * xpi);
    return Vec2{z * std::cos(t), z * std::sin(t)};
  };
  for (Vec2 bd : {Vec2{120.019809, 29.199786}, Vec2{116.404, 39.915}, Vec2{113.9306, 22.5333}}) {
    const Vec2 gcj = bd09_to_gcj02(bd);
    CHECK(metres(gcj, closed_form(bd)) < 2.0);
    CHECK(metres(gcj, bd) > 500);  // Baidu's twist is large
    CHECK(metres(gcj02_to_bd09(gcj), bd) < 1e-4);
  }
}

TEST_CASE("GCJ-02 and BD-09 round trips are sub-millimetre across China", "[geo][china]") {
  double worst = 0;
  for (double lon = 73.5; lon < 135; lon += 1.7)
    for (double lat = 18.2; lat < 53.5; lat += 1.3) {
      const Vec2 p{lon, lat};
      for (WebDatum d : {WebDatum::gcj02, WebDatum::bd09}) {
        worst = std::max(worst, metres(to_wgs84(from_wgs84(p, d), d), p));
        worst = std::max(worst, metres(from_wgs84(to_wgs84(p, d), d), p));
      }
    }
  INFO("worst round-trip error " << worst << " m");
  CHECK(worst < 1e-3);
}

TEST_CASE("Points outside China are left unshifted", "[geo][china]") {
  for (Vec2 p : {Vec2{8.6821, 50.1109}, Vec2{-0.1276, 51.5072}, Vec2{151.2093, -33.8688}}) {
    CHECK(outside_china(p));
    for (WebDatum d : {WebDatum::gcj02, WebDatum::bd09}) {
      CHECK(from_wgs84(p, d) == p);
      CHECK(to_wgs84(p, d) == p);
    }
  }
  CHECK_FALSE(outside_china({118.78, 32.04}));  // Nanjing
}

TEST_CASE("Datum names parse", "[geo][china]") {
  CHECK(parse_web_datum("GCJ-02") == WebDatum::gcj02);
  CHECK(parse_web_datum("gcj02") == WebDatum::gcj02);
  CHECK(parse_web_datum("bd09") == WebDatum::bd09);
  CHECK(parse_web_datum("BD-09") == WebDatum::bd09);
  CHECK(parse_web_datum("EPSG:4326") == WebDatum::wgs84);
  CHECK_FALSE(parse_web_datum("EPSG:32650").has_value());
  CHECK(std::string(web_datum_name(WebDatum::bd09)) == "BD-09");
}
