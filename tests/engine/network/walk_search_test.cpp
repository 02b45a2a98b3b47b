// Exact walking distances on tiny hand-built networks, and the bounded search against an
// independent unbounded Dijkstra over raw segments on random networks.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <queue>
#include <random>

#include "engine/network/walk_search.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {
constexpr float kBig = 1e9f;
}

TEST_CASE("distance along a bent street with off-street access at both ends", "[walk]") {
  // A-B-C: 100 m east then 50 m north; one way, folded into a single 150 m edge.
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {100, 0}, {100, 50}}}}));
  REQUIRE(city.graph.node_count() == 2);
  REQUIRE(city.graph.edge_count() == 1);
  CHECK(city.graph.edge_length(0) == Approx(150));
  const Snap site = city.snapper->snap({50, 10});     // 10 m off the street, 50 m along
  const Snap worker = city.snapper->snap({104, 25});  // 4 m off, 125 m along
  REQUIRE(site.status == SnapStatus::ok);
  CHECK(site.offset_m == Approx(50));
  CHECK(site.access_m == Approx(10));
  CHECK(worker.offset_m == Approx(125));
  CHECK(worker.access_m == Approx(4));
  WalkSearch s(city.graph);
  s.run(site, kBig);
  CHECK(s.distance_to(worker) == Approx(10 + 75 + 4));
  s.run(site, 88.9f);  // just short
  CHECK(s.distance_to(worker) == WalkSearch::kInf);
  s.run(site, 89.1f);
  CHECK(s.distance_to(worker) == Approx(89));
}

TEST_CASE("partially reached edges count by position", "[walk]") {
  // A 1000 m street; the station 100 m along it; budget 300 m.
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {1000, 0}}}}));
  WalkSearch s(city.graph);
  s.run(city.snapper->snap({100, 0}), 300);
  CHECK(s.distance_to(city.snapper->snap({350, 0})) == Approx(250));
  CHECK(s.distance_to(city.snapper->snap({399, 0})) == Approx(299));
  CHECK(s.distance_to(city.snapper->snap({401, 0})) == WalkSearch::kInf);
  CHECK(s.distance_to(city.snapper->snap({0, 0})) == Approx(100));  // the tail node, reached
  CHECK(s.distance_to(city.snapper->snap({1000, 0})) == WalkSearch::kInf);
}

TEST_CASE("junctions split ways; walking ignores one-way and is symmetric", "[walk]") {
  // T junction: an east-west street and a north spur from its middle.
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {200, 0}}}, {{{100, 0}, {100, 100}}}}));
  REQUIRE(city.graph.node_count() == 4);
  REQUIRE(city.graph.edge_count() == 3);
  const Snap a = city.snapper->snap({-5, 0}), b = city.snapper->snap({100, 103});
  WalkSearch s(city.graph);
  s.run(a, kBig);
  const float ab = s.distance_to(b);
  CHECK(ab == Approx(5 + 100 + 100 + 3));
  s.run(b, kBig);
  CHECK(s.distance_to(a) == Approx(ab));
}

TEST_CASE("a street crossing without a shared vertex is a bridge, not a junction", "[walk]") {
  // A north-south street passes over an east-west one (no common vertex).
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {200, 0}}}, {{{100, -100}, {100, 100}}}}));
  CHECK(city.graph.component_length_m.size() == 2);
  SnapOptions keep_islands;
  keep_islands.island_max_m = 0;  // both pieces are short: snap each point where it is
  WalkSearch s(city.graph);
  s.run(city.snapper->snap({0, 0}, keep_islands), kBig);
  CHECK(s.distance_to(city.snapper->snap({100, 100}, keep_islands)) == WalkSearch::kInf);
  CHECK(s.distance_to(city.snapper->snap({150, 0}, keep_islands)) == Approx(150));
}

TEST_CASE("islands and off-network points are reported, not silently accepted", "[walk][snap]") {
  // Main network: 3 km street. Island: a 60 m path 150 m north of it, far east.
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {3000, 0}}}, {{{2000, 150}, {2060, 150}}}}));
  REQUIRE(city.graph.component_length_m.size() == 2);
  SnapOptions opt;
  // Nearest street is the island (10 m) but the main street is within 250 m: join the main one.
  Snap s1 = city.snapper->snap({2030, 140}, opt);
  CHECK(s1.status == SnapStatus::moved_off_island);
  CHECK(s1.access_m == Approx(140));
  // With a tighter snap limit only the island is in reach: reported as island.
  opt.max_snap_m = 100;
  Snap s2 = city.snapper->snap({2030, 140}, opt);
  CHECK(s2.status == SnapStatus::island);
  // Far from everything.
  CHECK(city.snapper->snap({1000, 900}).status == SnapStatus::off_network);
  CHECK(city.snapper->snap({NAN, 0}).status == SnapStatus::invalid);
  WalkSearch s(city.graph);
  s.run(Snap{}, kBig);  // an invalid snap reaches nothing
  CHECK(s.settled().empty());
}

