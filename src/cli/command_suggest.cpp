// yizhan suggest: where new stations go (k new, a budget, or a coverage target), with the proven
// gap to the optimum, each site's gains and nearby alternatives, written to a GeoPackage.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_common.hpp"
#include "cli/district_input.hpp"
#include "cli/hours_options.hpp"
#include "cli/mobile_options.hpp"
#include "cli/rider_options.hpp"
#include "cli/suggest_curve_text.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/export/district_layer.hpp"
#include "engine/export/mobile_layers.hpp"
#include "engine/export/plan_export.hpp"
#include "engine/export/review_layers.hpp"
#include "engine/export/site_layers.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/siting/mobile_round.hpp"
#include "engine/siting/suggest_report.hpp"
#include "engine/siting/suggest_run.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/number_format.hpp"

namespace yz::cli {
namespace {

using namespace yz::siting;

// --target: a fraction in (0, 1] ("0.9") or an explicit percentage ("90%"). A bare number above
// 1 is ambiguous ("1.5": 1.5 % or 150 %?) and rejected, as is anything outside (0, 100 %].
double parse_target(const std::string& text) {
  std::string t = text;
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  const bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  const bool number = !t.empty() && end == t.c_str() + t.size() && std::isfinite(v);
  const MsgArg hint("hint", Message(Msg::cli_target_hint));
  if (!number) throw CodedError("--target", Msg::cli_target_not_number, {{"value", text}, hint});
  if (percent) {
    if (!(v > 0 && v <= 100))
      throw CodedError("--target", Msg::cli_target_outside, {{"value", text}, hint});
    return v / 100;
  }
  if (v > 1)
    throw CodedError("--target", Msg::cli_target_ambiguous, {{"value", text}, {"number", t}, hint});
  if (!(v > 0)) throw CodedError("--target", Msg::cli_target_not_above_0, {{"value", text}, hint});
  return v;
}

struct SuggestCommand {
  MapOptions map;
  OutputGuard outg;
  CoverageOptions cov;
  RiderOptions rider;  // --criterion rider
  PointInput stations{PointInputKind::stations}, candidates{PointInputKind::candidates},
      demand{PointInputKind::demand};
  std::string demand_weight, out;
  std::string criterion = "both", cost_field = "cost", capacity_field, target_text;
  std::string min_gain_text = "0.5%";
  static constexpr int64_t kNotGiven = std::numeric_limits<int64_t>::min();
  int64_t k = kNotGiven;
  double budget = NAN, spacing_m = 0, spacing_walk_m = 0, time_limit_s = 10;
  std::vector<std::string> notes;  // printed with the summary
  bool min_cost = false, double_cover = false, double_second = false, no_exact = false,
       json = false, bom = false, budget_given = false;
  bool proxy = false;  // demand is the street-length proxy: figures are estimates, not people
  std::string estimate;  // a --demand file of estimates ("map proxies", PointSet::estimate)
  std::vector<DropReport> drops = std::vector<DropReport>(3);  // stations, candidates, demand
  DistrictInput districts;
  // With --districts: the plan (existing + suggested) by district, and the station check.
  std::optional<Districts> dist;
  std::optional<DistrictSummary> by_district;
  std::optional<CoverageStudy> plan_cov;
  nlohmann::json district_check;
  SuggestHoursOptions hours;
  // --mobile: the k stops of a van for the --when window (mobile_round.hpp); --mobile-schedule:
  // scheduled vans among the stations count only while they stand at a stop.
  bool mobile_mode = false;
  std::string mobile_id = "van";
  MobileOptions mobile;
  std::optional<MobileSchedule> round;
  std::vector<uint32_t> round_sites;  // the round's sites (indices into the run's sites)

