// Every real OpenStreetMap extract in data/osm loads into a compact graph, and 15-minute walks on
// it agree with an independent reference built here from the raw GDAL lines: vertices keyed on
// centimetre-rounded UTM coordinates, one edge per segment, plain std::priority_queue Dijkstra.
//
// Documented differences the comparison allows for:
// - degree-2 folding: the engine keeps only junctions and dead ends, so a reference vertex in the
//   middle of a street has no engine node (checked only engine -> reference there);
// - float distances in the engine (a few millimetres over a kilometre): 2 cm tolerance, and nodes
//   within 2 cm of the budget may be reached by one side only;
// - distinct OSM nodes less than a centimetre apart: both sides join ways at points equal to the
//   centimetre, but on grids with different origins, so such a pair may be one junction on one side
//   and two on the other. Vertices with another vertex within 1.5 cm are left out (count printed).
#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <queue>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "engine/network/city_network.hpp"
#include "engine/network/walk_search.hpp"
#include "engine/util/data_files.hpp"
#include "support/test_data.hpp"

using namespace yz;
namespace fs = std::filesystem;

namespace {

constexpr double kBudget = 15 * 4.5 * 1000 / 60;  // 1125 m: the default 15 minutes at 4.5 km/h
constexpr double kTol = 0.02;                     // metres
constexpr double kMaxJump = 50;  // the loader's default for ways with missing nodes

// The walkability rules, read from data/walk_profile.json here (not through the engine's
// TagProfile).
struct RefProfile {
  std::map<std::string, std::string> walk;  // highway -> yes | no | if_foot_allowed
  std::set<std::string> foot_allows, foot_forbids, access_forbids, area_highways,
      foot_overrides_access;
  RefProfile() {
    std::ifstream in(data_file("walk_profile.json"));
    const auto j = nlohmann::json::parse(in);
    for (const auto& [k, v] : j.at("highway").items()) walk[k] = v.at("walk").get<std::string>();
    for (const auto& s : j.at("foot_allows")) foot_allows.insert(s.get<std::string>());
    for (const auto& s : j.at("foot_forbids")) foot_forbids.insert(s.get<std::string>());
    for (const auto& s : j.at("access_forbids")) access_forbids.insert(s.get<std::string>());
    for (const auto& s : j.at("area_highways")) area_highways.insert(s.get<std::string>());
    for (const auto& s : j.at("foot_overrides_access"))
      foot_overrides_access.insert(s.get<std::string>());
  }
  bool walkable(const std::string& hw, const std::string& foot, const std::string& access) const {
    if (hw.empty()) return false;
    const bool foot_yes = foot_allows.count(foot) > 0;
    auto it = walk.find(hw);
    if (it == walk.end()) return foot_yes;  // unknown classes only with explicit foot access
    if (it->second == "no" || foot_forbids.count(foot)) return false;
    if (it->second == "if_foot_allowed" && !foot_yes) return false;
    return foot_overrides_access.count(foot) || !access_forbids.count(access);
  }
};

struct RefGraph {
  std::unordered_map<uint64_t, uint32_t> id;  // centimetre key -> vertex
  std::vector<Vec2> xy;
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;
  std::vector<uint32_t> ends;    // segment ends touching the vertex (2 = middle of a street)
  std::vector<uint8_t> fragile;  // another distinct point lies within 1.5 cm (see above)
  std::vector<std::pair<uint32_t, uint32_t>> segs;
  size_t ways = 0, cut = 0;

  static uint64_t key(Vec2 p) {
    const int64_t kx = std::llround(p.x * 100), ky = std::llround(p.y * 100);
    return static_cast<uint64_t>(kx) << 32 | static_cast<uint32_t>(ky);
  }
  uint32_t vertex(Vec2 p) {
    auto [it, fresh] = id.try_emplace(key(p), static_cast<uint32_t>(xy.size()));
    if (fresh)
      xy.push_back(p), adj.emplace_back(), ends.push_back(0), fragile.push_back(0);
    else if (!(xy[it->second] == p))
      fragile[it->second] = 1;  // two distinct points, one key
    return it->second;
  }
  // Marks vertices with a distinct neighbour in an adjacent centimetre cell within 1.5 cm.
  void mark_fragile() {
    for (uint32_t v = 0; v < xy.size(); ++v)
      for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy) {
          if (!dx && !dy) continue;
          auto w = find(xy[v] + Vec2{dx * 0.01, dy * 0.01});
          if (w && *w != v && distance(xy[*w], xy[v]) < 0.015) fragile[v] = fragile[*w] = 1;
        }
  }
  std::optional<uint32_t> find(Vec2 p) const {
    auto it = id.find(key(p));
    if (it == id.end()) return std::nullopt;
    return it->second;
  }
  void add_line(const std::vector<Vec2>& pts, bool missing_nodes) {
    ++ways;
    for (size_t k = 1; k < pts.size(); ++k) {
      const double len = distance(pts[k - 1], pts[k]);
      if (missing_nodes && len > kMaxJump) {
        ++cut;
        continue;
      }
      const uint32_t a = vertex(pts[k - 1]), b = vertex(pts[k]);
      if (a == b) continue;
      adj[a].push_back({b, len});
      adj[b].push_back({a, len});
      ++ends[a], ++ends[b];
      segs.push_back({a, b});
    }
  }
  // Plain Dijkstra from several sources with initial distances, up to `budget`.
  std::unordered_map<uint32_t, double> dijkstra(const std::vector<std::pair<uint32_t, double>>& src,
                                                double budget) const {
    std::unordered_map<uint32_t, double> dist;
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
    for (auto [v, d] : src)
      if (d <= budget && (!dist.count(v) || d < dist[v])) dist[v] = d, pq.push({d, v});
    std::unordered_set<uint32_t> done;
    while (!pq.empty()) {
      auto [d, u] = pq.top();
      pq.pop();
      if (!done.insert(u).second) continue;
      for (auto [v, len] : adj[u]) {
        const double nd = d + len;
        if (nd > budget) continue;
        auto it = dist.find(v);
        if (it == dist.end() || nd < it->second) dist[v] = nd, pq.push({nd, v});
      }
    }
    return dist;
  }
};

