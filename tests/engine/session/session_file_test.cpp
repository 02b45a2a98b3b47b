// Session files: a session saved and reopened is the same session (scenarios, stations with
// Chinese names and attributes, parameters, view, settings, candidates, demand); saving is atomic
// (a failed save leaves the old file intact); damaged or foreign files give a clear error naming
// the file; a moved map is found next to the session.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gdal_priv.h>

#include "engine/export/vector_writer.hpp"
#include "engine/session/session.hpp"
#include "engine/util/error.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

namespace {

using namespace yz;
namespace fs = std::filesystem;

Session edited_demo() {
  Session s = new_session(MapSource{}, CoverageParams{}, "现状");
  PlanStation p = s.active().station(0);
  p.name = "新街口驿站（共建）";
  p.info.amenities = 0b101;
  p.info.cost = 1200;
  p.info.opening_hours = "Mo-Su 08:00-20:00";
  p.extra.emplace_back("备注", "银行网点内, \"一楼\"");
  s.update_station(0, p, "edit");
  s.add_scenario("方案B", true);
  s.remove_station(3, "remove");
  PlanStation n;
  n.name = "手工添加";
  n.origin = kOriginAdded;
  n.xy = s.active().station(5).xy + Vec2{150, 80};
  s.add_station(n, "add");
  CoverageParams q = s.workspace().params();
  q.minutes = 12;
  q.radius_m = 800;
  s.apply_rebase(Session::compute_rebase(s.rebase_input(), s.workspace().with_params(q)), "params");
  s.settings.criterion = Criterion::walk;
  s.settings.lang = "zh";
  s.settings.view = {true, {114.31, 30.57}, 3.5};
  s.settings.set_ui("layer.stations.opacity", "0.8");
  return s;
}

void check_same(const Session& a, const Session& b) {
  REQUIRE(a.scenario_count() == b.scenario_count());
  CHECK(a.active_index() == b.active_index());
  CHECK(a.workspace().params().minutes == b.workspace().params().minutes);
  CHECK(a.workspace().params().radius_m == b.workspace().params().radius_m);
  CHECK(a.candidates().size() == b.candidates().size());
  CHECK(a.workspace().demand().size() == b.workspace().demand().size());
  for (size_t i = 0; i < a.scenario_count(); ++i) {
    const Scenario &x = a.scenario(i), &y = b.scenario(i);
    CHECK(x.name() == y.name());
    const auto xs = x.stations(), ys = y.stations();
    REQUIRE(xs.size() == ys.size());
    for (size_t k = 0; k < xs.size(); ++k) {
      INFO("scenario " << i << " station " << k);
      CHECK(xs[k].name == ys[k].name);
      CHECK(xs[k].id == ys[k].id);
      CHECK(xs[k].origin == ys[k].origin);
      CHECK(xs[k].info.amenities == ys[k].info.amenities);
      CHECK(xs[k].info.host_type == ys[k].info.host_type);
      CHECK(xs[k].extra == ys[k].extra);
      CHECK(distance(xs[k].xy, ys[k].xy) < 0.01);  // lon/lat round trip: under a centimetre
    }
    CHECK(x.state().summary().walk.covered == Approx(y.state().summary().walk.covered));
    CHECK(x.state().summary().both.twice == Approx(y.state().summary().both.twice));
  }
}

}  // namespace

TEST_CASE("a saved session reopens as the same session", "[session]") {
  Session s = edited_demo();
  const std::string path = test::temp_dir() + "/plan.yizhan.gpkg";
  write_session_file(path, s.snapshot());
  CHECK(is_session_file(path));
  SessionFile f = read_session_file(path);
  CHECK(f.map.demo());
  CHECK(f.settings.criterion == Criterion::walk);
  CHECK(f.settings.lang == "zh");
  CHECK(f.settings.view.set);
  CHECK(f.settings.view.m_per_px == 3.5);
  REQUIRE(f.settings.ui_value("layer.stations.opacity"));
  CHECK(*f.settings.ui_value("layer.stations.opacity") == "0.8");
  CHECK_FALSE(f.saved_at.empty());
  Session r = open_session(f, path);
  CHECK_FALSE(r.dirty());
  CHECK(r.path == path);
  check_same(s, r);
  // Saved again, it is still the same (nothing drifts through a second round trip).
  const std::string path2 = test::temp_dir() + "/plan2.gpkg";
  write_session_file(path2, r.snapshot());
  check_same(s, open_session(read_session_file(path2), path2));
}

