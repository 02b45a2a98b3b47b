#include "engine/session/scenario_hours.hpp"

#include <limits>

namespace yz {

ScenarioHours scenario_hours(const Scenario& sc, const WorkerProfiles& profiles) {
  ScenarioHours out;
  out.slots = sc.active_slots();
  std::vector<SiteCover> covers;
  covers.reserve(out.slots.size());
  for (uint32_t k : out.slots) covers.push_back(sc.state().cover(k));
  // stations() lists the live slots in the same order: hours text from SiteInfo or the columns.
  const PointSet sites =
      points_from_stations(sc.stations(), sc.workspace().city().projection(), "plan");
  out.study = hour_study(covers, sites, sc.workspace().demand(), profiles);
  return out;
}

std::vector<uint16_t> open_cover_counts(const Scenario& sc, const std::vector<uint32_t>& open_slots,
                                        Criterion c) {
  std::vector<uint16_t> n(sc.workspace().demand().size(), 0);
  for (uint32_t k : open_slots) {
    if (!sc.active(k)) continue;
    for (uint32_t d : sc.state().cover(k).covered(c))
      if (d < n.size() && n[d] < std::numeric_limits<uint16_t>::max()) ++n[d];
  }
  return n;
}

}  // namespace yz