// Collects GDAL's messages (errors and debug) while a reference file is read.
struct Messages {
  std::vector<std::string> all;
  static void CPL_STDCALL handler(CPLErr, CPLErrorNum, const char* msg) {
    if (msg) static_cast<Messages*>(CPLGetErrorHandlerUserData())->all.emplace_back(msg);
  }
};

std::string str_field(OGRFeature& f, const char* name) {
  const int i = f.GetFieldIndex(name);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// Reads the walkable lines of an OSM file with GDAL and projects them to EPSG `epsg`.
RefGraph reference_graph(const std::string& path, int epsg, const RefProfile& prof) {
  GDALAllRegister();
  const std::string conf = "CONFIG_FILE=" + data_file("osmconf.ini");
  Messages msgs;
  std::vector<std::pair<int64_t, OGRFeatureUniquePtr>> lines;
  std::vector<std::vector<Vec2>> areas;
  for (int attempt = 0; attempt < 2; ++attempt) {
    msgs.all.clear();
    lines.clear();
    areas.clear();
    const char* opts[] = {conf.c_str(), "INTERLEAVED_READING=YES",
                          attempt ? "USE_CUSTOM_INDEXING=NO" : nullptr, nullptr};
    const char* drivers[] = {"OSM", nullptr};
    CPLPushErrorHandlerEx(Messages::handler, &msgs);
    CPLSetThreadLocalConfigOption("CPL_DEBUG", "ON");
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, opts, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = nullptr;
    for (;;) {
      OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, nullptr, nullptr, nullptr));
      if (!f) break;
      const std::string ln = layer->GetName();
      const std::string hw = str_field(*f, "highway");
      if (!prof.walkable(hw, str_field(*f, "foot"), str_field(*f, "access"))) continue;
      if (ln == "lines") {
        lines.emplace_back(f->GetFieldAsInteger64("osm_id"), std::move(f));
      } else if (ln == "multipolygons" && prof.area_highways.count(hw)) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbMultiPolygon) continue;
        for (const auto* poly : *g->toMultiPolygon())
          for (const auto* ring : *poly) {
            areas.emplace_back();
            for (int i = 0; i < ring->getNumPoints(); ++i)
              areas.back().push_back({ring->getX(i), ring->getY(i)});
          }
      }
    }
    ds.reset();
    CPLSetThreadLocalConfigOption("CPL_DEBUG", nullptr);
    CPLPopErrorHandler();
    bool retry = false;
    for (const auto& m : msgs.all) retry |= m.find("Non increasing node id") != std::string::npos;
    if (!retry) break;
  }
  std::unordered_set<int64_t> missing;
  for (const auto& m : msgs.all)
    if (auto p = m.find("For way ");
        p != std::string::npos && m.find("got only") != std::string::npos)
      missing.insert(std::atoll(m.c_str() + p + 8));
  OGRSpatialReference wgs, utm;
  wgs.importFromEPSG(4326);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  utm.importFromEPSG(epsg);
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs, &utm));
  REQUIRE(ct);
  RefGraph G;
  bool projected = true;
  auto project = [&](std::vector<Vec2>& pts) {
    for (auto& p : pts) projected &= ct->Transform(1, &p.x, &p.y) != 0;
  };
  for (auto& pts : areas) {
    project(pts);
    G.add_line(pts, false);
  }
  for (auto& [osm_id, f] : lines) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) continue;
    const auto* ls = g->toLineString();
    std::vector<Vec2> pts;
    for (int i = 0; i < ls->getNumPoints(); ++i) pts.push_back({ls->getX(i), ls->getY(i)});
    project(pts);
    G.add_line(pts, missing.count(osm_id) > 0);
  }
  REQUIRE(projected);
  G.mark_fragile();
  return G;
}