TEST_CASE("each layer's source file and the CRS it was read in survive save and reopen",
          "[session][crs]") {
  Session s = edited_demo();
  s.settings.stations_origin = {"/data/驿站_高德.csv", "gcj02",
                                "GCJ-02 (Chinese web map; converted to WGS-84)"};
  s.settings.demand_origin = {"/data/workers.gpkg", "", "WGS-84"};
  const std::string path = test::temp_dir() + "/origins.gpkg";
  write_session_file(path, s.snapshot());
  Session r = open_session(read_session_file(path), path);
  CHECK(r.settings.stations_origin.path == "/data/驿站_高德.csv");
  CHECK(r.settings.stations_origin.crs == "gcj02");
  CHECK(r.settings.stations_origin.crs_name == "GCJ-02 (Chinese web map; converted to WGS-84)");
  CHECK(r.settings.demand_origin.path == "/data/workers.gpkg");
  CHECK(r.settings.demand_origin.crs.empty());
  CHECK(r.settings.demand_origin.crs_name == "WGS-84");
  CHECK_FALSE(r.settings.candidates_origin.known());
  // Saved again from the reopened session (what autosave writes): still there.
  const std::string path2 = test::temp_dir() + "/origins2.gpkg";
  write_session_file(path2, r.snapshot());
  CHECK(read_session_file(path2).settings.stations_origin.crs == "gcj02");

  // A session written before origins were kept has no layer_* rows: it opens, origins unknown.
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    ds->ExecuteSQL("DELETE FROM yizhan_session WHERE key LIKE 'layer_%'", nullptr, nullptr);
  }
  SessionFile old = read_session_file(path);
  CHECK_FALSE(old.settings.stations_origin.known());
  CHECK(old.settings.stations_origin.crs.empty());
  CHECK_FALSE(old.settings.demand_origin.known());
  check_same(s, open_session(old, path));
}

TEST_CASE("the session's stations layer opens as plain GIS data", "[session]") {
  Session s = edited_demo();
  const std::string path = test::temp_dir() + "/qgis.gpkg";
  write_session_file(path, s.snapshot());
  std::string out;
  REQUIRE(test::run_command("ogrinfo -ro -q -sql \"SELECT scenario, name, walk_workers, 备注 FROM "
                            "stations WHERE name = '新街口驿站（共建）'\" " +
                                path,
                            out) == 0);
  CHECK(out.find("方案B") != std::string::npos);
  CHECK(out.find("现状") != std::string::npos);
  CHECK(out.find("银行网点内") != std::string::npos);
  CHECK(out.find("walk_workers (Real)") != std::string::npos);
}

TEST_CASE("a failed save leaves the previous session intact", "[session]") {
  Session s = new_session(MapSource{}, CoverageParams{}, "first");
  // A disk with room for one copy only (a small tmpfs): the second save runs out of space while
  // the first file is still there, and must fail cleanly.
  const std::string probe = test::temp_dir() + "/atomic_probe.gpkg";
  write_session_file(probe, s.snapshot());
  const auto size0 = fs::file_size(probe);
  const std::string dir = test::temp_dir() + "/atomic";
  fs::create_directories(dir);
  const size_t room = (size0 + size0 / 2 + 4095) / 4096 * 4096;
  if (std::system(
          ("mount -t tmpfs -o size=" + std::to_string(room) + " tmpfs " + dir + " 2>/dev/null")
              .c_str()) != 0) {
    WARN("cannot mount a small tmpfs here (needs root): the full-disk save is not checked");
    return;
  }
  struct Unmount {
    std::string d;
    ~Unmount() { std::system(("umount " + d).c_str()); }
  } unmount{dir};
  const std::string path = dir + "/plan.gpkg";
  write_session_file(path, s.snapshot());
  REQUIRE(fs::file_size(path) == size0);
  s.rename_scenario(0, "second");
  CHECK_THROWS_AS(write_session_file(path, s.snapshot()), InputError);
  CHECK(fs::file_size(path) == size0);
  CHECK(read_session_file(path).scenarios.at(0).name == "first");
  for (const auto& e : fs::directory_iterator(dir))
    CHECK(e.path().filename().string() == "plan.gpkg");  // no leftovers
  // And succeeds once the way is clear, replacing the file whole.
  fs::remove(path);
  write_session_file(path, s.snapshot());
  CHECK(read_session_file(path).scenarios.at(0).name == "second");
}

