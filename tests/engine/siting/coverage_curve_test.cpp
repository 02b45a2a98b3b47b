// The coverage curve against independent truth: each point equals the exhaustive optimum over all
// plans of that many new stations (or that budget) and a separate optimiser run; the "adds almost
// nothing" mark and flags on a hand-built case; the --min-gain forms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <random>

#include "engine/siting/coverage_curve.hpp"
#include "engine/siting/plan_value.hpp"
#include "engine/siting/siting_solver.hpp"

using namespace yz;
using namespace yz::siting;

namespace {

Problem random_problem(uint32_t seed, bool costs) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> pos(0, 2000);
  std::uniform_int_distribution<int> w(1, 10), c(1, 5);
  Problem p;
  std::vector<Vec2> dem(40);
  for (auto& d : dem) {
    d = {pos(rng), pos(rng)};
    p.demand_weight.push_back(w(rng));
  }
  for (uint32_t s = 0; s < 14; ++s) {
    Site site;
    site.pos = {pos(rng), pos(rng)};
    site.fixed = s < 2;
    site.cost = costs ? c(rng) : 1;
    for (uint32_t d = 0; d < dem.size(); ++d)
      if (distance(dem[d], site.pos) <= 500) site.covers.push_back(d);
    p.sites.push_back(site);
  }
  p.options.time_limit_s = 20;
  return p;
}

// Workers covered (at least once) by the fixed sites plus `open`, counted by hand.
double covered_by(const Problem& p, const std::vector<uint32_t>& open) {
  std::vector<char> hit(p.demand_weight.size(), 0);
  for (uint32_t s = 0; s < p.sites.size(); ++s)
    if (p.sites[s].fixed || std::find(open.begin(), open.end(), s) != open.end())
      for (uint32_t d : p.sites[s].covers) hit[d] = 1;
  double w = 0;
  for (size_t d = 0; d < hit.size(); ++d) w += hit[d] ? p.demand_weight[d] : 0;
  return w;
}

// The best coverage over every subset of candidates with at most `k` sites and cost <= budget.
double brute_best(const Problem& p, uint32_t k, double budget) {
  std::vector<uint32_t> cand;
  for (uint32_t s = 0; s < p.sites.size(); ++s)
    if (!p.sites[s].fixed) cand.push_back(s);
  double best = 0;
  for (uint32_t mask = 0; mask < (1u << cand.size()); ++mask) {
    std::vector<uint32_t> open;
    double cost = 0;
    for (size_t i = 0; i < cand.size(); ++i)
      if (mask >> i & 1) open.push_back(cand[i]), cost += p.sites[cand[i]].cost;
    if (open.size() > k || cost > budget + 1e-9) continue;
    best = std::max(best, covered_by(p, open));
  }
  return best;
}

}  // namespace

TEST_CASE("the coverage curve's points are the best plans with 1..k stations", "[siting][curve]") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    Problem p = random_problem(seed, false);
    p.options.goal = Goal::max_cover_k;
    p.options.k = 5;
    SitingResult main = solve_siting(p);
    const CoverageCurve c = coverage_curve(p, main, MinGain{});
    INFO("seed " << seed);
    REQUIRE(c.points.size() == main.count + 1);
    REQUIRE(c.points[0].covered == Approx(covered_by(p, {})));
    for (uint32_t j = 1; j < c.points.size(); ++j) {
      INFO("k = " << j);
      const CurvePoint& pt = c.points[j];
      CHECK(pt.covered == Approx(brute_best(p, j, 1e18)));  // exhaustive truth
      Problem q = p;
      q.options.k = j;
      const SitingResult sep = solve_siting(q);  // a separate run
      CHECK(pt.covered == Approx(sep.objective));
      CHECK(pt.stations == sep.count);
      CHECK(pt.bound >= pt.covered - 1e-6);
      CHECK(pt.added == Approx(pt.covered - c.points[j - 1].covered));
    }
  }
}