  int run() {
    cov.validate();
    // Each value given is checked against its range first, so "--k -1" is named, not ignored.
    if (k != kNotGiven) check_param("k", static_cast<double>(k), Options::kK);
    if (budget_given) check_param("budget", budget, Options::kBudget);
    check_param("time_limit_s", time_limit_s, Options::kTimeLimitS);
    const int goals = (k != kNotGiven) + budget_given + !target_text.empty();
    if (goals != 1) throw CodedError("--k/--budget/--target", Msg::cli_one_goal);
    if (double_cover && double_second) throw CodedError("--double", Msg::cli_double_both);
    Criterion crit = Criterion::walk;
    const bool rider_mode = criterion == "rider";
    if (!rider_mode && !parse_criterion(criterion, crit))
      throw CodedError("--criterion", Msg::cli_criterion_rider);
    if (rider_mode) rider.validate();
    const double target = target_text.empty() ? -1 : parse_target(target_text);
    const MinGain min_gain = parse_min_gain(min_gain_text);
    check_param("spacing_m", spacing_m, Options::kSpacingM);
    check_param("spacing_walk_m", spacing_walk_m, Options::kSpacingM);
    if (out.empty()) throw CodedError("--out", Msg::cli_give_out, {{"example", "plan.gpkg"}});
    VectorWriter::driver_for(out);
    if (mobile_mode && (k == kNotGiven || hours.when.empty()))
      throw CodedError("--mobile", Msg::cli_mobile_needs);
    outg.check(out, {map.map, map.profile, stations.path, candidates.path, demand.path,
                     mobile.schedule, districts.from_map() ? std::string() : districts.path});
    const Progress progress = terminal_progress();
    CityNetwork city = map.open(progress);

    // Sites: existing stations first (fixed), then candidates.
    DropReport &drop_st = drops[0], &drop_cand = drops[1], &drop_dem = drops[2];
    // Cost, capacity and host type as `yizhan sites` writes them (or the planner's own columns).
    const PointReadOptions so = site_read_options(cost_field, capacity_field);
    SuggestRequest req;
    if (stations.given()) req.stations = read_stations(city, so, drop_st);
    if (mobile.given() && !stations.given())
      throw CodedError("--mobile-schedule", Msg::cli_schedule_needs_stations);
    if (mobile_mode && !req.stations.id.empty()) {
      // The van being planned is not an existing station at its listed place.
      const PointSet& all = req.stations;
      PointSet kept;
      kept.source = all.source, kept.source_crs = all.source_crs, kept.attr_names = all.attr_names;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all.id[i] == mobile_id) continue;
        kept.add(all.lonlat[i], all.xy[i], all.weight[i], all.id[i], all.name[i]);
        kept.set_row(all.source_row(i));
        if (!kept.attr_names.empty()) kept.attr_values.back() = all.attr_values[i];
        if (i < all.info.size()) kept.info.push_back(all.info[i]);
      }
      if (kept.size() < all.size()) {
        notes.push_back("station " + mobile_id +
                        " is the mobile station being planned: its listed place is not counted");
        req.stations = std::move(kept);
      }
    }
    if (const auto mob = mobile.apply(city, req.stations, stations.crs_value())) {
      req.stations = mob->sites.sites;
      for (const auto& l : mob->lines()) notes.push_back(l);
    }
    PointReadOptions co = so;
    co.candidates = true;
    req.candidates = candidates.read(city, co, cov.params.snap, drop_cand);
    req.demand_is_proxy = !demand.given();
    if (req.demand_is_proxy) {
      req.demand = street_length_demand(city);
    } else {
      PointReadOptions dopt;
      dopt.weight_field = demand_weight;
      req.demand = demand.read(city, dopt, cov.params.snap, drop_dem);
    }
    dist = districts.read(city, map.map);
    if (dist) {
      notes.insert(notes.end(), dist->notes.begin(), dist->notes.end());
      district_check = check_station_districts(districts, req.stations, *dist, notes);
    }
    req.params = cov.params;
    req.criterion = crit;
    std::optional<RideNetwork> ride;
    if (rider_mode) {
      ride = RiderOptions::ride_network(map, city, progress);
      req.ride = &*ride;
      req.rider = rider.params;
    }
    req.cost_field = cost_field;
    req.capacity_field = capacity_field;
    req.min_gain = min_gain;

