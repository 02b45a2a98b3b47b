#include "app/panels.hpp"

#include <imgui.h>

#include <cstdio>

namespace yz::app {
namespace {

constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoCollapse;

void percent_row(const char* label, double pct) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label);
  ImGui::TableNextColumn();
  // The percentage in its own column: ImGui's overlay text gets clipped by a nearly full bar.
  ImGui::ProgressBar(static_cast<float>(pct / 100.0), ImVec2(-1, 0), "");
  ImGui::TableNextColumn();
  ImGui::Text("%5.1f%%", pct);
}

}  // namespace

void coverage_panel(AppState& st) {
  const Lang L = st.lang;
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 372), ImGuiCond_FirstUseEver);
  char title[128];
  std::snprintf(title, sizeof title, "%s###coverage", tr(Str::coverage, L));
  if (!ImGui::Begin(title, nullptr, kPanel)) return ImGui::End();
  const CoverageSummary& s = st.scenario.state().summary();
  ImGui::Text("%s: %.0f    %s: %d", tr(Str::demand_total, L), s.total, tr(Str::stations_n, L), [&] {
    int n = 0;
    for (uint32_t k = 0; k < st.scenario.slots(); ++k) n += st.scenario.active(k);
    return n;
  }());
  if (st.scenario.demand_is_proxy()) ImGui::TextDisabled("%s", tr(Str::proxy_demand, L));
  if (ImGui::BeginTable("pct", 3, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn("c", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("100.0%").x);
    percent_row(tr(Str::walk, L), s.percent(Criterion::walk));
    percent_row(tr(Str::radius, L), s.percent(Criterion::radius));
    percent_row(tr(Str::both, L), s.percent(Criterion::both));
    percent_row(tr(Str::either, L), s.percent(Criterion::either));
    ImGui::EndTable();
  }
  ImGui::Separator();
  if (s.total > 0) {
    double zero = s.total - s.walk.covered;
    ImGui::TextColored(ImVec4(0.84f, 0.16f, 0.16f, 1), "%s: %.1f%%", tr(Str::covered_0, L),
                       100 * zero / s.total);
    ImGui::TextColored(ImVec4(0.8f, 0.55f, 0.0f, 1), "%s: %.1f%%", tr(Str::covered_1, L),
                       100 * s.walk.once / s.total);
    ImGui::TextColored(ImVec4(0.16f, 0.55f, 0.24f, 1), "%s: %.1f%%", tr(Str::covered_2, L),
                       100 * s.walk.twice / s.total);
  }
  ImGui::Separator();
  CoverageParams& p = st.edit_params;
  bool edited = false;
  ImGui::SetNextItemWidth(120);
  ImGui::InputDouble(tr(Str::minutes, L), &p.minutes, 1, 5, "%.0f");
  edited |= ImGui::IsItemDeactivatedAfterEdit();
  ImGui::SetNextItemWidth(120);
  ImGui::InputDouble(tr(Str::speed_kmh, L), &p.speed_kmh, 0.1, 0.5, "%.1f");
  edited |= ImGui::IsItemDeactivatedAfterEdit();
  ImGui::SetNextItemWidth(120);
  ImGui::InputDouble(tr(Str::radius_m, L), &p.radius_m, 50, 250, "%.0f");
  edited |= ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::Button(tr(Str::recompute, L))) edited = true;
  if (edited && p.minutes > 0 && p.speed_kmh > 0 && p.radius_m > 0) {
    int keep = st.selected;
    st.scenario.set_params(p);  // renumbers slots: drop the selection if it no longer exists
    st.selected = keep < static_cast<int>(st.scenario.slots()) ? keep : -1;
    st.plan_dirty = true;
  }
  ImGui::End();
}

void stations_panel(AppState& st) {
  const Lang L = st.lang;
  ImGui::SetNextWindowPos(ImVec2(10, 390), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 240), ImGuiCond_FirstUseEver);
  char title[128];
  std::snprintf(title, sizeof title, "%s###stations", tr(Str::stations, L));
  if (!ImGui::Begin(title, nullptr, kPanel)) return ImGui::End();
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("stations", 3, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::name, L), ImGuiTableColumnFlags_WidthStretch);
    // Fixed columns as wide as their header (numbers are shorter), so headers are never clipped.
    ImGui::TableSetupColumn(tr(Str::workers_walk, L), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr(Str::workers_walk, L)).x + 4);
    ImGui::TableSetupColumn(tr(Str::workers_radius, L), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr(Str::workers_radius, L)).x + 4);
    ImGui::TableHeadersRow();
    const auto& state = st.scenario.state();
    for (uint32_t k = 0; k < st.scenario.slots(); ++k) {
      if (!st.scenario.active(k)) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(k));
      bool sel = st.selected == static_cast<int>(k);
      if (ImGui::Selectable(st.scenario.name(k).c_str(), sel,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        st.selected = static_cast<int>(k);
        st.plan_dirty = true;
      }
      if (sel && st.plan_dirty) ImGui::SetScrollHereY();
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", state.covered_weight(k, Criterion::walk));
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", state.covered_weight(k, Criterion::radius));
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

void what_if_panel(AppState& st) {
  const Lang L = st.lang;
  ImGui::SetNextWindowPos(ImVec2(10, 638), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 152), ImGuiCond_FirstUseEver);
  char title[128];
  std::snprintf(title, sizeof title, "%s###whatif", tr(Str::what_if, L));
  if (!ImGui::Begin(title, nullptr, kPanel)) return ImGui::End();
  ImGui::Checkbox(tr(Str::add_on_click, L), &st.add_on_click);
  ImGui::TextWrapped("%s", tr(Str::what_if_help, L));
  if (ImGui::Checkbox(tr(Str::walk_areas, L), &st.layers.walk_areas)) st.plan_dirty = true;
  ImGui::SameLine();
  if (ImGui::Checkbox(tr(Str::circles, L), &st.layers.circles)) st.plan_dirty = true;
  ImGui::Text("%s: %s", tr(Str::selected, L),
              st.selected >= 0 ? st.scenario.name(st.selected).c_str() : tr(Str::none, L));
  if (st.selected >= 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::remove_selected, L))) {
      st.scenario.remove(st.selected);
      st.selected = -1;
      st.plan_dirty = true;
    }
  }
  ImGui::End();
}

void language_panel(AppState& st) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 10, 10), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::Begin(
      "##language", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::TextUnformatted(tr(Str::language, st.lang));
  ImGui::SameLine();
  if (ImGui::RadioButton("English", st.lang == Lang::en)) st.lang = Lang::en;
  ImGui::SameLine();
  if (ImGui::RadioButton("中文", st.lang == Lang::zh)) st.lang = Lang::zh;
  ImGui::End();
}

void debug_overlay(const AppState& st, float fps) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 10, vp->Size.y - 10), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.6f);
  ImGui::Begin("##debug", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs);
  ImGui::Text("%s: %.2f ms   %.0f fps", tr(Str::edit_latency, st.lang), st.scenario.last_edit_ms(),
              fps);
  ImGui::End();
}

}  // namespace yz::app
