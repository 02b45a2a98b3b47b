// Coverage by district on a hand-built case: one street, three square districts read from a
// GeoPackage written here with GDAL, and points whose coverage is worked out by hand below. Also:
// a point on the shared edge of two districts and one beyond all of them land in the "outside"
// row; the same squares traced on Amap (GCJ-02) and read with --districts-crs gcj02 fall back on
// the WGS-84 squares; the station list's 所属街道 is checked against the polygons.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "engine/coverage/district_summary.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/inputs/district_column.hpp"
#include "engine/inputs/districts.hpp"
#include "engine/network/city_network.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

namespace {

// Square [x0, x0 + 1000] x [-500, 500] (metres), as lon/lat.
Ring square(const LocalProjection& proj, double x0, bool gcj, Vec2 o) {
  Ring r{{x0, -500}, {x0 + 1000, -500}, {x0 + 1000, 500}, {x0, 500}, {x0, -500}};
  for (Vec2& p : r) {
    p = proj.to_lonlat({p.x + o.x, p.y + o.y});
    if (gcj) p = wgs84_to_gcj02(p);
  }
  return r;
}

// Districts A, B, C side by side along x = 0..3000, written as a GeoPackage (EPSG:4326).
// `o`: where x = y = 0 is (the tiny networks' metres are UTM's, whose y = 0 is the equator).
std::string write_squares(const LocalProjection& proj, const std::string& path, bool gcj,
                          Vec2 o = {0, 0}) {
  GDALAllRegister();
  auto* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  OGRLayer* l = ds->CreateLayer("streets_offices", &srs, wkbPolygon, nullptr);
  OGRFieldDefn f("街道名称", OFTString);
  REQUIRE(l->CreateField(&f) == OGRERR_NONE);
  const char* names[] = {"甲街道", "乙街道", "丙街道"};
  for (int i = 0; i < 3; ++i) {
    OGRFeature feat(l->GetLayerDefn());
    feat.SetField(0, names[i]);
    OGRLinearRing ring;
    for (Vec2 p : square(proj, 1000.0 * i, gcj, o)) ring.addPoint(p.x, p.y);
    OGRPolygon poly;
    poly.addRing(&ring);
    feat.SetGeometry(&poly);
    REQUIRE(l->CreateFeature(&feat) == OGRERR_NONE);
  }
  return path;
}

PointSet points(const LocalProjection& proj, std::initializer_list<std::pair<Vec2, double>> pts) {
  PointSet ps;
  int i = 0;
  for (auto [p, w] : pts) ps.add(proj.to_lonlat(p), p, w, "P" + std::to_string(i++), "");
  return ps;
}

}  // namespace

