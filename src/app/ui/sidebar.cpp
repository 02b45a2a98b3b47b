// The left column: coverage figures always in view, and below them one tab per task.
#include <imgui.h>

#include <cstdio>

#include "app/ui/panels.hpp"

namespace yz::app {

void draw_sidebar(AppState& st) {
  const Lang L = st.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float top = st.map_y0, bottom = st.map_y1;
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(st.sidebar_px, bottom - top), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(300, bottom - top),
                                      ImVec2(vp->Size.x * 0.6f, bottom - top));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoTitleBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("###sidebar", nullptr, flags)) return ImGui::End();
  // The sidebar's right edge can be dragged: keep what the planner chose.
  st.sidebar_px = ImGui::GetWindowWidth();
  if (!st.session) {
    ImGui::TextWrapped("%s", tr(Str::loading_city, L));
    ImGui::End();
    return;
  }
  coverage_section(st);
  ImGui::Separator();
  if (ImGui::BeginTabBar("tabs")) {
    struct T {
      Tab tab;
      Str name;
      void (*draw)(AppState&);
    } tabs[] = {{Tab::stations, Str::tab_stations, stations_tab},
                {Tab::suggest, Str::tab_suggest, suggest_tab},
                {Tab::scenarios, Str::tab_scenarios, scenarios_tab},
                {Tab::layers, Str::tab_layers, layers_tab},
                {Tab::districts, Str::tab_districts, districts_tab}};
    for (const T& t : tabs) {
      char label[96];
      std::snprintf(label, sizeof label, "%s###tab%d", tr(t.name, L), static_cast<int>(t.tab));
      const ImGuiTabItemFlags f =
          st.tab_forced && st.tab == t.tab ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(label, nullptr, f)) {
        if (!st.tab_forced) st.tab = t.tab;
        t.draw(st);
        ImGui::EndTabItem();
      }
    }
    st.tab_forced = false;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace yz::app
