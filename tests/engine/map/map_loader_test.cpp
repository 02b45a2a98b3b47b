// Map loading on tiny hand-written files: walkability from data/walk_profile.json, pedestrian
// squares, non-ascending node ids, compressed OSM, road layers in GeoPackage/Shapefile/GeoJSON,
// splitting at shared nodes, edge lengths against hand-computed geodesic and UTM lengths, and the
// projection choice.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "engine/map/map_loader.hpp"
#include "engine/network/city_network.hpp"
#include "engine/util/error.hpp"
#include "engine/util/param_range.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;
namespace fs = std::filesystem;

namespace {

constexpr double kLon0 = 114.30, kLat0 = 30.60;  // Wuhan: UTM zone 50 (central meridian 117 E)

// Rough metres -> degrees near (kLon0, kLat0); expected lengths are computed from the degrees.
double lon_at(double dx) {
  return kLon0 + dx / (111320.0 * std::cos(kLat0 * kDeg));
}
double lat_at(double dy) {
  return kLat0 + dy / 110574.0;
}

const TagProfile& profile() {
  static const TagProfile p = TagProfile::load_default();
  return p;
}

// Source id -> walkable flag of every line loaded (a way gives one line here).
std::map<int64_t, bool> walk_by_id(const RoadLines& L) {
  std::map<int64_t, bool> m;
  for (size_t i = 0; i < L.size(); ++i) m[L.source_id[i]] = L.walkable[i] != 0;
  return m;
}

double line_length(const RoadLines& L, size_t i) {
  double s = 0;
  for (uint32_t k = L.first[i] + 1; k < L.first[i + 1]; ++k)
    s += distance(L.points[k - 1], L.points[k]);
  return s;
}

size_t line_of(const RoadLines& L, int64_t id) {
  for (size_t i = 0; i < L.size(); ++i)
    if (L.source_id[i] == id) return i;
  FAIL("no line with source id " << id);
  return 0;
}

bool same_lines(const RoadLines& a, const RoadLines& b) {
  return a.points == b.points && a.first == b.first && a.road_class == b.road_class &&
         a.walkable == b.walkable && a.source_id == b.source_id &&
         a.projection.name() == b.projection.name();
}

// Expected engine length of a straight segment: geodesic length times the UTM point scale factor.
double utm_length(double lon1, double lat1, double lon2, double lat2, double lon0) {
  return geodesic_m(lon1, lat1, lon2, lat2) *
         utm_scale(0.5 * (lon1 + lon2), 0.5 * (lat1 + lat2), lon0);
}

}  // namespace

TEST_CASE("walkability follows the tag profile", "[map][osm]") {
  struct Case {
    Tags tags;
    bool walkable;
  };
  // Way id = 1000 + index; each way is a separate 2-node segment so nothing touches.
  const std::vector<Case> cases = {
      {{{"highway", "footway"}}, true},
      {{{"highway", "path"}}, true},
      {{{"highway", "steps"}}, true},
      {{{"highway", "pedestrian"}}, true},
      {{{"highway", "living_street"}}, true},
      {{{"highway", "residential"}}, true},
      {{{"highway", "service"}}, true},
      {{{"highway", "track"}}, true},
      {{{"highway", "cycleway"}}, true},
      {{{"highway", "primary"}}, true},
      {{{"highway", "tertiary_link"}}, true},
      {{{"highway", "motorway"}}, false},
      {{{"highway", "motorway_link"}}, false},
      {{{"highway", "motorway"}, {"foot", "yes"}}, false},  // foot=yes never opens a motorway
      {{{"highway", "trunk"}}, false},
      {{{"highway", "trunk"}, {"foot", "yes"}}, true},
      {{{"highway", "trunk"}, {"foot", "designated"}}, true},
      {{{"highway", "trunk_link"}, {"foot", "permissive"}}, true},
      {{{"highway", "trunk"}, {"foot", "no"}}, false},
      {{{"highway", "residential"}, {"foot", "no"}}, false},
      {{{"highway", "residential"}, {"foot", "use_sidepath"}}, false},
      {{{"highway", "residential"}, {"access", "no"}}, false},
      {{{"highway", "service"}, {"access", "private"}}, false},
      {{{"highway", "service"}, {"access", "private"}, {"foot", "yes"}}, true},
      {{{"highway", "residential"}, {"access", "no"}, {"foot", "designated"}}, true},
      // permissive only tolerates walkers: it opens a trunk road, never a closed (access=no/
      // private) way.
      {{{"highway", "service"}, {"access", "private"}, {"foot", "permissive"}}, false},
      {{{"highway", "residential"}, {"access", "no"}, {"foot", "permissive"}}, false},
      {{{"highway", "construction"}}, false},
  };
  OsmXml osm;
  int64_t nid = 1;
  for (size_t i = 0; i < cases.size(); ++i) {
    osm.node(nid, lon_at(0), lat_at(30.0 * i));
    osm.node(nid + 1, lon_at(80), lat_at(30.0 * i));
    osm.way(1000 + static_cast<int64_t>(i), {nid, nid + 1}, cases[i].tags);
    nid += 2;
  }
  // A railway is not a road at all.
  osm.node(nid, lon_at(0), lat_at(-100));
  osm.node(nid + 1, lon_at(80), lat_at(-100));
  osm.way(999, {nid, nid + 1}, {{"railway", "rail"}});
  const RoadLines L = load_map(osm.write(temp_dir() + "/walk.osm"), profile());
  const auto walk = walk_by_id(L);
  CHECK(walk.count(999) == 0);
  size_t n_walk = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const int64_t id = 1000 + static_cast<int64_t>(i);
    INFO("way " << id << " highway=" << cases[i].tags[0].second
                << (cases[i].tags.size() > 1
                        ? " +" + cases[i].tags[1].first + "=" + cases[i].tags[1].second
                        : std::string()));
    REQUIRE(walk.count(id) == 1);
    CHECK(walk.at(id) == cases[i].walkable);
    n_walk += cases[i].walkable;
  }
  CHECK(L.report.roads == cases.size());
  CHECK(L.report.walkable == n_walk);
  CHECK(L.report.not_walkable_class == 4);  // motorway, motorway_link, motorway+foot, construction
  CHECK(L.report.foot_forbidden == 4);      // trunk, trunk foot=no, foot=no, use_sidepath
  CHECK(L.report.access_forbidden == 4);  // access=no/private, foot=permissive on two of them
  CHECK(L.road_class[line_of(L, 1010)] == RoadClass::tertiary);  // tertiary_link draws as tertiary
  CHECK(L.road_class[line_of(L, 1011)] == RoadClass::motorway);
  // The walk graph holds exactly the walkable ways: 80 m each.
  const CityNetwork city = city_from_lines(L);
  CHECK(city.graph.edge_count() == n_walk);
  CHECK(city.graph.total_length_m() == Approx(80.0 * n_walk).epsilon(0.01));
}