TEST_CASE("coverage by district on three squares, figures by hand", "[districts]") {
  auto city = city_from_lines(tiny_lines({{{{-500, 0}, {4000, 0}}}}));
  const LocalProjection& proj = city.projection();
  const std::string dir = temp_dir();
  DropReport rep;
  const Districts d = read_district_layer(write_squares(proj, dir + "/squares.gpkg", false), proj,
                                          "", "街道名称", "", "--districts-crs", rep);
  REQUIRE(d.size() == 3);
  CHECK(d.names == std::vector<std::string>{"甲街道", "乙街道", "丙街道"});

  CoverageParams p;
  p.minutes = 6;
  p.speed_kmh = 6;  // 600 m walk
  p.radius_m = 1000;
  // S1 in 甲 at x=500, S2 in 乙 at x=1500.
  PointSet sites = points(proj, {{{500, 0}, 1}, {{1500, 0}, 1}});
  // Workers (weights 1, 2, 4, ... so every sum names its points):
  //  x=100  w1  甲: S1 walk 400 + radius        -> walk 1, radius 1
  //  x=850  w2  甲: S1 walk 350; S2 radius 650   -> walk 1, radius 2, both 1, either 2
  //  x=1000 w4  on the 甲|乙 edge -> outside row; S1 and S2 walk 500 -> 2 under every test
  //  x=1400 w8  乙: S2 walk 100; S1 radius 900   -> walk 1, radius 2, both 1, either 2
  //  x=1600 w16 乙: S2 walk 100                  -> 1 under every test
  //  x=2400 w32 丙: S2 radius 900, walk 900>600  -> radius only (inside 1 km, not the walk)
  //  x=3500 w64 beyond every district, uncovered -> outside row
  PointSet demand = points(proj, {{{100, 0}, 1},
                                  {{850, 0}, 2},
                                  {{1000, 0}, 4},
                                  {{1400, 0}, 8},
                                  {{1600, 0}, 16},
                                  {{2400, 0}, 32},
                                  {{3500, 0}, 64}});
  CoverageStudy st = run_coverage(city, sites, demand, false, p);

  SECTION("existing stations only") {
    const DistrictSummary s = district_summary(st, d, 2);
    REQUIRE(s.rows.size() == 4);
    const DistrictRow &A = s.rows[0], &B = s.rows[1], &C = s.rows[2], &O = s.rows[3];
    CHECK(O.outside);
    CHECK(A.stations == 1);
    CHECK(B.stations == 1);
    CHECK(C.stations == 0);
    CHECK(O.stations == 0);
    CHECK(A.workers == 3);
    CHECK(B.workers == 24);
    CHECK(C.workers == 32);
    CHECK(O.workers == 68);
    CHECK(A.walk.covered == 3);
    CHECK(A.walk.twice == 0);
    CHECK(A.radius.twice == 2);
    CHECK(A.both.covered == 3);
    CHECK(A.both.twice == 0);
    CHECK(A.either.twice == 2);
    CHECK(B.walk.covered == 24);
    CHECK(B.radius.twice == 8);
    CHECK(B.both.twice == 0);
    CHECK(C.walk.covered == 0);
    CHECK(C.radius.covered == 32);
    CHECK(C.both.covered == 0);
    CHECK(C.either.covered == 32);
    CHECK(C.radius_not_walk == 32);
    CHECK(A.radius_not_walk == 0);
    CHECK(O.walk.covered == 4);
    CHECK(O.walk.twice == 4);
    CHECK(O.both.twice == 4);
    for (const auto& r : s.rows) {
      CHECK(r.suggested.empty());
      CHECK(r.added == 0);
    }
  }

  SECTION("S2 as a suggested station: what it adds per district") {
    const DistrictSummary s = district_summary(st, d, 1, Criterion::both);
    const DistrictRow &A = s.rows[0], &B = s.rows[1], &C = s.rows[2], &O = s.rows[3];
    CHECK(A.stations == 1);
    CHECK(B.stations == 0);
    REQUIRE(B.suggested == std::vector<uint32_t>{1});
    // Both tests with S1 alone: x=100, 850 (甲) and 1000 (outside); S2 adds 乙's 8 + 16.
    CHECK(A.covered_before == 3);
    CHECK(A.added == 0);
    CHECK(B.covered_before == 0);
    CHECK(B.added == 24);
    CHECK(C.added == 0);
    CHECK(O.covered_before == 4);
    CHECK(O.added == 0);
    CHECK(O.added_twice == 4);  // the edge point: S1 alone covers it once, with S2 twice
  }
}

TEST_CASE("district rows add up to the city totals", "[districts]") {
  // Irregular points across and beyond the squares; the rows' sums against the summary the
  // coverage engine keeps on its own.
  auto city =
      city_from_lines(tiny_lines({{{{-800, 0}, {4000, 0}}}, {{{1200, -900}, {1200, 900}}}}));
  const LocalProjection& proj = city.projection();
  DropReport rep;
  const Districts d = read_district_layer(write_squares(proj, temp_dir() + "/sq2.gpkg", false),
                                          proj, "", "", "", "--districts-crs", rep);
  REQUIRE(d.size() == 3);
  PointSet demand;
  for (int i = 0; i < 300; ++i) {
    const Vec2 xy{-700.0 + 4500.0 * ((i * 37) % 300) / 300.0,
                  i % 3 == 0 ? 0.0 : 400.0 * ((i % 7) - 3)};
    demand.add(proj.to_lonlat(xy), xy, 1 + i % 5, std::to_string(i), "");
  }
  PointSet sites = points(proj, {{{300, 0}, 1}, {{1200, 300}, 1}, {{2600, 0}, 1}, {{3900, 0}, 1}});
  CoverageStudy st = run_coverage(city, sites, demand, false, CoverageParams{});
  const DistrictSummary s = district_summary(st, d, 4);
  const CoverageSummary& T = st.state.summary();
  double workers = 0, stations = 0;
  CriterionTotals sum[4];
  double rnw = 0;
  for (const auto& r : s.rows) {
    workers += r.workers;
    stations += r.stations;
    rnw += r.radius_not_walk;
    for (int c = 0; c < 4; ++c) {
      sum[c].covered += r.of(Criterion(c)).covered;
      sum[c].twice += r.of(Criterion(c)).twice;
      sum[c].once += r.of(Criterion(c)).once;
    }
  }
  CHECK(workers == Approx(T.total));
  CHECK(stations == 4);
  CHECK(rnw == Approx(T.radius_not_walk));
  for (int c = 0; c < 4; ++c) {
    CHECK(sum[c].covered == Approx(T.of(Criterion(c)).covered));
    CHECK(sum[c].twice == Approx(T.of(Criterion(c)).twice));
    CHECK(sum[c].once == Approx(T.of(Criterion(c)).once));
  }
  // Every district got some points, and the outside row too (x < 0 and x > 3000).
  for (const auto& r : s.rows) CHECK(r.workers > 0);
}

