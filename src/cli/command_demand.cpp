// yizhan demand: where the outdoor workers are — map proxies (riders, couriers, sanitation,
// drivers, construction), the planner's points/polygons with counts, or a raster — aggregated to
// cells and written to a GeoPackage that `coverage --demand` and `suggest --demand` read.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/cli_common.hpp"
#include "engine/export/demand_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/demand_builder.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {
namespace {

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

struct DemandCommand {
  MapOptions map;
  std::string profile, components, out;
  std::vector<std::string> weights;
  DemandRequest req;
  PointInput layer{PointInputKind::layer, "worker counts"};
  bool json = false;
  OutputGuard outg;

  CLI::App* sub = nullptr;

  int run() {
    req.layer_path = layer.path;
    // `--layer ""` (an unset shell variable) must not quietly fall back to the map proxies.
    for (const auto& [opt, value] :
         {std::pair<const char*, const std::string*>{"--layer", &req.layer_path},
          {"--raster", &req.raster_path}})
      if (sub && sub->count(opt) && value->empty()) throw CodedError(opt, Msg::cli_empty_file_name);
    if (out.empty()) throw CodedError("--out", Msg::cli_give_out, {{"example", "demand.gpkg"}});
    if (std::filesystem::is_directory(out))
      throw CodedError(out, Msg::cli_out_is_folder,
                       {{"example", (std::filesystem::path(out) / "demand.gpkg").string()}});
    if (VectorWriter::driver_for(out) != "GPKG") throw CodedError(out, Msg::cli_demand_needs_gpkg);
    outg.check(out, {map.map, map.profile, profile, req.layer_path, req.raster_path});
    req.validate();  // cell_m, max_snap_m (weights again below, once parsed)
    req.profile = profile.empty() ? DemandProfile::load_default() : DemandProfile::load(profile);
    req.layer.crs = layer.crs_value();
    req.layer.crs_option = layer.crs_option();
    const bool planner_data = !req.layer_path.empty() || !req.raster_path.empty();
    if (!components.empty())
      req.profile.select(split_list(components));
    else if (planner_data)
      req.profile.select({"none"});  // the planner's data replaces the proxies unless asked
    for (const auto& w : weights) {
      const auto eq = w.find('=');
      const std::string name = w.substr(0, eq == std::string::npos ? 0 : eq);
      if (name == kPlannerComponent || name == kRasterComponent) {
        char* end = nullptr;
        const std::string v = w.substr(eq + 1);
        const double x = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0')
          throw CodedError("--weight", Msg::cli_weight_number, {{"name", name}});
        (name == kPlannerComponent ? req.layer_weight : req.raster_weight) = x;
        req.validate();
      } else {
        req.profile.set_weight(w);
      }
    }
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);
    DemandResult r = build_demand(city, req, progress);
    write_demand_layers(out, r.cells, r.summary, r.drops, city.projection());
    if (json) {
      auto j = r.summary.json(r.cells, r.drops);
      j["output"] = out;
      std::cout << j.dump(2) << "\n";
      return kExitOk;
    }
    std::cout << r.summary.text(r.cells, r.drops) << "Wrote " << out
              << " (layers: demand, cells, dropped; table yizhan_demand)\n";
    return kExitOk;
  }
};

const RegisterCommand reg("demand", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<DemandCommand>();
  auto* sub = app.add_subcommand("demand",
                                 "Where the outdoor workers are: map proxies, planner counts or a "
                                 "raster, aggregated, written to a GeoPackage");
  cmd->sub = sub;
  sub->add_option("--map", cmd->map.map,
                  "City map: OpenStreetMap .osm/.osm.pbf/.osm.bz2/.osm.gz, or a road line layer")
      ->required();
  sub->add_option("--walk-profile", cmd->map.profile,
                  "Walkability tag profile (JSON); default data/walk_profile.json");
  sub->add_option("--crs", cmd->map.crs,
                  "Local metric CRS for computation (default: UTM zone of the map's centre)");
  sub->add_option("--class-field", cmd->map.class_field,
                  "Road-class column of a vector road layer");
  sub->add_option("--map-layer", cmd->map.layer, "Layer of the vector road file to read");
  sub->add_option("--profile", cmd->profile,
                  "Demand profile (JSON); default data/demand_profile.json");
  sub->add_option("--components", cmd->components,
                  "Proxy components to use, comma-separated "
                  "(riders,couriers,sanitation,drivers,construction), 'all' or 'none'; "
                  "default: the profile's enabled ones, or none when --layer/--raster is given");
  sub->add_option(
      "--weight", cmd->weights,
      "Component weight NAME=W (repeatable), e.g. --weight riders=2 --weight planner=1");
  cmd->layer.add(*sub, "worker counts as points or polygons (polygons: any GDAL vector format)");
  sub->add_option("--count-field", cmd->req.layer.count_field,
                  "Count column of --layer (default: count/workers/weight/population)");
  sub->add_option("--layer-name", cmd->req.layer.layer,
                  "Layer of the --layer file to read (default: first point/polygon layer)");
  sub->add_option("--raster", cmd->req.raster_path,
                  "Raster of workers or population (GeoTIFF or any GDAL raster, any CRS)");
  sub->add_option("--raster-band", cmd->req.raster.band, "Band of --raster")->capture_default_str();
  sub->add_option("--raster-crs", cmd->req.raster.crs, "CRS of --raster when it records none");
  sub->add_option("--cell-m", cmd->req.cell_m,
                  "Aggregate demand to square cells of this size in metres (0 = no aggregation)")
      ->capture_default_str();
  sub->add_option("--max-snap-m", cmd->req.snap.max_snap_m,
                  "Items farther than this from any walkable street are dropped")
      ->capture_default_str();
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)")->required();
  cmd->outg.add(*sub);
  sub->add_flag("--json", cmd->json, "Print the summary as JSON");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
