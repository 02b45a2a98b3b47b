#include "engine/siting/suggest_run.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "engine/coverage/coverage_study.hpp"
#include "engine/siting/siting_solver.hpp"
#include "engine/siting/walk_spacing.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::siting {

double number_attr(const PointSet& pts, size_t i, const std::string& column, double fallback,
                   Msg what) {
  if (column.empty()) return fallback;
  const std::string& s = pts.attr(i, column);
  if (s.empty()) return fallback;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(v) || v < 0)
    throw CodedError(pts.source, what, {{"value", s}, {"row", i + 1}});
  return v;
}

void apply_time_objective(const SuggestRequest& req, SuggestRun& run) {
  SiteHoursReport st_rep, cand_rep;
  cand_rep.what = "candidates";
  std::vector<WeekSchedule> schedules = site_schedules(req.stations, nullptr, st_rep);
  if (req.candidates_always_open) {
    schedules.resize(schedules.size() + req.candidates.size(), WeekSchedule::always());
  } else {
    const auto cand = site_schedules(req.candidates, &req.categories, cand_rep);
    schedules.insert(schedules.end(), cand.begin(), cand.end());
  }
  DemandGroups groups;
  if (req.time.worker_hours) {
    groups = demand_groups(req.demand, req.profiles);
  } else {
    groups.names = {"all"};
    groups.profiles = {nullptr};  // a flat window reads no profile
    groups.share = req.demand.weight;
  }
  TimedProblem tp = expand_for_hours(run.problem, schedules, req.time, groups);
  run.untimed.push_back(std::move(run.problem));
  run.problem = std::move(tp.problem);
  run.unit = tp.unit;
  auto& n = run.hours_notes;
  n.push_back("time objective: " + req.time.describe() +
              fmt::format(" ({} classes of quarter-hours with the same open sites)", tp.classes));
  if (req.stations.size())
    for (auto& l : st_rep.lines()) n.push_back(l);
  if (req.candidates_always_open)
    n.push_back("candidates are a mobile station's possible stops: open whenever the van stands "
                "there (their hosts' hours not used)");
  else
    for (auto& l : cand_rep.lines()) n.push_back(l);
  if (cand_rep.assumed)
    n.push_back("typical hours per category: " + req.categories.source +
                " (assumptions; edit the file to change them)");
  if (req.time.worker_hours) {
    n.insert(n.end(), groups.notes.begin(), groups.notes.end());
    n.push_back("worker profiles: " + req.profiles.source +
                " (assumptions; edit the file to change them)");
  }
}

SuggestRun run_suggest(const CityNetwork& city, const SuggestRequest& req,
                       const Progress& progress) {
  if (req.candidates.size() == 0)
    throw CodedError(req.candidates.source, Msg::no_candidates_inside);
  SuggestRun run;
  run.sites.source = req.candidates.source;
  std::vector<double> costs, caps;
  const bool with_info =
      (req.stations.size() == 0 || req.stations.info.size() == req.stations.size()) &&
      req.candidates.info.size() == req.candidates.size();
  for (const PointSet* ps : {&req.stations, &req.candidates})
    for (size_t i = 0; i < ps->size(); ++i) {
      run.sites.add(ps->lonlat[i], ps->xy[i], 1, ps->id[i], ps->name[i]);
      if (with_info) {
        // Read with the station schema: cost/capacity already parsed (bad rows were dropped).
        const SiteInfo& info = ps->info[i];
        costs.push_back(std::isnan(info.cost) ? 1.0 : info.cost);
        caps.push_back(req.capacity_field.empty() || std::isnan(info.capacity) ? kNoCapacity
                                                                               : info.capacity);
        run.sites.info.push_back(info);
      } else {
        costs.push_back(number_attr(*ps, i, req.cost_field, 1, Msg::point_cost_not_number));
        caps.push_back(
            number_attr(*ps, i, req.capacity_field, kNoCapacity, Msg::point_capacity_not_number));
      }
    }
  run.fixed = static_cast<uint32_t>(req.stations.size());
  const CoverageStudy study =
      run_coverage(city, run.sites, req.demand, req.demand_is_proxy, req.params, progress,
                   /*keep_streets=*/false);  // candidates: no walk areas drawn
  Options options = req.options;
  options.validate();  // before the walk-spacing searches
  if (options.spacing_walk_m > 0) {
    // Site-to-site walking distances from bounded walk searches on the same snaps as coverage.
    const WalkSpacing ws = walk_spacing_pairs(city.graph, study.site_snaps, run.sites.xy,
                                              options.spacing_walk_m, run.fixed, progress);
    options.conflicts.insert(options.conflicts.end(), ws.pairs.begin(), ws.pairs.end());
    run.walk_spacing_pairs = static_cast<uint32_t>(ws.pairs.size());
    run.walk_spacing_off_network = ws.off_network;
  }
  if (req.ride) {
    // The rider test's covers stand in for the walk list: the solver sees sets and weights only.
    const RiderStudy rs = run_rider_reach(city, *req.ride, run.sites, req.demand, req.rider,
                                          req.params.snap, progress);
    std::vector<SiteCover> covers(rs.covers.size());
    for (size_t i = 0; i < covers.size(); ++i) covers[i].walk = rs.covers[i];
    run.rider_note = rs.demand.note;
    run.problem = make_siting_problem(
        covers, Criterion::walk, rs.demand.weight, run.fixed, run.sites.xy, costs,
        req.capacity_field.empty() ? std::vector<double>{} : caps, std::move(options));
    run.result = solve_siting(run.problem, progress);
    return run;
  }
  run.problem = make_siting_problem(
      study.covers, req.criterion, req.demand.weight, run.fixed, run.sites.xy, costs,
      req.capacity_field.empty() ? std::vector<double>{} : caps, std::move(options));
  if (req.time.active()) apply_time_objective(req, run);
  run.result = solve_siting(run.problem, progress.slice(0, req.curve ? 0.5 : 1));
  if (req.curve)
    run.curve = coverage_curve(run.problem, run.result, req.min_gain, progress.slice(0.5, 1));
  return run;
}

}  // namespace yz::siting
