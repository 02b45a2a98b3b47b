#pragma once
// Undo and redo for every edit of a session. An edit records what it changed, before and after,
// so undoing never recomputes the world: a station edit puts the old station back (one walk
// search), a workspace change (new walking parameters, new demand) swaps the previous workspace
// and scenarios back in as they were.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/session/plan_station.hpp"

namespace yz {

class Scenario;
class Workspace;

struct StationEdit {
  uint32_t slot = 0;
  std::optional<PlanStation> before, after;  // nullopt = empty slot
};

struct Edit {
  enum class Kind : uint8_t {
    stations,          // station edits in one scenario
    scenario_added,    // `scenario_obj` inserted at `index`
    scenario_removed,  // `scenario_obj` taken out of `index`
    scenario_renamed,
    workspace,   // workspace and all scenarios swapped (parameters, demand)
    candidates,  // candidate layer replaced
  };
  Kind kind = Kind::stations;
  std::string label;      // what the Edit menu shows: "move 演示驿站03"
  uint32_t scenario = 0;  // scenario id (stations, scenario_renamed)
  std::vector<StationEdit> stations;
  std::shared_ptr<Scenario> scenario_obj;
  size_t index = 0;
  std::string name_before, name_after;
  std::shared_ptr<const Workspace> ws_before, ws_after;
  std::vector<std::shared_ptr<Scenario>> scenarios_before, scenarios_after;
  std::shared_ptr<const PointSet> candidates_before, candidates_after;
  uint64_t id = 0;  // unique per recorded edit (set by EditHistory)
};

class EditHistory {
 public:
  explicit EditHistory(size_t max_depth = 500) : max_depth_(max_depth) {}

  void push(Edit e);  // a new edit: the redo list is dropped
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const Edit& next_undo() const { return undo_.back(); }
  const Edit& next_redo() const { return redo_.back(); }
  // Move the next edit across (the caller applies it in reverse / again).
  Edit pop_undo();
  Edit pop_redo();
  void push_undone(Edit e) { redo_.push_back(std::move(e)); }
  void push_redone(Edit e) { undo_.push_back(std::move(e)); }
  void clear();

  // Identifies the current state: the id of the last edit in effect (0 = as opened). Equal ids
  // mean equal plans, so "unsaved changes" survives undoing back to the saved state.
  uint64_t state_id() const { return undo_.empty() ? base_id_ : undo_.back().id; }
  size_t undo_depth() const { return undo_.size(); }
  size_t redo_depth() const { return redo_.size(); }

 private:
  size_t max_depth_;
  std::vector<Edit> undo_, redo_;
  uint64_t next_id_ = 1;
  uint64_t base_id_ = 0;  // state id under the oldest kept edit (edits beyond max_depth dropped)
};

}  // namespace yz
