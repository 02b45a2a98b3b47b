#pragma once
// A planner's working session: one map and its workers (the Workspace), the candidate sites,
// several named scenarios (plans) side by side, the settings and view, and the undo history.
// Every change goes through here so it can be undone, redone and saved. Not thread-safe: the
// front-end calls it from one thread; background work reads snapshots (snapshot(),
// rebase_input()) and hands results back to apply on that thread.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/session/edit_history.hpp"
#include "engine/session/scenario.hpp"
#include "engine/session/session_file.hpp"
#include "engine/util/notes.hpp"

namespace yz {

class Session {
 public:
  struct ScenarioInit {
    std::string name;
    std::vector<PlanStation> stations;
  };
  // Computes every scenario's coverage. At least one scenario; `active` clamped.
  Session(std::shared_ptr<const Workspace> ws, PointSet candidates,
          std::vector<ScenarioInit> scenarios, size_t active = 0, const Progress& progress = {});

  const Workspace& workspace() const { return *ws_; }
  const std::shared_ptr<const Workspace>& workspace_ptr() const { return ws_; }
  const PointSet& candidates() const { return *candidates_; }
  const std::shared_ptr<const PointSet>& candidates_ptr() const { return candidates_; }

  size_t scenario_count() const { return scenarios_.size(); }
  Scenario& scenario(size_t i) { return *scenarios_[i]; }
  const Scenario& scenario(size_t i) const { return *scenarios_[i]; }
  // Index of the scenario with this id, or -1.
  int index_of(uint32_t id) const;
  size_t active_index() const { return active_; }
  void set_active(size_t i);
  Scenario& active() { return *scenarios_[active_]; }
  const Scenario& active() const { return *scenarios_[active_]; }

  // ---- Edits of the active scenario (each one undoable) ----
  uint32_t add_station(PlanStation s, std::string label);
  void update_station(uint32_t slot, PlanStation s, std::string label);  // move and/or attributes
  void remove_station(uint32_t slot, std::string label);
  // Several at once as one undo step (accepting suggestions, replacing the stations layer).
  // `before` is filled in here; slot == slots() appends (each such edit takes the next new slot).
  void apply_station_edits(std::vector<StationEdit> edits, std::string label);
  // Dragging: each frame moves the station without recording; end_drag records one edit from
  // the position the drag started at.
  void drag_station(uint32_t slot, Vec2 xy);
  void end_drag(uint32_t slot, const PlanStation& before, std::string label);

  // ---- Scenarios ----
  // A new scenario (a copy of the active one, or empty) placed after it and made active.
  size_t add_scenario(std::string name, bool copy_active);
  void remove_scenario(size_t index);  // throws InputError for the last one
  void rename_scenario(size_t index, std::string name);

  void set_candidates(PointSet candidates, std::string label);

  // ---- Workspace changes (walking parameters, demand): computed aside, applied at once ----
  struct RebaseInput {
    std::vector<std::pair<uint32_t, std::vector<std::optional<PlanStation>>>> scenarios;
    std::vector<std::string> names;
    std::vector<uint64_t> versions;
  };
  struct Rebase {
    std::shared_ptr<const Workspace> ws;
    std::vector<std::shared_ptr<Scenario>> scenarios;
    std::vector<uint64_t> versions;  // of the scenarios it was computed from
  };
  RebaseInput rebase_input() const;  // cheap copy, on the session's thread
  // Thread-safe (reads only its arguments): every scenario's coverage over `ws`.
  static Rebase compute_rebase(const RebaseInput& in, std::shared_ptr<const Workspace> ws,
                               const Progress& progress = {});
  // Throws std::logic_error when the scenarios changed since rebase_input().
  void apply_rebase(Rebase r, std::string label);

  // ---- Undo ----
  bool can_undo() const { return history_.can_undo(); }
  bool can_redo() const { return history_.can_redo(); }
  const std::string& undo_label() const { return history_.next_undo().label; }
  const std::string& redo_label() const { return history_.next_redo().label; }
  void undo();
  void redo();
  const EditHistory& history() const { return history_; }

  // ---- Saving ----
  bool dirty() const { return history_.state_id() != saved_state_; }
  void mark_saved() { saved_state_ = history_.state_id(); }
  void mark_unsaved() { saved_state_ = ~uint64_t{0}; }  // e.g. recovered from an autosave
  // The state a snapshot was taken in; a background save marks that state saved (edits made
  // while it was writing stay unsaved).
  uint64_t state_id() const { return history_.state_id(); }
  void mark_saved_at(uint64_t state) { saved_state_ = state; }
  // Bumped by every change (edits, undo, redo, active scenario), for views and autosave.
  uint64_t revision() const { return revision_; }
  // Everything a session file holds, in WGS-84 (cheap: the layers are shared).
  SessionFile snapshot() const;

  SessionSettings settings;
  Notes notes;  // what opening a session file found (layers mostly off the map), for the front-end
  std::string path;  // the session file it was opened from or last saved to ("" = untitled)

 private:
  Scenario* by_id(uint32_t id);
  void record(Edit e);
  void apply(const Edit& e, bool forward);
  uint32_t new_id() { return next_scenario_id_++; }

  std::shared_ptr<const Workspace> ws_;
  std::shared_ptr<const PointSet> candidates_;
  std::vector<std::shared_ptr<Scenario>> scenarios_;
  size_t active_ = 0;
  EditHistory history_;
  uint64_t saved_state_ = 0;
  uint64_t revision_ = 1;
  uint32_t next_scenario_id_ = 1;
};

// Opens a session file's map and rebuilds the session (projecting its layers onto the map).
// Throws InputError naming the session file and the problem (its map is missing, ...).
Session open_session(const SessionFile& file, const std::string& path,
                     const Progress& progress = {});

// A new session on a map: the map's own layers (the demo city's) or none, one scenario.
Session new_session(const MapSource& map, const CoverageParams& params,
                    const std::string& scenario_name, const Progress& progress = {});

}  // namespace yz
