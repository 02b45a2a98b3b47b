#include "engine/session/session.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "engine/inputs/map_fit.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

Session::Session(std::shared_ptr<const Workspace> ws, PointSet candidates,
                 std::vector<ScenarioInit> scenarios, size_t active, const Progress& progress)
    : ws_(std::move(ws)), candidates_(std::make_shared<const PointSet>(std::move(candidates))) {
  if (scenarios.empty()) scenarios.push_back({"Plan", {}});
  const double n = static_cast<double>(scenarios.size());
  for (size_t i = 0; i < scenarios.size(); ++i) {
    auto& s = scenarios[i];
    scenarios_.push_back(std::make_shared<Scenario>(ws_, new_id(), std::move(s.name), s.stations,
                                                    progress.slice(i / n, (i + 1) / n)));
  }
  active_ = std::min(active, scenarios_.size() - 1);
}

int Session::index_of(uint32_t id) const {
  for (size_t i = 0; i < scenarios_.size(); ++i)
    if (scenarios_[i]->id() == id) return static_cast<int>(i);
  return -1;
}

Scenario* Session::by_id(uint32_t id) {
  const int i = index_of(id);
  return i < 0 ? nullptr : scenarios_[i].get();
}

void Session::set_active(size_t i) {
  if (i >= scenarios_.size() || i == active_) return;
  active_ = i;
  ++revision_;
}

void Session::record(Edit e) {
  history_.push(std::move(e));
  ++revision_;
}

uint32_t Session::add_station(PlanStation s, std::string label) {
  Scenario& sc = active();
  const uint32_t slot = sc.slots();
  Edit e;
  e.kind = Edit::Kind::stations;
  e.label = std::move(label);
  e.scenario = sc.id();
  e.stations.push_back({slot, std::nullopt, s});
  sc.set(slot, std::move(s));
  record(std::move(e));
  return slot;
}

void Session::update_station(uint32_t slot, PlanStation s, std::string label) {
  Scenario& sc = active();
  if (!sc.active(slot)) throw std::out_of_range("Session::update_station: empty slot");
  if (sc.station(slot) == s) return;
  Edit e;
  e.label = std::move(label);
  e.scenario = sc.id();
  e.stations.push_back({slot, sc.station(slot), s});
  sc.set(slot, std::move(s));
  record(std::move(e));
}

void Session::remove_station(uint32_t slot, std::string label) {
  Scenario& sc = active();
  if (!sc.active(slot)) return;
  Edit e;
  e.label = std::move(label);
  e.scenario = sc.id();
  e.stations.push_back({slot, sc.station(slot), std::nullopt});
  sc.set(slot, std::nullopt);
  record(std::move(e));
}

void Session::apply_station_edits(std::vector<StationEdit> edits, std::string label) {
  if (edits.empty()) return;
  Scenario& sc = active();
  Edit e;
  e.label = std::move(label);
  e.scenario = sc.id();
  for (auto& ed : edits) {
    if (ed.slot >= sc.slots()) ed.slot = sc.slots();  // append
    ed.before = ed.slot < sc.slots() ? sc.slot_content(ed.slot) : std::nullopt;
    sc.set(ed.slot, ed.after);
    e.stations.push_back(std::move(ed));
  }
  record(std::move(e));
}

void Session::drag_station(uint32_t slot, Vec2 xy) {
  Scenario& sc = active();
  if (!sc.active(slot)) return;
  PlanStation s = sc.station(slot);
  s.xy = xy;
  sc.set(slot, std::move(s));
  ++revision_;
}

void Session::end_drag(uint32_t slot, const PlanStation& before, std::string label) {
  Scenario& sc = active();
  if (!sc.active(slot) || sc.station(slot) == before) return;
  Edit e;
  e.label = std::move(label);
  e.scenario = sc.id();
  e.stations.push_back({slot, before, sc.station(slot)});
  record(std::move(e));
}

size_t Session::add_scenario(std::string name, bool copy_active) {
  std::shared_ptr<Scenario> sc;
  if (copy_active)
    sc = active().copy(new_id(), std::move(name));
  else
    sc = std::make_shared<Scenario>(ws_, new_id(), std::move(name), std::vector<PlanStation>{});
  Edit e;
  e.kind = Edit::Kind::scenario_added;
  e.label = "add scenario " + sc->name();
  e.scenario_obj = sc;
  e.index = active_ + 1;
  apply(e, true);
  record(std::move(e));
  return active_;
}

void Session::remove_scenario(size_t index) {
  if (scenarios_.size() <= 1) throw CodedError("scenarios", Msg::last_scenario);
  if (index >= scenarios_.size()) return;
  Edit e;
  e.kind = Edit::Kind::scenario_removed;
  e.label = "remove scenario " + scenarios_[index]->name();
  e.scenario_obj = scenarios_[index];
  e.index = index;
  apply(e, true);
  record(std::move(e));
}

