// Candidate sites: free points along the network (hand-computed positions and brute-force
// spacing), the street-facing point of an area, duplicates, exclusions (with a self-intersecting
// polygon repaired), the category config, and POI candidates on the real Chinese extracts.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "engine/export/vector_writer.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/candidate_filter.hpp"
#include "engine/inputs/exclusion_areas.hpp"
#include "engine/inputs/grid_candidates.hpp"
#include "engine/inputs/poi_candidates.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

namespace {

CandidateCategory grid_cat() {
  CandidateCategory c;
  c.name = "grid";
  c.host_type = "standalone";
  c.cost = 7;
  return c;
}

PointSet points(const CityNetwork& city, const std::vector<Vec2>& xy,
                const std::vector<std::string>& names = {}) {
  PointSet ps;
  for (size_t i = 0; i < xy.size(); ++i) {
    ps.add(city.projection().to_lonlat(xy[i]), xy[i], 1, "p" + std::to_string(i + 1),
           i < names.size() ? names[i] : "");
    ps.info.push_back({});
  }
  return ps;
}

}  // namespace

TEST_CASE("Free candidates: every X metres along streets, none on islands", "[inputs][grid]") {
  // A 1 km street and a 60 m island street far away (an island under --island-m 1000).
  CityNetwork city =
      city_from_lines(tiny_lines({{{{0, 0}, {1000, 0}}}, {{{0, 3000}, {60, 3000}}}}));
  const PointSet g = grid_candidates(city, 200, grid_cat());
  REQUIRE(g.size() == 5);  // offsets 100, 300, 500, 700, 900 (hand-computed)
  std::vector<double> xs;
  for (size_t i = 0; i < g.size(); ++i) {
    CHECK(std::abs(g.xy[i].y) < 1e-6);
    xs.push_back(g.xy[i].x);
    CHECK(g.info[i].category == "grid");
    CHECK(g.info[i].cost == 7);
    CHECK(g.id[i] == "grid-" + std::to_string(i + 1));
  }
  std::sort(xs.begin(), xs.end());
  for (size_t i = 0; i < xs.size(); ++i) CHECK(xs[i] == Approx(100 + 200.0 * i).margin(1e-6));
  CHECK_THROWS_AS(grid_candidates(city, 0, grid_cat()), InputError);
}

TEST_CASE("Free candidates on a dense grid: no two closer than X/2, all on streets",
          "[inputs][grid]") {
  std::vector<TinyLine> lines;
  for (int i = 0; i <= 20; ++i) {  // 40 m blocks (shared vertices at every crossing): short edges
    TinyLine h, v;
    for (int j = 0; j <= 20; ++j)
      h.pts.push_back({40.0 * j, 40.0 * i}), v.pts.push_back({40.0 * i, 40.0 * j});
    lines.push_back(h), lines.push_back(v);
  }
  CityNetwork city = city_from_lines(tiny_lines(lines));
  const double X = 200;
  const PointSet g = grid_candidates(city, X, grid_cat());
  REQUIRE(g.size() > 10);
  for (size_t i = 0; i < g.size(); ++i) {
    CHECK(city.snapper->snap(g.xy[i]).access_m < 1e-3);
    for (size_t j = i + 1; j < g.size(); ++j) CHECK(distance(g.xy[i], g.xy[j]) >= X / 2 - 1e-9);
  }
  // Every street point is within X of a candidate (brute force over a fine sample).
  double worst = 0;
  for (double t = 0; t <= 800; t += 10)
    for (Vec2 p : {Vec2{t, 400}, Vec2{400, t}}) {
      double best = INFINITY;
      for (Vec2 q : g.xy) best = std::min(best, distance(p, q));
      worst = std::max(worst, best);
    }
  CHECK(worst <= X);
}

