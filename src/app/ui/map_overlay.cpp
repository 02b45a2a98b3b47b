#include "app/ui/map_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/ui/map_legend.hpp"
#include "app/ui/panels.hpp"
#include "app/ui/street_name_overlay.hpp"
#include "engine/export/label_placement.hpp"

namespace yz::app {
namespace {

LegendText legend_text(Lang L) {
  LegendText t;
  t.title = tr(Str::legend, L);
  t.stations = tr(Str::legend_stations, L);
  for (int i = 0; i < 5; ++i) t.host[i] = tr(host_str(kHostTypes[i]), L);
  t.host[5] = tr(Str::unknown, L);
  for (int i = 0; i < 3; ++i) t.status[i] = tr(status_str(kStatuses[i]), L);
  t.status[3] = tr(Str::unknown, L);
  t.demand = tr(Str::legend_demand, L);
  t.uncovered = tr(Str::layer_uncovered, L);
  t.disagreement = tr(Str::layer_disagreement, L);
  t.density = tr(Str::layer_density, L);
  t.walk_area = tr(Str::layer_walk_areas, L);
  t.circle = tr(Str::layer_circles, L);
  t.candidate = tr(Str::layer_candidates, L);
  t.suggestion = tr(Str::layer_suggestions, L);
  t.diff_here = tr(Str::diff_here, L);
  t.diff_there = tr(Str::diff_there, L);
  t.diff_gained = tr(Str::diff_gained, L);
  t.diff_lost = tr(Str::diff_lost, L);
  t.closed = tr(Str::legend_closed, L);
  t.mobile_route = tr(Str::legend_mobile_route, L);
  t.mobile_current = tr(Str::legend_mobile_current, L);
  return t;
}

}  // namespace

double nice_scale_m(double m_per_px, double max_px) {
  double max_m = m_per_px * max_px;
  double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double f : {5.0, 2.0, 1.0})
    if (f * p <= max_m) return f * p;
  return p;
}

