// Street names for finding a site: the nearest named street, its nearest crossing with another
// named street and the nearest address, on a hand-made map (hand-computed answers) and on the real
// Nanjing extract against an independent brute force over the OSM XML itself (own parser, own
// equirectangular projection; nothing from the engine's map reader).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/grid_candidates.hpp"
#include "engine/map/street_names.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/network/city_network.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;

TEST_CASE("Street names: nearest street, its crossing and the address, hand-made map",
          "[map][street_names]") {
  RoadLines L;
  // 中山路 along y = 0 from x = 0 to 1000; 汉中路 along x = 400 crossing it; an unnamed lane at
  // y = 5; 北京路 along y = 300 meeting nothing named 中山路.
  L.add_line({{0, 0}, {400, 0}}, RoadClass::primary, true, 1, kRideByClass, "中山路", "Zhongshan Rd");
  L.add_line({{400, 0}, {1000, 0}}, RoadClass::primary, true, 2, kRideByClass, "中山路", "Zhongshan Rd");
  L.add_line({{400, -500}, {400, 0}, {400, 500}}, RoadClass::secondary, true, 3, kRideByClass, "汉中路",
             "Hanzhong Rd");
  L.add_line({{0, 5}, {1000, 5}}, RoadClass::service, true, 4);
  L.add_line({{0, 300}, {1000, 300}}, RoadClass::residential, true, 5, kRideByClass, "北京路");
  L.addresses.push_back({{610, 20}, "中山路", "88"});
  const StreetNames names(L, 50);
  CHECK(names.named_lines() == 4);
  CHECK(names.crossings() == 1);  // 中山路 x 汉中路 at (400, 0); the 中山路 join is not a crossing

  const PlaceNames p = names.near({600, 10});
  CHECK(p.street == "中山路");  // 10 m away; the unnamed lane (5 m) is skipped
  CHECK(p.street_m == Approx(10));
  CHECK(p.cross == "汉中路");
  CHECK(p.cross_m == Approx(std::hypot(200, 10)));
  CHECK(p.address == "中山路88号");
  CHECK(p.address_m == Approx(std::hypot(10, 10)));
  CHECK(place_label(p, false) == "中山路 / 汉中路口 附近");
  CHECK(place_label(p, true) == "near Zhongshan Rd / Hanzhong Rd");

  const PlaceNames q = names.near({700, 290});
  CHECK(q.street == "北京路");
  CHECK(q.cross.empty());    // 北京路 crosses no other named street
  CHECK(q.address.empty());  // 88号 is 270 m away
  CHECK(place_label(q, false) == "北京路 附近");
  CHECK(place_label(q, true) == "near 北京路");  // no name:en: the name as tagged

  CHECK(names.near({2000, 2000}).street.empty());  // nothing within 300 m
  CHECK(place_label(names.near({2000, 2000}), false).empty());
}

namespace {

// The OSM XML read with regular expressions: nodes, and the named highway ways (open ones).
struct RawOsm {
  std::map<int64_t, std::pair<double, double>> node;  // id -> lon, lat
  struct Way {
    std::vector<int64_t> refs;
    std::string name, highway;
    bool closed_area = false;
  };
  std::vector<Way> ways;
};

RawOsm read_raw(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string xml = ss.str();
  RawOsm o;
  const std::regex node_re(R"re(<node id="(-?\d+)"[^>]*?lat="([-\d.]+)" lon="([-\d.]+)")re");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), node_re); it != std::sregex_iterator();
       ++it)
    o.node[std::stoll((*it)[1])] = {std::stod((*it)[3]), std::stod((*it)[2])};
  size_t pos = 0;
  const std::regex nd_re(R"re(<nd ref="(-?\d+)")re"),
      tag_re(R"re(<tag k="([^"]*)" v="([^"]*)")re");
  while ((pos = xml.find("<way ", pos)) != std::string::npos) {
    const size_t end = xml.find("</way>", pos);
    const std::string w = xml.substr(pos, end - pos);
    pos = end;
    RawOsm::Way way;
    std::string area;
    for (auto it = std::sregex_iterator(w.begin(), w.end(), nd_re); it != std::sregex_iterator();
         ++it)
      way.refs.push_back(std::stoll((*it)[1]));
    for (auto it = std::sregex_iterator(w.begin(), w.end(), tag_re); it != std::sregex_iterator();
         ++it) {
      if ((*it)[1] == "name") way.name = (*it)[2];
      if ((*it)[1] == "highway") way.highway = (*it)[2];
      if ((*it)[1] == "area") area = (*it)[2];
    }
    // Closed ways read as areas: platforms are left out, a pedestrian square is walked (and
    // named) along its outline like a street.
    way.closed_area = way.refs.size() > 2 && way.refs.front() == way.refs.back() &&
                      (area == "yes" || way.highway == "platform") && way.highway != "pedestrian";
    if (!way.name.empty() && !way.highway.empty()) o.ways.push_back(std::move(way));
  }
  return o;
}

}  // namespace