TEST_CASE("pedestrian squares (highway=pedestrian + area=yes) are walked along their outline",
          "[map][osm]") {
  // A 100 m square plaza; a footway leaves from its south-west corner (shared node 1).
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(100), lat_at(0));
  osm.node(3, lon_at(100), lat_at(100));
  osm.node(4, lon_at(0), lat_at(100));
  osm.node(5, lon_at(-60), lat_at(0));
  // A private square and a service-road area elsewhere: neither is walked.
  osm.node(11, lon_at(500), lat_at(0));
  osm.node(12, lon_at(560), lat_at(0));
  osm.node(13, lon_at(560), lat_at(60));
  osm.node(21, lon_at(900), lat_at(0));
  osm.node(22, lon_at(960), lat_at(0));
  osm.node(23, lon_at(960), lat_at(60));
  osm.way(100, {1, 2, 3, 4, 1}, {{"highway", "pedestrian"}, {"area", "yes"}});
  osm.way(101, {1, 5}, {{"highway", "footway"}});
  osm.way(110, {11, 12, 13, 11},
          {{"highway", "pedestrian"}, {"area", "yes"}, {"access", "private"}});
  osm.way(120, {21, 22, 23, 21}, {{"highway", "service"}, {"area", "yes"}});
  const RoadLines L = load_map(osm.write(temp_dir() + "/square.osm"), profile());
  CHECK(L.report.area_outlines == 1);
  // The outline keeps the way's id (GDAL puts closed ways in 'multipolygons' with osm_way_id).
  const size_t sq = line_of(L, 100);
  CHECK(L.walkable[sq] == 1);
  CHECK(L.road_class[sq] == RoadClass::pedestrian);
  CHECK(L.first[sq + 1] - L.first[sq] == 5);  // closed ring
  const auto walk = walk_by_id(L);
  CHECK((walk.count(110) == 0 || !walk.at(110)));
  CHECK((walk.count(120) == 0 || !walk.at(120)));
  const double lon0 = utm_central_meridian(50);
  const double perimeter = utm_length(lon_at(0), lat_at(0), lon_at(100), lat_at(0), lon0) +
                           utm_length(lon_at(100), lat_at(0), lon_at(100), lat_at(100), lon0) +
                           utm_length(lon_at(100), lat_at(100), lon_at(0), lat_at(100), lon0) +
                           utm_length(lon_at(0), lat_at(100), lon_at(0), lat_at(0), lon0);
  CHECK(line_length(L, sq) == Approx(perimeter).margin(0.01));
  // In the graph: the plaza is a loop at the corner junction, joined to the footway.
  const CityNetwork city = city_from_lines(L);
  CHECK(city.graph.node_count() == 2);
  CHECK(city.graph.edge_count() == 2);
  CHECK(city.graph.component_length_m.size() == 1);
  CHECK(city.graph.total_length_m() ==
        Approx(perimeter + utm_length(lon_at(0), lat_at(0), lon_at(-60), lat_at(0), lon0))
            .margin(0.02));
}

