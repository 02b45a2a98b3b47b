// yizhan sites: candidate sites for new stations, from a planner's layer, the map's POIs and/or
// free points along the walk network, with duplicates merged, exclusions honoured and every
// dropped item listed (printed and written to the `dropped` layer).
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/cli_common.hpp"
#include "engine/export/site_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/candidate_filter.hpp"
#include "engine/inputs/grid_candidates.hpp"
#include "engine/inputs/outside_map.hpp"
#include "engine/inputs/poi_candidates.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {
namespace {

struct SitesCommand {
  MapOptions map;
  OutputGuard outg;
  PointInput layer{PointInputKind::layer, "candidates"}, stations{PointInputKind::stations};
  std::string layer_name, exclude, exclude_layer, exclude_crs, from_pois, categories_file, out,
      cost_field, capacity_field, columns;
  double grid_m = 0, min_distance_m = 0, merge_m = 10, same_name_m = 60, max_snap_m = 250;

  void print(const DropReport& r) const {
    std::cout << r.summary() << "\n";
    for (const auto& n : r.notes) std::cout << "  note: " << n << "\n";
  }

  int run() {
    if (grid_m != 0) check_param("grid_m", grid_m, kGridSpacingM);
    CandidateFilterOptions fo;
    fo.merge_m = merge_m;
    fo.same_name_m = same_name_m;
    fo.min_station_m = min_distance_m;
    fo.snap.max_snap_m = max_snap_m;
    fo.validate();
    if (!layer.given() && from_pois.empty() && !(grid_m > 0))
      throw CodedError("yizhan sites", Msg::cli_sites_no_source);
    if (min_distance_m > 0 && !stations.given())
      throw CodedError("--min-distance-m", Msg::cli_needs_stations_file);
    if (std::filesystem::is_directory(out))
      throw CodedError(out, Msg::cli_out_is_folder,
                       {{"example", (std::filesystem::path(out) / "candidates.gpkg").string()}});
    if (VectorWriter::driver_for(out) != "GPKG") throw CodedError(out, Msg::cli_sites_needs_gpkg);
    outg.check(out, {map.map, map.profile, layer.path, stations.path, exclude, categories_file});
    const CandidateCategories cats = categories_file.empty()
                                         ? default_candidate_categories()
                                         : load_candidate_categories(categories_file);
    const std::vector<int> selected =
        from_pois.empty() ? std::vector<int>{} : cats.select(from_pois);
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);
    SnapOptions snap;
    snap.max_snap_m = max_snap_m;

