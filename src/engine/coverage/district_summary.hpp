#pragma once
// Coverage by district: per district (and one "outside any district" row for points outside
// every polygon or on a boundary, so the rows add up to the city's totals) the stations,
// workers, walk / radius / both / either coverage, workers covered twice, workers inside 1 km
// but not within the walk, and the suggested stations there and what they add.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/districts.hpp"

namespace yz {

struct DistrictRow {
  std::string name;                            // "" for the outside row
  bool outside = false;                        // the "outside any district" row
  uint32_t stations = 0;                       // existing stations inside
  std::vector<uint32_t> suggested;             // study site indices of suggested stations inside
  double workers = 0;                          // demand weight inside
  CriterionTotals walk, radius, both, either;  // with every station (suggested ones too)
  double radius_not_walk = 0;  // inside some 1 km circle, no station within the walk
  // Under the plan's criterion: covered by the existing stations alone, and what the suggested
  // stations add (covered and covered twice) over that.
  double covered_before = 0, added = 0, twice_before = 0, added_twice = 0;
  const CriterionTotals& of(Criterion c) const;
  double percent(Criterion c) const { return workers > 0 ? 100.0 * of(c).covered / workers : 0; }
};

struct DistrictSummary {
  std::string source;  // Districts::source
  Criterion criterion = Criterion::both;
  uint32_t existing = 0;          // study sites [0, existing) are existing, the rest suggested
  std::vector<DistrictRow> rows;  // one per district (Districts order), then the outside row
  std::vector<uint32_t> site_district;    // per study site: district index, or -1
  std::vector<uint32_t> demand_district;  // per demand point: district index, or -1
  bool has_suggested() const;
};

inline constexpr uint32_t kNoDistrict = 0xFFFFFFFFu;

// `existing`: how many of the study's sites are existing stations (the rest are suggested, as
// plan_study orders them); pass st.sites.size() when there are no suggestions. Stations removed
// from the study's state (inactive slots) are not counted.
DistrictSummary district_summary(const CoverageStudy& st, const Districts& districts,
                                 uint32_t existing, Criterion criterion = Criterion::both);

// The same from an incrementally kept state (the app's scenario): `site_xy` per state slot (NaN
// for an empty slot), `demand` the points the state counts.
DistrictSummary district_summary(const std::vector<Vec2>& site_xy, const PointSet& demand,
                                 const CoverageState& state, const Districts& districts,
                                 uint32_t existing, Criterion criterion = Criterion::both);

// The `districts` array of `coverage --json` / `suggest --json`.
nlohmann::json districts_json(const DistrictSummary& s, const PointSet& sites);
// A short table for the CLI summary (`unit`: "workers" or "street-m"), in Chinese with `zh`.
std::string districts_text(const DistrictSummary& s, const std::string& unit = "workers",
                           bool zh = false);

}  // namespace yz