TEST_CASE("files with non-ascending node ids open and give the same network", "[map][osm]") {
  auto build = [](bool ascending) {
    OsmXml osm;
    std::vector<std::pair<int64_t, std::pair<double, double>>> nodes = {
        {5, {lon_at(0), lat_at(0)}},
        {7, {lon_at(200), lat_at(0)}},
        {9, {lon_at(200), lat_at(150)}},
        {11, {lon_at(0), lat_at(150)}}};
    if (!ascending) std::reverse(nodes.begin(), nodes.end());
    for (auto& [id, ll] : nodes) osm.node(id, ll.first, ll.second);
    osm.way(1, {5, 7, 9}, {{"highway", "residential"}});
    osm.way(2, {9, 11, 5}, {{"highway", "footway"}});
    return osm;
  };
  const RoadLines asc = load_map(build(true).write(temp_dir() + "/asc.osm"), profile());
  const RoadLines desc = load_map(build(false).write(temp_dir() + "/desc.osm"), profile());
  CHECK_FALSE(asc.report.nodes_unsorted);
  CHECK(desc.report.nodes_unsorted);
  CHECK(same_lines(asc, desc));
  CHECK(asc.size() == 2);
  // The two ways share nodes 5 and 9: one ring of two edges, whatever the order of the nodes.
  const WalkGraph& g = city_from_lines(load_map(temp_dir() + "/desc.osm", profile())).graph;
  CHECK(g.node_count() == 2);
  CHECK(g.edge_count() == 2);
}

TEST_CASE(".osm.bz2 and .osm.gz give the same lines as the plain file; truncated ones are refused",
          "[map][osm]") {
  OsmXml osm;
  for (int i = 0; i < 40; ++i) osm.node(i + 1, lon_at(25.0 * i), lat_at(3.0 * (i % 7)));
  std::vector<int64_t> a, b;
  for (int i = 1; i <= 25; ++i) a.push_back(i);
  for (int i = 20; i <= 40; ++i) b.push_back(i);
  osm.way(1, a, {{"highway", "residential"}});
  osm.way(2, b, {{"highway", "footway"}});
  const std::string plain = osm.write(temp_dir() + "/zip.osm");
  std::string out;
  REQUIRE(run_command("bzip2 -c " + plain + " > " + plain + ".bz2", out) == 0);
  REQUIRE(run_command("gzip -c " + plain + " > " + plain + ".gz", out) == 0);
  const RoadLines p = load_map(plain, profile());
  const RoadLines bz = load_map(plain + ".bz2", profile());
  const RoadLines gz = load_map(plain + ".gz", profile());
  CHECK(p.size() == 2);
  CHECK(same_lines(p, bz));
  CHECK(same_lines(p, gz));
  CHECK(bz.from_osm);
  // Upper-case names (MAP.OSM.BZ2) are the same formats.
  fs::copy_file(plain + ".bz2", temp_dir() + "/ZIP.OSM.BZ2", fs::copy_options::overwrite_existing);
  fs::copy_file(plain + ".gz", temp_dir() + "/ZIP.OSM.GZ", fs::copy_options::overwrite_existing);
  CHECK(same_lines(p, load_map(temp_dir() + "/ZIP.OSM.BZ2", profile())));
  CHECK(same_lines(p, load_map(temp_dir() + "/ZIP.OSM.GZ", profile())));
  // Cut both compressed files in half: an error naming the file and the problem, no crash.
  for (const std::string ext : {".bz2", ".gz"}) {
    const std::string cut = temp_dir() + "/cut.osm" + ext;
    fs::copy_file(plain + ext, cut, fs::copy_options::overwrite_existing);
    fs::resize_file(cut, fs::file_size(cut) / 2);
    try {
      load_map(cut, profile());
      FAIL("truncated " << ext << " loaded");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()).find(cut) != std::string::npos);
      CHECK(std::string(e.what()).find("truncated") != std::string::npos);
    }
  }
}

namespace {

struct VLine {
  std::vector<std::pair<double, double>> lonlat;
  std::string cls;
};

// Writes a road line layer with GDAL; `class_field` empty = no class column. `epsg` is the layer's
// CRS (coordinates are transformed from lon/lat when it is not 4326).
std::string write_vector(const std::string& path, const char* driver,
                         const std::vector<VLine>& lines, const std::string& class_field,
                         int epsg = 4326) {
  GDALAllRegister();
  fs::remove(path);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  REQUIRE(drv);
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  OGRSpatialReference srs, wgs;
  srs.importFromEPSG(epsg);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  wgs.importFromEPSG(4326);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(
      epsg == 4326 ? nullptr : OGRCreateCoordinateTransformation(&wgs, &srs));
  OGRLayer* layer = ds->CreateLayer("roads", &srs, wkbLineString, nullptr);
  REQUIRE(layer);
  if (!class_field.empty()) {
    OGRFieldDefn fd(class_field.c_str(), OFTString);
    REQUIRE(layer->CreateField(&fd) == OGRERR_NONE);
  }
  for (const auto& l : lines) {
    OGRFeature f(layer->GetLayerDefn());
    OGRLineString ls;
    for (auto [lon, lat] : l.lonlat) {
      double x = lon, y = lat;
      if (ct) REQUIRE(ct->Transform(1, &x, &y));
      ls.addPoint(x, y);
    }
    f.SetGeometry(&ls);
    if (!class_field.empty()) f.SetField(class_field.c_str(), l.cls.c_str());
    REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
  }
  return path;
}

}  // namespace