    std::vector<DropReport> drops;
    std::vector<PointSet> sources;  // in priority order: layer, POIs, grid
    std::vector<std::pair<std::string, std::string>> meta{{"map", map.map}};
    // Generated candidates (POIs, grid) beyond the map's edge are dropped like read ones.
    auto drop_outside = [&](PointSet& pts, const std::string& what) {
      DropReport r;
      r.source = pts.source;
      r.what = what;
      r.read = r.kept = pts.size();
      if (drop_outside_map(pts, city, snap, r) == 0) return;
      print(r);
      drops.push_back(std::move(r));
    };
    if (layer.given()) {
      PointReadOptions o;
      o.layer = layer_name;
      o.site_attributes = true;
      o.candidates = true;
      o.cost_field = cost_field;
      o.capacity_field = capacity_field;
      o.columns = columns;
      drops.emplace_back();
      PointSet pts = layer.read(city, o, snap, drops.back());
      for (auto& i : pts.info) i.origin = "layer";
      print(drops.back());
      meta.push_back({"layer", layer.path});
      meta.push_back({"layer_crs", pts.source_crs});
      sources.push_back(std::move(pts));
    }
    if (!from_pois.empty()) {
      PoiCandidateOptions po;
      po.categories = selected;
      po.snap = snap;
      drops.emplace_back();
      PointSet pts = poi_candidates(map.map, city, cats, po, drops.back());
      drop_outside_map(pts, city, snap, drops.back());
      print(drops.back());
      std::map<std::string, int> by_cat;
      for (const auto& i : pts.info) ++by_cat[i.category];
      std::string cs;
      for (const auto& [c, n] : by_cat) cs += fmt::format("{}{} {}", cs.empty() ? "" : ", ", n, c);
      if (!cs.empty()) std::cout << "  POI candidates by category: " << cs << "\n";
      if (pts.size() < 10 && !(grid_m > 0))
        std::cout << "  note: the map has few mapped POIs; add --grid-m 200 for free candidates "
                     "along the streets\n";
      meta.push_back({"pois", from_pois});
      meta.push_back({"categories_file", cats.source});
      sources.push_back(std::move(pts));
    }
    if (grid_m > 0) {
      PointSet pts = grid_candidates(city, grid_m, cats.grid, snap);
      std::cout << pts.source << ": " << pts.size() << " free candidates\n";
      drop_outside(pts, "free candidates");
      meta.push_back({"grid_m", fmt::format("{}", grid_m)});
      sources.push_back(std::move(pts));
    }
    PointSet st;
    if (stations.given()) {
      PointReadOptions o;
      o.site_attributes = true;
      o.columns = columns;
      drops.emplace_back();
      st = stations.read(city, o, snap, drops.back());
      print(drops.back());
      meta.push_back({"stations", stations.path});
      meta.push_back({"stations_crs", st.source_crs});
      meta.push_back({"min_distance_m", fmt::format("{}", min_distance_m)});
    }
    ExclusionAreas ex;
    if (!exclude.empty()) {
      drops.emplace_back();
      ex = read_exclusion_areas(exclude, city.projection(), exclude_layer, exclude_crs,
                                drops.back());
      print(drops.back());
      meta.push_back({"exclude", exclude});
      meta.push_back({"exclude_crs", drops.back().crs});
    }
    fo.snap = snap;
    std::vector<const PointSet*> order;
    for (const auto& p : sources) order.push_back(&p);
    std::vector<DropReport> final_checks;
    FilteredCandidates kept = filter_candidates(order, city, stations.given() ? &st : nullptr,
                                                exclude.empty() ? nullptr : &ex, fo, final_checks);
    for (auto& r : final_checks) {
      print(r);
      drops.push_back(std::move(r));
    }
    meta.push_back({"merge_m", fmt::format("{}", merge_m)});
    meta.push_back({"same_name_m", fmt::format("{}", same_name_m)});
    meta.push_back({"max_snap_m", fmt::format("{}", max_snap_m)});
    meta.push_back({"candidates", std::to_string(kept.sites.size())});
    meta.push_back({"coordinates", "WGS-84 (EPSG:4326); inputs in GCJ-02/BD-09 were converted"});
    if (city.lines.from_osm)
      meta.push_back({"data_licence", "© OpenStreetMap contributors (ODbL)"});
    // What the loaders noted (repaired polygons, decoded text, assumed CRS) is kept with the output.
    size_t note_no = 0;
    for (const auto& d : drops)
      for (const auto& n : d.notes)
        meta.push_back({fmt::format("note.{}", ++note_no), d.source + ": " + n});
    // Even when nothing is left, the dropped layer says why.
    write_site_layers(out, kept.sites, kept.snaps, drops, meta);
    if (kept.sites.size() == 0) throw CodedError(out, Msg::cli_no_candidates_left);
    size_t dropped = 0;
    for (const auto& d : drops) dropped += d.dropped.size();
    std::cout << fmt::format(
        "Wrote {} ({} candidates; layers: candidates, dropped ({} items), yizhan_sites)\n", out,
        kept.sites.size(), dropped);
    return kExitOk;
  }
};

const RegisterCommand reg("sites", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<SitesCommand>();
  auto* sub = app.add_subcommand("sites",
                                 "Candidate sites for new stations (planner's layer, map POIs, "
                                 "free grid), written to a GeoPackage");
  cmd->map.add(*sub);
  cmd->layer.add(*sub, "candidate sites");
  cmd->layer.add_deprecated_sites_crs(*sub);
  sub->add_option("--layer-name", cmd->layer_name,
                  "Layer to read from --layer (default: first point layer)");
  sub->add_option("--from-pois", cmd->from_pois,
                  "POI categories of the OSM map, comma-separated, or all (see "
                  "data/candidate_categories.json)");
  sub->add_option("--categories", cmd->categories_file,
                  "Category config (default: data/candidate_categories.json)");
  sub->add_option("--grid-m", cmd->grid_m,
                  "Free candidates about every this many metres along the walk network");
  cmd->stations.add(*sub, "for --min-distance-m");
  sub->add_option("--min-distance-m", cmd->min_distance_m,
                  "Drop candidates closer than this to an existing station");
  sub->add_option("--exclude", cmd->exclude, "Polygons where no station may go");
  sub->add_option("--exclude-layer", cmd->exclude_layer, "Layer to read from --exclude");
  sub->add_option("--exclude-crs", cmd->exclude_crs,
                  "CRS of --exclude when the file records none (EPSG code, gcj02, bd09); an option "
                  "contradicting a recorded CRS is an error");
  sub->add_option("--cost-field", cmd->cost_field,
                  "Cost column of --layer (default: auto: cost/price/成本/费用/造价)");
  sub->add_option("--capacity-field", cmd->capacity_field,
                  "Capacity column of --layer (default: auto: capacity/容量)");
  sub->add_option("--columns", cmd->columns,
                  "Column names for --layer/--stations the automatic choice misses, e.g. "
                  "host_type=建设形式,status=现状,id=代码 (keys: " +
                      SiteColumns::keys() + ")");
  sub->add_option("--merge-m", cmd->merge_m,
                  "Candidates closer than this are the same host (merged)")
      ->capture_default_str();
  sub->add_option("--same-name-m", cmd->same_name_m,
                  "Same name and category closer than this: the same host")
      ->capture_default_str();
  sub->add_option("--max-snap-m", cmd->max_snap_m,
                  "Candidates farther than this from a walkable street are dropped")
      ->capture_default_str();
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)")->required();
  cmd->outg.add(*sub);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