TEST_CASE("An area's candidate is the point of its outline nearest a street", "[inputs][poi]") {
  // Street along y = 0; a 40 x 40 m building whose south side is 20 m north of it.
  CityNetwork city = city_from_lines(tiny_lines({{{{-500, 0}, {500, 0}}}}));
  const std::vector<Vec2> ring{{100, 20}, {140, 20}, {140, 60}, {100, 60}, {100, 20}};
  Vec2 p;
  REQUIRE(street_facing_point(city, ring, 5, {}, p));
  CHECK(p.y == Approx(20).margin(1e-6));
  CHECK(p.x >= 100 - 1e-9);
  CHECK(p.x <= 140 + 1e-9);
  // Too far from any street: no point.
  const std::vector<Vec2> far{{0, 900}, {10, 900}, {10, 910}, {0, 910}, {0, 900}};
  CHECK_FALSE(street_facing_point(city, far, 5, {}, p));
}

TEST_CASE("OSM hstore tags and the category config", "[inputs][poi]") {
  const std::string h = R"("amenity"=>"bank","name:zh"=>"中国银行","note"=>"say \"hi\"")";
  CHECK(hstore_value(h, "name:zh") == "中国银行");
  CHECK(hstore_value(h, "note") == "say \"hi\"");
  CHECK(hstore_value(h, "shop").empty());
  const CandidateCategories cats = default_candidate_categories();
  REQUIRE(cats.categories.size() >= 10);
  const auto sel = cats.select("bank, mall");
  REQUIRE(sel.size() == 2);
  CHECK(cats.categories[sel[0]].name == "bank");
  CHECK(cats.select("all").size() == cats.categories.size());
  CHECK_THROWS_AS(cats.select("casino"), InputError);
  auto tags = [](std::map<std::string, std::string> m) {
    return [m](const std::string& k) {
      auto it = m.find(k);
      return it == m.end() ? std::string() : it->second;
    };
  };
  CHECK(cats.categories[cats.match(tags({{"shop", "supermarket"}}))].name == "mall");
  CHECK(cats.categories[cats.match(tags({{"government", "tax"}}))].name == "government");
  CHECK(cats.match(tags({{"shop", "bakery"}})) == -1);
  // Conditions joined with '+' must all hold: a tram platform is not a bus stop.
  CHECK(cats.match(tags({{"public_transport", "platform"}, {"tram", "yes"}})) == -1);
  CHECK(
      cats.categories[cats.match(tags({{"public_transport", "platform"}, {"bus", "yes"}}))].name ==
      "bus_stop");
  // A malformed config is a clear error naming the file.
  const std::string bad = temp_dir() + "/cats.json";
  std::ofstream(bad) << R"({"categories": [{"name": "x", "tags": ["amenity"]}]})";
  CHECK_THROWS_WITH(load_candidate_categories(bad),
                    Catch::Contains("cats.json") && Catch::Contains("key=value"));
}

