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

// What the island rule (`--island-m`, SnapStatus::moved_off_island) does to one test's coverage,
// against the same stations with the rule off (`--island-m 0`): weight covered only through a
// join (covered here, by no station with the rule off) and weight covered only with the rule off.
// covered - only_through_joins + only_without_joins = the covered weight of an `--island-m 0` run.
struct JoinEffect {
  double only_through_joins = 0;
  double only_without_joins = 0;
};

struct CoverageSummary {
  double total = 0;                 // all demand weight (including points that could not be snapped)
  double unsnapped = 0;             // demand weight off the network (never walk-covered)
  CriterionTotals walk, radius, both, either;
  double radius_not_walk = 0;       // inside some station's radius but no station's walk: 1 km overstates
  double walk_not_radius = 0;       // reachable on foot but outside every radius
  JoinEffect join_walk, join_both, join_either;  // the radius test ignores snapping: no effect
  const CriterionTotals& of(Criterion c) const;
  double percent(Criterion c) const { return total > 0 ? 100.0 * of(c).covered / total : 0; }
  const JoinEffect& joins(Criterion c) const;
  // Covered weight with the island rule off, and its share of all demand.
  double covered_without_joins(Criterion c) const {
    return of(c).covered - joins(c).only_through_joins + joins(c).only_without_joins;
  }
  double percent_without_joins(Criterion c) const {
    return total > 0 ? 100.0 * covered_without_joins(c) / total : 0;
  }
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
  // Stations covering demand d under c with the island rule off (SiteCover::covered_without_joins).
  uint16_t count_without_joins(Criterion c, uint32_t d) const {
    return c == Criterion::radius ? counts_[1][d] : plain_[static_cast<int>(c)][d];
  }
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
  std::vector<uint16_t> plain_[4];  // counts with the island rule off (radius unused: the same)
  uint32_t join_covers_ = 0;        // active stations whose coverage the rule changes
  CoverageSummary summary_;
};

}  // namespace yz