TEST_CASE("a budget's coverage curve runs against money", "[siting][curve]") {
  Problem p = random_problem(7, true);
  p.options.goal = Goal::max_cover_budget;
  p.options.budget = 9;
  SitingResult main = solve_siting(p);
  const CoverageCurve c = coverage_curve(p, main, MinGain{});
  REQUIRE(c.by_money);
  REQUIRE(c.points.size() == main.count + 1);
  double money = 0;
  for (uint32_t j = 1; j < c.points.size(); ++j) {
    money += main.sites[j - 1].cost;
    INFO("budget " << money);
    CHECK(c.points[j].budget == Approx(money));
    CHECK(c.points[j].covered == Approx(brute_best(p, 100, money)));
    CHECK(c.points[j].cost <= money + 1e-9);
  }
  CHECK(c.points.back().covered == Approx(main.objective));
}

TEST_CASE("a target's coverage curve ends at the plan's station count", "[siting][curve]") {
  Problem p = random_problem(3, false);
  p.options.goal = Goal::min_for_target;
  p.options.target = 0.7;
  SitingResult main = solve_siting(p);
  REQUIRE(main.feasible);
  const CoverageCurve c = coverage_curve(p, main, MinGain{});
  REQUIRE(c.points.size() == main.count + 1);
  for (uint32_t j = 1; j < c.points.size(); ++j)
    CHECK(c.points[j].covered == Approx(brute_best(p, j, 1e18)));
  CHECK(c.points.back().covered >= 0.7 * p.total_weight() - 1e-6);
}

TEST_CASE("stations past the knee are flagged 'adds almost nothing'", "[siting][curve]") {
  // Four candidates each covering their own group: 100, 50, 1 and 0.5 workers; nothing existing.
  Problem p;
  p.demand_weight = {100, 50, 1, 0.5};
  for (uint32_t d = 0; d < 4; ++d) {
    Site s;
    s.covers = {d};
    s.pos = {1000.0 * d, 0};
    p.sites.push_back(s);
  }
  p.options.goal = Goal::max_cover_k;
  p.options.k = 4;
  SECTION("a count of workers") {
    SitingResult main = solve_siting(p);
    const CoverageCurve c = coverage_curve(p, main, parse_min_gain("2"));
    REQUIRE(c.min_gain == 2);
    // Adds 100, 50, 1, 0.5: the third station is the first adding less than 2.
    REQUIRE(c.knee == 3);
    REQUIRE(main.sites.size() == 4);
    for (const SuggestedSite& s : main.sites) CHECK(s.adds_little == (s.rank >= 3));
    CHECK(coverage_curve_csv(c).find("3,3.00,,151.00,99.67,1.00,151.00,yes,yes\n") !=
          std::string::npos);
  }
  SECTION("a share of all workers") {
    SitingResult main = solve_siting(p);
    // 0.5 % of 151.5 = 0.7575: only the fourth station (0.5) is below it.
    const CoverageCurve c = coverage_curve(p, main, parse_min_gain("0.5 %"));
    REQUIRE(c.min_gain == Approx(0.7575));
    REQUIRE(c.knee == 4);
    for (const SuggestedSite& s : main.sites) CHECK(s.adds_little == (s.rank == 4));
  }
  SECTION("zero flags nothing") {
    SitingResult main = solve_siting(p);
    const CoverageCurve c = coverage_curve(p, main, parse_min_gain("0"));
    CHECK(c.knee == -1);
    for (const SuggestedSite& s : main.sites) CHECK_FALSE(s.adds_little);
  }
}

TEST_CASE("min-gain: --min-gain accepts a share or a count, and names bad text", "[siting][curve]") {
  CHECK(parse_min_gain("0.5%").percent);
  CHECK(parse_min_gain("0.5%").value == 0.5);
  CHECK(parse_min_gain(" 1.5 % ").value == 1.5);
  CHECK_FALSE(parse_min_gain("20").percent);
  CHECK(parse_min_gain("20").workers(1000) == 20);
  CHECK(parse_min_gain("2%").workers(1000) == 20);
  for (const char* bad : {"", "abc", "-1", "150%", "5 workers", "nan"}) {
    INFO(bad);
    try {
      parse_min_gain(bad);
      FAIL("accepted");
    } catch (const InputError& e) {
      CHECK(e.source() == "--min-gain");
    }
  }
}
