// yizhan bench: prints load/build times, graph size and 15-minute isochrones per second for a map
// (or a scaled demo city). Figures only: speed targets are checked by reading these, never by
// timed tests.
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_common.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/network/walk_search.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

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
      if (map.map.empty()) throw CodedError("--map", Msg::cli_bench_map);
      const TagProfile prof = map.profile.empty() ? TagProfile::load_default() : TagProfile::load(map.profile);
      MapLoadOptions o;
      o.crs = map.crs;
      o.class_field = map.class_field;
      lines = load_map(map.map, prof, o);
    }
    const double t1 = now_s();
    // Road vertices handed to the graph builder (what the loader kept), and every OSM node the
    // reader decoded (the file's nodes: "OSM nodes per second" means what it says).
    const uint64_t road_vertices = lines.report.osm_nodes;
    const bool osm = lines.from_osm;
    const uint64_t osm_nodes = lines.report.osm_nodes_in_file;
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
    // All threads: each thread's scratch space is allocated (and its pages touched) before the
    // clock starts, so the figure measures walks, not allocation.
    const int nthreads = threads > 0 ? threads : tbb::info::default_concurrency();
    tbb::task_arena arena(nthreads);
    std::vector<WalkSearch> scratch;
    scratch.reserve(static_cast<size_t>(arena.max_concurrency()));
    for (int t = 0; t < arena.max_concurrency(); ++t) scratch.emplace_back(g);
    double parallel = 0;
    arena.execute([&] {
      const double p0 = now_s();
      tbb::parallel_for(size_t(0), snaps.size(), [&](size_t i) {
        scratch[static_cast<size_t>(tbb::this_task_arena::current_thread_index())].run(snaps[i], budget);
      });
      parallel = now_s() - p0;
    });
    const double avg_settled = snaps.empty() ? 0 : static_cast<double>(settled) / snaps.size();
    const double verts_per_node = g.node_count() ? static_cast<double>(g.geom.size() - g.edge_count()) / g.node_count() : 0;
    const double load_build_s = std::max(1e-9, t2 - t0);
    j = {{"map", city.lines.source},
         {"osm_nodes_in_file", osm ? nlohmann::json(osm_nodes) : nlohmann::json()},
         {"road_vertices_read", road_vertices},
         {"load_s", t1 - t0},
         {"graph_build_s", t2 - t1},
         {"osm_nodes_per_s", osm ? nlohmann::json(osm_nodes / load_build_s) : nlohmann::json()},
         {"road_vertices_per_s", road_vertices / load_build_s},
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
    const std::string rate =
        osm ? fmt::format("{:.2f} million OSM nodes/s for load+build ({} nodes in the file)",
                          osm_nodes / load_build_s / 1e6, osm_nodes)
            : fmt::format("{:.2f} million road vertices/s for load+build",
                          road_vertices / load_build_s / 1e6);
    std::cout << fmt::format(
        "map                 {}\n"
        "load                {:.3f} s ({} road vertices kept)\n"
        "graph build         {:.3f} s  -> {}\n"
        "graph               {} nodes, {} edges, {:.1f} bytes/node (excluding geometry)\n"
        "15-min walks        {} walks of {:.0f} m, {:.0f} graph nodes settled on average\n"
        "  1 thread          {:.0f} walks/s\n"
        "  {} threads         {:.0f} walks/s (speed-up {:.2f})\n"
        "peak memory         {:.0f} MB\n",
        city.lines.source, t1 - t0, road_vertices, t2 - t1, rate, g.node_count(), g.edge_count(),
        j["bytes_per_node"].get<double>(), snaps.size(), budget, avg_settled,
        snaps.size() / std::max(1e-9, single), nthreads, snaps.size() / std::max(1e-9, parallel),
        single / std::max(1e-9, parallel), peak_rss_mb());
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
