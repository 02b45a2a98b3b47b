#include "app/map_overlay.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace yz::app {

double nice_scale_m(double m_per_px, double max_px) {
  double max_m = m_per_px * max_px;
  double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double f : {5.0, 2.0, 1.0})
    if (f * p <= max_m) return f * p;
  return p;
}

void draw_map_overlay(const AppState& st, const Camera& cam) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImU32 ink = IM_COL32(30, 30, 40, 255), halo = IM_COL32(255, 255, 255, 230);
  // Station labels (skipped when zoomed far out, where they would pile up).
  if (cam.m_per_px < 12) {
    for (uint32_t k = 0; k < st.scenario.slots(); ++k) {
      if (!st.scenario.active(k)) continue;
      Vec2 s = cam.to_screen(st.scenario.position(k));
      const char* name = st.scenario.name(k).c_str();
      ImVec2 at(static_cast<float>(s.x) + 10, static_cast<float>(s.y) - 9);
      ImVec2 size = ImGui::CalcTextSize(name);
      dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + size.x + 2, at.y + size.y), halo, 3);
      dl->AddText(at, ink, name);
    }
  }
  // Scale bar, bottom left of the map area (right of the panels).
  const float x0 = 390, y0 = static_cast<float>(cam.height_px) - 30;
  double len_m = nice_scale_m(cam.m_per_px, 160);
  float len_px = static_cast<float>(len_m / cam.m_per_px);
  char label[32];
  if (len_m >= 1000)
    std::snprintf(label, sizeof label, "%g km", len_m / 1000);
  else
    std::snprintf(label, sizeof label, "%g m", len_m);
  dl->AddRectFilled(ImVec2(x0 - 6, y0 - 22), ImVec2(x0 + len_px + 6, y0 + 10), halo, 3);
  dl->AddLine(ImVec2(x0, y0), ImVec2(x0 + len_px, y0), ink, 3);
  dl->AddLine(ImVec2(x0, y0 - 6), ImVec2(x0, y0 + 4), ink, 2);
  dl->AddLine(ImVec2(x0 + len_px, y0 - 6), ImVec2(x0 + len_px, y0 + 4), ink, 2);
  dl->AddText(ImVec2(x0 + len_px / 2 - ImGui::CalcTextSize(label).x / 2, y0 - 21), ink, label);
  // North arrow, top right under the language switch.
  const float nx = static_cast<float>(cam.width_px) - 40, ny = 70;
  dl->AddCircleFilled(ImVec2(nx, ny + 18), 22, halo);
  dl->AddTriangleFilled(ImVec2(nx, ny), ImVec2(nx - 9, ny + 28), ImVec2(nx, ny + 22), ink);
  dl->AddTriangle(ImVec2(nx, ny), ImVec2(nx + 9, ny + 28), ImVec2(nx, ny + 22), ink, 1.5f);
  const char* n = tr(Str::north, st.lang);
  dl->AddText(ImVec2(nx - ImGui::CalcTextSize(n).x / 2, ny + 28), ink, n);
}

}  // namespace yz::app
