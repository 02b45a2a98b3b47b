// The rider-reach line of the Coverage panel: the share of riders who can ride to a station of the
// plan (then park and walk), computed on request in the background and marked out of date once
// the plan changes. Named "rider reach" / 骑行可达 and kept apart from the double-15 figures.
#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"
#include "engine/util/param_range.hpp"

namespace yz::app {

namespace {

void item_rect(AppState& st, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  st.ui_items[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

// The test's settings, edited in place: riding minutes and speed, the walk after parking, and
// which workers it counts. A change marks the figure out of date (RiderView::current_settings);
// the Suggest panel's rider criterion and the saved session use the same settings. False when a
// value is out of the engine's range (RiderParams::validate, as the CLI checks it).
bool rider_settings(AppState& st) {
  const Lang L = st.lang;
  RiderParams& p = st.rider.params;
  ImGui::PushID("rider_settings");
  ImGui::PushItemWidth(90);  // as the walking settings: room for "100" beside the steppers
  ImGui::InputDouble(tr(Str::ride_min, L), &p.minutes, 1, 5, "%g");
  item_rect(st, "ride_min");
  ImGui::SameLine();
  ImGui::InputDouble(tr(Str::ride_kmh, L), &p.speed_kmh, 1, 5, "%g");
  item_rect(st, "ride_kmh");
  ImGui::InputDouble(tr(Str::park_walk_m, L), &p.park_walk_m, 10, 50, "%g");
  item_rect(st, "park_walk_m");
  ImGui::PopItemWidth();
  // Which demand components count: the common choices, and a selection read from elsewhere (a
  // session, the CLI's --rider-demand) shown as it is.
  static const char* kValues[] = {"riders", "riders,couriers", "all"};
  const Str labels[] = {Str::rider_demand_riders, Str::rider_demand_riders_couriers,
                        Str::rider_demand_all};
  int at = -1;
  for (int i = 0; i < 3; ++i)
    if (p.demand == kValues[i]) at = i;
  ImGui::SetNextItemWidth(150);
  if (ImGui::BeginCombo(tr(Str::rider_counts, L), at >= 0 ? tr(labels[at], L) : p.demand.c_str())) {
    for (int i = 0; i < 3; ++i)
      if (ImGui::Selectable(tr(labels[i], L), i == at)) p.demand = kValues[i];
    ImGui::EndCombo();
  }
  item_rect(st, "rider_demand");
  ImGui::PopID();
  bool valid = true;
  try {
    p.validate();
  } catch (const ParamError&) {
    valid = false;
  }
  if (!valid) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr(Str::bad_rider_params, L));
  return valid;
}

}  // namespace

void rider_section(AppState& st) {
  const Lang L = st.lang;
  const RiderView& rv = st.rider;
  const Scenario& sc = st.session->active();
  if (rv.study) {
    const RiderStudy& r = *rv.study;
    ImGui::TextColored(ImVec4(0.1f, 0.35f, 0.6f, 1),
                       tr(r.demand.what == "riders" ? Str::rider_fmt : Str::rider_counted_fmt, L),
                       r.percent(), r.covered, r.total);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr(Str::rider_help_fmt, L), r.params.minutes, r.params.speed_kmh,
                        r.params.park_walk_m, r.demand.what.c_str(), r.demand.note.c_str());
    if (!rv.current(sc)) {
      ImGui::SameLine();
      ImGui::TextDisabled(
          "%s", tr(rv.current_plan(sc) ? Str::rider_settings_stale : Str::rider_stale, L));
    }
  }
  const bool valid = rider_settings(st);
  if (!rv.current(sc)) {
    ImGui::BeginDisabled(st.job.busy() || !valid);
    if (ImGui::SmallButton(tr(rv.study ? Str::rider_update : Str::rider_compute, L)))
      compute_rider_reach(st);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.ui_items["rider_compute"] = {a.x, a.y, b.x - a.x, b.y - a.y};
    ImGui::EndDisabled();
  }
}

void rider_report(const AppState& st, nlohmann::json& j) {
  const RiderView& rv = st.rider;
  j["rider_settings"] = {{"minutes", rv.params.minutes},
                         {"speed_kmh", rv.params.speed_kmh},
                         {"park_walk_m", rv.params.park_walk_m},
                         {"demand", rv.params.demand},
                         {"criterion", st.suggest.rider}};
  if (!rv.study || !st.session) return;
  j["rider"] = {{"covered", rv.study->covered},
                {"total", rv.study->total},
                {"percent", rv.study->percent()},
                {"current", rv.current(st.session->active())}};
}

}  // namespace yz::app
