// End to end on real sample data packaged by Debian: GeoDaNet streets and schools
// (python3-libpysal), John Snow's Soho network, pumps and cholera deaths (python3-libpysal), and
// OSMnx's West Oakland test extract (python-osmnx-doc). Walking distances are checked against an
// independent reference built here: the raw lines read with GDAL, vertices keyed on
// centimetre-rounded coordinates, brute-force nearest-segment snapping and a std::priority_queue
// Dijkstra. Missing packages: SKIPPED.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <optional>
#include <queue>
#include <unordered_map>

#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/point_reader.hpp"
#include "support/test_data.hpp"

using namespace yz;
using yz::test::require_file;

namespace {

const std::string kPysal = "/usr/lib/python3/dist-packages/libpysal/examples/";
constexpr double kMaxSnap = 250;  // SnapOptions default
const std::string kOsmnx =
    "/usr/share/doc/python-osmnx-doc/examples/tests/input_data/West-Oakland.osm.bz2";

std::string need(const std::string& path, const char* pkg) {
  return require_file(path,
                      std::string("Debian package ") + pkg + " (apt-get install " + pkg + ")");
}

// Transforms a layer's coordinates to WGS-84, then to EPSG `epsg` (the same two steps the engine
// takes, with a separate GDAL transformation).
struct Reproject {
  std::unique_ptr<OGRCoordinateTransformation> to_wgs, to_utm;
  Reproject(const OGRSpatialReference* src_srs, int epsg) {
    OGRSpatialReference src(*src_srs), wgs, utm;
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.importFromEPSG(epsg);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to_wgs.reset(OGRCreateCoordinateTransformation(&src, &wgs));
    to_utm.reset(OGRCreateCoordinateTransformation(&wgs, &utm));
  }
  Vec2 operator()(double x, double y) const {
    to_wgs->Transform(1, &x, &y);
    to_utm->Transform(1, &x, &y);
    return {x, y};
  }
};

// The independent reference network of a line shapefile.
struct RefNet {
  std::unordered_map<uint64_t, uint32_t> id;
  std::vector<Vec2> xy;
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;
  std::vector<std::pair<uint32_t, uint32_t>> segs;

  uint32_t vertex(Vec2 p) {
    const uint64_t k = static_cast<uint64_t>(std::llround(p.x * 100)) << 32 |
                       static_cast<uint32_t>(std::llround(p.y * 100));
    auto [it, fresh] = id.try_emplace(k, static_cast<uint32_t>(xy.size()));
    if (fresh) xy.push_back(p), adj.emplace_back();
    return it->second;
  }
  // Line ends that lie on another line between its vertices (within 1 cm) are junctions there, as
  // the README documents for vector layers: found here by brute force over every segment.
  RefNet(const std::string& shp, int epsg) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(shp.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayer(0);
    const Reproject rp(l->GetSpatialRef(), epsg);
    std::vector<std::vector<Vec2>> lines;
    for (auto& f : *l) {
      const OGRGeometry* g = f->GetGeometryRef();
      REQUIRE(g);
      REQUIRE(wkbFlatten(g->getGeometryType()) == wkbLineString);
      const auto* ls = g->toLineString();
      lines.emplace_back();
      for (int i = 0; i < ls->getNumPoints(); ++i)
        lines.back().push_back(rp(ls->getX(i), ls->getY(i)));
    }
    std::vector<Vec2> ends;
    for (const auto& pts : lines) ends.push_back(pts.front()), ends.push_back(pts.back());
    for (const auto& pts : lines)
      for (size_t i = 1; i < pts.size(); ++i) {
        const Vec2 a = pts[i - 1], b = pts[i], ab = b - a;
        std::vector<std::pair<double, Vec2>> cuts{{0.0, a}, {1.0, b}};
        for (Vec2 p : ends) {
          const double t = dot(p - a, ab) / dot(ab, ab);
          if (t > 0 && t < 1 && distance(p, a + ab * t) <= 0.01 && distance(p, a) > 0.01 &&
              distance(p, b) > 0.01)
            cuts.push_back({t, p});
        }
        std::sort(cuts.begin(), cuts.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        for (size_t k = 1; k < cuts.size(); ++k) {
          const uint32_t va = vertex(cuts[k - 1].second), vb = vertex(cuts[k].second);
          if (va == vb) continue;
          adj[va].push_back({vb, distance(xy[va], xy[vb])});
          adj[vb].push_back({va, distance(xy[va], xy[vb])});
          segs.push_back({va, vb});
        }
      }
  }
  struct Snap {
    uint32_t seg;
    Vec2 q;
    double access;
  };
  Snap snap(Vec2 p) const {
    Snap best{0, {}, 1e300};
    for (uint32_t s = 0; s < segs.size(); ++s) {
      const Vec2 A = xy[segs[s].first], AB = xy[segs[s].second] - A;
      const double t = std::clamp(dot(p - A, AB) / dot(AB, AB), 0.0, 1.0);
      const Vec2 q = A + AB * t;
      if (distance(p, q) < best.access) best = {s, q, distance(p, q)};
    }
    return best;
  }
  // Walking distance from point `from` to each of `to` (off-street at both ends included).
  std::vector<double> distances(Vec2 from, const std::vector<Vec2>& to) const {
    const Snap s = snap(from);
    std::vector<double> dist(xy.size(), 1e300);
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
    for (uint32_t v : {segs[s.seg].first, segs[s.seg].second}) {
      dist[v] = std::min(dist[v], s.access + distance(s.q, xy[v]));
      pq.push({dist[v], v});
    }
    while (!pq.empty()) {
      auto [d, u] = pq.top();
      pq.pop();
      if (d > dist[u]) continue;
      for (auto [v, len] : adj[u])
        if (d + len < dist[v]) dist[v] = d + len, pq.push({dist[v], v});
    }
    std::vector<double> out;
    for (Vec2 p : to) {
      const Snap t = snap(p);
      const auto [a, b] = segs[t.seg];
      double d = std::min(dist[a] + distance(t.q, xy[a]), dist[b] + distance(t.q, xy[b]));
      if (t.seg == s.seg) d = std::min(d, s.access + distance(s.q, t.q));  // same street piece
      out.push_back(t.access > kMaxSnap ? 1e300 : d + t.access);  // the engine's off-network rule
    }
    return out;
  }
};

PointSet read(const std::string& path, const CityNetwork& city, DropReport& rep,
              const std::string& what, bool ignore_id = false) {
  PointReadOptions o;
  // Soho's shapefiles carry an 'Id' column that is 0 on every row; it is not an identifier.
  if (ignore_id) o.id_field = "no id column";
  return read_points(path, city.projection(), city.bounds(), o, rep, what);
}

// Engine walk distances from every site agree with the reference, and so does the covered set.
void check_against_reference(const CoverageStudy& st, const RefNet& R, double budget,
                             size_t max_sites) {
  for (size_t s = 0; s < st.sites.size() && s < max_sites; ++s) {
    INFO("site " << s);
    REQUIRE(st.site_snaps[s].status == SnapStatus::ok);
    const auto ref = R.distances(st.sites.xy[s], st.demand.xy);
    const auto& cv = st.covers[s];
    size_t ref_covered = 0, edge_cases = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
      if (std::abs(ref[i] - budget) < 0.02)
        ++edge_cases;
      else if (ref[i] < budget)
        ++ref_covered;
    }
    for (size_t k = 0; k < cv.walk.size(); ++k) {
      INFO("demand " << cv.walk[k]);
      CHECK(cv.walk_m[k] == Approx(ref[cv.walk[k]]).margin(0.02));
    }
    CHECK(cv.walk.size() >= ref_covered);
    CHECK(cv.walk.size() <= ref_covered + edge_cases);
  }
}

}  // namespace