// Compares one engine search with the reference distances from the same start.
void compare(const WalkGraph& g, const WalkSearch& ws, const RefGraph& R,
             const std::unordered_map<uint32_t, double>& rd, const std::string& what) {
  INFO(what);
  size_t engine_reached = 0, ref_junctions = 0, mismatches = 0;
  std::unordered_set<uint32_t> matched;
  for (NodeId u : ws.settled()) {
    if (!ws.reached(u)) continue;
    ++engine_reached;
    const auto rv = R.find(g.node_xy(u));
    if (!rv) {
      ++mismatches;
      UNSCOPED_INFO("engine node " << u << " has no reference vertex");
      continue;
    }
    matched.insert(*rv);
    if (R.fragile[*rv]) continue;
    auto it = rd.find(*rv);
    if (it == rd.end() || std::abs(it->second - ws.dist(u)) > kTol) {
      ++mismatches;
      UNSCOPED_INFO("node " << u << ": engine " << ws.dist(u) << " m, reference "
                            << (it == rd.end() ? -1.0 : it->second) << " m");
    }
  }
  for (auto [v, d] : rd) {
    if (R.ends[v] == 2 || d > kBudget - kTol || R.fragile[v])
      continue;  // folded away, on the budget's edge, or sub-cm
    ++ref_junctions;
    if (!matched.count(v)) {
      ++mismatches;
      UNSCOPED_INFO("reference junction at " << std::to_string(R.xy[v].x) << ","
                                             << std::to_string(R.xy[v].y) << " (" << d
                                             << " m) not reached by the engine");
    }
  }
  CHECK(mismatches == 0);
  CHECK(engine_reached > 0);
  CHECK(ref_junctions <= engine_reached);
}

}  // namespace

TEST_CASE("real extracts load compactly and their 15-minute walks match an independent Dijkstra",
          "[network][real]") {
  yz::test::require_data_dir();
  const auto files = yz::test::osm_extracts();
  REQUIRE(!files.empty());
  const TagProfile profile = TagProfile::load_default();
  const RefProfile ref_profile;
  for (const auto& path : files) {
    const std::string name = fs::path(path).filename().string();
    INFO(name);
    const auto t0 = std::chrono::steady_clock::now();
    const CityNetwork city = open_city(path, profile);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const WalkGraph& g = city.graph;
    const double bpn = static_cast<double>(g.bytes_without_geometry()) / g.node_count();
    std::printf(
        "%-36s %8u nodes %8u edges %6zu components (largest %.1f km)  %.1f bytes/node  %.2f s\n",
        name.c_str(), g.node_count(), g.edge_count(), g.component_length_m.size(),
        g.component_length_m[0] / 1000, bpn, secs);
    CHECK(g.node_count() > 100);
    CHECK(bpn <= 64);

    const RefGraph R = reference_graph(path, city.projection().epsg(), ref_profile);
    // Same street network: total length within 1 mm per kilometre (float edge lengths).
    double ref_len = 0;
    for (auto [a, b] : R.segs) ref_len += distance(R.xy[a], R.xy[b]);
    CHECK(g.total_length_m() == Approx(ref_len).epsilon(1e-6));
    size_t fragile = 0;
    for (auto f : R.fragile) fragile += f;
    std::printf(
        "%-36s reference: %zu vertices, %zu segments, %zu jumps cut, %zu vertices within 1.5 cm of "
        "another\n",
        "", R.xy.size(), R.segs.size(), R.cut, fragile);

    // Sites at junctions spread through the largest component.
    WalkSearch ws(g);
    std::vector<NodeId> sites;
    for (double frac : {0.2, 0.5, 0.8}) {
      NodeId u = static_cast<NodeId>(frac * g.node_count());
      while (u < g.node_count() && g.node_component[u] != 0) ++u;
      if (u < g.node_count()) sites.push_back(u);
    }
    REQUIRE(sites.size() == 3);
    for (NodeId s : sites) {
      const auto rs = R.find(g.node_xy(s));
      REQUIRE(rs);
      ws.run_from_node(s, static_cast<float>(kBudget));
      const auto rd = R.dijkstra({{*rs, 0.0}}, kBudget + 1);
      compare(g, ws, R, rd, "from node " + std::to_string(s));
    }
    // A site off the street: snapped by the engine, by brute force over every segment here.
    const Vec2 p = g.node_xy(sites[1]) + Vec2{13.7, 6.1};
    const Snap sn = city.snapper->snap(p);
    REQUIRE(sn.status == SnapStatus::ok);  // near a junction of the largest component
    double best = 1e300;
    uint32_t ba = 0, bb = 0;
    Vec2 bq;
    for (auto [a, b] : R.segs) {
      const Vec2 A = R.xy[a], AB = R.xy[b] - A;
      const double t = std::clamp(dot(p - A, AB) / dot(AB, AB), 0.0, 1.0);
      const Vec2 q = A + AB * t;
      if (distance(p, q) < best) best = distance(p, q), ba = a, bb = b, bq = q;
    }
    CHECK(sn.access_m == Approx(best).margin(kTol));
    ws.run(sn, static_cast<float>(kBudget));
    const auto rd = R.dijkstra(
        {{ba, best + distance(bq, R.xy[ba])}, {bb, best + distance(bq, R.xy[bb])}}, kBudget + 1);
    compare(g, ws, R, rd, "from a snapped point near node " + std::to_string(sites[1]));
  }
}