TEST_CASE("damaged and foreign files are refused with the file named", "[session]") {
  const std::string dir = test::temp_dir();
  auto refused = [&](const std::string& path, const std::string& problem) {
    INFO(path);
    try {
      read_session_file(path);
      FAIL("accepted " << path);
    } catch (const InputError& e) {
      CHECK(e.source() == path);
      CHECK_THAT(std::string(e.what()), Catch::Contains(problem));
    }
  };
  refused(dir + "/missing.gpkg", "not found");
  { std::ofstream(dir + "/empty.gpkg"); }
  refused(dir + "/empty.gpkg", "empty");
  {
    std::ofstream f(dir + "/text.gpkg");
    f << "this is not a geopackage\n";
  }
  refused(dir + "/text.gpkg", "not a readable GeoPackage");
  {
    VectorWriter w(dir + "/other.gpkg");
    w.begin_layer("points", GeomKind::point, {{"name", FieldType::text}});
    w.add_point({114.3, 30.6}, {std::string("x")});
    w.close();
  }
  refused(dir + "/other.gpkg", "not a Yizhan session");
  CHECK_FALSE(is_session_file(dir + "/other.gpkg"));

  // A real session cut in half.
  Session s = new_session(MapSource{}, CoverageParams{}, "plan");
  const std::string good = dir + "/good.gpkg";
  write_session_file(good, s.snapshot());
  {
    std::ifstream in(good, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(dir + "/cut.gpkg", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  try {
    read_session_file(dir + "/cut.gpkg");
    FAIL("accepted a truncated session");
  } catch (const InputError& e) {
    CHECK(e.source() == dir + "/cut.gpkg");
  }

  // A settings value that is not a number, and a session from a newer Yizhan.
  auto with_setting = [&](const std::string& name, const std::string& key, const std::string& v) {
    const std::string p = dir + "/" + name;
    fs::copy_file(good, p, fs::copy_options::overwrite_existing);
    std::string out;
    REQUIRE(test::run_command("ogrinfo -q " + p +
                                  " -dialect sqlite -sql \"UPDATE yizhan_session SET value='" + v +
                                  "' WHERE key='" + key + "'\"",
                              out) == 0);
    return p;
  };
  refused(with_setting("nan.gpkg", "minutes", "abc"), "minutes");
  // Out of range: the same ranges as the CLI and the app (CoverageParams::validate), named.
  refused(with_setting("minutes.gpkg", "minutes", "241"),
          "setting 'minutes' = '241' is out of range");
  refused(with_setting("radius.gpkg", "radius_m", "1e12"), "radius_m");
  refused(with_setting("island.gpkg", "island_m", "-1"), "island_m");
  refused(with_setting("snap.gpkg", "max_snap_m", "0"), "max_snap_m");
  refused(with_setting("newer.gpkg", "format_version", "99"), "newer Yizhan");
}

TEST_CASE("a session whose map moved away says so; a map moved with it is found", "[session]") {
  const std::string dir = test::temp_dir();
  // A small road network as a GeoPackage next to the session.
  const std::string a = dir + "/a", b = dir + "/b";
  fs::create_directories(a);
  {
    RoadLines L =
        test::tiny_lines({{{{0, 0}, {800, 0}}}, {{{0, 0}, {0, 800}}}, {{{800, 0}, {800, 800}}}});
    VectorWriter w(a + "/roads.gpkg");
    w.begin_layer("roads", GeomKind::line, {{"highway", FieldType::text}});
    for (size_t i = 0; i < L.size(); ++i) {
      std::vector<Vec2> ll(L.points.begin() + L.first[i], L.points.begin() + L.first[i + 1]);
      L.projection.to_lonlat(ll);
      w.add_line(ll, {std::string("residential")});
    }
    w.close();
  }
  MapSource src;
  src.path = a + "/roads.gpkg";
  Session s = new_session(src, CoverageParams{}, "plan");
  PlanStation p;
  p.name = "路口";
  p.xy = s.workspace().city().bounds().min;
  s.add_station(p, "add");
  write_session_file(a + "/plan.gpkg", s.snapshot());
  // Moved together: the relative path finds the map.
  fs::rename(a, b);
  Session moved = open_session(read_session_file(b + "/plan.gpkg"), b + "/plan.gpkg");
  CHECK(moved.workspace().map().path == b + "/roads.gpkg");
  CHECK(moved.active().active_count() == 1);
  // Map gone: a clear error naming the session and the map.
  fs::remove(b + "/roads.gpkg");
  try {
    open_session(read_session_file(b + "/plan.gpkg"), b + "/plan.gpkg");
    FAIL("opened without its map");
  } catch (const InputError& e) {
    CHECK(e.source() == b + "/plan.gpkg");
    CHECK_THAT(std::string(e.what()), Catch::Contains("roads.gpkg"));
  }
}

namespace {

// A street grid of (n+1) x (n+1) nodes, `step_m` apart, its south-west corner at lon0/lat0.
std::string grid_osm(const std::string& path, double lon0, double lat0, int n, double step_m) {
  test::OsmXml osm;
  auto lon = [&](double dx) { return lon0 + dx / (111320.0 * std::cos(lat0 * test::kDeg)); };
  auto lat = [&](double dy) { return lat0 + dy / 110574.0; };
  auto nid = [&](int i, int j) { return static_cast<int64_t>(1 + i * (n + 1) + j); };
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j) osm.node(nid(i, j), lon(step_m * i), lat(step_m * j));
  int64_t wid = 1;
  for (int i = 0; i <= n; ++i) {
    std::vector<int64_t> row, col;
    for (int j = 0; j <= n; ++j) row.push_back(nid(j, i)), col.push_back(nid(i, j));
    osm.way(wid++, row, {{"highway", "residential"}});
    osm.way(wid++, col, {{"highway", "residential"}});
  }
  return osm.write(path);
}

}  // namespace

TEST_CASE("a session whose map file was replaced by another place's map is refused or noted",
          "[session][map-fit]") {
  const std::string dir = test::temp_dir() + "/swap";
  fs::create_directories(dir);
  const std::string map = dir + "/city.osm", session = dir + "/plan.gpkg";
  // Wuhan: a 10 km x 10 km grid; stations 1, 2 and 9 km east of its south-west corner.
  grid_osm(map, 114.30, 30.60, 10, 1000);
  MapSource src;
  src.path = map;
  Session s = new_session(src, CoverageParams{}, "plan");
  const Vec2 sw = s.workspace().city().bounds().min;
  for (double east : {1000.0, 2000.0, 9000.0}) {
    PlanStation p;
    p.name = "站" + std::to_string(static_cast<int>(east));
    p.xy = sw + Vec2{east, 500};
    s.add_station(p, "add");
  }
  write_session_file(session, s.snapshot());
  CHECK(open_session(read_session_file(session), session).notes.lines.empty());

  SECTION("another city's map (Munich, ~8,000 km away): refused, naming the session and map") {
    grid_osm(map, 11.56, 48.13, 4, 250);
    try {
      open_session(read_session_file(session), session);
      FAIL("opened a session whose every station lies ~8,000 km off its map");
    } catch (const InputError& e) {
      CHECK(e.source() == session);
      const std::string m = e.what();
      CHECK_THAT(m, Catch::Contains("none of its 3 stations lies on the map") &&
                        Catch::Contains("city.osm") && Catch::Contains("replaced"));
      // Wuhan to Munich along a great circle: about 8,100 km (independent: the test's own
      // geodesy would need the ellipsoid at this range; a wide bracket suffices here).
      CHECK_THAT(m, Catch::Matches(".*the nearest is 8[0-9]{3} km.*"));
    }
  }
  SECTION("a smaller map of the same city, holding one of the three stations: opened with a note") {
    // 8..10 km east: the 9 km station is on it; 1 and 2 km lie over 2 km outside its bounds.
    grid_osm(map, 114.30 + 8000 / (111320.0 * std::cos(30.60 * test::kDeg)), 30.60, 2, 1000);
    const Session o = open_session(read_session_file(session), session);
    REQUIRE(o.notes.lines.size() == 1);
    CHECK_THAT(o.notes.lines[0], Catch::Contains("2 of 3 stations lie outside the map city.osm"));
  }
}

TEST_CASE("the rider-reach criterion and its settings survive save and reopen",
          "[session][rider]") {
  Session s = edited_demo();
  s.settings.rider_criterion = true;  // the Suggest panel optimises rider reach (骑行可达)
  s.settings.rider.minutes = 7.5;
  s.settings.rider.speed_kmh = 18;
  s.settings.rider.park_walk_m = 60;
  s.settings.rider.demand = "riders,couriers";
  const std::string path = test::temp_dir() + "/rider.gpkg";
  write_session_file(path, s.snapshot());
  SessionFile f = read_session_file(path);
  CHECK(f.settings.rider_criterion);
  CHECK(f.settings.criterion == Criterion::walk);  // the double-15 test chosen is kept too
  CHECK(f.settings.rider.minutes == 7.5);
  CHECK(f.settings.rider.speed_kmh == 18);
  CHECK(f.settings.rider.park_walk_m == 60);
  CHECK(f.settings.rider.demand == "riders,couriers");
  // Reopened and saved again (what autosave writes): unchanged.
  Session r = open_session(f, path);
  CHECK(r.settings.rider_criterion);
  const std::string path2 = test::temp_dir() + "/rider2.gpkg";
  write_session_file(path2, r.snapshot());
  const SessionFile g = read_session_file(path2);
  CHECK(g.settings.rider_criterion);
  CHECK(g.settings.rider.minutes == 7.5);
  CHECK(g.settings.rider.speed_kmh == 18);
  CHECK(g.settings.rider.park_walk_m == 60);
  CHECK(g.settings.rider.demand == "riders,couriers");

  // Out of range: the CLI's ranges (RiderParams::validate), the setting named.
  auto with_setting = [&](const std::string& name, const std::string& key, const std::string& v) {
    const std::string p = test::temp_dir() + "/" + name;
    fs::copy_file(path, p, fs::copy_options::overwrite_existing);
    std::string out;
    REQUIRE(test::run_command("ogrinfo -q " + p +
                                  " -dialect sqlite -sql \"UPDATE yizhan_session SET value='" + v +
                                  "' WHERE key='" + key + "'\"",
                              out) == 0);
    return p;
  };
  for (const auto& [key, bad] : {std::pair{"ride_min", "0"},
                                 {"ride_kmh", "99"},
                                 {"park_walk_m", "-5"},
                                 {"ride_min", "abc"}}) {
    const std::string p = with_setting(std::string("bad_") + key + ".gpkg", key, bad);
    INFO(key << " = " << bad);
    try {
      read_session_file(p);
      FAIL("accepted " << key << " = " << bad);
    } catch (const InputError& e) {
      CHECK(e.source() == p);
      CHECK_THAT(std::string(e.what()), Catch::Contains(std::string("'") + key + "'"));
    }
  }

  // A session written before the rider test was kept has none of these rows: it opens with the
  // double-15 criterion it had and the rider test's defaults (5 min, 15 km/h, 100 m, riders).
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    ds->ExecuteSQL(
        "DELETE FROM yizhan_session WHERE key IN ('rider_criterion', 'ride_min', 'ride_kmh', "
        "'park_walk_m', 'rider_demand')",
        nullptr, nullptr);
  }
  const SessionFile old = read_session_file(path);
  CHECK_FALSE(old.settings.rider_criterion);
  CHECK(old.settings.criterion == Criterion::walk);
  CHECK(old.settings.rider.minutes == 5);
  CHECK(old.settings.rider.speed_kmh == 15);
  CHECK(old.settings.rider.park_walk_m == 100);
  CHECK(old.settings.rider.demand == "riders");
  check_same(s, open_session(old, path));
}
