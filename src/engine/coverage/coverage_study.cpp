#include "engine/coverage/coverage_study.hpp"

namespace yz {

double CoverageStudy::unsnapped_weight() const { return state.summary().unsnapped; }

CoverageStudy run_coverage(const CityNetwork& city, PointSet sites, PointSet demand,
                           bool demand_is_proxy, const CoverageParams& params,
                           const Progress& progress, bool keep_streets) {
  CoverageStudy st;
  st.city = &city;
  st.sites = std::move(sites);
  st.demand = std::move(demand);
  st.demand_is_proxy = demand_is_proxy;
  st.params = params;
  progress(0.0, "snapping demand");
  st.index = std::make_unique<DemandIndex>(city.graph, *city.snapper, st.demand, params.snap);
  st.computer = std::make_unique<CoverageComputer>(city.graph, *city.snapper, *st.index, params);
  std::vector<uint8_t> snapped(st.demand.size());
  for (size_t i = 0; i < snapped.size(); ++i) snapped[i] = st.index->snaps()[i].usable();
  st.covers = st.computer->cover_all(st.sites.xy, &st.site_snaps, progress, nullptr,
                                     keep_streets ? &st.reached : nullptr);
  st.state = CoverageState(st.demand.weight, &snapped);
  for (const auto& c : st.covers) st.state.add(c);
  return st;
}

}  // namespace yz
