// Several named plans side by side: switch, copy, start empty, rename, delete (all undoable);
// their figures in one table; and one compared on the map (stations and workers gained or lost).
#include <imgui.h>

#include <cstdio>

#include "app/text/engine_messages.hpp"
#include "app/ui/font_loader.hpp"
#include "app/ui/panels.hpp"
#include "engine/util/error.hpp"

namespace yz::app {
namespace {

double new_cost(const Scenario& sc) {
  double c = 0;
  for (uint32_t k : sc.active_slots()) {
    const PlanStation& p = sc.station(k);
    if (p.origin != kOriginExisting && p.info.cost == p.info.cost) c += p.info.cost;
  }
  return c;
}

uint32_t new_count(const Scenario& sc) {
  uint32_t n = 0;
  for (uint32_t k : sc.active_slots()) n += sc.station(k).origin != kOriginExisting;
  return n;
}

}  // namespace

void scenarios_tab(AppState& st) {
  static char rename[128] = {};
  static int renaming = -1;
  const Lang L = st.lang;
  Session& ses = *st.session;
  ImGui::BeginDisabled(st.edits_locked());
  if (ImGui::Button(tr(Str::scenario_copy, L))) {
    char name[160];
    std::snprintf(name, sizeof name, "%s %s", ses.active().name().c_str(), tr(Str::copy_suffix, L));
    ses.add_scenario(name, true);
    st.baseline[ses.active().id()] = ses.active().state().summary();
    st.sel = {};
    st.scene_dirty = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::scenario_empty, L))) {
    ses.add_scenario(tr(Str::scenario_new_name, L), false);
    st.baseline[ses.active().id()] = ses.active().state().summary();
    st.sel = {};
    st.scene_dirty = true;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(ses.scenario_count() < 2);
  if (ImGui::Button(tr(Str::scenario_delete, L))) {
    try {
      const size_t i = ses.active_index();
      if (st.compare_with == static_cast<int>(i)) st.compare_with = -1;
      ses.remove_scenario(i);
      st.compare_with = -1;
      st.sel = {};
      st.scene_dirty = true;
    } catch (const InputError& e) {
      st.notify(render_error(e, st.lang), true);
    }
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();

  const int n = static_cast<int>(ses.scenario_count());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  if (ImGui::BeginTable("scenarios", 7, flags)) {
    ImGui::TableSetupColumn(tr(Str::scenario, L), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::stations_n, L));
    ImGui::TableSetupColumn(tr(Str::col_new, L));
    ImGui::TableSetupColumn(tr(Str::walk_short, L));
    ImGui::TableSetupColumn(tr(Str::both_short, L));
    ImGui::TableSetupColumn(tr(Str::twice_short, L));
    ImGui::TableSetupColumn(tr(Str::cost, L));
    ImGui::TableHeadersRow();
    for (int i = 0; i < n; ++i) {
      const Scenario& sc = ses.scenario(i);
      const CoverageSummary& s = sc.state().summary();
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (renaming == i) {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing() || ImGui::IsItemHovered()) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputText(
                "##rename", rename, sizeof rename,
                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
          if (rename[0]) ses.rename_scenario(i, rename);
          if (!font_has_glyphs(rename)) st.fonts_dirty = true;
          renaming = -1;
        }
        if (ImGui::IsItemDeactivated()) renaming = -1;
      } else {
        if (ImGui::Selectable(sc.name().c_str(), ses.active_index() == static_cast<size_t>(i),
                              ImGuiSelectableFlags_AllowDoubleClick)) {
          if (ImGui::IsMouseDoubleClicked(0) && !st.edits_locked()) {
            renaming = i;
            std::snprintf(rename, sizeof rename, "%s", sc.name().c_str());
          }
          if (ses.active_index() != static_cast<size_t>(i)) {
            ses.set_active(i);
            if (st.compare_with == i) st.compare_with = -1;
            st.sel = {};
            st.scene_dirty = true;
          }
        }
      }
      const double tw = s.total > 0 ? 100 * s.of(Criterion::walk).twice / s.total : 0;
      ImGui::TableNextColumn();
      ImGui::Text("%u", sc.active_count());
      ImGui::TableNextColumn();
      ImGui::Text("%u", new_count(sc));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f%%", s.percent(Criterion::walk));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f%%", s.percent(Criterion::both));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f%%", tw);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", new_cost(sc));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("%s", tr(Str::scenario_help, L));

  // Compare the active plan with another on the map.
  ImGui::Separator();
  std::vector<std::string> names{tr(Str::none, L)};
  for (int i = 0; i < n; ++i) names.push_back(ses.scenario(i).name());
  int pick = st.compare_with + 1;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(
          "##compare", st.compare_with < 0 ? tr(Str::compare_with_none, L) : names[pick].c_str())) {
    for (int i = 0; i <= n; ++i) {
      if (i > 0 && static_cast<size_t>(i - 1) == ses.active_index()) continue;
      if (ImGui::Selectable(names[i].c_str(), pick == i)) {
        st.compare_with = i - 1;
        st.scene_dirty = true;
        if (st.compare_with >= 0) st.styles[MapLayer::scenario_diff].visible = true;
      }
    }
    ImGui::EndCombo();
  }
  if (st.compare_with >= 0 && st.compare_with < n) {
    const Scenario& a = ses.active();
    const Scenario& b = ses.scenario(st.compare_with);
    const CoverageSummary &sa = a.state().summary(), &sb = b.state().summary();
    if (ImGui::BeginTable("cmp", 4,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("");
      ImGui::TableSetupColumn(a.name().c_str());
      ImGui::TableSetupColumn(b.name().c_str());
      ImGui::TableSetupColumn("Δ");
      ImGui::TableHeadersRow();
      auto row = [&](const char* label, double x, double y, const char* unit) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f%s", x, unit);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f%s", y, unit);
        ImGui::TableNextColumn();
        ImGui::TextColored(x >= y ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.8f, 0.15f, 0.15f, 1),
                           "%+.1f", x - y);
      };
      for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either})
        row(tr(criterion_str(c), L), sa.percent(c), sb.percent(c), "%");
      auto twice = [](const CoverageSummary& s) {
        return s.total > 0 ? 100 * s.walk.twice / s.total : 0.0;
      };
      row(tr(Str::covered_2, L), twice(sa), twice(sb), "%");
      row(tr(Str::stations_n, L), a.active_count(), b.active_count(), "");
      ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", tr(Str::compare_legend, L));
  }
}

}  // namespace yz::app
