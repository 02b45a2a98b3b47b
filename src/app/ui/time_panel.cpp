// The Coverage panel's time control: weekday or weekend, an hour slider and "all day"; at an hour
// only stations open then count (the closed ones are grey on the map) and a 24-hour chart shows
// workers covered in each hour of a weekday and a weekend day. The figures come from the plan's
// cover sets (engine/session/scenario_hours), computed once per plan version; moving the slider
// re-reads them and recounts workers by the open stations' cover sets, never searching again.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/ui/panels.hpp"
#include "engine/util/error.hpp"

namespace yz::app {

namespace {

constexpr ImU32 kWeekday = IM_COL32(40, 110, 200, 255);
constexpr ImU32 kWeekend = IM_COL32(225, 120, 20, 255);

int criterion_index(Criterion c) {
  for (int i = 0; i < 4; ++i)
    if (kAllCriteria[i] == c) return i;
  return 0;
}

// Records a widget's rectangle for the headless UI report (scripted tests click it).
void record_item(AppState& st, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  st.ui_items[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

// The 24-hour chart: covered share under `c` by hour, weekday and weekend, the chosen hour marked.
void hour_chart(AppState& st, const HourCoverage& hc, Criterion c) {
  const Lang L = st.lang;
  const int ci = criterion_index(c);
  const float w = ImGui::GetContentRegionAvail().x, h = 86, axis = ImGui::GetTextLineHeight();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##hourchart", ImVec2(w, h + axis));
  record_item(st, "time_chart");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float left = o.x + 30, right = o.x + w - 4, top = o.y + 4, bottom = o.y + h;
  dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  auto x_of = [&](double hour) { return left + static_cast<float>(hour / 24.0) * (right - left); };
  auto y_of = [&](double pct) { return bottom - static_cast<float>(pct / 100.0) * (bottom - top); };
  for (int p : {0, 50, 100}) {
    dl->AddLine(ImVec2(left, y_of(p)), ImVec2(right, y_of(p)), grid);
    char lab[8];
    std::snprintf(lab, sizeof lab, "%d%%", p);
    dl->AddText(ImVec2(o.x, y_of(p) - axis / 2), text, lab);
  }
  for (int hr = 0; hr <= 24; hr += 6) {
    dl->AddLine(ImVec2(x_of(hr), top), ImVec2(x_of(hr), bottom), grid);
    char lab[8];
    std::snprintf(lab, sizeof lab, "%d", hr);
    dl->AddText(ImVec2(x_of(hr) - ImGui::CalcTextSize(lab).x / 2, bottom + 1), text, lab);
  }
  // Each hour drawn at its middle (the figure is the mean over the hour).
  for (int t = 0; t < 2; ++t) {
    ImVec2 pts[24];
    for (int hr = 0; hr < 24; ++hr) {
      const double pct = hc.total > 0 ? 100.0 * hc.by[t][hr].covered[ci] / hc.total : 0;
      pts[hr] = ImVec2(x_of(hr + 0.5), y_of(pct));
    }
    dl->AddPolyline(pts, 24, t ? kWeekend : kWeekday, 0, 2.0f);
  }
  const TimeControl& tc = st.time;
  if (!tc.all_day) {
    const ImU32 mark = tc.weekend ? kWeekend : kWeekday;
    dl->AddRectFilled(ImVec2(x_of(tc.hour), top), ImVec2(x_of(tc.hour + 1), bottom),
                      (mark & 0x00FFFFFF) | (60u << 24));
  }
  if (ImGui::IsItemHovered()) {
    const float mx = ImGui::GetIO().MousePos.x;
    const int hr = std::clamp(static_cast<int>((mx - left) / (right - left) * 24), 0, 23);
    auto pct = [&](int t) {
      return hc.total > 0 ? 100.0 * hc.by[t][hr].covered[ci] / hc.total : 0.0;
    };
    ImGui::SetTooltip("%02d:00-%02d:00\n%s %.1f%%  (%.1f %s)\n%s %.1f%%  (%.1f %s)", hr, hr + 1,
                      tr(Str::weekday, L), pct(0), hc.by[0][hr].open_stations,
                      tr(Str::open_short, L), tr(Str::weekend, L), pct(1),
                      hc.by[1][hr].open_stations, tr(Str::open_short, L));
  }
}

}  // namespace

bool TimeControl::closed_slot(uint32_t slot) const {
  if (!at_hour()) return false;
  const auto& s = hours->slots;
  const auto it = std::lower_bound(s.begin(), s.end(), slot);
  return it != s.end() && *it == slot && closed[static_cast<size_t>(it - s.begin())];
}

void refresh_time(AppState& st) {
  TimeControl& tc = st.time;
  if (!st.session || (tc.all_day && !tc.panel_open)) return;
  const Scenario& sc = st.session->active();
  if (!tc.profiles && tc.profiles_problem.empty()) {
    try {
      tc.profiles = std::make_shared<const WorkerProfiles>(WorkerProfiles::load_default());
    } catch (const std::exception& e) {
      tc.profiles_problem = e.what();
    }
  }
  if (!tc.profiles) return;
  if (!tc.hours || tc.hours_ws != sc.workspace_ptr() || tc.hours_scenario != sc.id() ||
      tc.hours_version != sc.version()) {
    const auto t0 = std::chrono::steady_clock::now();
    tc.hours = std::make_shared<const ScenarioHours>(scenario_hours(sc, *tc.profiles));
    tc.compute_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    tc.hours_ws = sc.workspace_ptr(), tc.hours_scenario = sc.id(), tc.hours_version = sc.version();
    tc.mask_key = ~uint64_t{0};
    st.scene_dirty = true;
  }
  if (tc.all_day) return;
  // The plan's version is in `hours` (recomputing it resets the key): here only what is chosen.
  const uint64_t key = static_cast<uint64_t>(st.view_criterion) * 64 + uint64_t{tc.weekend} * 32 +
                       static_cast<uint64_t>(tc.hour);
  if (key == tc.mask_key) return;
  const ScenarioHours& h = *tc.hours;
  tc.closed.assign(h.slots.size(), 0);
  std::vector<uint32_t> open;
  for (size_t i = 0; i < h.slots.size(); ++i) {
    tc.closed[i] = open_share(h.study.schedules[i], tc.weekend, tc.hour) <= 0;
    if (!tc.closed[i]) open.push_back(h.slots[i]);
  }
  tc.counts_shown = open_cover_counts(sc, open, st.view_criterion);
  tc.counts_walk = open_cover_counts(sc, open, Criterion::walk);
  tc.counts_radius = open_cover_counts(sc, open, Criterion::radius);
  tc.mask_key = key;
  st.scene_dirty = true;
}

bool hour_percent(const AppState& st, Criterion c, double& pct) {
  const TimeControl& tc = st.time;
  if (!tc.at_hour()) return false;
  const HourCoverage& hc = tc.hours->study.coverage;
  const HourRow& r = hc.by[tc.weekend ? 1 : 0][tc.hour];
  pct = hc.total > 0 ? 100.0 * r.covered[criterion_index(c)] / hc.total : 0;
  return true;
}

void time_section(AppState& st) {
  const Lang L = st.lang;
  TimeControl& tc = st.time;
  char label[96];
  std::snprintf(label, sizeof label, "%s###timeofday", tr(Str::time_header, L));
  tc.panel_open = ImGui::CollapsingHeader(label);
  record_item(st, "time_header");
  if (!tc.panel_open) {
    if (!tc.all_day) {  // the hour still applies: say so under the closed header
      ImGui::SameLine();
      ImGui::TextDisabled("%s %02d:00", tr(tc.weekend ? Str::weekend : Str::weekday, L), tc.hour);
    }
    return;
  }
  refresh_time(st);
  if (!tc.profiles) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), tr(Str::profiles_missing_fmt, L),
                       tc.profiles_problem.c_str());
    return;
  }
  bool changed = ImGui::Checkbox(tr(Str::all_day, L), &tc.all_day);
  record_item(st, "time_all_day");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(Str::weekday, L), !tc.weekend)) tc.weekend = false, changed = true;
  record_item(st, "time_weekday");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(Str::weekend, L), tc.weekend)) tc.weekend = true, changed = true;
  record_item(st, "time_weekend");
  ImGui::SetNextItemWidth(-1);
  // Moving the slider chooses that hour (leaves "all day").
  if (ImGui::SliderInt("##hour", &tc.hour, 0, 23, "%02d:00")) tc.all_day = false, changed = true;
  record_item(st, "time_hour");
  if (changed) {
    st.scene_dirty = true;
    refresh_time(st);
  }
  if (!tc.hours) return;
  const HourCoverage& hc = tc.hours->study.coverage;
  if (tc.at_hour()) {
    const auto closed = static_cast<unsigned>(std::count(tc.closed.begin(), tc.closed.end(), 1));
    const auto n = static_cast<unsigned>(tc.closed.size());
    ImGui::TextWrapped(tr(Str::at_hour_fmt, L), tr(tc.weekend ? Str::weekend : Str::weekday, L),
                       tc.hour, n - closed, n);
  }
  const Criterion c = st.view_criterion;
  const char* crit[] = {tr(Str::walk, L), tr(Str::radius, L), tr(Str::both, L), tr(Str::either, L)};
  ImGui::Text(tr(Str::hour_chart_fmt, L), crit[static_cast<int>(c)]);
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWeekday), "— %s", tr(Str::weekday, L));
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWeekend), "— %s", tr(Str::weekend, L));
  hour_chart(st, hc, c);
  const int ci = criterion_index(c);
  if (hc.worker_hours > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(tr(Str::worker_hours_fmt, L), crit[static_cast<int>(c)],
                       100 * hc.worker_hours_covered[ci] / hc.worker_hours,
                       100 * hc.worker_hours_if_open[ci] / hc.worker_hours);
    ImGui::PopStyleColor();
  }
  // How the hours were read (blank or unreadable = always open, every one listed) and the
  // profiles' source: assumptions the planner should see.
  std::string notes;
  for (const auto& n : tc.hours->study.notes) notes += n + "\n";
  for (const auto& n : tc.hours->study.hours.unreadable_rows) notes += "  " + n + "\n";
  ImGui::TextDisabled("%s", tr(Str::hours_read_hint, L));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", notes.c_str());
}

void time_report(const AppState& st, nlohmann::json& j) {
  const TimeControl& tc = st.time;
  nlohmann::json t = {{"all_day", tc.all_day},
                      {"weekend", tc.weekend},
                      {"hour", tc.hour},
                      {"panel_open", tc.panel_open}};
  if (tc.hours) {
    const HourCoverage& hc = tc.hours->study.coverage;
    t["total"] = hc.total;
    t["compute_ms"] = tc.compute_ms;
    for (int d = 0; d < 2; ++d)
      for (int h = 0; h < 24; ++h)
        for (int c = 0; c < 4; ++c)
          t["covered"][d ? "weekend" : "weekday"][h][std::string(to_string(kAllCriteria[c]))] =
              hc.by[d][h].covered[c];
  }
  if (tc.at_hour()) {
    std::vector<uint32_t> closed, open;
    for (size_t i = 0; i < tc.closed.size(); ++i)
      (tc.closed[i] ? closed : open).push_back(tc.hours->slots[i]);
    t["closed_slots"] = closed;
    t["open_slots"] = open;
    for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
      double p = 0;
      hour_percent(st, c, p);
      t["percent"][std::string(to_string(c))] = p;
    }
  }
  j["time"] = t;
}

}  // namespace yz::app