    Options& o = req.options;
    if (k != kNotGiven) o.goal = Goal::max_cover_k, o.k = static_cast<uint32_t>(k);
    if (budget_given) o.goal = Goal::max_cover_budget, o.budget = budget;
    if (target >= 0) o.goal = Goal::min_for_target, o.target = target;
    o.min_cost = min_cost;
    o.objective = double_cover
                      ? Objective::double_cover
                      : (double_second ? Objective::single_then_double : Objective::single);
    o.spacing_m = spacing_m;
    o.spacing_walk_m = spacing_walk_m;
    o.time_limit_s = time_limit_s;
    o.exact = !no_exact;
    hours.apply(req);
    req.candidates_always_open = mobile_mode;
    const SuggestRun run = run_suggest(city, req, progress);
    notes.insert(notes.end(), run.hours_notes.begin(), run.hours_notes.end());
    if (!run.untimed.empty()) notes.push_back("covered, objective and gains are in " + run.unit);
    if (rider_mode) notes.push_back(rider_note(rider.params, run.rider_note));
    const PointSet& sites = run.sites;
    const PointSet& demand_pts = req.demand;
    const Problem& problem = run.problem;
    const SitingResult& r = run.result;
    const uint32_t fixed = run.fixed;
    if (spacing_walk_m > 0)
      notes.push_back(fmt::format(
          "walking spacing {:g} m: {} site pairs closer than that on foot may not both be open{}",
          spacing_walk_m, run.walk_spacing_pairs,
          run.walk_spacing_off_network
              ? fmt::format(" ({} sites off the network have no walking distance)",
                            run.walk_spacing_off_network)
              : std::string()));
    std::vector<uint32_t> plan;
    for (const auto& s : r.sites) plan.push_back(s.site);
    const StationReview review = review_stations(problem, sites, wanted_mask(), plan);
    if (dist) {
      // Coverage of the existing stations and the suggested ones (in rank order) on the map.
      plan_cov.emplace(plan_study(city, req.stations, nullptr, &run, req.demand,
                                  req.demand_is_proxy, cov.params, progress));
      by_district = district_summary(*plan_cov, *dist, fixed, crit);
    }
    proxy = req.demand_is_proxy;
    estimate = req.demand.estimate;
    if (mobile_mode) {
      const std::vector<RoundStop> rs = mobile_round(plan, sites.xy, req.time);
      for (const RoundStop& x : rs) round_sites.push_back(x.site);
      round = round_schedule(rs, mobile_id, sites.lonlat, sites.xy, req.time);
      notes.push_back(fmt::format(
          "mobile station {}: the objective counts a worker covered when any of its {} stops "
          "reaches them during {}; the round below gives each stop an equal share of the window",
          mobile_id, plan.size(), req.time.describe()));
    }
    write(sites, demand_pts, problem, r, fixed, review, run);
    print(sites, problem, r, fixed, review, run.curve);
    return kExitOk;
  }

  uint32_t wanted_mask() const { return kDefaultWantedAmenities; }

  // Existing stations. A --capacity-field column they lack is not an error: capacities apply
  // "where given", so those stations count as unlimited (and the summary says so).
  PointSet read_stations(const CityNetwork& city, const PointReadOptions& so, DropReport& drop) {
    try {
      return stations.read(city, so, cov.params.snap, drop);
    } catch (const InputError&) {
      if (so.capacity_field.empty()) throw;
      PointReadOptions without = so;
      without.capacity_field.clear();
      DropReport d2;
      PointSet ps = stations.read(city, without, cov.params.snap, d2);
      bool has = false;
      for (const std::string& n : ps.attr_names)
        has |= ascii_lower(n) == ascii_lower(so.capacity_field);
      if (has) throw;  // the column exists: the error was about something else
      for (SiteInfo& info : ps.info) info.capacity = NAN;  // not an automatic guess either
      const std::string note = "stations have no column '" + so.capacity_field +
                               "': existing stations count as unlimited capacity";
      d2.notes.push_back(note);
      notes.push_back(note);
      drop = std::move(d2);
      return ps;
    }
  }

