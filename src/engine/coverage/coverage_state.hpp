#pragma once
// The coverage of a whole plan, kept up to date incrementally: per demand point, how many stations
// cover it under each test; per station, what it covers. Adding, moving or removing one station
// touches only that station's demand (what-if edits stay in milliseconds).
#include <cstdint>
#include <vector>

#include "engine/coverage/site_cover.hpp"

namespace yz {

struct CriterionTotals {
  double covered = 0;   // demand weight covered at least once
  double once = 0;      // exactly one station
  double twice = 0;     // two or more stations (double coverage)
};

struct CoverageSummary {
  double total = 0;                 // all demand weight (including points that could not be snapped)
  double unsnapped = 0;             // demand weight off the network (never walk-covered)
  CriterionTotals walk, radius, both, either;
  double radius_not_walk = 0;       // inside some station's radius but no station's walk: 1 km overstates
  double walk_not_radius = 0;       // reachable on foot but outside every radius
  const CriterionTotals& of(Criterion c) const;
  double percent(Criterion c) const { return total > 0 ? 100.0 * of(c).covered / total : 0; }
};

class CoverageState {
 public:
  CoverageState() = default;
  explicit CoverageState(const std::vector<double>& demand_weight, const std::vector<uint8_t>* snapped = nullptr);

  // Station slots stay stable: removing leaves an empty slot (ids used by GUI/undo stay valid).
  uint32_t add(SiteCover cover);
  void replace(uint32_t slot, SiteCover cover);
  void remove(uint32_t slot);
  bool active(uint32_t slot) const { return slot < active_.size() && active_[slot]; }
  uint32_t slots() const { return static_cast<uint32_t>(covers_.size()); }
  const SiteCover& cover(uint32_t slot) const { return covers_[slot]; }

  uint16_t count(Criterion c, uint32_t demand) const { return counts_[static_cast<int>(c)][demand]; }
  const std::vector<uint16_t>& counts(Criterion c) const { return counts_[static_cast<int>(c)]; }
  const CoverageSummary& summary() const { return summary_; }

  // Weight a station covers under c, and the part of it no other station covers.
  double covered_weight(uint32_t slot, Criterion c) const;
  double unique_weight(uint32_t slot, Criterion c) const;

 private:
  void apply(const SiteCover& cover, int sign);
  void bump(Criterion c, uint32_t d, int sign);

  std::vector<double> weight_;
  std::vector<SiteCover> covers_;
  std::vector<uint8_t> active_;
  std::vector<uint16_t> counts_[4];
  CoverageSummary summary_;
};

}  // namespace yz
