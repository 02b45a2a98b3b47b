// yizhan bench-siting: prints, for k = 10, 50, 200, the siting pipeline's heuristic time and
// objective, bound, proven gap and exact time, against a plain textbook MILP handed to CBC.
// Instances: the synthetic radius instance (>= 5,000 candidates, >= 100,000 demand points), or
// real walk coverage on a map (candidates every --grid-m metres along the network, street-length
// demand), or the scaled demo city; --all-extracts runs the largest real extracts and a
// city-sized demo city one after the other.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "bench/siting_benchmark.hpp"
#include "bench/synthetic_instance.hpp"
#include "cli/cli_common.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

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

// What the textbook comparison says, in words when a ratio would mean nothing.
std::string gap_text(double g) {
  return std::isfinite(g) ? fmt::format("gap {:.2f} %", 100 * g) : std::string("no bound");
}

std::string speedup_text(const siting::BenchRow& r) {
  if (!r.textbook_has_solution)
    return r.exact_optimal
               ? fmt::format("textbook found no solution in {:.0f} s; ours optimal", r.textbook_s)
               : "textbook found no solution";
  if (r.exact_optimal && r.textbook_optimal)
    return fmt::format("{:.1f}x", r.textbook_s / std::max(r.exact_s, 1e-9));
  if (r.exact_optimal)
    return fmt::format(">= {:.1f}x (textbook hit the limit, {})",
                       r.textbook_s / std::max(r.exact_s, 1e-9), gap_text(r.textbook_gap));
  if (r.textbook_optimal) return "textbook proved optimality, ours did not";
  return fmt::format("both hit the limit (textbook {})", gap_text(r.textbook_gap));
}

struct BenchSitingCommand {
  MapOptions map;
  CoverageOptions cov;
  uint64_t demo_nodes = 0;
  double grid_m = 150, time_limit = 10;
  std::string criterion = "walk", data_dir;
  std::vector<uint32_t> ks{10, 50, 200};
  bool no_textbook = false, all_extracts = false;

  siting::Problem instance(Criterion crit, const std::string& map_path, uint64_t nodes,
                           std::string& what) const {
    if (map_path.empty() && !nodes) {
      what = "synthetic radius instance (100,000 demand points, 5,000 candidates, 100 existing)";
      return siting::synthetic_instance({});
    }
    CityNetwork city;
    PointSet existing, candidates, demand;
    if (nodes) {
      DemoCity demo = generate_demo_city(DemoCitySettings::load_default().scaled_to_nodes(nodes));
      existing = std::move(demo.stations);
      candidates = std::move(demo.candidates);
      demand = std::move(demo.demand);
      city = city_from_lines(std::move(demo.lines));
      what = fmt::format("demo city scaled to {} junctions (SYNTHETIC)", nodes);
    } else {
      MapOptions m = map;
      m.map = map_path;
      city = m.open();
      candidates = network_candidates(city, grid_m);
      demand = street_length_demand(city);
      what = map_path + fmt::format(" (candidates every {:g} m, street-length demand)", grid_m);
    }
    const uint32_t fixed = static_cast<uint32_t>(existing.size());
    PointSet sites = existing;
    for (size_t i = 0; i < candidates.size(); ++i)
      sites.add(candidates.lonlat[i], candidates.xy[i], 1, "", "");
    CoverageStudy st = run_coverage(city, std::move(sites), std::move(demand), false, cov.params);
    return siting::make_siting_problem(st.covers, crit, st.demand.weight, fixed, st.sites.xy);
  }

