// yizhan bench: prints load/build times, graph size and 15-minute isochrones per second for a map
// (or a scaled demo city). Figures only: speed targets are checked by reading these, never by
// timed tests.
#include <sys/resource.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_common.hpp"
#include "engine/map/demo_city.hpp"
#include "engine/network/walk_search.hpp"

namespace yz::cli {
namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

struct BenchCommand {
  MapOptions map;
  CoverageOptions cov;
  uint64_t demo_nodes = 0;
  uint32_t sites = 2000;
  int threads = 0;
  bool json = false;

  int run() {
    cov.validate();
    nlohmann::json j;
    const double t0 = now_s();
    RoadLines lines;
    if (demo_nodes) {
      lines = generate_demo_city(DemoCitySettings::load_default().scaled_to_nodes(demo_nodes)).lines;
    } else {
      if (map.map.empty()) throw InputError("--map", "give a map file or --demo-nodes N");
      const TagProfile prof = map.profile.empty() ? TagProfile::load_default() : TagProfile::load(map.profile);
      MapLoadOptions o;
      o.crs = map.crs;
      o.class_field = map.class_field;
      lines = load_map(map.map, prof, o);
    }
    const double t1 = now_s();
    const uint64_t raw_nodes = lines.report.osm_nodes;
    CityNetwork city = city_from_lines(std::move(lines));
    const double t2 = now_s();
    const WalkGraph& g = city.graph;
    // Deterministic sample of sites: points spread along the largest component's edges.
    std::vector<Snap> snaps;
    const uint32_t m = g.edge_count();
    for (uint32_t i = 0; snaps.size() < sites && i < 20 * sites; ++i) {
      const EdgeId e = static_cast<EdgeId>((static_cast<uint64_t>(i) * 2654435761u) % m);
      if (g.node_component[g.edge_tail[e]] != 0) continue;
      snaps.push_back(snap_on_edge(g, e, g.edge_length(e) / 2, 10));
    }
    const float budget = static_cast<float>(cov.params.budget_m());
    // Single thread.
    WalkSearch ws(g);
    uint64_t settled = 0;
    const double s0 = now_s();
    for (const auto& s : snaps) {
      ws.run(s, budget);
      settled += ws.settled().size();
    }
    const double single = now_s() - s0;
    // All threads.
    const int nthreads = threads > 0 ? threads : tbb::info::default_concurrency();
    tbb::global_control gc(tbb::global_control::max_allowed_parallelism, nthreads);
    tbb::enumerable_thread_specific<WalkSearch> scratch([&] { return WalkSearch(g); });
    const double p0 = now_s();
    tbb::parallel_for(size_t(0), snaps.size(), [&](size_t i) { scratch.local().run(snaps[i], budget); });
    const double parallel = now_s() - p0;
    // Raw OSM nodes touched per walk: vertices on the edges a walk reaches (what a per-node
    // Dijkstra would settle).
    const double avg_settled = snaps.empty() ? 0 : static_cast<double>(settled) / snaps.size();
    const double verts_per_node = g.node_count() ? static_cast<double>(g.geom.size() - g.edge_count()) / g.node_count() : 0;
    j = {{"map", city.lines.source},
         {"osm_nodes_read", raw_nodes},
         {"load_s", t1 - t0},
         {"graph_build_s", t2 - t1},
         {"osm_nodes_per_s", raw_nodes / std::max(1e-9, t2 - t0)},
         {"nodes", g.node_count()},
         {"edges", g.edge_count()},
         {"bytes_per_node", static_cast<double>(g.bytes_without_geometry()) / std::max(1u, g.node_count())},
         {"walk_budget_m", budget},
         {"walks", snaps.size()},
         {"avg_graph_nodes_settled", avg_settled},
         {"avg_geometry_vertices_per_graph_node", verts_per_node},
         {"walks_per_s_1_thread", snaps.size() / std::max(1e-9, single)},
         {"threads", nthreads},
         {"walks_per_s_all_threads", snaps.size() / std::max(1e-9, parallel)},
         {"peak_rss_mb", peak_rss_mb()}};
    if (json) {
      std::cout << j.dump(2) << "\n";
      return kExitOk;
    }
    std::cout << fmt::format(
        "map                 {}\n"
        "load                {:.3f} s ({} OSM/line vertices read)\n"
        "graph build         {:.3f} s  -> {:.2f} million vertices/s for load+build\n"
        "graph               {} nodes, {} edges, {:.1f} bytes/node (excluding geometry)\n"
        "15-min walks        {} walks of {:.0f} m, {:.0f} graph nodes settled on average\n"
        "  1 thread          {:.0f} walks/s\n"
        "  {} threads         {:.0f} walks/s (speed-up {:.2f})\n"
        "peak memory         {:.0f} MB\n",
        city.lines.source, t1 - t0, raw_nodes, t2 - t1, raw_nodes / std::max(1e-9, t2 - t0) / 1e6, g.node_count(),
        g.edge_count(), j["bytes_per_node"].get<double>(), snaps.size(), budget, avg_settled,
        snaps.size() / std::max(1e-9, single), nthreads, snaps.size() / std::max(1e-9, parallel), single / std::max(1e-9, parallel),
        peak_rss_mb());
    return kExitOk;
  }
};

const RegisterCommand reg("bench", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<BenchCommand>();
  auto* sub = app.add_subcommand("bench", "Print load/build times, graph size and 15-minute walks per second (benchmark)");
  cmd->map.add(*sub, false);
  cmd->cov.add(*sub);
  sub->add_option("--demo-nodes", cmd->demo_nodes, "Benchmark a SYNTHETIC demo city scaled to about this many junctions instead of --map");
  sub->add_option("--walks", cmd->sites, "Number of 15-minute walks to time")->capture_default_str();
  sub->add_option("--threads", cmd->threads, "Threads for the parallel run (default: all cores)");
  sub->add_flag("--json", cmd->json, "Print the figures as JSON");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