TEST_CASE(
    "a road network as a line layer: GeoPackage, Shapefile, GeoJSON, with and without a class "
    "column",
    "[map][vector]") {
  const std::vector<VLine> lines = {
      {{{lon_at(0), lat_at(0)}, {lon_at(300), lat_at(0)}}, "residential"},
      {{{lon_at(300), lat_at(0)}, {lon_at(300), lat_at(250)}, {lon_at(420), lat_at(250)}},
       "footway"},
      {{{lon_at(0), lat_at(400)}, {lon_at(500), lat_at(400)}}, "motorway"},
      {{{lon_at(0), lat_at(0)}, {lon_at(0), lat_at(-200)}},
       "Trunk"},  // case-insensitive; trunk without foot: not walkable
  };
  const double lon0 = utm_central_meridian(50);
  auto expected_len = [&](size_t i) {
    double s = 0;
    for (size_t k = 1; k < lines[i].lonlat.size(); ++k)
      s += utm_length(lines[i].lonlat[k - 1].first, lines[i].lonlat[k - 1].second,
                      lines[i].lonlat[k].first, lines[i].lonlat[k].second, lon0);
    return s;
  };
  const std::string d = temp_dir();
  struct Variant {
    std::string path;
    const char* driver;
    std::string field;
    int epsg;
  };
  const std::vector<Variant> variants = {
      {d + "/roads.gpkg", "GPKG", "highway", 4326},
      {d + "/roads_nocls.gpkg", "GPKG", "", 4326},
      {d + "/roads.shp", "ESRI Shapefile", "fclass", 4326},
      {d + "/roads_utm.shp", "ESRI Shapefile", "fclass", 32650},
      {d + "/roads_nocls.shp", "ESRI Shapefile", "", 3857},
      {d + "/roads.geojson", "GeoJSON", "highway", 4326},
      {d + "/roads_nocls.geojson", "GeoJSON", "", 4326},
  };
  for (const auto& v : variants) {
    INFO(v.path);
    write_vector(v.path, v.driver, lines, v.field, v.epsg);
    const RoadLines L = load_map(v.path, profile());
    CHECK_FALSE(L.from_osm);
    CHECK(L.projection.name() == "EPSG:32650");
    REQUIRE(L.size() == lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      INFO("line " << i << " " << lines[i].cls);
      CHECK(line_length(L, i) == Approx(expected_len(i)).margin(0.01));
      const bool walk = v.field.empty() || i < 2;
      CHECK((L.walkable[i] != 0) == walk);
    }
    bool noted = false;
    for (const auto& n : L.report.notes.lines)
      noted |= n.find("no road-class column") != std::string::npos;
    CHECK(noted == v.field.empty());
    // The residential street and the footway share their end vertex: one network (with the trunk
    // road too when there is no class column to exclude it).
    const CityNetwork city = city_from_lines(L);
    const double main = expected_len(0) + expected_len(1) + (v.field.empty() ? expected_len(3) : 0);
    CHECK(city.graph.component_length_m[0] == Approx(main).margin(0.02));
  }
  // --class-field names the column explicitly; a missing one is an input error naming the file.
  MapLoadOptions o;
  o.class_field = "fclass";
  CHECK(load_map(d + "/roads.shp", profile(), o).walkable[2] == 0);
  o.class_field = "kind_of_road";
  CHECK_THROWS_WITH(load_map(d + "/roads.shp", profile(), o),
                    Catch::Contains("roads.shp") && Catch::Contains("kind_of_road"));
}

TEST_CASE("vector layers: a line ending on another between its vertices joins it (T-junction)",
          "[map][vector]") {
  // Main street west-east; a side street ends on it at x=130 (no vertex there); a bridge crosses it
  // at x=300 without ending on it; a path ends 5 cm short of it (a gap, not a junction).
  const std::vector<VLine> lines = {
      {{{lon_at(0), lat_at(0)}, {lon_at(500), lat_at(0)}}, "residential"},
      {{{lon_at(130), lat_at(0)}, {lon_at(130), lat_at(200)}}, "residential"},
      {{{lon_at(300), lat_at(-100)}, {lon_at(300), lat_at(100)}}, "footway"},
      {{{lon_at(400), lat_at(0.05 / 1.0)}, {lon_at(400), lat_at(-150)}}, "path"},
  };
  const std::string path = write_vector(temp_dir() + "/tee.gpkg", "GPKG", lines, "highway");
  const RoadLines L = load_map(path, profile());
  CHECK(L.report.t_junctions == 1);
  const CityNetwork city = city_from_lines(L);
  const WalkGraph& g = city.graph;
  CHECK(g.node_count() == 8);  // main street ends, the tee, side street end, bridge ends, path ends
  CHECK(g.edge_count() == 5);
  REQUIRE(g.component_length_m.size() == 3);
  const double lon0 = utm_central_meridian(50);
  CHECK(g.component_length_m[0] ==
        Approx(utm_length(lon_at(0), lat_at(0), lon_at(500), lat_at(0), lon0) +
               utm_length(lon_at(130), lat_at(0), lon_at(130), lat_at(200), lon0))
            .margin(0.02));
  // OSM ways are joined only at shared nodes: the same T as OSM without a shared node stays apart.
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(500), lat_at(0));
  osm.node(3, lon_at(130), lat_at(0));
  osm.node(4, lon_at(130), lat_at(200));
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  osm.way(2, {3, 4}, {{"highway", "residential"}});
  const RoadLines O = load_map(osm.write(temp_dir() + "/tee.osm"), profile());
  CHECK(O.report.t_junctions == 0);
  CHECK(city_from_lines(O).graph.component_length_m.size() == 2);
}

