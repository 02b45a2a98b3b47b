// yizhan coverage: 15-minute walk and 1 km radius coverage of a set of stations.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli_common.hpp"
#include "engine/coverage/coverage_report.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/export/coverage_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"

namespace yz::cli {
namespace {

struct CoverageCommand {
  MapOptions map;
  CoverageOptions cov;
  PointInput sites{PointInputKind::sites}, demand{PointInputKind::demand};
  std::string out, demand_weight;
  bool json = false, no_areas = false, bom = false;
  double half_width_m = kDefaultStreetHalfWidthM;
  OutputGuard outg;

  int run() {
    cov.validate();
    WalkAreaOptions area;
    area.half_width_m = half_width_m;
    area.validate();
    if (out.empty()) throw InputError("--out", "give an output GeoPackage (e.g. --out coverage.gpkg)");
    if (std::filesystem::is_directory(out))
      throw InputError(out, "is a folder; give the output file's name (e.g. " +
                                (std::filesystem::path(out) / "coverage.gpkg").string() + ")");
    VectorWriter::driver_for(out);  // fail early on an unknown extension
    outg.check(out, {map.map, map.profile, sites.path, demand.path});
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);
    std::vector<DropReport> drops(1);
    PointReadOptions so;
    so.site_attributes = true;  // read as every command reads stations: the same rows kept
    PointSet site_pts = sites.read(city, so, cov.params.snap, drops[0]);
    const std::string sites_source_crs = site_pts.source_crs;  // e.g. GCJ-02, for the settings table
    PointSet demand_pts;
    bool proxy = !demand.given();
    if (proxy) {
      demand_pts = street_length_demand(city);
    } else {
      drops.emplace_back();
      PointReadOptions dopt;
      dopt.weight_field = demand_weight;
      demand_pts = demand.read(city, dopt, cov.params.snap, drops.back());
    }
    CoverageStudy st = run_coverage(city, std::move(site_pts), std::move(demand_pts), proxy, cov.params, progress);
    CoverageExportOptions eo;
    eo.walk_areas = !no_areas;
    eo.csv_bom = bom;
    eo.settings.push_back({"sites_crs", sites_source_crs});
    eo.area.half_width_m = half_width_m;
    write_coverage_layers(out, st, drops, eo, progress);
    if (json) {
      auto j = coverage_json(st, drops);
      j["output"] = out;
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << coverage_text(st, drops) << "\nWrote " << out
                << " (layers: sites, walk_areas, radius_circles, demand, joins, dropped, "
                   "yizhan_settings)\n";
    }
    return kExitOk;
  }
};

const RegisterCommand reg("coverage", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<CoverageCommand>();
  auto* sub = app.add_subcommand("coverage", "Walking (15 min) and radius (1 km) coverage of stations, written to a GeoPackage");
  cmd->map.add(*sub);
  cmd->sites.add(*sub)->required();
  cmd->demand.add(*sub, "default: street-length proxy");
  add_demand_weight(*sub, cmd->demand_weight);
  cmd->cov.add(*sub);
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)")->required();
  cmd->outg.add(*sub);
  sub->add_option("--area-half-width-m", cmd->half_width_m, "Walk-area polygons: metres either side of a reached street")->capture_default_str();
  sub->add_flag("--no-areas", cmd->no_areas, "Skip walk-area polygons (faster)");
  sub->add_flag("--json", cmd->json, "Print the summary as JSON");
  add_out_bom(*sub, cmd->bom);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
