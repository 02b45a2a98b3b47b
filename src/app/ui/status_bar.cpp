// The bottom bar: background work with its progress and Cancel, the cursor's coordinates, and the
// what-if timings (edit, scene, upload, frame) against the 16 ms target; notices above it.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app/ui/panels.hpp"

namespace yz::app {

void draw_status_bar(AppState& st) {
  const Lang L = st.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight() + 6;
  st.map_y1 = vp->Size.y - h;
  ImGui::SetNextWindowPos(ImVec2(0, vp->Size.y - h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, h), ImGuiCond_Always);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 3));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("###status", nullptr, flags);
  ImGui::PopStyleVar();
  if (st.job.busy()) {
    ImGui::Text("%s", st.job.label().c_str());
    ImGui::SameLine();
    char overlay[160];
    const std::string stage = st.job.stage();
    std::snprintf(overlay, sizeof overlay, "%s %.0f%%", stage.c_str(), 100 * st.job.fraction());
    ImGui::ProgressBar(static_cast<float>(st.job.fraction()), ImVec2(260, 0), overlay);
    ImGui::SameLine();
    ImGui::BeginDisabled(st.job.cancelling());
    if (ImGui::SmallButton(tr(Str::cancel, L))) st.job.cancel();
    ImGui::EndDisabled();
    if (st.job_locks) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr(Str::edits_wait, L));
    }
  } else {
    ImGui::TextDisabled("%s", tr(st.session ? Str::ready : Str::loading_city, L));
  }
  if (st.session) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x >= st.map_x0 && m.x < st.map_x1 && m.y >= st.map_y0 && m.y < st.map_y1) {
      const Vec2 ll =
          st.session->workspace().city().projection().to_lonlat(st.cam.to_world(m.x, m.y));
      ImGui::SameLine(vp->Size.x * 0.48f);
      ImGui::TextDisabled("%.5f, %.5f", ll.x, ll.y);
    }
  }
  if (st.show_debug) {
    char t[200];
    const Timings& tm = st.timings;
    const double total = tm.edit_ms + tm.scene_ms + tm.upload_ms;
    std::snprintf(t, sizeof t, tr(Str::timings_fmt, L), tm.edit_ms, tm.scene_ms, tm.upload_ms,
                  st.fps);
    const float w = ImGui::CalcTextSize(t).x;
    ImGui::SameLine(vp->Size.x - w - 14);
    ImGui::TextColored(total <= 16 ? ImVec4(0.2f, 0.45f, 0.25f, 1) : ImVec4(0.75f, 0.2f, 0.1f, 1),
                       "%s", t);
  }
  ImGui::End();

  // Notices, until they expire.
  const double now =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  st.notices.erase(std::remove_if(st.notices.begin(), st.notices.end(),
                                  [&](const Notice& n) {
                                    // "No worker data given" is wrong once demand was loaded.
                                    const bool stale_proxy =
                                        st.session && !st.session->workspace().demand_is_proxy() &&
                                        (n.text == tr(Str::proxy_demand, Lang::en) ||
                                         n.text == tr(Str::proxy_demand, Lang::zh));
                                    return (n.until_s < now && !st.headless) || stale_proxy;
                                  }),
                   st.notices.end());
  // Top centre of the map, newest first: clear of the toolbar, legend and scale bar.
  float y = st.map_y0 + 80;
  for (int i = static_cast<int>(st.notices.size()) - 1; i >= 0; --i) {
    const Notice& n = st.notices[i];
    char id[32];
    std::snprintf(id, sizeof id, "###notice%d", i);
    ImGui::SetNextWindowPos(ImVec2((st.map_x0 + st.map_x1) / 2, y), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.94f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(560, 400));
    ImGui::Begin(id, nullptr,
                 flags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
    ImGui::PushTextWrapPos(540);
    if (n.error)
      ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", n.text.c_str());
    else
      ImGui::TextUnformatted(n.text.c_str());
    ImGui::PopTextWrapPos();
    y += ImGui::GetWindowHeight() + 6;
    ImGui::End();
  }
}

}  // namespace yz::app
