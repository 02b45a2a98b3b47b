// The planner's worker counts as polygons: counts conserved and spread over the walkable streets
// inside each polygon in proportion to street length (hand-built network with known lengths);
// self-intersecting polygons repaired with GEOS MakeValid and reported; bad counts, a missing count
// column and polygons off the map dropped or refused with the reason.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "engine/geo/china_coords.hpp"
#include "engine/inputs/demand_builder.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

namespace {

// A horizontal street (0,0)-(400,0) and a vertical one (100,0)-(100,300), metres in the UTM zone
// of tiny_lines() (EPSG:32650 is the zone of 114.3 E).
CityNetwork cross_city() {
  return city_from_lines(tiny_lines({{{{0, 0}, {100, 0}, {400, 0}}}, {{{100, 0}, {100, 300}}}}));
}

struct Feature {
  std::string wkt;    // metric (EPSG:32650)
  std::string count;  // "" = null
};

std::string write_layer(const std::string& dir, const std::string& name,
                        const std::vector<Feature>& feats,
                        const std::string& count_field = "count") {
  GDALAllRegister();
  const std::string path = dir + "/" + name + ".gpkg";
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  srs.importFromEPSG(32650);
  OGRLayer* l = ds->CreateLayer("areas", &srs, wkbUnknown, nullptr);
  OGRFieldDefn fd(count_field.c_str(), OFTString);
  l->CreateField(&fd);
  for (const auto& f : feats) {
    OGRFeatureUniquePtr of(OGRFeature::CreateFeature(l->GetLayerDefn()));
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(f.wkt.c_str(), &srs, &g);
    of->SetGeometryDirectly(g);
    if (!f.count.empty()) of->SetField(0, f.count.c_str());
    l->CreateFeature(of.get());
  }
  return path;
}

std::string box(double x0, double y0, double x1, double y1) {
  auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
  // Offsets from the network's metric origin are added by the caller through `origin`.
  return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," +
         p(x0, y0) + "))";
}

size_t count_reason(const DropReport& r, const std::string& needle) {
  size_t n = 0;
  for (const auto& d : r.dropped) n += d.reason.find(needle) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("polygon counts spread over streets by length", "[demand][polygons]") {
  CityNetwork city = cross_city();
  REQUIRE(city.projection().name() == "EPSG:32650");
  const std::string dir = temp_dir();
  // Box over x 50..250, y -20..100: 200 m of the horizontal street and 100 m of the vertical one.
  const std::string path = write_layer(dir, "one", {{box(50, -20, 250, 100), "300"}});
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  req.profile.select({"none"});
  req.layer_path = path;
  req.cell_m = 0;
  const DemandResult r = build_demand(city, req);
  REQUIRE(r.drops.size() == 1);
  REQUIRE(r.drops[0].kept == 1);
  double horizontal = 0, vertical = 0;
  for (size_t i = 0; i < r.items.size(); ++i) {
    const Vec2 p = r.items.xy[i];
    if (std::abs(p.y) < 1e-6) {
      horizontal += r.items.weight[i];
      REQUIRE(p.x > 50 - 1e-6);
      REQUIRE(p.x < 250 + 1e-6);
    } else {
      REQUIRE(std::abs(p.x - 100) < 1e-6);
      REQUIRE(p.y < 100 + 1e-6);
      vertical += r.items.weight[i];
    }
  }
  // Cut into pieces of at most 50 m: 50 m + 150 m of the horizontal street, 100 m of the vertical.
  REQUIRE(r.items.size() == 1 + 3 + 2);
  for (double w : r.items.weight) REQUIRE(w == Approx(50).epsilon(1e-9));
  REQUIRE(horizontal == Approx(200).epsilon(1e-9));
  REQUIRE(vertical == Approx(100).epsilon(1e-9));
  REQUIRE(r.cells.total() == Approx(300).epsilon(1e-12));
  // Aggregated to 50 m cells the count is still conserved.
  req.cell_m = 50;
  REQUIRE(build_demand(city, req).cells.total() == Approx(300).epsilon(1e-12));
  // The planner weight scales exactly.
  req.layer_weight = 0.5;
  REQUIRE(build_demand(city, req).cells.total() == Approx(150).epsilon(1e-12));
}

TEST_CASE("polygons: bad input is dropped with reasons, repairs are reported",
          "[demand][polygons]") {
  CityNetwork city = cross_city();
  const std::string dir = temp_dir();
  const std::string path = write_layer(
      dir, "mixed",
      {
          {box(50, -20, 250, 100), "300"},  // good: 300
          {"POLYGON((300 -50,400 50,400 -50,300 50,300 -50))",
           "40"},                                  // bow-tie over x 300..400: repaired
          {box(150, 150, 200, 200), "-5"},         // negative
          {box(150, 150, 200, 200), "abc"},        // non-numeric
          {box(150, 150, 200, 200), ""},           // missing
          {box(50000, 50000, 50100, 50100), "7"},  // outside the map
          {box(150, 150, 160, 160), "9"},          // no street inside, 50 m from one
          {box(-2000, 1500, -1990, 1510), "11"},   // on the map's margin, no street within reach
          {"POINT(200 10)", "5"},                  // a point near the street
      });
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  req.profile.select({"none"});
  req.layer_path = path;
  req.cell_m = 0;
  const DemandResult r = build_demand(city, req);
  const DropReport& rep = r.drops.at(0);
  INFO(rep.summary());
  REQUIRE(rep.read == 9);
  REQUIRE(rep.kept == 4);
  REQUIRE(count_reason(rep, "negative count") == 1);
  // Dropped rows keep their location (for finding them on a map): the negative one is near (175,
  // 175).
  for (const auto& d : rep.dropped)
    if (d.reason == "negative count")
      REQUIRE(distance(city.projection().to_metric(d.lonlat), {175, 175}) < 1e-3);
  REQUIRE(count_reason(rep, "missing or non-numeric count") == 2);
  REQUIRE(count_reason(rep, "outside the map") == 1);
  REQUIRE(count_reason(rep, "could not snap") == 1);
  bool repaired_note = false;
  for (const auto& n : rep.notes)
    repaired_note |= n.find("repaired with GEOS MakeValid") != std::string::npos;
  REQUIRE(repaired_note);
  // Sum of output = sum of the counts that were kept (300 + 40 + 9 + 5).
  REQUIRE(r.cells.total() == Approx(354).epsilon(1e-12));
}

TEST_CASE("polygons: missing count column and empty layers are refused", "[demand][polygons]") {
  CityNetwork city = cross_city();
  const std::string dir = temp_dir();
  const std::string no_count =
      write_layer(dir, "nocount", {{box(50, -20, 250, 100), "3"}}, "label");
  DemandLayerOptions opt;
  DemandItems items;
  DropReport rep;
  try {
    add_layer_demand(no_count, city, opt, "planner", items, rep);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    REQUIRE(std::string(e.what()).find("no count column") != std::string::npos);
    REQUIRE(std::string(e.what()).find("nocount.gpkg") != std::string::npos);
  }
  opt.count_field = "label";
  add_layer_demand(no_count, city, opt, "planner", items, rep);
  REQUIRE(items.total() == Approx(3));
  opt.count_field = "nope";
  REQUIRE_THROWS_AS(add_layer_demand(no_count, city, opt, "planner", items, rep), InputError);
  const std::string all_bad = write_layer(dir, "allbad", {{box(50, -20, 250, 100), "-1"}});
  REQUIRE_THROWS_AS(add_layer_demand(all_bad, city, DemandLayerOptions{}, "planner", items, rep),
                    InputError);
  REQUIRE_THROWS_AS(
      add_layer_demand(dir + "/missing.gpkg", city, DemandLayerOptions{}, "planner", items, rep),
      InputError);
}

TEST_CASE("points with counts from CSV: bad rows dropped, snap checked", "[demand][points]") {
  CityNetwork city = cross_city();
  const std::string dir = temp_dir();
  std::vector<Vec2> ll = {{200, 5}, {100, 250}, {5000, 5000}, {200, 5}};
  city.projection().to_lonlat(ll);
  std::ofstream f(dir + "/pts.csv");
  f.precision(12);
  f << "lon,lat,workers\n"
    << ll[0].x << "," << ll[0].y << ",10\n"
    << ll[1].x << "," << ll[1].y << ",2.5\n"
    << ll[2].x << "," << ll[2].y << ",4\n"    // 5 km away: outside the map
    << ll[3].x << "," << ll[3].y << ",-3\n";  // negative
  f.close();
  DemandItems items;
  DropReport rep;
  add_layer_demand(dir + "/pts.csv", city, DemandLayerOptions{}, "planner", items, rep);
  REQUIRE(items.total() == Approx(12.5));
  REQUIRE(rep.read == 4);
  REQUIRE(rep.kept == 2);
  REQUIRE(rep.dropped.size() == 2);
}

TEST_CASE("counts must be numbers in full (polygon layers too)", "[demand][polygons]") {
  CityNetwork city = cross_city();
  const std::string path = write_layer(temp_dir(), "counts",
                                       {{box(50, -20, 250, 100), "0x10"},
                                        {box(50, -20, 250, 100), "12abc"},
                                        {box(50, -20, 250, 100), "3 workers"},
                                        {box(50, -20, 250, 100), " 8 "}});
  DemandItems items;
  DropReport rep;
  add_layer_demand(path, city, DemandLayerOptions{}, "planner", items, rep);
  INFO(rep.summary());
  CHECK(rep.kept == 1);
  CHECK(count_reason(rep, "missing or non-numeric count") == 3);
  CHECK(items.total() == Approx(8));
}

TEST_CASE("CSV demand points: dropped rows keep their row in the file", "[demand][points]") {
  CityNetwork city = cross_city();
  const std::string dir = temp_dir();
  // Row 0: a bad count; row 1: fine; row 2: on the map but 600 m from any street.
  std::vector<Vec2> ll = {{200, 5}, {200, 5}, {-600, 900}};
  city.projection().to_lonlat(ll);
  std::ofstream f(dir + "/rows.csv");
  f.precision(12);
  f << "lon,lat,workers\n"
    << ll[0].x << "," << ll[0].y << ",many\n"
    << ll[1].x << "," << ll[1].y << ",3\n"
    << ll[2].x << "," << ll[2].y << ",4\n";
  f.close();
  DemandItems items;
  DropReport rep;
  add_layer_demand(dir + "/rows.csv", city, DemandLayerOptions{}, "planner", items, rep);
  INFO(rep.summary());
  REQUIRE(rep.dropped.size() == 2);
  CHECK(rep.kept == 1);
  std::map<uint64_t, std::string> why;
  for (const auto& d : rep.dropped) why[d.index] = d.reason;
  CHECK(why.at(0) == "missing or non-numeric weight");
  CHECK_THAT(why.at(2), Catch::Contains("could not snap"));
}

TEST_CASE("demand traced on a Chinese web map (GCJ-02/BD-09) is shifted back",
          "[demand][polygons][crs]") {
  // The cross of the first test moved near 117 E, 30.6 N (inside China, where the shift applies;
  // metric (0, 0) of the UTM zone lies on the equator, outside it).
  const Vec2 o{500000, 3385000};
  CityNetwork city = city_from_lines(
      tiny_lines({{{o, o + Vec2{100, 0}, o + Vec2{400, 0}}}, {{o + Vec2{100, 0}, o + Vec2{100, 300}}}}));
  const std::string dir = temp_dir();
  for (WebDatum d : {WebDatum::gcj02, WebDatum::bd09}) {
    const std::string name = d == WebDatum::gcj02 ? "gcj02" : "bd09";
    INFO(name);
    // The box of the first test (x 50..250, y -20..100) and a point by the street at (390, 5),
    // their vertices as the web map shows them.
    const std::string path = dir + "/web_" + name + ".geojson";
    {
      auto ll = [&](double x, double y) {
        const Vec2 p = from_wgs84(city.projection().to_lonlat(o + Vec2{x, y}), d);
        char buf[80];
        std::snprintf(buf, sizeof buf, "[%.12f,%.12f]", p.x, p.y);
        return std::string(buf);
      };
      std::ofstream f(path);
      f << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"count":300},)"
        << R"("geometry":{"type":"Polygon","coordinates":[[)" << ll(50, -20) << "," << ll(250, -20)
        << "," << ll(250, 100) << "," << ll(50, 100) << "," << ll(50, -20) << "]]}},"
        << R"({"type":"Feature","properties":{"count":5},"geometry":{"type":"Point","coordinates":)"
        << ll(390, 5) << "}}]}";
    }
    DemandRequest req;
    req.profile = DemandProfile::load_default();
    req.profile.select({"none"});
    req.layer_path = path;
    req.layer.crs = name;
    req.cell_m = 0;
    const DemandResult r = build_demand(city, req);
    REQUIRE(r.drops.at(0).kept == 2);
    double horizontal = 0, vertical = 0, point = 0;
    for (size_t i = 0; i < r.items.size(); ++i) {
      const Vec2 p = r.items.xy[i] - o;
      if (distance(p, {390, 5}) < 0.01)
        point += r.items.weight[i];
      else if (std::abs(p.y) < 0.01 && p.x > 50 - 0.01 && p.x < 250 + 0.01)
        horizontal += r.items.weight[i];
      else if (std::abs(p.x - 100) < 0.01 && p.y < 100 + 0.01)
        vertical += r.items.weight[i];
    }
    CHECK(horizontal == Approx(200).epsilon(1e-6));
    CHECK(vertical == Approx(100).epsilon(1e-6));
    CHECK(point == Approx(5));
    // The metadata names the input CRS (the planner component's source).
    bool named = false;
    for (const auto& c : r.summary.components)
      if (c.name == kPlannerComponent)
        named = c.source.find(web_datum_name(d)) != std::string::npos;
    CHECK(named);
    // Read as WGS-84, the same file lands hundreds of metres away.
    req.layer.crs = "";
    double on_box_streets = 0;
    try {
      const DemandResult raw = build_demand(city, req);
      for (size_t i = 0; i < raw.items.size(); ++i) {
        const Vec2 p = raw.items.xy[i] - o;
        if (std::abs(p.y) < 0.01 && p.x > 50 && p.x < 250) on_box_streets += raw.items.weight[i];
      }
    } catch (const InputError&) {
      // nothing usable at all where the unshifted coordinates fall: also "not there"
    }
    CHECK(on_box_streets < 150);
  }
}
