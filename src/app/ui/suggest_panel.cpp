// Suggest where new stations go: the problem (k stations, a budget, a coverage target, least cost),
// the coverage test, double coverage, spacing and time limit; the run goes to the background with
// progress and Cancel (status bar); the answer lists each site in build order with what it adds,
// shares and costs, its nearby alternatives, and the proof of quality; sites are accepted into the
// plan one, some or all at a time (one undo step each).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"
#include "engine/util/number_format.hpp"

namespace yz::app {
namespace {

std::string site_label(const siting::SuggestRun& run, uint32_t site) {
  const std::string& n = run.sites.name[site];
  return n.empty() ? run.sites.id[site] : n;
}

Str bound_str(const std::string& m) {
  if (m == "cbc") return Str::bound_cbc;
  if (m == "lp") return Str::bound_lp;
  if (m == "lagrangian" || m == "capacity lagrangian") return Str::bound_lagrangian;
  if (m == "trivial") return Str::bound_trivial;
  if (m == "exhaustive") return Str::bound_exhaustive;
  return Str::bound_other;
}

void settings(AppState& st) {
  const Lang L = st.lang;
  SuggestPanel& sp = st.suggest;
  const char* goals[] = {tr(Str::goal_k, L), tr(Str::goal_budget, L), tr(Str::goal_target, L),
                         tr(Str::goal_target_cost, L)};
  ImGui::SetNextItemWidth(-1);
  ImGui::Combo("##goal", &sp.goal, goals, 4);
  ImGui::PushItemWidth(140);
  if (sp.goal == 0) {
    ImGui::InputInt(tr(Str::new_stations, L), &sp.k);
    sp.k = std::clamp(sp.k, 1, 5000);
  } else if (sp.goal == 1) {
    ImGui::InputDouble(tr(Str::budget_yuan, L), &sp.budget, 1000, 10000, "%.0f");
    sp.budget = std::max(0.0, sp.budget);
  } else {
    ImGui::InputDouble(tr(Str::target_pct, L), &sp.target_pct, 1, 5, "%.1f");
    sp.target_pct = std::clamp(sp.target_pct, 1.0, 100.0);
  }
  // The four double-15 tests, then rider reach (骑行可达), a test of its own.
  int c = sp.rider ? 4 : static_cast<int>(sp.criterion);
  const char* crit[] = {tr(Str::walk, L), tr(Str::radius, L), tr(Str::both, L), tr(Str::either, L),
                        tr(Str::crit_rider, L)};
  if (ImGui::Combo(tr(Str::criterion, L), &c, crit, 5)) {
    sp.rider = c == 4;
    if (c < 4) sp.criterion = static_cast<Criterion>(c);
  }
  const char* obj[] = {tr(Str::obj_single, L), tr(Str::obj_double, L),
                       tr(Str::obj_single_double, L)};
  ImGui::Combo(tr(Str::objective, L), &sp.objective, obj, 3);
  ImGui::InputDouble(tr(Str::spacing_m, L), &sp.spacing_m, 50, 250, "%.0f");
  sp.spacing_m = std::max(0.0, sp.spacing_m);
  ImGui::SameLine();
  ImGui::Checkbox(tr(Str::spacing_on_foot, L), &sp.spacing_on_foot);
  ImGui::InputDouble(tr(Str::time_limit_s, L), &sp.time_limit_s, 1, 10, "%.0f");
  sp.time_limit_s = std::clamp(sp.time_limit_s, 1.0, 3600.0);
  ImGui::InputDouble(tr(Str::min_gain_pct, L), &sp.min_gain_pct, 0.1, 1, "%.1f");
  sp.min_gain_pct = std::clamp(sp.min_gain_pct, 0.0, 100.0);
  ImGui::PopItemWidth();
  ImGui::TextDisabled(tr(Str::suggest_inputs_fmt, L), st.session->active().active_count(),
                      st.session->candidates().size());
  const bool running = st.job.running() && st.job.label() == tr(Str::job_suggest, L);
  ImGui::BeginDisabled(st.job.busy() || st.session->candidates().size() == 0);
  if (ImGui::Button(tr(Str::run_suggest, L), ImVec2(-1, 0))) run_suggest(st);
  ImGui::EndDisabled();
  if (running) {
    ImGui::ProgressBar(static_cast<float>(st.job.fraction()), ImVec2(-90, 0),
                       st.job.stage().c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel, L), ImVec2(-1, 0))) st.job.cancel();
  }
}

