#pragma once
// The plan being edited in the app: the city, stations and demand, their coverage, and each
// station's reached street pieces. What-if edits (add/move/remove) recompute one station's
// coverage through the incremental CoverageState (about a millisecond each).
#include <memory>
#include <string>
#include <vector>

#include "engine/coverage/coverage_study.hpp"

namespace yz::app {

struct AppInputs {
  std::unique_ptr<CityNetwork> city;  // stable address: the study points at it
  PointSet stations, demand;
  bool demand_is_proxy = false;
};

class Scenario {
 public:
  explicit Scenario(AppInputs in);

  const CityNetwork& city() const { return *in_.city; }
  bool demand_is_proxy() const { return in_.demand_is_proxy; }
  const PointSet& demand() const { return study_->demand; }
  const CoverageState& state() const { return study_->state; }
  const CoverageParams& params() const { return study_->params; }
  uint32_t slots() const { return static_cast<uint32_t>(pos_.size()); }
  bool active(uint32_t s) const { return study_->state.active(s); }
  Vec2 position(uint32_t s) const { return pos_[s]; }
  const std::string& name(uint32_t s) const { return names_[s]; }
  const std::vector<std::vector<Vec2>>& pieces(uint32_t s) const { return pieces_[s]; }

  uint32_t add(Vec2 xy);  // returns the new slot
  void move(uint32_t slot, Vec2 xy);
  void remove(uint32_t slot);
  void set_params(const CoverageParams& p);  // recomputes every station
  double last_edit_ms() const { return last_edit_ms_; }
  // Bumped on every change, so views know when to rebuild buffers.
  uint64_t version() const { return version_; }

 private:
  SiteCover cover_at(Vec2 xy, std::vector<std::vector<Vec2>>& pieces);
  void rebuild();

  AppInputs in_;
  // Heap-held and built in place: the study's demand index points at the study's own demand.
  std::unique_ptr<CoverageStudy> study_;
  std::unique_ptr<CoverScratch> scratch_;
  std::vector<Vec2> pos_;
  std::vector<std::string> names_;
  std::vector<std::vector<std::vector<Vec2>>> pieces_;
  double last_edit_ms_ = 0;
  uint64_t version_ = 1;
  int added_ = 0;
};

}  // namespace yz::app
