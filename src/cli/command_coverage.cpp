// yizhan coverage: 15-minute walk and 1 km radius coverage of a set of stations.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/cli_common.hpp"
#include "cli/district_input.hpp"
#include "cli/hours_options.hpp"
#include "cli/mobile_options.hpp"
#include "cli/rider_options.hpp"
#include "engine/coverage/coverage_report.hpp"
#include "engine/coverage/rider_report.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/export/coverage_layers.hpp"
#include "engine/export/district_layer.hpp"
#include "engine/export/rider_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {
namespace {

struct CoverageCommand {
  MapOptions map;
  CoverageOptions cov;
  RiderOptions rider;
  PointInput sites{PointInputKind::sites}, demand{PointInputKind::demand};
  std::string out, demand_weight;
  bool json = false, no_areas = false, bom = false, by_hour = false;
  HoursOptions hours;
  MobileOptions mobile;
  double half_width_m = kDefaultStreetHalfWidthM;
  OutputGuard outg;
  DistrictInput districts;

  int run() {
    cov.validate();
    rider.validate();
    WalkAreaOptions area;
    area.half_width_m = half_width_m;
    area.validate();
    if (out.empty()) throw CodedError("--out", Msg::cli_give_out, {{"example", "coverage.gpkg"}});
    if (std::filesystem::is_directory(out))
      throw CodedError(out, Msg::cli_out_is_folder,
                       {{"example", (std::filesystem::path(out) / "coverage.gpkg").string()}});
    VectorWriter::driver_for(out);  // fail early on an unknown extension
    outg.check(out, {map.map, map.profile, sites.path, demand.path, mobile.schedule,
                     districts.from_map() ? std::string() : districts.path});
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);
    std::vector<DropReport> drops(1);
    PointReadOptions so;
    so.site_attributes = true;  // read as every command reads stations: the same rows kept
    PointSet site_pts = sites.read(city, so, cov.params.snap, drops[0]);
    const std::string sites_source_crs = site_pts.source_crs;  // e.g. GCJ-02, for the settings table
    // Scheduled mobile stations become their stops, each open only while the van stands there.
    const auto mob = mobile.apply(city, site_pts, sites.crs_value());
    if (mob) site_pts = mob->sites.sites;
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
    const std::optional<Districts> dist = districts.read(city, map.map);
    nlohmann::json district_check;
    std::vector<std::string> district_notes;
    if (dist) {
      district_notes = dist->notes;
      district_check = check_station_districts(districts, site_pts, *dist, district_notes);
    }
    CoverageStudy st = run_coverage(city, std::move(site_pts), std::move(demand_pts), proxy, cov.params, progress);
    std::optional<DistrictSummary> by_district;
    if (dist) by_district = district_summary(st, *dist, static_cast<uint32_t>(st.sites.size()));
    CoverageExportOptions eo;
    eo.walk_areas = !no_areas;
    eo.csv_bom = bom;
    eo.settings.push_back({"sites_crs", sites_source_crs});
    eo.area.half_width_m = half_width_m;
    if (by_district) {
      eo.extra_layers.push_back(district_layer(*by_district, *dist, st.sites));
      eo.settings.push_back({"districts", dist->source});
    }
    if (mob) {
      for (auto& l : mob->layers()) eo.extra_layers.push_back(std::move(l));
      eo.settings.push_back({"mobile_schedule", mob->schedule.source});
    }
    ByHour bh;
    if (by_hour) {
      bh = coverage_by_hour(st, hours);
      eo.site_fields = bh.site_fields, eo.site_values = bh.site_values;
    }
    std::optional<RiderStudy> rs;
    if (rider.wanted()) {
      const RideNetwork ride = RiderOptions::ride_network(map, city, progress);
      rs =
          run_rider_reach(city, ride, st.sites, st.demand, rider.params, cov.params.snap, progress);
      eo.extend = [&rs](CoverageLayers& cl) {
        add_rider_columns(cl.layers, *rs);
        for (auto& row : rider_settings(*rs)) cl.settings.push_back(row);
      };
    }
    write_coverage_layers(out, st, drops, eo, progress);
    if (json) {
      auto j = coverage_json(st, drops);
      if (rs) j["rider_reach"] = rider_json(*rs, st.sites);
      j["output"] = out;
      if (by_hour) j["by_hour"] = bh.json;
      if (mob) j["mobile"] = mob->json();
      if (by_district) {
        j["districts"] = districts_json(*by_district, st.sites);
        j["district_source"] = dist->source;
        j["district_check"] = district_check;
        j["district_notes"] = district_notes;
      }
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << coverage_text(st, drops);
      if (mob)
        for (const auto& l : mob->lines()) std::cout << "Mobile: " << l << "\n";
      std::cout << bh.text;
      if (by_district) {
        std::cout << "\n" << districts_text(*by_district, proxy ? "street-m" : "workers");
        for (const auto& n : district_notes) std::cout << "Note: " << n << "\n";
      }
      if (rs) std::cout << "\n" << rider_text(*rs, st.sites, proxy ? "street-m" : "workers");
      std::cout << "\nWrote " << out
                << " (layers: sites, walk_areas, radius_circles, demand, joins, dropped, "
                << (by_district ? "districts, " : "") << (mob ? "mobile_stops, mobile_routes, " : "")
                << "yizhan_settings)\n";
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
  cmd->districts.add(*sub);
  cmd->rider.add(*sub);
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)")->required();
  cmd->outg.add(*sub);
  sub->add_option("--area-half-width-m", cmd->half_width_m, "Walk-area polygons: metres either side of a reached street")->capture_default_str();
  sub->add_flag("--no-areas", cmd->no_areas, "Skip walk-area polygons (faster)");
  sub->add_flag("--json", cmd->json, "Print the summary as JSON");
  sub->add_flag("--by-hour", cmd->by_hour,
                "Coverage in each hour of a weekday and a weekend day, counting only stations open "
                "then (opening_hours / 开放时间 column), and worker-hours covered");
  cmd->hours.add(*sub);
  cmd->mobile.add(*sub);
  add_out_bom(*sub, cmd->bom);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