TEST_CASE("ways are split where they share nodes; crossings without a shared node do not connect",
          "[map][graph]") {
  // Way 1: 1-2-3 west to east; way 2 leaves node 2 northwards; way 3 (a bridge) crosses way 1
  // between 2 and 3 with no shared node; way 4 starts at node 7, a distinct node at node 3's exact
  // position (coordinate noding joins them, as documented).
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(200), lat_at(0));
  osm.node(3, lon_at(500), lat_at(0));
  osm.node(4, lon_at(200), lat_at(300));
  osm.node(5, lon_at(350), lat_at(-100));
  osm.node(6, lon_at(350), lat_at(100));
  osm.node(7, lon_at(500), lat_at(0));
  osm.node(8, lon_at(500), lat_at(-250));
  osm.way(1, {1, 2, 3}, {{"highway", "residential"}});
  osm.way(2, {2, 4}, {{"highway", "residential"}});
  osm.way(3, {5, 6}, {{"highway", "footway"}, {"bridge", "yes"}});
  osm.way(4, {7, 8}, {{"highway", "footway"}});
  const CityNetwork city =
      city_from_lines(load_map(osm.write(temp_dir() + "/split.osm"), profile()));
  const WalkGraph& g = city.graph;
  CHECK(g.node_count() == 7);  // 1, 2, 3=7, 4, 8, 5, 6
  CHECK(g.edge_count() == 5);  // 1-2, 2-3, 2-4, 3-8, 5-6
  REQUIRE(g.component_length_m.size() == 2);
  CHECK(g.component_nodes[0] == 5);
  CHECK(g.component_nodes[1] == 2);  // the bridge alone
  const double lon0 = utm_central_meridian(50);
  std::vector<double> lens,
      want = {utm_length(lon_at(0), lat_at(0), lon_at(200), lat_at(0), lon0),
              utm_length(lon_at(200), lat_at(0), lon_at(500), lat_at(0), lon0),
              utm_length(lon_at(200), lat_at(0), lon_at(200), lat_at(300), lon0),
              utm_length(lon_at(500), lat_at(0), lon_at(500), lat_at(-250), lon0),
              utm_length(lon_at(350), lat_at(-100), lon_at(350), lat_at(100), lon0)};
  for (EdgeId e = 0; e < g.edge_count(); ++e) lens.push_back(g.edge_length(e));
  std::sort(lens.begin(), lens.end());
  std::sort(want.begin(), want.end());
  for (size_t i = 0; i < want.size(); ++i) CHECK(lens[i] == Approx(want[i]).margin(0.01));
}

TEST_CASE(
    "a way passing two distinct nodes at one spot joins them; a way ending at either connects",
    "[map][graph]") {
  // Way 1: 1-2-3-4 with nodes 2 and 3 at the same spot (a zero-length step); way 2 starts at 3 and
  // runs north, way 3 starts at 2 and runs south. Hand count: one component, junction 2=3 of
  // degree 4, edges 1-2, 2-4, 2-5, 2-6.
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(100), lat_at(0));
  osm.node(3, lon_at(100), lat_at(0));
  osm.node(4, lon_at(200), lat_at(0));
  osm.node(5, lon_at(100), lat_at(100));
  osm.node(6, lon_at(100), lat_at(-100));
  osm.way(1, {1, 2, 3, 4}, {{"highway", "residential"}});
  osm.way(2, {3, 5}, {{"highway", "footway"}});
  osm.way(3, {2, 6}, {{"highway", "footway"}});
  const RoadLines L = load_map(osm.write(temp_dir() + "/colocated.osm"), profile());
  REQUIRE(L.point_node.size() == L.points.size());
  const WalkGraph& g = city_from_lines(L).graph;
  CHECK(g.node_count() == 5);
  CHECK(g.edge_count() == 4);
  CHECK(g.component_length_m.size() == 1);
}