  void write(const PointSet& sites, const PointSet& dem, const Problem& p, const SitingResult& r,
             uint32_t fixed, const StationReview& review, const SuggestRun& run) {
    VectorWriter w(out);
    w.set_csv_bom(bom);
    w.begin_layer("suggested", GeomKind::point,
                  {{"rank", FieldType::integer},        {"site_id", FieldType::text},
                   {"name", FieldType::text},           {"gain", FieldType::real},
                   {"marginal", FieldType::real},       {"covers", FieldType::real},
                   {"unique", FieldType::real},         {"shared", FieldType::real},
                   {"cost", FieldType::real},           {"served", FieldType::real},
                   {"alt1_id", FieldType::text},        {"alt1_m", FieldType::real},
                   {"alt1_objective", FieldType::real}, {"alt2_id", FieldType::text},
                   {"alt2_m", FieldType::real},         {"alt2_objective", FieldType::real},
                   {"alt3_id", FieldType::text},        {"alt3_m", FieldType::real},
                   {"alt3_objective", FieldType::real}, {"host_type", FieldType::text},
                   {"category", FieldType::text},       {"adds_little", FieldType::integer}});
    for (const SuggestedSite& s : r.sites) {
      std::vector<FieldValue> v{int64_t{s.rank}, sites.id[s.site], sites.name[s.site], s.gain,
                                s.marginal,      s.covers,         s.unique,           s.shared,
                                s.cost,          s.served};
      for (size_t t = 0; t < 3; ++t) {
        if (t < s.alternatives.size()) {
          const Alternative& a = s.alternatives[t];
          v.insert(v.end(), {sites.id[a.site], a.distance_m, a.objective});
        } else {
          v.insert(v.end(), {std::string(), 0.0, 0.0});
        }
      }
      const SiteInfo info = s.site < sites.info.size() ? sites.info[s.site] : SiteInfo{};
      v.insert(v.end(), {info.host_type, info.category, int64_t{s.adds_little ? 1 : 0}});
      w.add_point(sites.lonlat[s.site], v);
    }
    w.begin_layer("alternatives", GeomKind::point,
                  {{"for_rank", FieldType::integer},
                   {"site_id", FieldType::text},
                   {"name", FieldType::text},
                   {"distance_m", FieldType::real},
                   {"objective", FieldType::real},
                   {"feasible", FieldType::integer}});
    for (const SuggestedSite& s : r.sites)
      for (const Alternative& a : s.alternatives)
        w.add_point(sites.lonlat[a.site], {int64_t{s.rank}, sites.id[a.site], sites.name[a.site],
                                           a.distance_m, a.objective, int64_t{a.feasible ? 1 : 0}});
    if (by_district) write_layer(w, district_layer(*by_district, *dist, plan_cov->sites));
    if (round)
      for (const Layer& l : mobile_layers(*round)) write_layer(w, l);
    // Coverage before and after, per demand point.
    std::vector<uint32_t> plan;
    for (const auto& s : r.sites) plan.push_back(s.site);
    const Problem& pp = run.plain();  // per demand point, also with a time objective
    const auto before = cover_counts(pp, with_fixed(pp, {}));
    const auto after = cover_counts(pp, with_fixed(pp, plan));
    w.begin_layer("demand", GeomKind::point,
                  {{"workers", FieldType::real},
                   {"stations_before", FieldType::integer},
                   {"stations_after", FieldType::integer}});
    for (size_t d = 0; d < dem.size(); ++d)
      // The weight the problem counts (rider components under --criterion rider).
      w.add_point(dem.lonlat[d], {p.demand_weight[d], int64_t{before[d]}, int64_t{after[d]}});
    // The existing stations under review, with the plan counted as built.
    if (fixed > 0) write_review_layers(w, sites, review);
    std::vector<DropReport> used;
    for (const auto& d : drops)
      if (!d.source.empty()) used.push_back(d);
    write_dropped_layer(w, used);  // nothing lost silently
    w.add_table("yizhan_suggest", {{"goal", to_string(p.options.goal)},
                                   {"objective_kind", to_string(p.options.objective)},
                                   {"criterion", criterion},
                                   {"objective", fmt::format("{}", r.objective)},
                                   {"bound", fmt::format("{}", r.bound)},
                                   {"gap", fmt::format("{}", r.gap)},
                                   {"optimal", r.optimal ? "yes" : "no"},
                                   {"feasible", r.feasible ? "yes" : "no"},
                                   {"message", r.message},
                                   {"existing_stations", std::to_string(fixed)},
                                   {"spacing_m", fmt::format("{}", p.options.spacing_m)},
                                   {"spacing_walk_m", fmt::format("{}", p.options.spacing_walk_m)},
                                   {"walk_spacing_pairs", std::to_string(run.walk_spacing_pairs)},
                                   {"secondary", fmt::format("{}", r.secondary)},
                                   {"secondary_bound", fmt::format("{}", r.secondary_bound)},
                                   {"secondary_optimal", r.secondary_optimal ? "yes" : "no"},
                                   {"plan_source", r.plan_source},
                                   {"stopped_by_time", r.stopped_by_time ? "yes" : "no"},
                                   {"time_limit_s", fmt::format("{}", p.options.time_limit_s)},
                                   {"min_gain", run.curve.min_gain_setting.text()},
                                   {"coverage_curve", coverage_curve_csv(run.curve)},
                                   {"demand", proxy ? "street-length proxy (estimated workers)"
                                              : !estimate.empty()
                                                  ? "loaded: estimated workers (" + estimate + ")"
                                                  : std::string("loaded")},
                                   {"notes", join_notes()}});
    w.close();
  }

  std::string join_notes() const {
    std::string s;
    for (const auto& n : notes) s += (s.empty() ? "" : "; ") + n;
    return s;
  }

