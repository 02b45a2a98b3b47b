// Coverage on hand-built networks: walk and radius tests, counts, summaries, disagreement, the
// grid case against a brute-force Dijkstra, and the incremental state against a fresh computation.
#include <catch2/catch.hpp>

#include <cmath>
#include <queue>
#include <random>

#include "engine/coverage/coverage_study.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {
PointSet points(std::initializer_list<std::pair<Vec2, double>> pts) {
  PointSet ps;
  ps.source = "test";
  int i = 0;
  for (auto [p, w] : pts) ps.add({0, 0}, p, w, std::to_string(i++), "");
  return ps;
}
}  // namespace

TEST_CASE("walk vs radius on a river with one bridge", "[coverage]") {
  // Two parallel east-west streets 300 m apart (a river between), joined by one bridge at x=2000.
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {1000, 0}, {2000, 0}, {3000, 0}}},
                                          {{{0, 300}, {1000, 300}, {2000, 300}, {3000, 300}}},
                                          {{{2000, 0}, {2000, 300}}}}));
  CoverageParams p;
  p.minutes = 10;
  p.speed_kmh = 6;  // 1000 m budget
  p.radius_m = 1000;
  // Station on the south street at x=1000; workers: same street 900 m east (walk 900),
  // across the river right opposite (radius 300, walk 1000+300+1000 = 2300), 1500 m east on the
  // same street (walk 1500, radius 1500).
  PointSet sites = points({{{1000, 0}, 1}});
  PointSet demand = points({{{1900, 0}, 2}, {{1000, 300}, 3}, {{2500, 0}, 5}, {{1000, -20}, 7}});
  CoverageStudy st = run_coverage(city, sites, demand, false, p);
  const auto& cv = st.covers[0];
  CHECK(cv.walk == std::vector<uint32_t>{0, 3});
  CHECK(cv.walk_m[0] == Approx(900));
  CHECK(cv.walk_m[1] == Approx(20));
  CHECK(cv.radius == std::vector<uint32_t>{0, 1, 3});
  CHECK(cv.covered(Criterion::both) == std::vector<uint32_t>{0, 3});
  CHECK(cv.covered(Criterion::either) == std::vector<uint32_t>{0, 1, 3});
  const auto& S = st.state.summary();
  CHECK(S.total == Approx(17));
  CHECK(S.walk.covered == Approx(9));
  CHECK(S.radius.covered == Approx(12));
  CHECK(S.radius_not_walk == Approx(3));  // the worker across the river
  CHECK(S.walk_not_radius == Approx(0));
  CHECK(S.percent(Criterion::walk) == Approx(100.0 * 9 / 17));
}

TEST_CASE("a demand point deep inside a long edge is covered by its position", "[coverage]") {
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {5000, 0}}}}));
  CoverageParams p;
  p.minutes = 15;
  p.speed_kmh = 4;  // 1000 m
  p.snap.max_snap_m = 250;
  PointSet sites = points({{{2000, 50}, 1}});                        // 50 m off the street
  PointSet demand = points({{{2900, 40}, 1}, {{2920, 40}, 1}, {{1050, 0}, 1}, {{2000, 400}, 1}});
  CoverageStudy st = run_coverage(city, sites, demand, false, p);
  // 50 + 900 + 40 = 990 covered; 50 + 920 + 40 = 1010 not; 50 + 950 = 1000 covered (edge of budget);
  // the last worker is 400 m from the street: off the network.
  CHECK(st.covers[0].walk == std::vector<uint32_t>{0, 2});
  CHECK(st.index->snaps()[3].status == SnapStatus::off_network);
  CHECK(st.state.summary().unsnapped == Approx(1));
}

