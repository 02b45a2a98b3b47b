#pragma once
// One coverage run: a city, stations and demand, the parameters, and everything computed from
// them (snaps, per-station coverage, per-demand counts, summary). What the CLI prints and
// exports, and what the GUI starts a session from.
#include <memory>

#include "engine/coverage/coverage_computer.hpp"
#include "engine/coverage/coverage_state.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct CoverageStudy {
  CoverageStudy() = default;
  // Safe to return and store by value: the index and computer live on the heap and keep no
  // pointer into this object (DemandIndex copies the positions it needs).
  CoverageStudy(CoverageStudy&& o) noexcept = default;
  CoverageStudy& operator=(CoverageStudy&& o) noexcept = default;
  CoverageStudy(const CoverageStudy&) = delete;
  CoverageStudy& operator=(const CoverageStudy&) = delete;

  const CityNetwork* city = nullptr;
  PointSet sites, demand;
  bool demand_is_proxy = false;  // the street-length proxy stands in: no demand was given
  // The figures are estimates, not head counts: the street-length proxy, or a demand file that
  // says so (PointSet::estimate, e.g. `yizhan demand` from map proxies). Labels ask this.
  bool demand_estimated() const { return demand_is_proxy || !demand.estimate.empty(); }
  CoverageParams params;
  std::unique_ptr<DemandIndex> index;
  std::unique_ptr<CoverageComputer> computer;
  std::vector<Snap> site_snaps;
  std::vector<SiteCover> covers;  // per site
  // Per site, the streets its walk reached (empty when not kept): walk areas are drawn from
  // these, so no search runs twice.
  std::vector<ReachedStreets> reached;
  CoverageState state;

  // Demand weight that could not be joined to the network (off-network or NaN).
  double unsnapped_weight() const;
};

// `keep_streets`: keep what each walk reached (CoverageStudy::reached) for walk areas; off where
// only the numbers are wanted (siting candidates).
CoverageStudy run_coverage(const CityNetwork& city, PointSet sites, PointSet demand,
                           bool demand_is_proxy, const CoverageParams& params,
                           const Progress& progress = {}, bool keep_streets = true);

}  // namespace yz
