#include "app/map_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/map_legend.hpp"

namespace yz::app {
namespace {

struct Rect {
  float x0, y0, x1, y1;
  bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

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
  const ImU32 ink = IM_COL32(30, 30, 40, 255), halo = IM_COL32(255, 255, 255, 225);
  std::vector<Rect> placed;
  auto visible = [&](Vec2 s) {
    return s.x >= st.map_x0 - 50 && s.x <= st.map_x1 + 50 && s.y >= st.map_y0 - 20 &&
           s.y <= st.map_y1 + 20;
  };
  // Suggestion ranks first (they are what the planner is deciding on), then station names;
  // a label that would overlap one already placed is tried on the other side, then skipped.
  if (st.styles[MapLayer::suggestions].visible)
    for (const SceneSuggestion& s : scene.suggestions) {
      const Vec2 p = cam.to_screen(s.xy);
      if (!visible(p)) continue;
      char n[16];
      std::snprintf(n, sizeof n, "%u", s.rank);
      const ImVec2 sz = ImGui::CalcTextSize(n);
      const Rect r{static_cast<float>(p.x) + 9, static_cast<float>(p.y) - 20,
                   static_cast<float>(p.x) + 13 + sz.x, static_cast<float>(p.y) - 20 + sz.y};
      dl->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), IM_COL32(255, 244, 214, 235), 3);
      dl->AddText(ImVec2(r.x0 + 2, r.y0), IM_COL32(150, 70, 0, 255), n);
      placed.push_back(r);
    }
  if (st.styles[MapLayer::stations].visible && cam.m_per_px < 14) {
    const Scenario& sc = st.session->active();
    for (uint32_t k = 0; k < sc.slots(); ++k) {
      if (!sc.active(k)) continue;
      const Vec2 p = cam.to_screen(sc.station(k).xy);
      if (!visible(p)) continue;
      const std::string& name = sc.station(k).name.empty() ? sc.station(k).id : sc.station(k).name;
      const ImVec2 sz = ImGui::CalcTextSize(name.c_str());
      const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
      const Rect right{x + 10, y - sz.y / 2, x + 14 + sz.x, y + sz.y / 2};
      const Rect left{x - 14 - sz.x, y - sz.y / 2, x - 10, y + sz.y / 2};
      const Rect* pick = nullptr;
      for (const Rect* r : {&right, &left}) {
        bool free = r->x1 <= st.map_x1 && r->x0 >= st.map_x0;
        for (const Rect& q : placed) free = free && !r->overlaps(q);
        if (free) {
          pick = r;
          break;
        }
      }
      if (!pick) continue;
      const bool sel = static_cast<int>(k) == st.sel.station;
      dl->AddRectFilled(ImVec2(pick->x0, pick->y0), ImVec2(pick->x1, pick->y1),
                        sel ? IM_COL32(255, 226, 190, 240) : halo, 3);
      dl->AddText(ImVec2(pick->x0 + 2, pick->y0), ink, name.c_str());
      placed.push_back(*pick);
    }
  }
  dl->PopClipRect();

  // Scale bar, bottom left of the map.
  const float x0 = st.map_x0 + 18, y0 = st.map_y1 - 22;
  const double len_m = nice_scale_m(cam.m_per_px, 160);
  const float len_px = static_cast<float>(len_m / cam.m_per_px);
  char label[32];
  if (len_m >= 1000)
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