TEST_CASE("Duplicates merged, exclusions and minimum distance honoured", "[inputs][filter]") {
  CityNetwork city = city_from_lines(tiny_lines({{{{0, 0}, {2000, 0}}}}));
  // p1; p2 4 m from p1 (same place); p3 named like p4 40 m apart (same host); p5 inside the
  // bow-tie exclusion; p6 50 m from a station; p7 900 m from any street; p8 fine.
  PointSet all = points(
      city,
      {{100, 5}, {104, 5}, {500, 10}, {540, 10}, {1030, 5}, {1500, 5}, {1500, 900}, {1800, 5}},
      {"", "", "中国银行", "中国银行", "", "", "", ""});
  all.info[2].category = all.info[3].category = "bank";
  PointSet st = points(city, {{1550, 5}});
  // Exclusion: a self-intersecting bow-tie around x = 1000 (GeoJSON, WGS-84).
  const std::string ex_path = temp_dir() + "/exclude.geojson";
  {
    auto ll = [&](double x, double y) {
      const Vec2 p = city.projection().to_lonlat({x, y});
      return "[" + std::to_string(p.x) + "," + std::to_string(p.y) + "]";
    };
    std::ofstream f(ex_path);
    f.precision(12);
    f << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"工地"},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[)" << ll(980, -30) << "," << ll(1040, 30)
      << "," << ll(1040, -30) << "," << ll(980, 30) << "," << ll(980, -30) << "]]}},"
      << R"({"type":"Feature","properties":{"name":"line"},"geometry":{"type":"LineString","coordinates":[)"
      << ll(0, 0) << "," << ll(1, 1) << "]}}]}";
  }
  DropReport ex_rep;
  const ExclusionAreas ex = read_exclusion_areas(ex_path, city.projection(), "", "", ex_rep);
  INFO(ex_rep.summary());
  CHECK(ex_rep.read == 2);
  REQUIRE(ex_rep.dropped.size() == 1);
  CHECK(ex_rep.dropped[0].reason == "not a polygon");
  REQUIRE(ex_rep.notes.size() == 1);
  CHECK(ex_rep.notes[0].find("repaired") != std::string::npos);
  CHECK(ex.containing({1030, 5}) >= 0);  // inside the right lobe of the bow-tie
  CHECK(ex.containing({990, 5}) >= 0);   // and the left one
  CHECK(ex.containing({1010, 25}) < 0);  // outside both lobes

  CandidateFilterOptions o;
  o.min_station_m = 100;
  DropReport rep;
  const FilteredCandidates f = filter_candidates(all, city, &st, &ex, o, rep);
  INFO(rep.summary());
  std::vector<std::string> kept(f.sites.id.begin(), f.sites.id.end());
  CHECK(kept == std::vector<std::string>{"p1", "p3", "p8"});
  CHECK(f.snaps.size() == 3);
  const auto r = rep.reasons();
  CHECK(r.at("duplicate") == 2);
  CHECK(r.at("inside an excluded area") == 1);
  CHECK(r.at("too close to an existing station") == 1);
  CHECK(r.at("could not snap") == 1);
}