TEST_CASE("edge lengths are UTM metres: geodesic length times the zone's scale factor",
          "[map][length]") {
  // A 0.01 degree north-south line on zone 50's central meridian (117 E): scale 0.9996 exactly.
  // At 114.3 E (2.7 degrees off the meridian) the scale is about 1.00042.
  OsmXml osm;
  osm.node(1, 117.0, 30.60);
  osm.node(2, 117.0, 30.61);
  osm.node(3, 114.3, 30.60);
  osm.node(4, 114.31, 30.60);
  osm.node(5, 114.3, 30.62);
  osm.node(6, 114.3, 30.63);
  osm.way(1, {1, 2}, {{"highway", "footway"}});
  osm.way(2, {3, 4}, {{"highway", "footway"}});
  osm.way(3, {5, 6}, {{"highway", "footway"}});
  const RoadLines L = load_map(osm.write(temp_dir() + "/len.osm"), profile());
  REQUIRE(L.projection.name() == "EPSG:32650");
  const double meridian = geodesic_m(117.0, 30.60, 117.0, 30.61);
  CHECK(meridian == Approx(1108.8).margin(1.0));  // 0.01 degree of latitude near 30.6 N
  CHECK(line_length(L, line_of(L, 1)) == Approx(0.9996 * meridian).margin(0.01));
  CHECK(line_length(L, line_of(L, 2)) ==
        Approx(utm_length(114.3, 30.60, 114.31, 30.60, 117.0)).margin(0.01));
  CHECK(line_length(L, line_of(L, 3)) ==
        Approx(utm_length(114.3, 30.62, 114.3, 30.63, 117.0)).margin(0.01));
  // Sanity of the expectation itself: off the meridian, UTM stretches lengths by ~0.04 %.
  CHECK(line_length(L, line_of(L, 2)) / geodesic_m(114.3, 30.60, 114.31, 30.60) ==
        Approx(1.00042).margin(2e-5));
}

TEST_CASE("the UTM zone comes from the map's centre; --crs overrides it", "[map][crs]") {
  auto one_way = [](double lon, double lat) {
    OsmXml osm;
    osm.node(1, lon, lat);
    osm.node(2, lon + 0.002, lat + 0.001);
    osm.way(1, {1, 2}, {{"highway", "residential"}});
    return osm.write(temp_dir() + "/zone.osm");
  };
  CHECK(load_map(one_way(114.3, 30.6), profile()).projection.name() == "EPSG:32650");
  CHECK(load_map(one_way(151.2, -33.87), profile()).projection.name() ==
        "EPSG:32756");  // Sydney: south
  CHECK(load_map(one_way(-0.1, 51.5), profile()).projection.name() == "EPSG:32630");  // London
  CHECK(load_map(one_way(0.1, 51.5), profile()).projection.name() == "EPSG:32631");
  const std::string f = one_way(114.3, 30.6);
  MapLoadOptions o;
  o.crs = "EPSG:32649";  // neighbouring zone: central meridian 111 E, 3.3 degrees away
  const RoadLines L49 = load_map(f, profile(), o);
  CHECK(L49.projection.name() == "EPSG:32649");
  CHECK(line_length(L49, 0) ==
        Approx(utm_length(114.3, 30.6, 114.302, 30.601, 111.0)).margin(0.005));
  CHECK(line_length(L49, 0) > line_length(load_map(f, profile()), 0));  // farther from its meridian
  o.crs = "EPSG:4326";
  // The engine names the parameter ("crs"); the CLI prints it as --crs, the app as its label.
  try {
    load_map(f, profile(), o);
    FAIL("a geographic CRS was accepted");
  } catch (const ParamError& e) {
    CHECK(e.param() == "crs");
    CHECK_THAT(e.problem(), Catch::Contains("projected"));
  }
  o.crs = "no such crs";
  CHECK_THROWS_AS(load_map(f, profile(), o), InputError);
}

TEST_CASE("clipped extracts: straight jumps across missing nodes are cut", "[map][osm]") {
  // Way 1 references node 99, which the file lacks: 1 -> 2 (10 m), [99], 3 (300 m on) -> 4 (10 m).
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(10), lat_at(0));
  osm.node(3, lon_at(310), lat_at(0));
  osm.node(4, lon_at(320), lat_at(0));
  osm.way(1, {1, 2, 99, 3, 4}, {{"highway", "residential"}});
  osm.way(2, {1, 4}, {{"highway", "footway"}});  // complete: kept whole even though it is long
  const RoadLines L = load_map(osm.write(temp_dir() + "/clipped.osm"), profile());
  CHECK(L.report.ways_missing_nodes == 1);
  CHECK(L.report.jumps_cut == 1);
  CHECK(L.report.jumps_cut_m == Approx(300).margin(1));
  std::vector<double> pieces;
  for (size_t i = 0; i < L.size(); ++i)
    if (L.source_id[i] == 1) pieces.push_back(line_length(L, i));
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == Approx(10).margin(0.1));
  CHECK(pieces[1] == Approx(10).margin(0.1));
  CHECK(line_length(L, line_of(L, 2)) == Approx(320).margin(1));
}

