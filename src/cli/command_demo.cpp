// yizhan demo: the main job on the built-in synthetic demo city (README command 1), and
// yizhan demo-city: write the demo city's layers to files for use with the other commands.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_common.hpp"
#include "cli/hours_options.hpp"
#include "engine/coverage/coverage_report.hpp"
#include "engine/export/coverage_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/demo_city.hpp"

namespace yz::cli {
namespace {

DemoCitySettings settings_from(const std::string& path, uint64_t nodes) {
  DemoCitySettings s = path.empty() ? DemoCitySettings::load_default() : DemoCitySettings::load(path);
  return nodes ? s.scaled_to_nodes(nodes) : s;
}

struct DemoCommand {
  CoverageOptions cov;
  std::string settings, out;
  bool json = false, by_hour = false;
  HoursOptions hours;
  OutputGuard outg;

  int run() {
    cov.validate();
    if (!out.empty()) outg.check(out, {settings});
    const Progress progress = terminal_progress();
    DemoCity demo = generate_demo_city(settings_from(settings, 0));
    const auto features = demo.features;
    const auto barriers = demo.barriers;
    CityNetwork city = city_from_lines(std::move(demo.lines), progress);
    CoverageStudy st = run_coverage(city, std::move(demo.stations), std::move(demo.demand), false, cov.params, progress);
    if (!out.empty()) {
      std::filesystem::create_directories(std::filesystem::path(out).parent_path().empty() ? "." : std::filesystem::path(out).parent_path());
      write_coverage_layers(out, st, {}, {}, progress);
    }
    if (json) {
      auto j = coverage_json(st, {});
      j["output"] = out;
      if (by_hour) j["by_hour"] = coverage_by_hour(st, hours).json;
      std::cout << j.dump(2) << "\n";
      return kExitOk;
    }
    std::cout << "Yizhan demo — a SYNTHETIC city generated from data/demo_city.json (not real data)\n";
    for (const auto& f : features) std::cout << "  - " << f << "\n";
    std::cout << "\n" << coverage_text(st, {}, 6);
    if (by_hour) std::cout << coverage_by_hour(st, hours).text;
    const auto& S = st.state.summary();
    std::cout << fmt::format("\nIn short: the {:g} m circles claim {:.1f} % of outdoor workers are covered; a real {:g}-minute walk reaches {:.1f} %.\n",
                             st.params.radius_m, S.percent(Criterion::radius), st.params.minutes, S.percent(Criterion::walk));
    // Why: for each worker inside a circle but beyond every walk, is the straight line to the
    // nearest such station cut by the river or the expressway?
    std::vector<double> by_barrier(barriers.size() + 1, 0);
    std::vector<int> nearest(st.demand.size(), -1);
    std::vector<double> nearest_d(st.demand.size(), 1e300);
    for (uint32_t i = 0; i < st.sites.size(); ++i)
      for (uint32_t d : st.covers[i].radius)
        if (const double dd = distance(st.sites.xy[i], st.demand.xy[d]); dd < nearest_d[d]) nearest_d[d] = dd, nearest[d] = static_cast<int>(i);
    double total_over = 0;
    for (uint32_t d = 0; d < st.demand.size(); ++d) {
      if (nearest[d] < 0 || st.state.count(Criterion::walk, d) > 0) continue;
      total_over += st.demand.weight[d];
      size_t b = 0;
      while (b < barriers.size() && !crosses(st.sites.xy[nearest[d]], st.demand.xy[d], barriers[b].second)) ++b;
      by_barrier[b] += st.demand.weight[d];
    }
    if (total_over > 0) {
      std::cout << fmt::format("Of the {:.0f} workers inside a circle but beyond every 15-minute walk, the straight line to their nearest station crosses\n", total_over);
      for (size_t b = 0; b < barriers.size(); ++b)
        std::cout << fmt::format("  {:<16}{:>7.0f} workers ({:.0f} %)\n", "the " + barriers[b].first, by_barrier[b], 100 * by_barrier[b] / total_over);
      std::cout << fmt::format("  {:<16}{:>7.0f} workers ({:.0f} %): the street grid's detours (1 km in a straight line is 1.2-1.4 km along streets), gated compounds\n",
                               "neither", by_barrier.back(), 100 * by_barrier.back() / total_over);
    }
    if (!out.empty()) std::cout << "\nWrote " << out << " (open it in QGIS: sites, walk_areas, radius_circles, demand)\n";
    return kExitOk;
  }
};

struct DemoCityCommand {
  std::string settings, out_dir;
  uint64_t nodes = 0;
  OutputGuard outg;
  int run() {
    namespace fs = std::filesystem;
    fs::create_directories(out_dir);
    for (const char* f : {"roads.gpkg", "stations.gpkg", "candidates.gpkg", "demand.gpkg"})
      outg.check((fs::path(out_dir) / f).string(), {settings});
    DemoCity demo = generate_demo_city(settings_from(settings, nodes));
    const auto& proj = demo.lines.projection;
    {
      VectorWriter w((fs::path(out_dir) / "roads.gpkg").string());
      w.begin_layer("roads", GeomKind::line, {{"highway", FieldType::text}, {"foot", FieldType::text}});
      std::vector<Vec2> pts;
      for (size_t i = 0; i < demo.lines.size(); ++i) {
        pts.assign(demo.lines.points.begin() + demo.lines.first[i], demo.lines.points.begin() + demo.lines.first[i + 1]);
        proj.to_lonlat(pts);
        const std::string cls(to_string(demo.lines.road_class[i]));
        w.add_line(pts, {cls, std::string(demo.lines.walkable[i] ? "" : "no")});
      }
      w.close();
    }
    auto write_points = [&](const PointSet& ps, const std::string& name) {
      std::vector<FieldDef> f{{"id", FieldType::text}, {"name", FieldType::text}, {"weight", FieldType::real}};
      for (const auto& a : ps.attr_names) f.push_back({a, FieldType::text});
      VectorWriter w((fs::path(out_dir) / (name + ".gpkg")).string());
      w.begin_layer(name, GeomKind::point, f);
      for (size_t i = 0; i < ps.size(); ++i) {
        std::vector<FieldValue> v{ps.id[i], ps.name[i], ps.weight[i]};
        for (const auto& a : ps.attr_values[i]) v.push_back(a);
        w.add_point(ps.lonlat[i], v);
      }
      w.close();
    };
    write_points(demo.stations, "stations");
    write_points(demo.candidates, "candidates");
    write_points(demo.demand, "demand");
    std::cout << fmt::format("Wrote the SYNTHETIC demo city to {}: roads.gpkg ({} lines), stations.gpkg ({}), candidates.gpkg ({}), demand.gpkg ({} points)\n",
                             out_dir, demo.lines.size(), demo.stations.size(), demo.candidates.size(), demo.demand.size());
    return kExitOk;
  }
};

const RegisterCommand reg_demo("demo", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<DemoCommand>();
  auto* sub = app.add_subcommand("demo", "Run the coverage job on the built-in SYNTHETIC demo city and show where 1 km circles overstate walking coverage");
  cmd->cov.add(*sub);
  sub->add_option("--settings", cmd->settings, "Demo-city settings (JSON); default data/demo_city.json");
  sub->add_option("--out", cmd->out, "Also write the coverage GeoPackage here");
  cmd->outg.add(*sub);
  sub->add_flag("--json", cmd->json, "Print the summary as JSON");
  sub->add_flag("--by-hour", cmd->by_hour,
                "Coverage in each hour of a weekday and a weekend day, counting only stations open "
                "then, and worker-hours covered");
  cmd->hours.add(*sub);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

const RegisterCommand reg_city("demo-city", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<DemoCityCommand>();
  auto* sub = app.add_subcommand("demo-city", "Write the SYNTHETIC demo city (roads, stations, candidates, demand) as GeoPackages");
  sub->add_option("--settings", cmd->settings, "Demo-city settings (JSON); default data/demo_city.json");
  sub->add_option("--nodes", cmd->nodes, "Scale the street grid to about this many junctions (benchmarks: 1000000)");
  sub->add_option("--out-dir", cmd->out_dir, "Folder to write into")->required();
  cmd->outg.add(*sub);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