TEST_CASE("POI candidates on the Chinese extracts (points and areas)", "[inputs][poi][data]") {
  const std::string dir = require_data_dir() + "/osm/";
  const TagProfile prof = TagProfile::load_default();
  const CandidateCategories cats = default_candidate_categories();
  SECTION("Nanjing Xinjiekou: banks, malls, bus stops; areas on their street-facing edge") {
    const std::string map = require_file(dir + "cn_nanjing_xinjiekou.osm", "Nanjing extract");
    CityNetwork city = open_city(map, prof);
    DropReport rep;
    const PointSet ps = poi_candidates(map, city, cats, {}, rep);
    INFO(rep.summary());
    // The areas' outlines, read here straight from the file (outer rings, metric).
    std::map<std::string, std::vector<Ring>> outlines;
    {
      GDALAllRegister();
      const std::string conf = "CONFIG_FILE=" + data_file("osmconf_poi.ini");
      const char* oo[] = {conf.c_str(), nullptr};
      GDALDatasetUniquePtr ds(
          GDALDataset::Open(map.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo, nullptr));
      REQUIRE(ds);
      OGRLayer* mp = ds->GetLayerByName("multipolygons");
      REQUIRE(mp);
      for (auto& f : *mp) {
        const int way = f->GetFieldIndex("osm_way_id");
        const std::string id = way >= 0 && f->IsFieldSetAndNotNull(way)
                                   ? std::string("way/") + f->GetFieldAsString(way)
                                   : std::string("relation/") + f->GetFieldAsString("osm_id");
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbMultiPolygon) continue;
        for (const auto* poly : *g->toMultiPolygon()) {
          Ring r;
          for (int k = 0; k < poly->getExteriorRing()->getNumPoints(); ++k)
            r.push_back({poly->getExteriorRing()->getX(k), poly->getExteriorRing()->getY(k)});
          if (city.projection().to_metric(r)) outlines[id].push_back(std::move(r));
        }
      }
    }
    auto segment_distance = [](Vec2 p, Vec2 a, Vec2 b) {
      const Vec2 ab = b - a;
      const double l2 = dot(ab, ab);
      const double t = l2 > 0 ? std::clamp(dot(p - a, ab) / l2, 0.0, 1.0) : 0.0;
      return distance(p, a + ab * t);
    };
    std::map<std::string, int> by;
    size_t areas = 0, checked = 0;
    for (size_t i = 0; i < ps.size(); ++i) {
      ++by[ps.info[i].category];
      if (ps.id[i].rfind("node/", 0) == 0) continue;
      ++areas;
      INFO(ps.id[i]);
      REQUIRE(outlines.count(ps.id[i]));
      // Brute force over the outline, every metre: how near a walkable street it comes.
      double on_outline = INFINITY, nearest_street = INFINITY;
      for (const Ring& r : outlines[ps.id[i]])
        for (size_t k = 0; k + 1 < r.size(); ++k) {
          on_outline = std::min(on_outline, segment_distance(ps.xy[i], r[k], r[k + 1]));
          const double len = distance(r[k], r[k + 1]);
          for (double t = 0; t <= len; t += 1) {
            const Snap s = city.snapper->snap(r[k] + (r[k + 1] - r[k]) * (len > 0 ? t / len : 0));
            if (s.status == SnapStatus::ok || s.status == SnapStatus::moved_off_island)
              nearest_street = std::min(nearest_street, static_cast<double>(s.access_m));
          }
        }
      if (!(nearest_street <= 250)) continue;  // no street near the area: a point inside it
      ++checked;
      // On the outline (not the area's middle) ...
      CHECK(on_outline < 0.01);
      // ... where it comes nearest a walkable street (the sampling step is 5 m: within 2.5 m).
      const Snap s = city.snapper->snap(ps.xy[i]);
      CHECK((s.status == SnapStatus::ok || s.status == SnapStatus::moved_off_island));
      CHECK(s.access_m <= nearest_street + 2.5 + 1e-6);
    }
    CHECK(checked >= 10);
    CHECK(by["bank"] >= 20);  // README: 22 bank/atm points + 3 areas (ATMs are not hosts)
    CHECK(by["mall"] >= 14);
    CHECK(by["bus_stop"] >= 40);
    CHECK(areas >= 10);
    CHECK(rep.kept == ps.size());
  }
  SECTION("Guixi (5 POIs): few POI candidates, but free candidates still cover the town") {
    const std::string map = require_file(dir + "cn_guixi_jiangxi.osm", "Guixi extract");
    CityNetwork city = open_city(map, prof);
    DropReport rep;
    const PointSet ps = poi_candidates(map, city, cats, {}, rep);
    CHECK(ps.size() <= 5);
    PointSet all = ps;
    all.append(grid_candidates(city, 200, cats.grid));
    DropReport frep;
    const FilteredCandidates f = filter_candidates(all, city, nullptr, nullptr, {}, frep);
    INFO(frep.summary());
    CHECK(f.sites.size() > 100);
    for (const Snap& s : f.snaps) CHECK(s.usable());
  }
}