TEST_CASE("an OSM XML file cut after its ways (inside the relations) is refused, not half-read",
          "[map][errors]") {
  // Enough ways that GDAL hands some out before it meets the cut.
  OsmXml osm;
  for (int i = 0; i < 400; ++i) {
    osm.node(2 * i + 1, lon_at(0), lat_at(20.0 * i));
    osm.node(2 * i + 2, lon_at(150), lat_at(20.0 * i));
    osm.way(i + 1, {2 * i + 1, 2 * i + 2},
            {{"highway", "residential"}, {"name", std::string(200, 'x')}});
  }
  std::string xml = osm.xml();
  // Three route relations; GDAL hands out the ways once the first relation is parsed, so the cut
  // (inside the last one) comes after the lines were read.
  std::string rel;
  for (int r = 1; r <= 3; ++r) {
    rel += "  <relation id=\"" + std::to_string(r) + "\">\n";
    for (int i = 1; i <= 400; ++i)
      rel += "    <member type=\"way\" ref=\"" + std::to_string(i) + "\" role=\"\"/>\n";
    rel += "    <tag k=\"type\" v=\"route\"/>\n  </relation>\n";
  }
  xml.insert(xml.rfind("</osm>"), rel);
  const std::string whole = temp_dir() + "/relcut_whole.osm", cut = temp_dir() + "/relcut.osm";
  std::ofstream(whole, std::ios::binary) << xml;
  std::ofstream(cut, std::ios::binary) << xml.substr(0, xml.size() - rel.size() / 4);
  CHECK(load_map(whole, profile()).size() == 400);
  CHECK_THROWS_WITH(load_map(cut, profile()),
                    Catch::Contains("relcut.osm") && Catch::Contains("truncated"));
}

TEST_CASE("unreadable maps are input errors naming the file", "[map][errors]") {
  const std::string d = temp_dir();
  CHECK_THROWS_WITH(load_map(d + "/nope.osm", profile()),
                    Catch::Contains("nope.osm") && Catch::Contains("not found"));
  std::ofstream(d + "/empty.osm").close();
  CHECK_THROWS_WITH(load_map(d + "/empty.osm", profile()),
                    Catch::Contains("empty.osm") && Catch::Contains("empty"));
  OsmXml rail;
  rail.node(1, kLon0, kLat0);
  rail.node(2, kLon0 + 0.001, kLat0);
  rail.way(1, {1, 2}, {{"railway", "rail"}});
  CHECK_THROWS_WITH(load_map(rail.write(d + "/rail.osm"), profile()),
                    Catch::Contains("rail.osm") && Catch::Contains("no roads"));
  OsmXml mw;
  mw.node(1, kLon0, kLat0);
  mw.node(2, kLon0 + 0.001, kLat0);
  mw.way(1, {1, 2}, {{"highway", "motorway"}});
  CHECK_THROWS_WITH(load_map(mw.write(d + "/mw.osm"), profile()),
                    Catch::Contains("mw.osm") && Catch::Contains("none is walkable"));
}

namespace {

// A small map whose roads lose nodes in every way GDAL can meet: 10 complete roads (a comb), 5
// roads none of whose nodes are in the file, 3 with one node present, 4 with a node missing
// between two present ones, and 2 buildings with missing nodes (not roads). Hand count: 22 roads,
// 12 reference missing nodes, 8 of them cannot be drawn (fewer than 2 nodes), 4 are shortened.
OsmXml missing_nodes_map(bool nodes_descending) {
  std::vector<std::tuple<int64_t, double, double>> nodes;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 4; ++j)
      nodes.emplace_back(1 + 4 * i + j, lon_at(100.0 * i), lat_at(40.0 * j));
  if (nodes_descending) std::reverse(nodes.begin(), nodes.end());
  OsmXml osm;
  for (auto [id, lon, lat] : nodes) osm.node(id, lon, lat);
  const Tags road{{"highway", "residential"}};
  int64_t wid = 1;
  for (int i = 0; i < 10; ++i) osm.way(wid++, {1 + 4 * i, 2 + 4 * i, 3 + 4 * i, 4 + 4 * i}, road);
  for (int k = 0; k < 5; ++k) osm.way(wid++, {9000 + 2 * k, 9001 + 2 * k}, road);
  for (int k = 0; k < 3; ++k) osm.way(wid++, {1 + 4 * k, 9100 + k}, road);
  // 40 m steps: short enough that no straight jump across the missing node is cut (50 m).
  for (int k = 0; k < 4; ++k) osm.way(wid++, {1 + 4 * k, 9200 + k, 2 + 4 * k, 3 + 4 * k}, road);
  osm.way(wid++, {1, 9300, 2, 1}, {{"building", "yes"}});
  osm.way(wid++, {9301, 9302, 9303, 9301}, {{"building", "yes"}});
  return osm;
}

}  // namespace