  void bench(const siting::Problem& problem, const std::string& what) const {
    const uint32_t fixed = problem.fixed_count();
    std::cout << "instance: " << what << "\n";
    std::cout << fmt::format(
        "  before presolve: {} demand points, {} candidates, {} existing stations; time limit "
        "{:g} s\n",
        problem.demand_weight.size(), problem.sites.size() - fixed, fixed, time_limit);
    std::cout << fmt::format(
        "{:>5} {:>8} {:>7} {:>7} {:>12} {:>12} {:>7} {:>7} {:>12} {:>7} {:>4} {:>22} {:>12} {:>7}  "
        "{}\n",
        "k", "groups", "kept", "heur s", "heuristic", "bound", "gap %", "exact s", "exact", "gap %",
        "opt", "plan from (CBC)", "textbook", "tb s", "speed-up");
    const auto rows =
        siting::run_siting_benchmark(problem, ks, time_limit, !no_textbook, terminal_progress());
    for (const auto& r : rows)
      std::cout << fmt::format(
          "{:>5} {:>8} {:>7} {:>7.2f} {:>12.1f} {:>12.1f} {:>7.2f} {:>7.2f} {:>12.1f} {:>7.2f} "
          "{:>4} {:>22} {:>12} {:>7}  {}\n",
          r.k, r.demand_groups, r.candidates_kept, r.heuristic_s, r.heuristic_objective, r.bound,
          100 * r.gap, r.exact_s, r.exact_objective, 100 * r.exact_gap,
          r.exact_optimal ? "yes" : "no",
          fmt::format("{} ({:.0f}k it{})", r.plan_source, r.cbc_iterations / 1000,
                      r.exact_stopped_by_time ? ", time" : ""),
          no_textbook ? std::string("-")
                      : (r.textbook_has_solution ? fmt::format("{:.1f}", r.textbook_objective)
                                                 : std::string("none")),
          no_textbook ? std::string("-") : fmt::format("{:.2f}", r.textbook_s),
          no_textbook ? std::string("-") : speedup_text(r));
    std::cout << "  (groups/kept: demand groups and candidates after presolve; heur s includes "
                 "presolve; exact s is the whole run; plan from: which stage found the plan, with "
                 "CBC's simplex iterations and \"time\" when the clock ended the proof)\n\n";
  }

  int run() {
    cov.validate();
    Criterion crit;
    if (!parse_criterion(criterion, crit)) throw CodedError("--criterion", Msg::cli_criterion);
    if (!all_extracts) {
      std::string what;
      const siting::Problem p = instance(crit, map.map, demo_nodes, what);
      bench(p, what);
      return kExitOk;
    }
    std::string dir = data_dir;
    if (dir.empty()) {
      const char* env = std::getenv("YIZHAN_DATA_DIR");
      dir = env && *env ? env : "../shared/data";
    }
    const std::string osm = dir + "/osm";
    for (const char* name : {"malta.osm.pbf", "heidelberg_region_roads.osm.pbf"}) {
      const std::string path = osm + "/" + name;
      if (!std::filesystem::exists(path)) {
        std::cout << "instance: " << path << " missing (set YIZHAN_DATA_DIR or --data-dir)\n\n";
        continue;
      }
      std::string what;
      const siting::Problem p = instance(crit, path, 0, what);
      bench(p, what);
    }
    std::string what;
    const siting::Problem p = instance(crit, "", demo_nodes ? demo_nodes : 150000, what);
    bench(p, what);
    return kExitOk;
  }
};

const RegisterCommand reg("bench-siting", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<BenchSitingCommand>();
  auto* sub = app.add_subcommand(
      "bench-siting",
      "Benchmark the siting optimiser (k = 10, 50, 200): heuristic, bound, gap, exact, vs a "
      "textbook MILP");
  cmd->map.add(*sub, false);
  cmd->cov.add(*sub);
  sub->add_option("--demo-nodes", cmd->demo_nodes,
                  "Use the SYNTHETIC demo city scaled to about this many junctions");
  sub->add_flag("--all-extracts", cmd->all_extracts,
                "Run malta and heidelberg_region_roads from $YIZHAN_DATA_DIR/osm, then the demo "
                "city scaled to 150,000 junctions (or --demo-nodes)");
  sub->add_option("--data-dir", cmd->data_dir,
                  "With --all-extracts: folder holding osm/ (default $YIZHAN_DATA_DIR or "
                  "../shared/data)");
  sub->add_option("--grid-m", cmd->grid_m, "With --map: candidate spacing along the network")
      ->capture_default_str();
  sub->add_option("--criterion", cmd->criterion, "walk, radius, both or either")
      ->capture_default_str();
  sub->add_option("--k", cmd->ks, "Values of k")->capture_default_str();
  sub->add_option("--time-limit", cmd->time_limit, "Seconds per run (k)")->capture_default_str();
  sub->add_flag("--no-textbook", cmd->no_textbook, "Skip the textbook MILP comparison");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
