// Districts: the active scenario's coverage by district (a polygon layer given with
// `yizhan gui --districts FILE`), a row per district and one for points outside them all, so the
// rows add up to the Coverage figures; clicking a row zooms the map to the district, whose
// outline the map draws coloured by its coverage under the both test.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/text/engine_messages.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/panels.hpp"
#include "engine/coverage/district_summary.hpp"
#include "engine/export/district_map.hpp"
#include "engine/util/error.hpp"

namespace yz::app {

namespace {

DistrictSummary summary_of(const AppState& st) {
  const Scenario& sc = st.session->active();
  std::vector<Vec2> xy(sc.slots(), Vec2{NAN, NAN});
  for (uint32_t k = 0; k < sc.slots(); ++k)
    if (sc.active(k)) xy[k] = sc.station(k).xy;
  return district_summary(xy, sc.workspace().demand(), sc.state(), *st.districts, sc.slots(),
                          Criterion::both);
}

ImU32 ramp_colour(double pct, int alpha) {
  double r, g, b;
  district_ramp(pct, r, g, b);
  return IM_COL32(static_cast<int>(r * 255), static_cast<int>(g * 255), static_cast<int>(b * 255),
                  alpha);
}

}  // namespace

void load_districts(AppState& st, const std::string& path, const std::string& name_field,
                    int level) {
  if (!st.session) return;
  try {
    if (path == "map") {  // as the CLI's --districts map / --district-level
      const Workspace& ws = st.session->workspace();
      if (ws.map().demo() || !ws.city().lines.from_osm)
        throw InputError(ws.map().label(), tr(Str::districts_not_osm, st.lang));
      st.districts = std::make_shared<const Districts>(
          map_districts(ws.map().path, ws.city().projection(), ws.city().extent(), level));
      st.district_sel = -1;
      return;
    }
    DropReport rep;
    st.districts = std::make_shared<const Districts>(
        read_district_layer(path, st.session->workspace().city().projection(), "", name_field, "",
                            "--districts-crs", rep));
  } catch (const InputError& e) {
    st.notify(render_error(e, st.lang), true);
  }
}

// Districts from the map's OpenStreetMap boundaries at a chosen admin_level (in China 6 = 区/县,
// 8 = 街道/乡镇), as `--district-level` does on the command line.
void map_districts_row(AppState& st) {
  const Lang L = st.lang;
  static int level = 8;
  static const int levels[] = {4, 5, 6, 7, 8, 9, 10};
  char preview[96];
  auto label = [&](int lv, char* buf, size_t n) {
    const char* what = lv == 6   ? tr(Str::district_level_6, L)
                       : lv == 8 ? tr(Str::district_level_8, L)
                                 : "";
    std::snprintf(buf, n, tr(Str::district_level_fmt, L), lv, what);
  };
  label(level, preview, sizeof preview);
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(tr(Str::district_level, L), preview)) {
    for (int lv : levels) {
      char b[96];
      label(lv, b, sizeof b);
      if (ImGui::Selectable(b, lv == level)) level = lv;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const bool busy = st.job.busy();
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(tr(Str::district_load_map, L))) load_districts(st, "map", "", level);
  ImGui::EndDisabled();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  st.ui_items["district_load_map"] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

void districts_tab(AppState& st) {
  const Lang L = st.lang;
  if (st.session) map_districts_row(st);
  if (!st.districts) {
    ImGui::TextWrapped("%s", tr(Str::districts_none, L));
    return;
  }
  ImGui::TextWrapped("%s", tr(Str::district_hint, L));
  const DistrictSummary s = summary_of(st);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("districts", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::district_col, L), ImGuiTableColumnFlags_WidthStretch, 2.6f);
  ImGui::TableSetupColumn(tr(Str::district_stations, L), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn(
      tr(demand_kind(st.session->workspace()) == DemandKind::counted ? Str::district_workers
                                                                     : Str::district_workers_est,
         L),
      ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr(Str::district_both, L), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr(Str::district_twice, L), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const DistrictRow& r = s.rows[i];
    if (r.outside && r.workers == 0 && r.stations == 0) continue;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const char* name = r.outside ? tr(Str::district_outside, L) : r.name.c_str();
    if (ImGui::Selectable(name, st.district_sel == static_cast<int>(i),
                          ImGuiSelectableFlags_SpanAllColumns) &&
        !r.outside) {
      st.district_sel = static_cast<int>(i);
      Box b;
      for (const Polygon& p : st.districts->metric[i])
        for (Vec2 v : p.rings.front()) b.add(v);
      fit_view(st, b);  // the map part of the window, right of the sidebar
    }
    ImGui::TableNextColumn();
    ImGui::Text("%u", r.stations);
    ImGui::TableNextColumn();
    ImGui::Text("%.0f", r.workers);
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ramp_colour(r.percent(Criterion::both), 255)),
                       "%.1f %%", r.percent(Criterion::both));
    ImGui::TableNextColumn();
    ImGui::Text("%.0f", r.both.twice);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_district_outlines(const AppState& st) {
  if (!st.districts || !st.session) return;
  const DistrictSummary s = summary_of(st);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  std::vector<ImVec2> pts;
  for (size_t i = 0; i < st.districts->size(); ++i) {
    const bool picked = st.district_sel == static_cast<int>(i);
    const ImU32 col = ramp_colour(s.rows[i].percent(Criterion::both), picked ? 255 : 210);
    for (const Polygon& p : st.districts->metric[i])
      for (const Ring& r : p.rings) {
        pts.clear();
        for (Vec2 v : r) {
          const Vec2 q = st.cam.to_screen(v);
          pts.push_back(ImVec2(static_cast<float>(q.x), static_cast<float>(q.y)));
        }
        // A wide translucent band inside the line shades the district's edge in its colour.
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), (col & 0x00FFFFFF) | 0x50000000,
                        ImDrawFlags_Closed, picked ? 14.f : 9.f);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_Closed,
                        picked ? 3.5f : 2.f);
      }
  }
}

}  // namespace yz::app
