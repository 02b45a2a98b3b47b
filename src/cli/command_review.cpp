// yizhan review: the existing stations under review. Which are least useful (what removing each
// one costs in workers covered), which to upgrade first (workers served x amenities missing),
// and, with candidates, where moving one would gain most (remove it, build the best candidate
// instead). Prints the rankings (or --json) and writes them to a GeoPackage. The rankings and
// their layers are the engine's (siting/station_review, export/review_layers).

#include <algorithm>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_common.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/export/review_layers.hpp"
#include "engine/export/site_layers.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/siting/walk_spacing.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {

using namespace yz::siting;

namespace {

uint32_t parse_wanted(const std::string& text) {
  if (text.empty()) return kDefaultWantedAmenities;
  if (text == "all") return (1u << kAmenityCount) - 1;
  uint32_t mask = 0;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    const auto a = parse_amenities(item);
    if (!a) {
      std::string known;
      for (const char* k : kAmenities) known += std::string(known.empty() ? "" : ", ") + k;
      throw CodedError("--wanted", Msg::amenity_unknown, {{"name", item}, {"known", known}});
    }
    mask |= *a;
  }
  return mask;
}

struct ReviewCommand {
  MapOptions map;
  OutputGuard outg;
  CoverageOptions cov;
  PointInput stations{PointInputKind::stations}, candidates{PointInputKind::candidates},
      demand{PointInputKind::demand};
  std::string demand_weight, out, wanted;
  std::string estimate;  // a --demand file of estimates ("map proxies", PointSet::estimate)
  std::string criterion = "both";
  double spacing_m = 0, spacing_walk_m = 0;
  bool double_cover = false, json = false, bom = false;
  uint32_t top = 10;
  std::vector<DropReport> drops = std::vector<DropReport>(3);