TEST_CASE("double coverage counts and the incremental state match a fresh computation", "[coverage]") {
  // A 2 km grid of streets every 200 m, crossings as shared vertices.
  std::vector<yz::test::TinyLine> noded;
  for (int i = 0; i <= 10; ++i) {
    yz::test::TinyLine v, h;
    for (int j = 0; j <= 10; ++j) v.pts.push_back({i * 200.0, j * 200.0}), h.pts.push_back({j * 200.0, i * 200.0});
    noded.push_back(v);
    noded.push_back(h);
  }
  auto city = city_from_lines(tiny_lines(noded));
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0, 2000);
  PointSet demand, sites;
  for (int i = 0; i < 400; ++i) demand.add({0, 0}, {u(rng), u(rng)}, 1 + i % 3, "", "");
  for (int i = 0; i < 8; ++i) sites.add({0, 0}, {u(rng), u(rng)}, 1, "", "");
  CoverageParams p;
  p.minutes = 8;
  CoverageStudy st = run_coverage(city, sites, demand, false, p);
  // Independent truth: a plain Dijkstra over the grid's 121 crossings; a point joins the nearest
  // grid line straight across (that off-street walk counts) and walks to either end of its block.
  {
    constexpr int n = 11;
    constexpr double step = 200;
    std::vector<std::vector<double>> D(n * n, std::vector<double>(n * n, INFINITY));
    for (int src = 0; src < n * n; ++src) {
      auto& d = D[src];
      std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>,
                          std::greater<>>
          q;
      d[src] = 0;
      q.push({0, src});
      while (!q.empty()) {
        const auto [du, u] = q.top();
        q.pop();
        if (du > d[u]) continue;
        const int i = u / n, j = u % n;
        for (auto [di, dj] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
          const int a = i + di, b = j + dj;
          if (a < 0 || a >= n || b < 0 || b >= n) continue;
          if (du + step < d[a * n + b]) d[a * n + b] = du + step, q.push({du + step, a * n + b});
        }
      }
    }
    struct Pos {
      Vec2 q;
      double access;
      int a, b;       // crossings at the ends of its block (node = i * n + j for (i*200, j*200))
      bool vertical;  // on a north-south line
      bool tie;       // two lines equally near: the engine may pick either
    };
    auto join = [&](Vec2 p) {
      const int vi = static_cast<int>(std::lround(p.x / step)), hj = static_cast<int>(std::lround(p.y / step));
      const double dv = std::abs(p.x - vi * step), dh = std::abs(p.y - hj * step);
      Pos r;
      r.tie = std::abs(dv - dh) < 1e-6;
      r.vertical = dv < dh;
      if (r.vertical) {
        const int j0 = std::min(n - 2, static_cast<int>(std::floor(p.y / step)));
        r = {{vi * step, p.y}, dv, vi * n + j0, vi * n + j0 + 1, true, r.tie};
      } else {
        const int i0 = std::min(n - 2, static_cast<int>(std::floor(p.x / step)));
        r = {{p.x, hj * step}, dh, i0 * n + hj, (i0 + 1) * n + hj, false, r.tie};
      }
      return r;
    };
    auto node_xy = [&](int u) { return Vec2{(u / n) * step, (u % n) * step}; };
    auto walk = [&](const Pos& s, const Pos& d) {
      double best = INFINITY;
      if (s.vertical == d.vertical && s.a == d.a && s.b == d.b) best = distance(s.q, d.q);
      for (int e1 : {s.a, s.b})
        for (int e2 : {d.a, d.b})
          best = std::min(best, distance(s.q, node_xy(e1)) + D[e1][e2] + distance(node_xy(e2), d.q));
      return s.access + best + d.access;
    };
    const double budget = p.budget_m();
    size_t checked = 0;
    for (uint32_t si = 0; si < sites.size(); ++si) {
      const Pos s = join(sites.xy[si]);
      if (s.tie) continue;
      std::vector<uint32_t> truth;
      for (uint32_t d = 0; d < demand.size(); ++d) {
        const Pos dp = join(demand.xy[d]);
        const double w = walk(s, dp);
        if (dp.tie || std::abs(w - budget) < 1e-2) continue;  // ambiguous: skip both sides
        if (w <= budget) truth.push_back(d);
      }
      std::vector<uint32_t> engine;
      const auto& cv = st.covers[si];
      for (size_t k = 0; k < cv.walk.size(); ++k) {
        const Pos dp = join(demand.xy[cv.walk[k]]);
        const double w = walk(s, dp);
        if (dp.tie || std::abs(w - budget) < 1e-2) continue;
        engine.push_back(cv.walk[k]);
        CHECK(cv.walk_m[k] == Approx(w).margin(0.05));
      }
      INFO("site " << si);
      CHECK(engine == truth);
      checked += truth.size();
    }
    CHECK(checked > 50);  // the comparison is not vacuous
  }
  // Counts per demand equal the number of sites listing it.
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    std::vector<int> count(demand.size(), 0);
    for (const auto& cv : st.covers)
      for (uint32_t d : cv.covered(c)) ++count[d];
    double once = 0, twice = 0;
    for (uint32_t d = 0; d < demand.size(); ++d) {
      CHECK(st.state.count(c, d) == count[d]);
      if (count[d] == 1) once += demand.weight[d];
      if (count[d] >= 2) twice += demand.weight[d];
    }
    CHECK(st.state.summary().of(c).once == Approx(once));
    CHECK(st.state.summary().of(c).twice == Approx(twice));
  }
  // What-if: move site 3, remove site 5, add a new one; compare with a fresh study of the result.
  CoverScratch scratch(city.graph);
  CoverageState live = st.state;
  const Vec2 moved{1500, 300}, added{100, 1900};
  live.replace(3, st.computer->cover(moved, st.computer->snap(moved), scratch));
  live.remove(5);
  live.add(st.computer->cover(added, st.computer->snap(added), scratch));
  PointSet sites2;
  for (uint32_t i = 0; i < sites.size(); ++i) {
    if (i == 5) continue;
    sites2.add({0, 0}, i == 3 ? moved : sites.xy[i], 1, "", "");
  }
  sites2.add({0, 0}, added, 1, "", "");
  CoverageStudy fresh = run_coverage(city, sites2, demand, false, p);
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    CHECK(live.summary().of(c).covered == Approx(fresh.state.summary().of(c).covered));
    CHECK(live.summary().of(c).twice == Approx(fresh.state.summary().of(c).twice));
  }
  CHECK(live.summary().radius_not_walk == Approx(fresh.state.summary().radius_not_walk));
  CHECK(live.summary().walk_not_radius == Approx(fresh.state.summary().walk_not_radius));
  CHECK_FALSE(live.active(5));
  CHECK(live.covered_weight(5, Criterion::walk) == 0);
}

TEST_CASE("a moved coverage study still answers radius queries from its own demand", "[coverage]") {
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {1000, 0}}}}));
  CoverageStudy moved;
  {
    CoverageStudy st = run_coverage(city, points({{{100, 0}, 1}}), points({{{300, 0}, 2}, {{900, 0}, 3}}), false, {});
    moved = std::move(st);
  }
  std::vector<uint32_t> near;
  moved.index->within({100, 0}, 500, near);
  CHECK(near == std::vector<uint32_t>{0});
  CoverScratch scratch(city.graph);
  const SiteCover c = moved.computer->cover({800, 0}, moved.computer->snap({800, 0}), scratch);
  CHECK(c.radius == std::vector<uint32_t>{0, 1});
}