TEST_CASE("districts traced on Amap (GCJ-02) are read with their CRS", "[districts][crs]") {
  // In Wuhan (GCJ-02 shifts only inside China).
  const LocalProjection proj = LocalProjection::utm_for(114.3, 30.6);
  const Vec2 o = proj.to_metric({114.3, 30.6});
  const std::string dir = temp_dir();
  DropReport r1, r2, r3;
  const Districts wgs = read_district_layer(write_squares(proj, dir + "/wgs.gpkg", false, o), proj,
                                            "", "", "", "--districts-crs", r1);
  const std::string gcj_path = write_squares(proj, dir + "/gcj.gpkg", true, o);
  const Districts gcj = read_district_layer(gcj_path, proj, "", "", "gcj02", "--districts-crs", r2);
  const Districts raw = read_district_layer(gcj_path, proj, "", "", "", "--districts-crs", r3);
  REQUIRE(gcj.size() == 3);
  double worst = 0, raw_least = 1e9;
  for (size_t i = 0; i < 3; ++i)
    for (size_t k = 0; k < wgs.metric[i][0].rings[0].size(); ++k) {
      const Vec2 a = wgs.metric[i][0].rings[0][k], b = gcj.metric[i][0].rings[0][k],
                 c = raw.metric[i][0].rings[0][k];
      worst = std::max(worst, std::hypot(a.x - b.x, a.y - b.y));
      raw_least = std::min(raw_least, std::hypot(a.x - c.x, a.y - c.y));
    }
  CHECK(worst < 0.5);      // shifted back to WGS-84
  CHECK(raw_least > 100);  // read as WGS-84 they would sit hundreds of metres off
  CHECK(r2.crs.find("GCJ-02") != std::string::npos);
  CHECK(gcj.locate({o.x + 1500, o.y}) == 1);
  CHECK(raw.locate({o.x + 1500, o.y}) != 1);  // ~500 m off: another square or none
  CHECK(gcj.locate({o.x + 1000, o.y}) == PolygonLocator::kNone);  // on the shared edge
}

TEST_CASE("a station list's 所属街道 is checked against the polygon it falls in", "[districts]") {
  auto city = city_from_lines(tiny_lines({{{{-500, 0}, {4000, 0}}}}));
  const LocalProjection& proj = city.projection();
  DropReport rep;
  const Districts d = read_district_layer(write_squares(proj, temp_dir() + "/sq.gpkg", false), proj,
                                          "", "街道名称", "", "--districts-crs", rep);
  PointSet st =
      points(proj, {{{500, 0}, 1}, {{1500, 0}, 1}, {{2500, 0}, 1}, {{3500, 0}, 1}, {{600, 0}, 1}});
  st.attr_names = {"编号", "所属街道"};
  st.attr_values = {{"1", "甲街道"}, {"2", "甲街道"}, {"3", " 丙 "}, {"4", "丙街道"}, {"5", ""}};
  st.row = {0, 1, 2, 4, 5};  // the file's row 4 was dropped by the loader
  const DistrictColumnCheck c = check_district_column(st, d);
  CHECK(c.column == "所属街道");
  CHECK(c.checked == 4);  // the empty value is not checked
  REQUIRE(c.mismatches.size() == 2);
  CHECK(c.mismatches[0].row == 2);
  CHECK(c.mismatches[0].id == "P1");
  CHECK(c.mismatches[0].column_value == "甲街道");
  CHECK(c.mismatches[0].polygon_name == "乙街道");
  CHECK(c.mismatches[1].row == 5);              // source row 4 (0-based) + 1
  CHECK(c.mismatches[1].polygon_name.empty());  // x=3500 lies beyond every district
  const auto notes = district_mismatch_notes(c);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] == "row 2 (P1): 所属街道 says '甲街道' but the station lies in '乙街道'");
  CHECK(same_district_name("丙", "丙街道"));
  CHECK_FALSE(same_district_name("甲街道", "乙街道"));
}