TEST_CASE("Street names on the Nanjing extract match a brute force over the OSM XML",
          "[map][street_names][data]") {
  const std::string path =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const CityNetwork city = open_city(path, TagProfile::load_default());
  const RawOsm raw = read_raw(path);
  // Equirectangular metres around the engine's own centre: over 3 km it differs from UTM by
  // well under 0.5 %, far below what separates two streets.
  const Vec2 c0 = city.projection().to_lonlat(city.bounds().centre());
  const double mx = 111320.0 * std::cos(c0.y * M_PI / 180), my = 110574.0;
  auto local = [&](std::pair<double, double> ll) {
    return Vec2{(ll.first - c0.x) * mx, (ll.second - c0.y) * my};
  };
  // Named segments and the nodes where differently named streets meet.
  struct Seg {
    Vec2 a, b;
    const std::string* name;
  };
  std::vector<Seg> segs;
  std::map<int64_t, std::set<std::string>> node_names;
  for (const auto& w : raw.ways) {
    if (w.closed_area) continue;
    const Vec2* prev = nullptr;
    Vec2 pv;
    for (int64_t r : w.refs) {
      auto it = raw.node.find(r);
      if (it == raw.node.end()) {
        prev = nullptr;
        continue;
      }
      node_names[r].insert(w.name);
      const Vec2 p = local(it->second);
      if (prev) segs.push_back({pv, p, &w.name});
      pv = p;
      prev = &pv;
    }
  }
  REQUIRE(segs.size() > 500);
  auto seg_d = [](Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 d = b - a;
    const double t = std::clamp(dot(d, d) > 0 ? dot(p - a, d) / dot(d, d) : 0.0, 0.0, 1.0);
    return distance(p, a + d * t);
  };
  const StreetNames names(city.lines);
  CandidateCategory grid;
  grid.name = "grid";
  const PointSet pts = grid_candidates(city, 150, grid);
  REQUIRE(pts.size() > 100);
  size_t checked = 0, with_cross = 0, labelled = 0;
  for (size_t i = 0; i < pts.size(); ++i) {
    const Vec2 ll = pts.lonlat[i];
    const Vec2 p = local({ll.x, ll.y});
    double best = 1e300;
    for (const auto& s : segs) best = std::min(best, seg_d(p, s.a, s.b));
    const PlaceNames got = names.near(pts.xy[i]);
    INFO("point " << pts.id[i] << " at " << ll.x << "," << ll.y);
    if (best > 300 * 1.005 + 1) {
      CHECK(got.street.empty());
      continue;
    }
    if (best > 300 * 0.995 - 1) continue;  // at the reach limit: either answer is right
    REQUIRE(!got.street.empty());
    CHECK(got.street_m == Approx(best).epsilon(0.005).margin(0.5));
    // The engine's street is one of those at the brute-force distance (ties within a metre).
    std::set<std::string> nearest;
    for (const auto& s : segs)
      if (seg_d(p, s.a, s.b) <= best * 1.005 + 1) nearest.insert(*s.name);
    CHECK(nearest.count(got.street) == 1);
    ++checked;
    // Its nearest crossing: a node shared by got.street and another named street.
    double best_x = 1e300;
    std::set<std::string> cross_names;
    for (const auto& [id, ns] : node_names) {
      if (ns.size() < 2 || !ns.count(got.street)) continue;
      const double d = distance(p, local(raw.node.at(id)));
      if (d > 800 * 1.005 + 1) continue;
      if (d < best_x * 0.995 - 1) cross_names.clear();
      if (d <= best_x * 1.005 + 1) {
        for (const auto& n : ns)
          if (n != got.street) cross_names.insert(n);
        best_x = std::min(best_x, d);
      }
    }
    if (best_x > 800 * 0.995 - 1) continue;  // none, or at the reach limit
    REQUIRE(!got.cross.empty());
    CHECK(got.cross_m == Approx(best_x).epsilon(0.005).margin(0.5));
    CHECK(cross_names.count(got.cross) == 1);
    ++with_cross;
    // The generated candidate is named after exactly these streets.
    CHECK(pts.name[i] == place_label(got, false));
    CHECK(pts.name[i].find(got.street) == 0);
    labelled += pts.name[i].find("口 附近") != std::string::npos;
  }
  CHECK(checked > 100);
  CHECK(with_cross > 100);
  CHECK(labelled == with_cross);
  CHECK(pts.id[0] == "grid-1");  // ids stay
}