// The coverage curve: share covered against new stations (or money), the part past the knee in
// orange, and the knee in words.
void curve_plot(AppState& st, const siting::CoverageCurve& c) {
  const Lang L = st.lang;
  if (c.points.size() < 2 || c.total <= 0) return;
  ImGui::TextUnformatted(tr(c.by_money ? Str::curve_heading_money : Str::curve_heading, L));
  const ImVec2 size(ImGui::GetContentRegionAvail().x, 110);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##curve", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(248, 248, 250, 255));
  double lo = 100, hi = 0;
  for (const auto& p : c.points) {
    const double s = 100 * p.covered / c.total;
    lo = std::min(lo, s), hi = std::max(hi, s);
  }
  lo = std::floor(lo / 10) * 10, hi = std::max(lo + 10, std::ceil(hi / 10) * 10);
  const size_t n = c.points.size();
  auto at = [&](size_t i) {
    const float x = p0.x + 6 + (size.x - 12) * static_cast<float>(i) / static_cast<float>(n - 1);
    const double s = 100 * c.points[i].covered / c.total;
    return ImVec2(x, p0.y + size.y - 14 - (size.y - 24) * static_cast<float>((s - lo) / (hi - lo)));
  };
  if (c.knee > 0)
    dl->AddRectFilled(ImVec2(at(c.knee - 1).x, p0.y), ImVec2(p0.x + size.x, p0.y + size.y),
                      IM_COL32(250, 215, 180, 255));
  char t[32];
  std::snprintf(t, sizeof t, "%.0f%%", hi);
  dl->AddText(ImVec2(p0.x + 2, p0.y + 1), IM_COL32(110, 110, 120, 255), t);
  std::snprintf(t, sizeof t, "%.0f%%", lo);
  dl->AddText(ImVec2(p0.x + 2, p0.y + size.y - 14), IM_COL32(110, 110, 120, 255), t);
  for (size_t i = 1; i < n; ++i) dl->AddLine(at(i - 1), at(i), IM_COL32(33, 102, 191, 255), 2);
  int hovered = -1;
  for (size_t i = 0; i < n; ++i) {
    const bool little = c.knee >= 0 && static_cast<int>(i) >= c.knee;
    dl->AddCircleFilled(at(i), 3.5f, little ? IM_COL32(217, 115, 26, 255) : IM_COL32(33, 102, 191, 255));
    if (ImGui::IsItemHovered() && std::abs(ImGui::GetIO().MousePos.x - at(i).x) < 8) hovered = static_cast<int>(i);
  }
  if (hovered >= 0) {
    const siting::CurvePoint& p = c.points[hovered];
    char bound[96] = "";
    if (p.bound >= 0 && !p.optimal)
      std::snprintf(bound, sizeof bound, tr(Str::curve_bound_fmt, L),
                    percent_shown(p.bound, c.total));
    ImGui::SetTooltip(tr(Str::curve_point_fmt, L), p.stations, percent_shown(p.covered, c.total),
                      bound);
  }
  const char* unit = tr(demand_kind(st.session->workspace()) == DemandKind::counted
                           ? Str::unit_workers
                           : Str::unit_estimated,
                       L);
  if (c.knee >= 0)
    ImGui::TextWrapped(tr(Str::curve_knee_fmt, L), c.knee, round_shown(c.min_gain, 0), unit);
  else
    ImGui::TextDisabled(tr(Str::curve_no_knee_fmt, L), round_shown(c.min_gain, 0), unit);
}