TEST_CASE("Exclusion areas traced on a Chinese web map (GCJ-02)", "[inputs][filter][crs]") {
  // Metric coordinates near 117° E, 30.6° N (inside China: the web-map shift applies there).
  const Vec2 o{500000, 3385000};
  CityNetwork city = city_from_lines(tiny_lines({{{o, o + Vec2{2000, 0}}}}));
  // A 100 m square around x = 1000 whose corners were copied from Amap (GCJ-02).
  const std::string path = temp_dir() + "/ex_gcj.geojson";
  {
    std::ofstream f(path);
    f.precision(12);
    f << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[)";
    const Vec2 c[] = {{950, -50}, {1050, -50}, {1050, 50}, {950, 50}, {950, -50}};
    for (int k = 0; k < 5; ++k) {
      const Vec2 g = wgs84_to_gcj02(city.projection().to_lonlat(o + c[k]));
      f << (k ? "," : "") << "[" << g.x << "," << g.y << "]";
    }
    f << "]]}}]}";
  }
  DropReport rep;
  const ExclusionAreas shifted = read_exclusion_areas(path, city.projection(), "", "gcj02", rep);
  CHECK(shifted.containing(o + Vec2{1000, 0}) == 0);
  CHECK(shifted.containing(o + Vec2{1060, 0}) < 0);
  // Read as WGS-84 the square sits hundreds of metres away (the shift is real here).
  const ExclusionAreas raw = read_exclusion_areas(path, city.projection(), "", "", rep);
  CHECK(raw.containing(o + Vec2{1000, 0}) < 0);
}

TEST_CASE("Same host twice: the mapping nearer the street is kept and lists the other",
          "[inputs][filter]") {
  CityNetwork city = city_from_lines(tiny_lines({{{{0, 0}, {2000, 0}}}}));
  // node/1: a mall's node in the middle of its building, 40 m from the street; way/2: the same
  // mall's street-facing outline point, 2 m from it, 38 m from the node (same name: 60 m rule).
  // node/3 and node/4: two different shops 8 m apart (not merged); node/5 and node/6: one shop
  // mapped twice 8 m apart under the same name (merged); node/7 and grid-1: an unnamed point and
  // a free candidate 6 m apart (merged: the earlier source wins even though grid-1 is nearer).
  PointSet pois = points(city, {{300, 40}, {300, 2}, {800, 5}, {808, 5}, {1200, 5}, {1208, 5},
                                {1600, 5}},
                         {"万达广场", "万达广场", "便利店", "药店", "邮局", "邮局", ""});
  pois.source = "map.osm (OpenStreetMap POIs)";
  for (size_t i = 0; i < pois.size(); ++i) {
    pois.id[i] = (i == 1 ? "way/" : "node/") + std::to_string(i + 1);
    pois.info[i].category = i < 2 ? "mall" : "shop";
    pois.row.push_back(10 + i);  // rows in the POI report
  }
  PointSet grid = points(city, {{1606, 0}});
  grid.source = "grid";
  grid.id[0] = "grid-1";
  std::vector<DropReport> reps;
  const FilteredCandidates f = filter_candidates({&pois, &grid}, city, nullptr, nullptr, {}, reps);
  std::vector<std::string> kept(f.sites.id.begin(), f.sites.id.end());
  CHECK(kept == std::vector<std::string>{"way/2", "node/3", "node/4", "node/5", "node/7"});
  REQUIRE(reps.size() == 2);
  CHECK(reps[0].source == pois.source);
  CHECK(reps[0].read == 7);
  CHECK(reps[0].kept == 5);
  CHECK(reps[1].read == 1);
  CHECK(reps[1].kept == 0);
  // The dropped ones carry their own source's rows, not positions in the merged list.
  std::map<std::string, uint64_t> row;
  for (const auto& r : reps)
    for (const auto& d : r.dropped) {
      CHECK(d.reason == "duplicate");
      row[d.id] = d.index;
    }
  CHECK(row == std::map<std::string, uint64_t>{{"node/1", 10}, {"node/6", 15}, {"grid-1", 0}});
  // Merged ids on the kept candidate.
  CHECK(f.sites.attr(0, kMergedColumn) == "node/1");
  CHECK(f.sites.attr(3, kMergedColumn) == "node/6");
  CHECK(f.sites.attr(4, kMergedColumn) == "grid-1");
  CHECK(f.sites.attr(1, kMergedColumn).empty());
  CHECK(f.snaps[0].access_m == Approx(2));
  CHECK(f.sites.source_row(0) == 11);
}