  void print(const PointSet& sites, const Problem& p, const SitingResult& r, uint32_t fixed,
             const StationReview& review, const CoverageCurve& curve) const {
    if (json) {
      nlohmann::json j = suggest_json(sites, p, r, review, notes);
      j["criterion"] = criterion;
      j["demand_is_proxy"] = proxy;
      j["demand_estimate"] = estimate;
      j["coverage_curve"] = coverage_curve_json(curve);
      j["output"] = out;
      j["inputs"] = inputs_json(drops);
      if (round) {
        j["mobile_round"] = nlohmann::json::array();
        for (const auto& s : round->stops)
          j["mobile_round"].push_back({{"order", s.order},
                                       {"id", s.station},
                                       {"lon", s.lonlat.x},
                                       {"lat", s.lonlat.y},
                                       {"days", s.days_text},
                                       {"hours", s.hours_text}});
        for (size_t i = 0; i < round->stops.size(); ++i)
          j["mobile_round"][i]["site_id"] = sites.id[round_sites[i]];
      }
      if (by_district) {
        j["districts"] = districts_json(*by_district, plan_cov->sites);
        j["district_source"] = dist->source;
        j["district_check"] = district_check;
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    print_drop_lines(drops);
    for (const auto& n : notes) std::cout << "Note: " << n << "\n";
    const double W = r.before.total;
    const std::string unit = proxy               ? "estimated workers (street-length proxy)"
                             : !estimate.empty() ? "estimated workers (" + estimate + ")"
                                                 : std::string("workers");
    if (!proxy && !estimate.empty())
      std::cout << "Demand: " << demand.path << " holds estimates (" << estimate
                << "), not head counts: every figure below is an estimate.\n";
    if (proxy)
      std::cout << "Demand: no worker data given, so every figure below is an estimate from street "
                   "length, not a head count.\n";
    std::cout << fmt::format("Existing stations: {}   candidates: {}   {}: {:.0f}\n", fixed,
                             p.sites.size() - fixed, unit, round_shown(r.before.total, 0));
    std::cout << fmt::format("Covered before: {:>12.0f} ({})   twice: {:.0f} ({})\n",
                             round_shown(r.before.covered, 0), percent_text(r.before.covered, W),
                             round_shown(r.before.covered_twice, 0),
                             percent_text(r.before.covered_twice, W));
    std::cout << fmt::format("Covered after:  {:>12.0f} ({})   twice: {:.0f} ({})\n",
                             round_shown(r.after.covered, 0), percent_text(r.after.covered, W),
                             round_shown(r.after.covered_twice, 0),
                             percent_text(r.after.covered_twice, W));
    std::cout << fmt::format("New stations: {}   cost: {:.2f}\n", r.count, r.cost);
    if (!r.feasible) {
      std::cout << "Target not met: " << r.message << "\n";
    } else if (r.optimal) {
      std::cout << fmt::format("Objective {:.2f}: proven optimal ({})\n", r.objective,
                               r.bound_method);
    } else {
      std::cout << fmt::format(
          "Objective {:.2f}, bound {:.2f}: within {:.2f} % of optimal, proven ({})\n", r.objective,
          r.bound, 100 * r.gap, r.bound_method);
    }
    if (p.options.objective == Objective::single_then_double && r.feasible) {
      if (r.secondary_optimal)
        std::cout << fmt::format(
            "Double coverage {:.2f}: the most possible at this single coverage, proven\n",
            r.secondary);
      else
        std::cout << fmt::format(
            "Double coverage {:.2f}, bound {:.2f} at this single coverage ({})\n", r.secondary,
            r.secondary_bound,
            r.secondary_run ? "second stage stopped by its limit" : "second stage not run");
    }
    if (r.stopped_by_time)
      std::cout << "(the time limit ended the proof; the plan does not depend on it)\n";
    std::cout << "rank  site                 gain      shared    alternatives (id, m)\n";
    for (const auto& s : r.sites) {
      std::string alts;
      for (const auto& a : s.alternatives)
        alts += fmt::format("{} ({:.0f})  ", sites.id[a.site], a.distance_m);
      std::cout << fmt::format("{:>4}  {:<18} {:>9.0f} {:>9.0f}    {}{}\n", s.rank,
                               sites.id[s.site], round_shown(s.gain, 0), round_shown(s.shared, 0),
                               alts, s.adds_little ? "  (adds almost nothing)" : "");
    }
    std::cout << coverage_curve_text(curve, unit);
    if (fixed > 0 && !review.removal.empty()) {
      const auto& c = review.removal.front();
      std::cout << fmt::format("Least useful existing station: {} (removing it loses {:.0f})\n",
                               sites.id[c.site], c.lost);
    }
    if (round) {
      std::cout << "Round of " << mobile_id << ":\n";
      for (size_t i = 0; i < round->stops.size(); ++i)
        std::cout << fmt::format("  {}. {:<18} {} {}\n", round->stops[i].order,
                                 sites.id[round_sites[i]], round->stops[i].days_text,
                                 round->stops[i].hours_text);
    }
    if (by_district)
      std::cout << districts_text(*by_district, plan_cov->demand_is_proxy ? "street-m" : "workers");
    std::cout << "Wrote " << out << " (layers: suggested, alternatives, "
              << (by_district ? "districts, " : "")
              << (round ? "mobile_stops, mobile_routes, " : "") << "demand"
              << (fixed > 0 ? ", least_useful, upgrade_priority, relocation" : "")
              << ", dropped, yizhan_suggest)\n";
  }
};

const RegisterCommand reg("suggest", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<SuggestCommand>();
  auto* sub = app.add_subcommand(
      "suggest", "Suggest where new stations go, with the proven gap to the optimum");
  cmd->map.add(*sub);
  cmd->stations.add(*sub, "kept in place");
  cmd->stations.add_deprecated_sites_crs(*sub);
  cmd->candidates.add(*sub)->required();
  cmd->demand.add(*sub, "default: street-length proxy");
  add_demand_weight(*sub, cmd->demand_weight);
  cmd->cov.add(*sub);
  cmd->districts.add(*sub);
  cmd->rider.add(*sub, /*with_flag=*/false);
  sub->add_option("--k", cmd->k, "Most workers covered with N new stations");
  sub->add_option("--budget", cmd->budget,
                  "Most workers covered with new stations costing at most X (see --cost-field)")
      ->each([cmd](const std::string&) { cmd->budget_given = true; });
  sub->add_option("--target", cmd->target_text,
                  "Fewest new stations reaching this share of workers: a fraction (0.9) or a "
                  "percentage (90%)");
  sub->add_flag("--min-cost", cmd->min_cost,
                "With --target: least money instead of fewest stations");
  sub->add_option("--min-gain", cmd->min_gain_text,
                  "A station adding fewer workers than this is flagged 'adds almost nothing' "
                  "(coverage curve): a share of all workers (0.5%) or a count (20)")
      ->capture_default_str();
  add_site_columns(*sub, cmd->cost_field, cmd->capacity_field);
  sub->add_option("--criterion", cmd->criterion,
                  "Coverage test: walk, radius, both (the standard), either, or rider (the "
                  "rider-reach test, 骑行可达: see --ride-min, --ride-kmh, --park-walk-m, "
                  "--rider-demand)")
      ->capture_default_str();
  sub->add_flag("--double", cmd->double_cover, "Maximise workers covered by at least two stations");
  sub->add_flag("--double-second", cmd->double_second,
                "Single coverage first, then the most double coverage");
  sub->add_option("--spacing-m", cmd->spacing_m,
                  "No two stations closer than this, straight line (metres)");
  sub->add_option("--spacing-walk-m", cmd->spacing_walk_m,
                  "No two stations closer than this on foot: network distance from bounded walk "
                  "searches between the sites' snapped points, off-street ends included (metres)");
  sub->add_option("--time-limit", cmd->time_limit_s,
                  "Seconds for the whole run; ends the proof (bound, gap), never changes the plan")
      ->capture_default_str();
  cmd->hours.add(*sub);
  sub->add_flag("--mobile", cmd->mobile_mode,
                "Choose --k stops for a mobile station (流动驿站) within --when: candidates are "
                "places the van may stand (their hosts' hours not used); the stops get a round "
                "(mobile_stops, mobile_routes layers), readable back with --mobile-schedule");
  sub->add_option("--mobile-id", cmd->mobile_id, "The mobile station's id in the round")
      ->capture_default_str();
  cmd->mobile.add(*sub);
  sub->add_flag("--no-exact", cmd->no_exact, "Heuristic and bound only (no branch-and-cut)");
  sub->add_option("--out", cmd->out, "Output GeoPackage (.gpkg)")->required();
  cmd->outg.add(*sub);
  sub->add_flag("--json", cmd->json, "Print the result as JSON");
  add_out_bom(*sub, cmd->bom);
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
