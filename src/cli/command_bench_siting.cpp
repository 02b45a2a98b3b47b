// yizhan bench-siting: prints, for k = 10, 50, 200, the siting pipeline's heuristic time and
// objective, bound, proven gap and exact time, against a plain textbook MILP handed to CBC.
// Instances: the synthetic radius instance (>= 5,000 candidates, >= 100,000 demand points), or
// real walk coverage on a map (candidates every --grid-m metres along the network, street-length
// demand), or the scaled demo city.
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_common.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/demo_city.hpp"
#include "engine/siting/siting_benchmark.hpp"
#include "engine/siting/synthetic_instance.hpp"

namespace yz::cli {
namespace {

// Candidate points every `step_m` along every edge of the largest component (deterministic).
PointSet network_candidates(const CityNetwork& city, double step_m) {
  PointSet ps;
  ps.source = "network points every " + std::to_string(static_cast<int>(step_m)) + " m";
  const WalkGraph& g = city.graph;
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (g.node_component[g.edge_tail[e]] != 0) continue;
    const double len = g.edge_length(e);
    for (double t = step_m / 2; t < len; t += step_m) ps.add({}, g.point_on_edge(e, t), 1, "", "");
  }
  return ps;
}

struct BenchSitingCommand {
  MapOptions map;
  CoverageOptions cov;
  uint64_t demo_nodes = 0;
  double grid_m = 150, time_limit = 10;
  std::string criterion = "walk";
  std::vector<uint32_t> ks{10, 50, 200};
  bool no_textbook = false;

  int run() {
    cov.validate();
    Criterion crit;
    if (!parse_criterion(criterion, crit)) throw InputError("--criterion", "must be walk, radius, both or either");
    siting::Problem problem;
    std::string what;
    if (map.map.empty() && !demo_nodes) {
      problem = siting::synthetic_instance({});
      what = "synthetic radius instance (100,000 demand points, 5,000 candidates, 100 existing)";
    } else {
      CityNetwork city;
      PointSet existing, candidates, demand;
      if (demo_nodes) {
        DemoCity demo = generate_demo_city(DemoCitySettings::load_default().scaled_to_nodes(demo_nodes));
        existing = std::move(demo.stations);
        candidates = std::move(demo.candidates);
        demand = std::move(demo.demand);
        city = city_from_lines(std::move(demo.lines));
        what = fmt::format("demo city scaled to {} junctions (SYNTHETIC)", demo_nodes);
      } else {
        city = map.open();
        candidates = network_candidates(city, grid_m);
        demand = street_length_demand(city);
        what = map.map + fmt::format(" (candidates every {:g} m, street-length demand)", grid_m);
      }
      const uint32_t fixed = static_cast<uint32_t>(existing.size());
      PointSet sites = existing;
      for (size_t i = 0; i < candidates.size(); ++i) sites.add(candidates.lonlat[i], candidates.xy[i], 1, "", "");
      CoverageStudy st = run_coverage(city, std::move(sites), std::move(demand), false, cov.params);
      problem = siting::make_siting_problem(st.covers, crit, st.demand.weight, fixed, st.sites.xy);
    }
    std::cout << "instance: " << what << "\n";
    std::cout << fmt::format("{:>5} {:>8} {:>9} {:>13} {:>13} {:>8} {:>9} {:>13} {:>8} {:>9} {:>10} {:>9}\n", "k",
                             "groups", "heur s", "heuristic", "bound", "gap %", "exact s", "exact", "gap %",
                             "optimal", "textbook s", "speed-up");
    const auto rows = siting::run_siting_benchmark(problem, ks, time_limit, !no_textbook, terminal_progress());
    for (const auto& r : rows)
      std::cout << fmt::format("{:>5} {:>8} {:>9.2f} {:>13.1f} {:>13.1f} {:>8.2f} {:>9.2f} {:>13.1f} {:>8.2f} {:>9} {:>10} {:>9}\n",
                               r.k, r.demand_groups, r.heuristic_s, r.heuristic_objective, r.bound, 100 * r.gap,
                               r.exact_s, r.exact_objective, 100 * r.exact_gap, r.exact_optimal ? "yes" : "no",
                               no_textbook ? std::string("-")
                                           : fmt::format("{:.2f}{}", r.textbook_s, r.textbook_has_solution ? "" : "*"),
                               no_textbook ? std::string("-") : fmt::format("{:.1f}x", r.speedup));
    bool any_missing = false;
    for (const auto& r : rows) any_missing |= !r.textbook_has_solution;
    if (!no_textbook && any_missing) std::cout << "(* the textbook MILP found no solution within the time limit: speed-up is a lower bound)\n";
    return kExitOk;
  }
};

const RegisterCommand reg("bench-siting", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<BenchSitingCommand>();
  auto* sub = app.add_subcommand("bench-siting", "Benchmark the siting optimiser (k = 10, 50, 200): heuristic, bound, gap, exact, vs a textbook MILP");
  cmd->map.add(*sub, false);
  cmd->cov.add(*sub);
  sub->add_option("--demo-nodes", cmd->demo_nodes, "Use the SYNTHETIC demo city scaled to about this many junctions");
  sub->add_option("--grid-m", cmd->grid_m, "With --map: candidate spacing along the network")->capture_default_str();
  sub->add_option("--criterion", cmd->criterion, "walk, radius, both or either")->capture_default_str();
  sub->add_option("--k", cmd->ks, "Values of k")->capture_default_str();
  sub->add_option("--time-limit", cmd->time_limit, "Seconds for bound + exact search per k")->capture_default_str();
  sub->add_flag("--no-textbook", cmd->no_textbook, "Skip the textbook MILP comparison");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