void Session::rename_scenario(size_t index, std::string name) {
  if (index >= scenarios_.size() || scenarios_[index]->name() == name) return;
  Edit e;
  e.kind = Edit::Kind::scenario_renamed;
  e.label = "rename scenario " + scenarios_[index]->name();
  e.scenario = scenarios_[index]->id();
  e.name_before = scenarios_[index]->name();
  e.name_after = std::move(name);
  apply(e, true);
  record(std::move(e));
}

void Session::set_candidates(PointSet candidates, std::string label) {
  Edit e;
  e.kind = Edit::Kind::candidates;
  e.label = std::move(label);
  e.candidates_before = candidates_;
  e.candidates_after = std::make_shared<const PointSet>(std::move(candidates));
  apply(e, true);
  record(std::move(e));
}

Session::RebaseInput Session::rebase_input() const {
  RebaseInput in;
  for (const auto& sc : scenarios_) {
    std::vector<std::optional<PlanStation>> slots(sc->slots());
    for (uint32_t s = 0; s < sc->slots(); ++s) slots[s] = sc->slot_content(s);
    in.scenarios.emplace_back(sc->id(), std::move(slots));
    in.names.push_back(sc->name());
    in.versions.push_back(sc->version());
  }
  return in;
}

Session::Rebase Session::compute_rebase(const RebaseInput& in, std::shared_ptr<const Workspace> ws,
                                        const Progress& progress) {
  Rebase r;
  r.ws = ws;
  r.versions = in.versions;
  const double n = std::max<size_t>(1, in.scenarios.size());
  for (size_t i = 0; i < in.scenarios.size(); ++i)
    r.scenarios.push_back(std::make_shared<Scenario>(ws, in.scenarios[i].first, in.names[i],
                                                     in.scenarios[i].second,
                                                     progress.slice(i / n, (i + 1) / n)));
  return r;
}

void Session::apply_rebase(Rebase r, std::string label) {
  bool same = r.scenarios.size() == scenarios_.size();
  for (size_t i = 0; same && i < scenarios_.size(); ++i)
    same = r.scenarios[i]->id() == scenarios_[i]->id() && r.versions[i] == scenarios_[i]->version();
  if (!same) throw std::logic_error("Session::apply_rebase: scenarios changed meanwhile");
  Edit e;
  e.kind = Edit::Kind::workspace;
  e.label = std::move(label);
  e.ws_before = ws_;
  e.ws_after = std::move(r.ws);
  e.scenarios_before = scenarios_;
  e.scenarios_after = std::move(r.scenarios);
  apply(e, true);
  record(std::move(e));
}

void Session::apply(const Edit& e, bool forward) {
  switch (e.kind) {
    case Edit::Kind::stations: {
      Scenario* sc = by_id(e.scenario);
      if (!sc) throw std::logic_error("Session: an edit names a scenario that is gone");
      active_ = static_cast<size_t>(index_of(e.scenario));  // show where the change happens
      if (forward)
        for (const auto& s : e.stations) sc->set(s.slot, s.after);
      else
        for (auto it = e.stations.rbegin(); it != e.stations.rend(); ++it)
          sc->set(it->slot, it->before);
      break;
    }
    case Edit::Kind::scenario_added:
    case Edit::Kind::scenario_removed: {
      const bool insert = (e.kind == Edit::Kind::scenario_added) == forward;
      if (insert) {
        scenarios_.insert(scenarios_.begin() + static_cast<long>(e.index), e.scenario_obj);
        active_ = e.index;
      } else {
        scenarios_.erase(scenarios_.begin() + static_cast<long>(e.index));
        active_ = std::min(e.index, scenarios_.size() - 1);
        if (e.index > 0 && e.kind == Edit::Kind::scenario_added) active_ = e.index - 1;
      }
      break;
    }
    case Edit::Kind::scenario_renamed:
      if (Scenario* sc = by_id(e.scenario)) sc->rename(forward ? e.name_after : e.name_before);
      break;
    case Edit::Kind::workspace:
      ws_ = forward ? e.ws_after : e.ws_before;
      scenarios_ = forward ? e.scenarios_after : e.scenarios_before;
      break;
    case Edit::Kind::candidates:
      candidates_ = forward ? e.candidates_after : e.candidates_before;
      break;
  }
}

void Session::undo() {
  if (!history_.can_undo()) return;
  Edit e = history_.pop_undo();
  apply(e, false);
  history_.push_undone(std::move(e));
  ++revision_;
}

void Session::redo() {
  if (!history_.can_redo()) return;
  Edit e = history_.pop_redo();
  apply(e, true);
  history_.push_redone(std::move(e));
  ++revision_;
}