void results(AppState& st) {
  const Lang L = st.lang;
  SuggestPanel& sp = st.suggest;
  if (!sp.run) return;
  const siting::SuggestRun& run = *sp.run;
  const siting::SitingResult& r = run.result;
  const bool current = suggestion_current(st);
  ImGui::Separator();
  if (!current) ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.0f, 1), "%s", tr(Str::suggest_stale, L));
  const double before = percent_shown(r.before.covered, r.before.total),
               after = percent_shown(r.after.covered, r.after.total);
  ImGui::Text(tr(Str::suggest_summary_fmt, L), r.count, before, after, after - before);
  if (sp.run_rider) {
    ImGui::TextColored(ImVec4(0.1f, 0.35f, 0.6f, 1), "%s", tr(Str::suggest_rider_note, L));
    if (!run.rider_note.empty() && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", run.rider_note.c_str());
  }
  if (r.cost > 0) ImGui::Text("%s: %.0f", tr(Str::total_cost, L), r.cost);
  if (r.optimal)
    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", tr(Str::proven_optimal, L));
  else
    ImGui::TextColored(ImVec4(0.2f, 0.3f, 0.6f, 1), tr(Str::within_gap_fmt, L), 100 * r.gap);
  ImGui::SameLine();
  ImGui::TextDisabled(tr(Str::solve_fmt, L), sp.seconds, tr(bound_str(r.bound_method), L));
  if (!r.feasible) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", r.message.c_str());

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  // Up to ten rows in view; the sidebar scrolls for the rest of the panel.
  const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float h = row_h * static_cast<float>(std::min<size_t>(r.sites.size(), 10) + 1) + 6;
  if (ImGui::BeginTable("suggested", 6, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", 0, 22);
    ImGui::TableSetupColumn(tr(Str::rank, L), 0, 34);
    ImGui::TableSetupColumn(tr(Str::site, L), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::gain, L));
    ImGui::TableSetupColumn(tr(Str::shared, L));
    ImGui::TableSetupColumn(tr(Str::cost, L));
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < r.sites.size(); ++i) {
      const siting::SuggestedSite& s = r.sites[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (sp.accepted[i]) {
        ImGui::TextDisabled("✓");
      } else {
        bool on = sp.picked[i];
        if (ImGui::Checkbox("##pick", &on)) sp.picked[i] = on;
      }
      ImGui::TableNextColumn();
      ImGui::Text("%u", s.rank);
      ImGui::TableNextColumn();
      const bool sel = st.sel.suggestion == static_cast<int>(i);
      if (ImGui::Selectable(site_label(run, s.site).c_str(), sel,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        st.sel = {};
        st.sel.suggestion = static_cast<int>(i);
        st.cam.centre = run.sites.xy[s.site];
        st.scene_dirty = true;
      }
      ImGui::TableNextColumn();
      if (s.adds_little)
        ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.05f, 1), "+%.0f %s", round_shown(s.gain, 0),
                           tr(Str::adds_little, L));
      else
        ImGui::Text("+%.0f", round_shown(s.gain, 0));
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", s.shared);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", s.cost);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  curve_plot(st, run.curve);
  // Alternatives of the selected site: nearby candidates a field team could pick instead.
  if (st.sel.suggestion >= 0 && st.sel.suggestion < static_cast<int>(r.sites.size())) {
    const siting::SuggestedSite& s = r.sites[st.sel.suggestion];
    ImGui::Text(tr(Str::alternatives_fmt, L), s.rank, site_label(run, s.site).c_str());
    for (const auto& a : s.alternatives) {
      ImGui::BulletText(tr(Str::alternative_fmt, L), site_label(run, a.site).c_str(), a.distance_m,
                        a.objective - r.objective, a.feasible ? "" : tr(Str::infeasible_swap, L));
    }
    if (s.alternatives.empty()) ImGui::TextDisabled("%s", tr(Str::no_alternatives, L));
  }
  ImGui::BeginDisabled(!current || st.edits_locked());
  std::vector<int> picked, all;
  for (size_t i = 0; i < r.sites.size(); ++i)
    if (!sp.accepted[i]) {
      all.push_back(static_cast<int>(i));
      if (sp.picked[i]) picked.push_back(static_cast<int>(i));
    }
  char b1[96], b2[96];
  std::snprintf(b1, sizeof b1, tr(Str::accept_selected_fmt, L), picked.size());
  std::snprintf(b2, sizeof b2, tr(Str::accept_all_fmt, L), all.size());
  if (ImGui::Button(b1) && !picked.empty()) accept_suggestions(st, picked);
  ImGui::SameLine();
  if (ImGui::Button(b2) && !all.empty()) accept_suggestions(st, all);
  if (st.sel.suggestion >= 0 && !sp.accepted[st.sel.suggestion]) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::accept_this, L))) accept_suggestions(st, {st.sel.suggestion});
  }
  ImGui::EndDisabled();
}

}  // namespace

void suggest_tab(AppState& st) {
  settings(st);
  results(st);
}

}  // namespace yz::app