TEST_CASE(
    "GeoDaNet: schools' walk coverage of crimes on the Tempe street network matches a reference",
    "[coverage][debian]") {
  const std::string streets = need(kPysal + "geodanet/streets.shp", "python3-libpysal");
  const std::string schools = need(kPysal + "geodanet/schools.shp", "python3-libpysal");
  const std::string crimes = need(kPysal + "geodanet/crimes.shp", "python3-libpysal");
  const CityNetwork city = open_city(streets, TagProfile::load_default());
  CHECK(city.projection().name() == "EPSG:32612");  // Tempe, Arizona: UTM 12 N
  CHECK(city.lines.size() == 293);
  DropReport rs, rd;
  PointSet sites = read(schools, city, rs, "schools");
  PointSet demand = read(crimes, city, rd, "crimes");
  CHECK(sites.size() == 8);
  CHECK(demand.size() == 287);
  const RefNet R(streets, city.projection().epsg());
  // The reference and the engine hold the same streets (lengths in metres, not the file's feet).
  double ref_len = 0;
  for (auto [a, b] : R.segs) ref_len += distance(R.xy[a], R.xy[b]);
  CHECK(city.graph.total_length_m() == Approx(ref_len).epsilon(1e-6));
  for (double minutes : {5.0, 15.0}) {
    CoverageParams p;
    p.minutes = minutes;
    const CoverageStudy st = run_coverage(city, sites, demand, false, p);
    INFO(minutes << " minutes");
    check_against_reference(st, R, p.budget_m(), sites.size());
    // Walking never beats the straight line.
    for (size_t s = 0; s < st.sites.size(); ++s)
      for (size_t k = 0; k < st.covers[s].walk.size(); ++k)
        CHECK(distance(st.sites.xy[s], st.demand.xy[st.covers[s].walk[k]]) <=
              st.covers[s].walk_m[k] + 1e-3);
  }
}

