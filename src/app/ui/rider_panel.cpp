// The rider-reach line of the Coverage panel: the share of riders who can ride to a station of the
// plan (then park and walk), computed on request in the background and marked out of date once
// the plan changes. Named "rider reach" / 骑行可达 and kept apart from the double-15 figures.
#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"

namespace yz::app {

void rider_section(AppState& st) {
  const Lang L = st.lang;
  const RiderView& rv = st.rider;
  const Scenario& sc = st.session->active();
  if (rv.study) {
    const RiderStudy& r = *rv.study;
    ImGui::TextColored(ImVec4(0.1f, 0.35f, 0.6f, 1), tr(Str::rider_fmt, L), r.percent(), r.covered,
                       r.total);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr(Str::rider_help_fmt, L), r.params.minutes, r.params.speed_kmh,
                        r.params.park_walk_m, r.demand.what.c_str(), r.demand.note.c_str());
    if (!rv.current(sc)) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr(Str::rider_stale, L));
    }
  }
  if (!rv.current(sc)) {
    ImGui::BeginDisabled(st.job.busy());
    if (ImGui::SmallButton(tr(rv.study ? Str::rider_update : Str::rider_compute, L)))
      compute_rider_reach(st);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.ui_items["rider_compute"] = {a.x, a.y, b.x - a.x, b.y - a.y};
    ImGui::EndDisabled();
  }
}

void rider_report(const AppState& st, nlohmann::json& j) {
  const RiderView& rv = st.rider;
  if (!rv.study || !st.session) return;
  j["rider"] = {{"covered", rv.study->covered},
                {"total", rv.study->total},
                {"percent", rv.study->percent()},
                {"current", rv.current(st.session->active())}};
}

}  // namespace yz::app