namespace {
// Independent reference: Dijkstra over raw segments (vertex per coordinate), from a point on a
// segment. Returns distance to every raw vertex.
std::map<std::pair<double, double>, double> reference(const RoadLines& L, Vec2 src_on_street, size_t src_line,
                                                      size_t src_seg, double access) {
  std::map<std::pair<double, double>, int> id;
  std::vector<Vec2> pos;
  auto vid = [&](Vec2 p) {
    auto [it, ins] = id.try_emplace({p.x, p.y}, static_cast<int>(pos.size()));
    if (ins) pos.push_back(p);
    return it->second;
  };
  std::vector<std::vector<std::pair<int, double>>> adj;
  auto edge = [&](int a, int b) {
    adj.resize(pos.size());
    const double d = distance(pos[a], pos[b]);
    adj[a].push_back({b, d});
    adj[b].push_back({a, d});
  };
  for (size_t i = 0; i < L.size(); ++i)
    for (uint32_t k = L.first[i]; k + 1 < L.first[i + 1]; ++k) edge(vid(L.points[k]), vid(L.points[k + 1]));
  const int s = static_cast<int>(pos.size());
  pos.push_back(src_on_street);
  adj.resize(pos.size());
  const int a = vid(L.points[L.first[src_line] + src_seg]), b = vid(L.points[L.first[src_line] + src_seg + 1]);
  edge(s, a);
  edge(s, b);
  std::vector<double> dist(pos.size(), 1e300);
  std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>, std::greater<>> q;
  dist[s] = access;
  q.push({access, s});
  while (!q.empty()) {
    auto [d, u] = q.top();
    q.pop();
    if (d > dist[u]) continue;
    for (auto [v, w] : adj[u])
      if (d + w < dist[v]) dist[v] = d + w, q.push({d + w, v});
  }
  std::map<std::pair<double, double>, double> out;
  for (auto& [k, i] : id) out[k] = dist[i];
  return out;
}
}  // namespace

TEST_CASE("bounded search agrees with an unbounded reference Dijkstra on random networks", "[walk][random]") {
  std::mt19937 rng(7);
  int rounds_compared = 0;
  for (int round = 0; round < 12; ++round) {
    // Random streets between jittered grid points (shared vertices make junctions).
    const int n = 12;
    std::vector<Vec2> grid;
    std::uniform_real_distribution<double> jit(-30, 30);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) grid.push_back({i * 100.0 + jit(rng), j * 100.0 + jit(rng)});
    std::vector<yz::test::TinyLine> lines;
    std::uniform_int_distribution<int> pick(0, n * n - 1), len(1, 6), dir(0, 3);
    for (int l = 0; l < 60; ++l) {
      int c = pick(rng);
      yz::test::TinyLine t;
      t.pts.push_back(grid[c]);
      for (int k = len(rng); k > 0; --k) {
        int i = c % n, j = c / n;
        switch (dir(rng)) {
          case 0: i = std::min(n - 1, i + 1); break;
          case 1: i = std::max(0, i - 1); break;
          case 2: j = std::min(n - 1, j + 1); break;
          default: j = std::max(0, j - 1);
        }
        if (j * n + i == c) continue;
        c = j * n + i;
        if (grid[c] == t.pts.back()) continue;
        t.pts.push_back(grid[c]);
      }
      if (t.pts.size() >= 2) lines.push_back(t);
    }
    RoadLines L = tiny_lines(lines);
    auto city = city_from_lines(L);
    // Source: 40 % along the first segment of line 0, 7 m off the street.
    const Vec2 a = L.points[L.first[0]], b = L.points[L.first[0] + 1];
    const Vec2 on = a + (b - a) * 0.4;
    const Vec2 dirv = (b - a) * (1.0 / distance(a, b));
    const Vec2 site = on + Vec2{-dirv.y, dirv.x} * 7.0;
    SnapOptions exact;
    exact.island_max_m = 0;  // compare every raw vertex where it is, islands included
    const Snap src = city.snapper->snap(site, exact);
    REQUIRE(src.usable());
    if (std::fabs(src.access_m - 7) > 1e-3) continue;  // another street is nearer: skip this draw
    const auto ref = reference(L, on, 0, 0, 7.0);
    const float budget = 600;
    WalkSearch s(city.graph);
    s.run(src, budget);
    int compared = 0;
    for (const auto& [xy, d] : ref) {
      const Snap t = city.snapper->snap({xy.first, xy.second}, exact);
      REQUIRE(t.usable());
      REQUIRE(t.access_m == Approx(0).margin(1e-6));
      const float got = s.distance_to(t);
      if (d <= budget - 0.05) {
        CHECK(got == Approx(d).margin(0.02));
        ++compared;
      } else if (d > budget + 0.05) {
        CHECK(got == WalkSearch::kInf);
      }
    }
    CHECK(compared > 0);
    ++rounds_compared;
  }
  CHECK(rounds_compared >= 6);
}
