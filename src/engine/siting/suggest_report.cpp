#include "engine/siting/suggest_report.hpp"

namespace yz::siting {

nlohmann::json suggest_json(const PointSet& sites, const Problem& p, const SitingResult& r,
                            const StationReview& review, const std::vector<std::string>& notes) {
  nlohmann::json j;
  j["goal"] = to_string(p.options.goal);
  j["objective_kind"] = to_string(p.options.objective);
  j["objective"] = r.objective;
  j["secondary"] = r.secondary;
  j["bound"] = r.bound;
  j["gap"] = r.gap;
  j["optimal"] = r.optimal;
  j["feasible"] = r.feasible;
  j["message"] = r.message;
  j["before"] = {{"covered", r.before.covered},
                 {"covered_twice", r.before.covered_twice},
                 {"total", r.before.total}};
  j["after"] = {{"covered", r.after.covered},
                {"covered_twice", r.after.covered_twice},
                {"total", r.after.total}};
  j["new_stations"] = r.count;
  j["cost"] = r.cost;
  j["bound_method"] = r.bound_method;
  j["secondary_bound"] = r.secondary_bound;
  j["secondary_optimal"] = r.secondary_optimal;
  j["secondary_run"] = r.secondary_run;
  j["plan_source"] = r.plan_source;
  j["stopped_by_time"] = r.stopped_by_time;
  j["walk_spacing_pairs"] = nullptr;
  if (p.options.spacing_walk_m > 0) j["walk_spacing_pairs"] = p.options.conflicts.size();
  j["notes"] = notes;
  j["least_useful"] = nlohmann::json::array();
  for (const auto& c : review.removal)
    j["least_useful"].push_back(
        {{"id", sites.id[c.site]}, {"lost", c.lost}, {"lost_twice", c.lost_twice}});
  j["upgrade_priority"] = nlohmann::json::array();
  for (const auto& u : review.upgrade)
    j["upgrade_priority"].push_back({{"id", sites.id[u.site]},
                                     {"served", u.served},
                                     {"missing", u.missing},
                                     {"priority", u.priority}});
  j["sites"] = nlohmann::json::array();
  for (const auto& s : r.sites) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& alt : s.alternatives)
      a.push_back({{"id", sites.id[alt.site]},
                   {"distance_m", alt.distance_m},
                   {"objective", alt.objective},
                   {"feasible", alt.feasible}});
    j["sites"].push_back(
        {{"rank", s.rank},
         {"id", sites.id[s.site]},
         {"name", sites.name[s.site]},
         {"gain", s.gain},
         {"marginal", s.marginal},
         {"shared", s.shared},
         {"cost", s.cost},
         {"host_type", s.site < sites.info.size() ? sites.info[s.site].host_type : ""},
         {"adds_little", s.adds_little},
         {"alternatives", a}});
  }
  return j;
}

}  // namespace yz::siting