SessionFile Session::snapshot() const {
  SessionFile f;
  f.map = ws_->map();
  f.params = ws_->params();
  f.settings = settings;
  f.demand_is_proxy = ws_->demand_is_proxy();
  f.demand =
      ws_->demand_is_proxy() ? nullptr : std::shared_ptr<const PointSet>(ws_, &ws_->demand());
  f.candidates = candidates_;
  f.active = active_;
  const LocalProjection& proj = ws_->city().projection();
  for (const auto& sc : scenarios_) {
    ScenarioRecord r;
    r.name = sc->name();
    for (uint32_t s = 0; s < sc->slots(); ++s) {
      if (!sc->active(s)) continue;
      r.stations.push_back(sc->station(s));
      r.lonlat.push_back(proj.to_lonlat(sc->station(s).xy));
      const auto& st = sc->state();
      r.covered.push_back({st.covered_weight(s, Criterion::walk),
                           st.covered_weight(s, Criterion::radius),
                           st.covered_weight(s, Criterion::both)});
    }
    f.scenarios.push_back(std::move(r));
  }
  return f;
}

namespace {

// Points read from a file (lon/lat) placed on this map's projection.
PointSet projected(const PointSet& in, const LocalProjection& proj) {
  PointSet out = in;
  out.xy = out.lonlat;
  proj.to_metric(out.xy);
  return out;
}

}  // namespace

// The map's name in messages: its file name, or the demo city's name in each language.
static Message map_label(const MapSource& map) {
  return map.demo() ? Message(Msg::demo_city_label) : Message::raw(map.label());
}

Session open_session(const SessionFile& file, const std::string& path, const Progress& progress) {
  OpenedMap m;
  try {
    m = open_map(file.map, progress.slice(0, 0.7));
  } catch (const InputError& e) {
    throw CodedError(path, Msg::session_map_unopenable, {MsgArg("error", error_as_message(e))});
  }
  const LocalProjection& proj = m.city->projection();
  // A map file replaced by another place's map opens "fine" with every layer far off it.
  MapFit fit;
  {
    const Box bounds = m.city->bounds();
    std::vector<Vec2> stations;
    for (const auto& r : file.scenarios)
      stations.insert(stations.end(), r.lonlat.begin(), r.lonlat.end());
    std::sort(stations.begin(), stations.end(),
              [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    stations.erase(std::unique(stations.begin(), stations.end()), stations.end());
    if (!stations.empty()) fit.layers.push_back(fit_on_map("stations", stations, proj, bounds));
    if (file.candidates && file.candidates->size())
      fit.layers.push_back(fit_on_map("candidate sites", file.candidates->lonlat, proj, bounds));
    if (!file.demand_is_proxy && file.demand && file.demand->size())
      fit.layers.push_back(fit_on_map("worker points", file.demand->lonlat, proj, bounds));
  }
  if (fit.none_inside()) throw CodedError(path, fit.none_inside_message(map_label(file.map)));
  PointSet demand;
  if (!file.demand_is_proxy && file.demand) demand = projected(*file.demand, proj);
  if (!file.demand_is_proxy && demand.size() == 0)
    throw CodedError(path, Msg::session_demand_missing);
  auto ws = std::make_shared<const Workspace>(m.city, file.map, std::move(demand), file.params,
                                              progress.slice(0.7, 0.8));
  PointSet candidates = file.candidates ? projected(*file.candidates, proj) : PointSet{};
  std::vector<Session::ScenarioInit> inits;
  for (const auto& r : file.scenarios) {
    Session::ScenarioInit init{r.name, r.stations};
    std::vector<Vec2> xy = r.lonlat;
    proj.to_metric(xy);
    for (size_t i = 0; i < init.stations.size() && i < xy.size(); ++i) init.stations[i].xy = xy[i];
    inits.push_back(std::move(init));
  }
  Session s(std::move(ws), std::move(candidates), std::move(inits), file.active,
            progress.slice(0.8, 1.0));
  s.settings = file.settings;
  for (auto& n : fit.notes(map_label(file.map))) add_note(s.notes, std::move(n));
  s.path = path;
  s.mark_saved();
  return s;
}

Session new_session(const MapSource& map, const CoverageParams& params,
                    const std::string& scenario_name, const Progress& progress) {
  OpenedMap m = open_map(map, progress.slice(0, 0.7));
  auto ws = std::make_shared<const Workspace>(m.city, map, std::move(m.demand), params,
                                              progress.slice(0.7, 0.8));
  std::vector<Session::ScenarioInit> inits{
      {scenario_name, stations_from_points(m.stations, kOriginExisting)}};
  fill_site_info(m.candidates);
  return Session(std::move(ws), std::move(m.candidates), std::move(inits), 0,
                 progress.slice(0.8, 1.0));
}

}  // namespace yz