TEST_CASE("John Snow's Soho: the Broad Street pump reaches the most cholera deaths on foot",
          "[coverage][debian]") {
  const std::string net = need(kPysal + "snow_maps/Soho_Network.shp", "python3-libpysal");
  const std::string pumps = need(kPysal + "snow_maps/SohoWater.shp", "python3-libpysal");
  const std::string people = need(kPysal + "snow_maps/SohoPeople.shp", "python3-libpysal");
  const CityNetwork city = open_city(net, TagProfile::load_default());
  CHECK(city.projection().name() == "EPSG:32630");
  // Most side streets end on a main street between its vertices: joined, Soho is one network.
  CHECK(city.lines.report.t_junctions > 50);
  CHECK(city.graph.component_length_m.size() == 1);
  DropReport rp, rd;
  PointSet sites = read(pumps, city, rp, "pumps", true);
  PointSet deaths = read(people, city, rd, "deaths", true);
  REQUIRE(sites.size() == 13);
  REQUIRE(deaths.size() == 324);
  CHECK(deaths.total_weight() == Approx(392));  // the 'Count' column is the weight
  // The Broad Street pump (Broadwick Street today): 51.51334 N, 0.13667 W.
  size_t broad = 0;
  for (size_t i = 1; i < sites.size(); ++i)
    if (distance(sites.lonlat[i], {-0.13667, 51.51334}) <
        distance(sites.lonlat[broad], {-0.13667, 51.51334}))
      broad = i;
  REQUIRE(distance(sites.lonlat[broad], {-0.13667, 51.51334}) < 0.0002);
  CoverageParams p;
  p.minutes = 3;  // 225 m: a short walk for water
  const CoverageStudy st = run_coverage(city, sites, deaths, false, p);
  std::vector<double> reached(sites.size());
  for (size_t s = 0; s < sites.size(); ++s)
    reached[s] = st.state.covered_weight(static_cast<uint32_t>(s), Criterion::walk);
  const size_t best = std::max_element(reached.begin(), reached.end()) - reached.begin();
  CHECK(best == broad);
  INFO("Broad Street reaches " << reached[broad] << " of " << deaths.total_weight()
                               << " deaths in 3 minutes");
  CHECK(reached[broad] > 0.25 * deaths.total_weight());
  // Nearest pump on foot (Snow's own argument): Broad Street is nearest for most deaths.
  CoverageParams far;
  far.minutes = 60;
  const CoverageStudy all = run_coverage(city, sites, deaths, false, far);
  std::vector<double> best_d(deaths.size(), 1e300);
  std::vector<size_t> nearest(deaths.size(), sites.size());
  for (size_t s = 0; s < sites.size(); ++s)
    for (size_t k = 0; k < all.covers[s].walk.size(); ++k) {
      const uint32_t i = all.covers[s].walk[k];
      if (all.covers[s].walk_m[k] < best_d[i]) best_d[i] = all.covers[s].walk_m[k], nearest[i] = s;
    }
  double to_broad = 0;
  for (size_t i = 0; i < deaths.size(); ++i) to_broad += nearest[i] == broad ? deaths.weight[i] : 0;
  INFO("nearest on foot to Broad Street: " << to_broad << " of 392 deaths");
  CHECK(to_broad > 0.5 * deaths.total_weight());
  // Distances against the independent reference, for every pump.
  const RefNet R(net, city.projection().epsg());
  double ref_len = 0;
  for (auto [a, b] : R.segs) ref_len += distance(R.xy[a], R.xy[b]);
  CHECK(city.graph.total_length_m() == Approx(ref_len).epsilon(1e-6));
  check_against_reference(st, R, p.budget_m(), sites.size());
}

// An 'Id' column that holds 0 on every row (as ArcGIS writes) must not be taken as the identifier
// (all rows but the first would be dropped as duplicates).
TEST_CASE("Soho's shapefiles with a constant Id column keep every row",
          "[coverage][debian]") {
  const std::string net = need(kPysal + "snow_maps/Soho_Network.shp", "python3-libpysal");
  const std::string pumps = need(kPysal + "snow_maps/SohoWater.shp", "python3-libpysal");
  const CityNetwork city = open_city(net, TagProfile::load_default());
  DropReport rp;
  CHECK(read(pumps, city, rp, "pumps").size() == 13);
}

TEST_CASE("OSMnx's West Oakland test extract (.osm.bz2) loads into one walk network",
          "[network][debian]") {
  const std::string path = need(kOsmnx, "python-osmnx-doc");
  const CityNetwork city = open_city(path, TagProfile::load_default());
  const WalkGraph& g = city.graph;
  CHECK(city.lines.from_osm);
  CHECK(city.projection().name() == "EPSG:32610");  // Oakland, California: UTM 10 N
  // The file holds 31 highway ways (grep: 9 residential, 7 footway, 6 service, 5 secondary,
  // 3 unclassified, 1 cycleway); one service road is access=private.
  CHECK(city.lines.report.roads == 31);
  CHECK(city.lines.report.walkable == 30);
  CHECK(city.lines.report.access_forbidden == 1);
  CHECK(g.node_count() > 30);
  CHECK(g.bytes_without_geometry() <= 64.0 * g.node_count());
  CHECK(g.component_length_m[0] > 0.8 * g.total_length_m());
  std::printf("West-Oakland.osm.bz2: %u nodes, %u edges, %zu components, %.1f km walkable\n",
              g.node_count(), g.edge_count(), g.component_length_m.size(),
              g.total_length_m() / 1000);
}
