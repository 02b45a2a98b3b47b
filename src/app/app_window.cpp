#include "app/app_window.hpp"

#include "app/gl.hpp"
// GL/GLFW first (gl.hpp), then ImGui and its backends.
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "app/app_state.hpp"
#include "app/font_loader.hpp"
#include "app/map_legend.hpp"
#include "app/map_overlay.hpp"
#include "app/map_view.hpp"
#include "app/panels.hpp"
#include "app/scene_from_plan.hpp"

namespace yz::app {
namespace {

// Index of the active station within `radius_px` of the screen point, or -1.
int station_at(const AppState& st, const Camera& cam, ImVec2 p, double radius_px) {
  int best = -1;
  double best_d = radius_px;
  for (uint32_t k = 0; k < st.scenario.slots(); ++k) {
    if (!st.scenario.active(k)) continue;
    Vec2 s = cam.to_screen(st.scenario.position(k));
    double d = std::hypot(s.x - p.x, s.y - p.y);
    if (d <= best_d) best_d = d, best = static_cast<int>(k);
  }
  return best;
}

// Mouse and keyboard on the map (when ImGui does not want them): drag to pan, wheel to zoom,
// click to select/add, drag a station to move it, Delete to remove.
struct MapInput {
  int dragging_station = -1;
  bool panning = false;

  void update(AppState& st, Camera& cam) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 m = io.MousePos;
    if (!io.WantCaptureMouse) {
      int hover = station_at(st, cam, m, 10);
      if (hover >= 0 && dragging_station < 0) {
        const auto& state = st.scenario.state();
        ImGui::SetTooltip(
            "%s\n%s: %.0f\n%s: %.0f", st.scenario.name(hover).c_str(),
            tr(Str::workers_walk, st.lang), state.covered_weight(hover, Criterion::walk),
            tr(Str::workers_radius, st.lang), state.covered_weight(hover, Criterion::radius));
      }
      if (io.MouseWheel != 0) cam.zoom_at(m.x, m.y, std::pow(1.2, io.MouseWheel));
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        int hit = station_at(st, cam, m, 10);
        dragging_station = hit;
        panning = hit < 0;
        if (hit >= 0) st.selected = hit, st.plan_dirty = true;
      }
      if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) ||
          ImGui::IsMouseDragging(ImGuiMouseButton_Middle))
        cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
        (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
      if (dragging_station >= 0 && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
        Vec2 w = cam.to_world(m.x, m.y);
        st.scenario.move(static_cast<uint32_t>(dragging_station), w);
        st.plan_dirty = true;
      } else if (panning) {
        cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
      }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      ImVec2 drag = io.MouseDragMaxDistanceSqr[0] > 9 ? ImVec2(1, 1) : ImVec2(0, 0);
      if (panning && drag.x == 0 && st.add_on_click && !io.WantCaptureMouse) {
        st.selected = static_cast<int>(st.scenario.add(cam.to_world(m.x, m.y)));
        st.plan_dirty = true;
      }
      dragging_station = -1;
      panning = false;
    }
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(ImGuiKey_Home)) st.fit_requested = true;
    if (!io.WantCaptureKeyboard && st.selected >= 0 && ImGui::IsKeyPressed(ImGuiKey_Delete)) {
      st.scenario.remove(static_cast<uint32_t>(st.selected));
      st.selected = -1;
      st.plan_dirty = true;
    }
  }
};

bool write_screenshot(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
  std::vector<unsigned char> flipped(px.size());
  const size_t row = static_cast<size_t>(w) * 3;
  for (int y = 0; y < h; ++y) std::copy_n(&px[(h - 1 - y) * row], row, &flipped[y * row]);
  return stbi_write_png(path.c_str(), w, h, 3, flipped.data(), static_cast<int>(row)) != 0;
}

struct GlfwSession {
  GlfwSession() {
    if (!glfwInit()) throw std::runtime_error("cannot start GLFW (no display? try xvfb-run)");
  }
  ~GlfwSession() { glfwTerminate(); }
};

}  // namespace

int run_app(AppInputs inputs, const AppOptions& opt) {
  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_STENCIL_BITS, 8);
  glfwWindowHint(GLFW_RESIZABLE, opt.screenshot.empty() ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* win =
      glfwCreateWindow(opt.width, opt.height, tr(Str::app_title, opt.lang), nullptr, nullptr);
  if (!win) throw std::runtime_error("cannot create an OpenGL 3.3 window");
  glfwMakeContextCurrent(win);
  glfwSwapInterval(opt.screenshot.empty() ? 1 : 0);

  std::vector<std::string> names = inputs.stations.name;
  const StationLooks looks = station_looks(inputs.stations);
  AppState st(Scenario(std::move(inputs)));
  st.lang = opt.lang;
  st.edit_params = st.scenario.params();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // same layout every start (and in screenshots)
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;
  load_ui_font(17, names);
  ImGui_ImplGlfw_InitForOpenGL(win, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  bool shot_ok = false;
  {
    MapView view;
    view.set_map(st.scenario.city().lines);
    Camera cam;
    MapInput input;
    MapScene scene;
    LegendText legend = english_legend_text();
    const LayerStyles base_styles = startup_styles();
    uint64_t seen_version = 0;
    for (int frame = 0; !glfwWindowShouldClose(win); ++frame) {
      glfwPollEvents();
      int ww, wh, fw, fh;
      glfwGetWindowSize(win, &ww, &wh);
      glfwGetFramebufferSize(win, &fw, &fh);
      cam.width_px = ww, cam.height_px = wh;
      if (st.fit_requested) {
        Box b = st.scenario.city().lines.bounds();
        // Leave the left panel column free: fit into the area right of it.
        cam.width_px = ww - 380;
        cam.fit(b);
        cam.width_px = ww;
        cam.centre.x -= 190 * cam.m_per_px;
        st.fit_requested = false;
      }
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      input.update(st, cam);
      coverage_panel(st);
      stations_panel(st);
      what_if_panel(st);
      language_panel(st);
      debug_overlay(st, io.Framerate);
      if (st.plan_dirty || st.scenario.version() != seen_version) {
        fill_scene(st.scenario, st.selected, looks, scene);
        view.set_scene(scene);
        legend = legend_rows_for(scene, english_legend_text());
        seen_version = st.scenario.version();
        st.plan_dirty = false;
      }
      draw_map_overlay(st, cam);
      const LayerStyles styles = styles_from(st.layers, base_styles);
      const ImVec2 legend_size = draw_map_legend(nullptr, {}, styles, legend);
      draw_map_legend(ImGui::GetBackgroundDrawList(), ImVec2(ww - 10 - legend_size.x, 124), styles,
                      legend);
      ImGui::Render();
      view.draw(cam, styles, fw, fh);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      if (!opt.screenshot.empty() && frame + 1 >= opt.frames) {
        shot_ok = write_screenshot(opt.screenshot, fw, fh);
        break;
      }
      glfwSwapBuffers(win);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(win);
  if (!opt.screenshot.empty() && !shot_ok)
    throw std::runtime_error("cannot write screenshot " + opt.screenshot);
  return 0;
}

}  // namespace yz::app
