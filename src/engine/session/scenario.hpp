#pragma once
// One named plan of a session: its stations and their coverage, kept up to date incrementally.
// Stations live in stable slots (removing leaves an empty slot) so selections and the undo history
// can name them. An edit costs one bounded walk search for the station it touches plus an update
// of the workers that station reaches (about a millisecond); nothing is recomputed for the rest.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/coverage/coverage_state.hpp"
#include "engine/session/plan_station.hpp"
#include "engine/session/workspace.hpp"

namespace yz {

class Scenario {
 public:
  // Computes every station's coverage (in parallel). Stations keep their order as slots.
  Scenario(std::shared_ptr<const Workspace> ws, uint32_t id, std::string name,
           const std::vector<PlanStation>& stations, const Progress& progress = {});
  // The same from slot contents (empty slots stay empty).
  Scenario(std::shared_ptr<const Workspace> ws, uint32_t id, std::string name,
           std::vector<std::optional<PlanStation>> slots, const Progress& progress = {});

  // The same plan (same slots, same stations) over another workspace (new parameters or demand):
  // every station's coverage is computed again.
  std::unique_ptr<Scenario> rebased(std::shared_ptr<const Workspace> ws,
                                    const Progress& progress = {}) const;
  // A copy under another id and name (no recomputation).
  std::unique_ptr<Scenario> copy(uint32_t id, std::string name) const;

  uint32_t id() const { return id_; }  // stable within a session
  const std::string& name() const { return name_; }
  void rename(std::string name) { name_ = std::move(name), ++version_; }
  const Workspace& workspace() const { return *ws_; }
  const std::shared_ptr<const Workspace>& workspace_ptr() const { return ws_; }

  uint32_t slots() const { return static_cast<uint32_t>(stations_.size()); }
  bool active(uint32_t slot) const { return slot < slots() && stations_[slot].has_value(); }
  uint32_t active_count() const;
  std::vector<uint32_t> active_slots() const;
  const PlanStation& station(uint32_t slot) const { return *stations_[slot]; }
  const std::optional<PlanStation>& slot_content(uint32_t slot) const { return stations_[slot]; }
  const Snap& snap(uint32_t slot) const { return snaps_[slot]; }
  const CoverageState& state() const { return state_; }
  // Street pieces reached by the station's walk (metric polylines, for drawing).
  const std::vector<std::vector<Vec2>>& pieces(uint32_t slot) const { return pieces_[slot]; }
  // Live stations in slot order.
  std::vector<PlanStation> stations() const;

  // The one edit primitive: put a station in a slot (slot == slots() appends) or empty it
  // (nullopt). Coverage is recomputed only when the position changed or the slot was empty;
  // attribute edits cost nothing. Throws std::out_of_range for a slot beyond slots().
  void set(uint32_t slot, std::optional<PlanStation> station);
  uint32_t add(PlanStation station);  // appends; returns the slot

  double last_edit_ms() const { return last_edit_ms_; }  // 0 until the first edit
  double compute_ms() const { return compute_ms_; }      // computing every station at once
  // Bumped on every change, so views and background results know when they are stale.
  uint64_t version() const { return version_; }

 private:
  Scenario() = default;
  void compute_all(const Progress& progress);
  void compute_slot(uint32_t slot);

  std::shared_ptr<const Workspace> ws_;
  uint32_t id_ = 0;
  std::string name_;
  std::vector<std::optional<PlanStation>> stations_;
  std::vector<Snap> snaps_;
  std::vector<std::vector<std::vector<Vec2>>> pieces_;
  CoverageState state_;
  std::unique_ptr<CoverScratch> scratch_;
  double last_edit_ms_ = 0, compute_ms_ = 0;
  uint64_t version_ = 1;
};

}  // namespace yz