void draw_map_overlay(const AppState& st, const MapScene& scene) {
  if (!st.session) return;
  const Camera& cam = st.cam;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->PushClipRect(ImVec2(st.map_x0, st.map_y0), ImVec2(st.map_x1, st.map_y1));
  draw_district_outlines(st);
  const ImU32 ink = IM_COL32(30, 30, 40, 255), halo = IM_COL32(255, 255, 255, 225);
  auto visible = [&](Vec2 s) {
    return s.x >= st.map_x0 - 50 && s.x <= st.map_x1 + 50 && s.y >= st.map_y0 - 20 &&
           s.y <= st.map_y1 + 20;
  };
  // The same greedy placement as the exported maps: every visible mark is kept clear; suggestion
  // ranks first (what the planner is deciding on), then station names, the selected station
  // first and then those reaching the most workers on foot; each tries eight positions around
  // its mark and is left out where none is free.
  LabelPlacer placer({st.map_x0, st.map_y0, st.map_x1, st.map_y1});
  const bool show_suggestions = st.styles[MapLayer::suggestions].visible;
  const bool show_names = st.styles[MapLayer::stations].visible && cam.m_per_px < 14;
  const Scenario& sc = st.session->active();
  constexpr double kMarkR = 8, kGap = 10;
  if (show_suggestions)
    for (const SceneSuggestion& s : scene.suggestions)
      if (const Vec2 p = cam.to_screen(s.xy); visible(p)) placer.block(box_around(p, kMarkR));
  if (st.styles[MapLayer::stations].visible)
    for (uint32_t k : sc.active_slots())
      if (const Vec2 p = cam.to_screen(sc.station(k).xy); visible(p))
        placer.block(box_around(p, kMarkR));
  auto draw_label = [&](Vec2 p, const char* text, ImU32 fill, ImU32 colour) {
    const ImVec2 sz = ImGui::CalcTextSize(text);
    const auto b = placer.place(p, kGap, sz.x + 4, sz.y);
    if (!b) return;
    dl->AddRectFilled(ImVec2(static_cast<float>(b->x0), static_cast<float>(b->y0)),
                      ImVec2(static_cast<float>(b->x1), static_cast<float>(b->y1)), fill, 3);
    dl->AddText(ImVec2(static_cast<float>(b->x0) + 2, static_cast<float>(b->y0)), colour, text);
  };
  if (show_suggestions)
    for (const SceneSuggestion& s : scene.suggestions) {
      const Vec2 p = cam.to_screen(s.xy);
      if (!visible(p)) continue;
      char n[16];
      std::snprintf(n, sizeof n, "%u", s.rank);
      draw_label(p, n, IM_COL32(255, 244, 214, 235), IM_COL32(150, 70, 0, 255));
    }
  if (show_names) {
    std::vector<uint32_t> order;
    for (uint32_t k : sc.active_slots())
      if (visible(cam.to_screen(sc.station(k).xy))) order.push_back(k);
    // Each station's weight once (it sums the station's workers), then the sort.
    std::vector<double> weight(sc.slots(), 0);
    for (uint32_t k : order) weight[k] = sc.state().covered_weight(k, Criterion::walk);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const bool sa = static_cast<int>(a) == st.sel.station,
                 sb = static_cast<int>(b) == st.sel.station;
      if (sa != sb) return sa;
      return weight[a] > weight[b];
    });
    for (uint32_t k : order) {
      const PlanStation& ps = sc.station(k);
      const std::string& name = ps.name.empty() ? ps.id : ps.name;
      const bool sel = static_cast<int>(k) == st.sel.station;
      draw_label(cam.to_screen(ps.xy), name.c_str(), sel ? IM_COL32(255, 226, 190, 240) : halo,
                 ink);
    }
  }
  draw_street_names(st, dl, placer);  // after the stations' labels: they keep their room
  dl->PopClipRect();

  // Scale bar, bottom left of the map.
  const float x0 = st.map_x0 + 18, y0 = st.map_y1 - 22;
  const double len_m = nice_scale_m(cam.m_per_px, 160);
  const float len_px = static_cast<float>(len_m / cam.m_per_px);
  char label[32];
  if (st.lang == Lang::zh)
    std::snprintf(label, sizeof label, "%g 米", len_m);
  else if (len_m >= 1000)
    std::snprintf(label, sizeof label, "%g km", len_m / 1000);
  else
    std::snprintf(label, sizeof label, "%g m", len_m);
  dl->AddRectFilled(ImVec2(x0 - 8, y0 - 24), ImVec2(x0 + len_px + 8, y0 + 8), halo, 3);
  dl->AddLine(ImVec2(x0, y0), ImVec2(x0 + len_px, y0), ink, 3);
  dl->AddLine(ImVec2(x0, y0 - 6), ImVec2(x0, y0 + 4), ink, 2);
  dl->AddLine(ImVec2(x0 + len_px, y0 - 6), ImVec2(x0 + len_px, y0 + 4), ink, 2);
  dl->AddText(ImVec2(x0 + len_px / 2 - ImGui::CalcTextSize(label).x / 2, y0 - 22), ink, label);

  // North arrow, top right of the map (the local projection has north up).
  const float nx = st.map_x1 - 36, ny = st.map_y0 + 14;
  dl->AddCircleFilled(ImVec2(nx, ny + 18), 22, halo);
  dl->AddTriangleFilled(ImVec2(nx, ny), ImVec2(nx - 9, ny + 28), ImVec2(nx, ny + 22), ink);
  dl->AddTriangle(ImVec2(nx, ny), ImVec2(nx + 9, ny + 28), ImVec2(nx, ny + 22), ink, 1.5f);
  const char* n = tr(Str::north, st.lang);
  dl->AddText(ImVec2(nx - ImGui::CalcTextSize(n).x / 2, ny + 27), ink, n);

  // Map credit: OpenStreetMap data must say so; the demo city says it is synthetic.
  const RoadLines& lines = st.session->workspace().city().lines;
  const char* credit = lines.synthetic  ? tr(Str::synthetic, st.lang)
                       : lines.from_osm ? "© OpenStreetMap contributors"
                                        : nullptr;
  if (credit) {
    const ImVec2 sz = ImGui::CalcTextSize(credit);
    const ImVec2 at(st.map_x1 - sz.x - 10, st.map_y1 - sz.y - 4);
    dl->AddRectFilled(ImVec2(at.x - 4, at.y - 1), ImVec2(at.x + sz.x + 4, at.y + sz.y + 1), halo,
                      3);
    dl->AddText(at, IM_COL32(70, 70, 80, 255), credit);
  }

  // Legend, bottom right above the credit.
  if (st.show_legend) {
    LegendText t = legend_rows_for(scene, legend_text(st.lang));
    // Only the host types and statuses the plan has (unknown included when some station lacks one).
    bool host[6] = {}, status[4] = {};
    for (const SceneStation& s : scene.stations) {
      host[s.host == kUnknown ? 5 : std::min<int>(s.host, 5)] = true;
      status[s.status == kUnknown ? 3 : std::min<int>(s.status, 3)] = true;
    }
    for (int i = 0; i < 6; ++i)
      if (!host[i]) t.host[i] = nullptr;
    for (int i = 0; i < 4; ++i)
      if (!status[i]) t.status[i] = nullptr;
    const ImVec2 size = draw_map_legend(nullptr, ImVec2(0, 0), st.styles, t);
    if (size.x > 0)
      draw_map_legend(dl, ImVec2(st.map_x1 - size.x - 10, st.map_y1 - size.y - 30), st.styles, t);
  }
}

}  // namespace yz::app