TEST_CASE("roads referencing nodes missing from the file are counted: dropped and shortened",
          "[map][osm][missing-nodes]") {
  for (bool descending : {false, true}) {
    INFO("nodes listed " << (descending ? "in descending id order" : "ascending"));
    const std::string path = missing_nodes_map(descending).write(temp_dir() + "/missing_nodes.osm");
    const RoadLines L = load_map(path, profile());
    const auto& r = L.report;
    CHECK(r.osm_roads == 22);
    CHECK(r.ways_missing_nodes == 12);
    CHECK(r.ways_dropped == 8);
    CHECK(r.ways_shortened == 4);
    // Independent of our count: the roads GDAL handed out plus those dropped are all the roads.
    std::set<int64_t> loaded;
    for (size_t i = 0; i < L.size(); ++i) loaded.insert(L.source_id[i]);
    CHECK(loaded.size() == 14);
    CHECK(loaded.size() + r.ways_dropped == r.osm_roads);
    for (int64_t id = 11; id <= 18; ++id) CHECK(loaded.count(id) == 0);
    bool noted = false;
    for (const auto& n : r.notes.lines)
      noted = noted || (n.find("12 of 22 roads reference nodes missing") != std::string::npos &&
                        n.find("clipped or truncated") != std::string::npos &&
                        n.find("8 dropped entirely") != std::string::npos &&
                        n.find("4 shortened") != std::string::npos);
    CHECK(noted);
  }
}

namespace {

// Byte offsets where the blocks of a PBF file start (read here from the format: 4-byte big-endian
// BlobHeader length, BlobHeader whose field 3 is the blob size).
std::vector<uintmax_t> pbf_block_starts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::vector<uintmax_t> starts;
  size_t at = 0;
  while (at + 4 <= bytes.size()) {
    starts.push_back(at);
    const auto* u = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    const size_t hlen = (size_t(u[0]) << 24) | (size_t(u[1]) << 16) | (size_t(u[2]) << 8) | u[3];
    size_t i = at + 4, end = i + hlen, datasize = 0;
    while (i < end) {  // fields 1 (string), 2 (bytes), 3 (varint)
      const unsigned key = static_cast<unsigned char>(bytes[i++]);
      uint64_t v = 0;
      for (int shift = 0;; shift += 7) {
        const unsigned char b = static_cast<unsigned char>(bytes[i++]);
        v |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
      }
      if ((key & 7) == 2) i += v;
      if ((key >> 3) == 3) datasize = v;
    }
    at = end + datasize;
  }
  REQUIRE(at == bytes.size());
  return starts;
}

std::string cut_copy(const std::string& src, const std::string& name, uintmax_t size) {
  const std::string dst = temp_dir() + "/" + name;
  fs::copy_file(src, dst, fs::copy_options::overwrite_existing);
  fs::resize_file(dst, size);
  return dst;
}

}  // namespace

TEST_CASE("a real .osm.pbf cut at block boundaries: ways missing are noted, no ways is refused",
          "[map][osm][missing-nodes][data]") {
  const std::string src = require_file(require_data_dir() + "/osm/heidelberg_region_roads.osm.pbf",
                                       "a real PBF to cut");
  const RoadLines whole = load_map(src, profile());
  CHECK(whole.report.unused_nodes * 100 <= whole.report.osm_nodes_in_file);
  for (const auto& n : whole.report.notes.lines)
    CHECK(n.find("belong to no way") == std::string::npos);
  const auto starts = pbf_block_starts(src);
  REQUIRE(starts.size() > 10);
  // Without its last block (ways only: the file lists nodes, then ways): fewer roads, and a note.
  const RoadLines cut = load_map(cut_copy(src, "hd_cut.osm.pbf", starts.back()), profile());
  CHECK(cut.report.osm_roads < whole.report.osm_roads);
  CHECK(cut.report.unused_nodes * 100 > cut.report.osm_nodes_in_file);
  bool noted = false;
  for (const auto& n : cut.report.notes.lines)
    noted = noted || (n.find("hd_cut.osm.pbf") != std::string::npos &&
                      n.find("belong to no way") != std::string::npos &&
                      n.find("truncated") != std::string::npos);
  CHECK(noted);
  // Cut in the nodes (before any way): refused as truncated, not "no roads" alone.
  CHECK_THROWS_WITH(load_map(cut_copy(src, "hd_nodes.osm.pbf", starts[3]), profile()),
                    Catch::Contains("hd_nodes.osm.pbf") && Catch::Contains("no ways") &&
                        Catch::Contains("truncated"));
  // The first 100 bytes (header block and the start of the next): truncated inside a block.
  CHECK_THROWS_WITH(load_map(cut_copy(src, "trunc_100.osm.pbf", 100), profile()),
                    Catch::Contains("trunc_100.osm.pbf") && Catch::Contains("truncated") &&
                        !Catch::Contains("no roads"));
}

TEST_CASE("an OSM XML file without its closing </osm> is refused as truncated", "[map][errors]") {
  OsmXml osm;
  osm.node(1, lon_at(0), lat_at(0));
  osm.node(2, lon_at(100), lat_at(0));
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  std::string xml = osm.xml();
  xml.erase(xml.rfind("</osm>"));
  const std::string path = temp_dir() + "/unclosed.osm";
  std::ofstream(path, std::ios::binary) << xml;
  CHECK_THROWS_WITH(load_map(path, profile()),
                    Catch::Contains("unclosed.osm") && Catch::Contains("truncated"));
}