  int run() {
    cov.validate();
    const Criterion crit = criterion_option(criterion);
    check_param("spacing_m", spacing_m, Options::kSpacingM);
    check_param("spacing_walk_m", spacing_walk_m, Options::kSpacingM);
    const uint32_t want = parse_wanted(wanted);
    if (!out.empty()) VectorWriter::driver_for(out);
    if (!out.empty()) outg.check(out, {map.map, map.profile, stations.path, candidates.path, demand.path});
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);
    PointReadOptions so;
    so.site_attributes = true;  // amenities (list or yes/no columns), host type, ...
    PointSet st = stations.read(city, so, cov.params.snap, drops[0]);
    if (st.size() == 0) throw CodedError(stations.path, Msg::cli_no_stations_inside);
    PointSet sites = st;
    PointReadOptions co = so;
    co.candidates = true;
    if (candidates.given()) sites.append(candidates.read(city, co, cov.params.snap, drops[1]));
    const uint32_t fixed = static_cast<uint32_t>(st.size());
    PointSet dem;
    const bool proxy = !demand.given();
    if (proxy) {
      dem = street_length_demand(city);
    } else {
      PointReadOptions dopt;
      dopt.weight_field = demand_weight;
      dem = demand.read(city, dopt, cov.params.snap, drops[2]);
    }
    estimate = dem.estimate;
    const CoverageStudy study = run_coverage(city, sites, dem, proxy, cov.params, progress);
    Options o;
    o.objective = double_cover ? Objective::double_cover : Objective::single;
    o.spacing_m = spacing_m;
    o.spacing_walk_m = spacing_walk_m;
    if (spacing_walk_m > 0)
      o.conflicts = walk_spacing_pairs(city.graph, study.site_snaps, sites.xy, spacing_walk_m,
                                       fixed, progress)
                        .pairs;
    const Problem p =
        make_siting_problem(study.covers, crit, study.demand.weight, fixed, sites.xy, {}, {}, o);
    const StationReview r = review_stations(p, sites, want);
    if (!out.empty()) {
      VectorWriter w(out);
      w.set_csv_bom(bom);
      write_review_layers(w, sites, r);
      std::vector<DropReport> used;
      for (const auto& d : drops)
        if (!d.source.empty()) used.push_back(d);
      write_dropped_layer(w, used);
      w.add_table("yizhan_review", {{"criterion", criterion},
                                    {"objective_kind", to_string(o.objective)},
                                    {"wanted_amenities", amenity_list(want)},
                                    {"stations", std::to_string(fixed)},
                                    {"candidates", std::to_string(sites.size() - fixed)},
                                    {"demand", proxy ? "street-length proxy" : demand.path},
                                    {"spacing_m", fmt::format("{}", spacing_m)},
                                    {"spacing_walk_m", fmt::format("{}", spacing_walk_m)}});
      w.close();
    }
    print(sites, p, r, want, proxy);
    return kExitOk;
  }

  void print(const PointSet& sites, const Problem& p, const StationReview& r, uint32_t want,
             bool proxy) const {
    const std::vector<uint32_t> have = site_amenities(sites);
    const char* what = double_cover ? "workers covered twice" : "workers covered";
    if (json) {
      nlohmann::json j;
      j["criterion"] = criterion;
      j["measure"] = what;
      j["demand_is_proxy"] = proxy;
      j["demand_estimate"] = estimate;
      j["wanted_amenities"] = amenity_list(want);
      j["least_useful"] = nlohmann::json::array();
      for (const auto& c : r.removal)
        j["least_useful"].push_back({{"id", sites.id[c.site]},
                                     {"name", sites.name[c.site]},
                                     {"covers", c.covers},
                                     {"lost", c.lost},
                                     {"lost_twice", c.lost_twice}});
      j["upgrade_priority"] = nlohmann::json::array();
      for (const auto& u : r.upgrade)
        j["upgrade_priority"].push_back({{"id", sites.id[u.site]},
                                         {"name", sites.name[u.site]},
                                         {"served", u.served},
                                         {"missing", u.missing},
                                         {"missing_amenities", amenity_list(want & ~have[u.site])},
                                         {"priority", u.priority}});
      j["relocation"] = nlohmann::json::array();
      for (const auto& m : r.relocation)
        j["relocation"].push_back(
            {{"id", sites.id[m.site]},
             {"lost", m.lost},
             {"to", m.candidate == kNoSite ? std::string() : sites.id[m.candidate]},
             {"gained", m.gained},
             {"net", m.net()}});
      j["output"] = out;
      j["inputs"] = inputs_json(drops);
      std::cout << j.dump(2) << "\n";
      return;
    }
    print_drop_lines(drops);
    if (proxy) std::cout << "Demand: street-length proxy (no --demand given)\n";
    if (!estimate.empty())
      std::cout << "Demand: " << demand.path << " holds estimated workers (" << estimate
                << "), not head counts\n";
    const size_t n = std::min<size_t>(top, r.removal.size());
    std::cout << fmt::format("Least useful stations (what removing each costs, {}):\n", what);
    std::cout << "rank  station              covers      lost   lost twice\n";
    for (size_t i = 0; i < n; ++i) {
      const auto& c = r.removal[i];
      std::cout << fmt::format("{:>4}  {:<18} {:>8.0f} {:>9.0f} {:>12.0f}\n", i + 1,
                               sites.id[c.site], c.covers, c.lost, c.lost_twice);
    }
    std::cout << "\nUpgrade first (workers served x amenities missing):\n";
    std::cout << "rank  station              served  missing  priority  missing amenities\n";
    for (size_t i = 0; i < std::min<size_t>(top, r.upgrade.size()); ++i) {
      const auto& u = r.upgrade[i];
      std::cout << fmt::format("{:>4}  {:<18} {:>8.0f} {:>8} {:>9.0f}  {}\n", i + 1,
                               sites.id[u.site], u.served, u.missing, u.priority,
                               amenity_list(want & ~have[u.site]));
    }
    if (!r.relocation.empty()) {
      std::cout << "\nRelocation (remove the station, build the best candidate instead):\n";
      for (size_t i = 0; i < std::min<size_t>(top, r.relocation.size()); ++i) {
        const auto& m = r.relocation[i];
        if (m.candidate == kNoSite)
          std::cout << fmt::format("  {}: no candidate wins back what removing it loses ({:.0f})\n",
                                   sites.id[m.site], m.lost);
        else
          std::cout << fmt::format("  moving {} to candidate {} {} {:.0f} ({} {:.0f}, {} {:.0f})\n",
                                   sites.id[m.site], sites.id[m.candidate],
                                   m.net() >= 0 ? "gains" : "loses", std::abs(m.net()), "loses",
                                   m.lost, "gains", m.gained);
      }
    } else if (!candidates.given()) {
      std::cout << "\n(no --candidates: relocations not computed)\n";
    }
    if (!out.empty())
      std::cout << "Wrote " << out
                << " (layers: least_useful, upgrade_priority, relocation, dropped, "
                   "yizhan_review)\n";
    (void)p;
  }
};

const RegisterCommand reg("review", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<ReviewCommand>();
  auto* sub = app.add_subcommand(
      "review", "Existing stations: least useful, which to upgrade first, where to move one");
  cmd->map.add(*sub);
  cmd->stations.add(*sub, "amenities from an amenities list or yes/no columns")->required();
  cmd->stations.add_deprecated_sites_crs(*sub);
  cmd->candidates.add(*sub, "also report the best relocation of each station");
  cmd->demand.add(*sub, "default: street-length proxy");
  add_demand_weight(*sub, cmd->demand_weight);
  cmd->cov.add(*sub);
  add_criterion(*sub, cmd->criterion);
  sub->add_option(
      "--wanted", cmd->wanted,
      "Amenities a full station offers, comma-separated, or all (default: the standard's nine: "
      "water ... reading; wifi, rain_gear, repair_tools only when named)");
  sub->add_flag("--double", cmd->double_cover,
                "Measure workers covered twice instead of once (removal and relocation)");
  sub->add_option("--spacing-m", cmd->spacing_m,
                  "Relocation: no two stations closer than this, straight line (metres)");
  sub->add_option("--spacing-walk-m", cmd->spacing_walk_m,
                  "Relocation: no two stations closer than this on foot (metres)");
  sub->add_option("--top", cmd->top, "Rows of each ranking to print")->capture_default_str();
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)");
  cmd->outg.add(*sub);
  sub->add_flag("--json", cmd->json, "Print the rankings as JSON (all rows)");
  add_out_bom(*sub, cmd->bom);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
