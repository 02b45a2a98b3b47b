#include "app/ui/map_input.hpp"

#include <imgui.h>

#include "app/render/gl.hpp"  // GLFW key codes: ImGui 1.86 checks io.KeysDown[] by the backend's own
                       // codes (GLFW's), not by its ImGuiKey_ enum (an index into io.KeyMap)

#include <cmath>
#include <cstdio>
#include <string>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"
#include "engine/inputs/candidate_categories.hpp"

namespace yz::app {
namespace {

constexpr float kHitStation = 11, kHitCandidate = 7, kHitDemand = 5;

// Nearest of `pts` within `radius_px` of the screen point, or -1.
template <typename Get>
int nearest(size_t n, Get get, const Camera& cam, float mx, float my, float radius_px) {
  int best = -1;
  double best_d = radius_px;
  for (size_t i = 0; i < n; ++i) {
    std::optional<Vec2> p = get(i);
    if (!p) continue;
    const Vec2 s = cam.to_screen(*p);
    const double d = std::hypot(s.x - mx, s.y - my);
    if (d <= best_d) best_d = d, best = static_cast<int>(i);
  }
  return best;
}

int station_at(const AppState& st, float mx, float my) {
  const Scenario& sc = st.session->active();
  return nearest(
      sc.slots(),
      [&](size_t k) -> std::optional<Vec2> {
        if (!sc.active(static_cast<uint32_t>(k))) return std::nullopt;
        return sc.station(static_cast<uint32_t>(k)).xy;
      },
      st.cam, mx, my, kHitStation);
}

int suggestion_at(const AppState& st, float mx, float my) {
  if (!st.suggest.run || !suggestion_current(st) || !st.styles[MapLayer::suggestions].visible)
    return -1;
  const auto& run = *st.suggest.run;
  return nearest(
      run.result.sites.size(),
      [&](size_t i) -> std::optional<Vec2> {
        if (i < st.suggest.accepted.size() && st.suggest.accepted[i]) return std::nullopt;
        return run.sites.xy[run.result.sites[i].site];
      },
      st.cam, mx, my, kHitStation);
}

int candidate_at(const AppState& st, float mx, float my) {
  if (!st.styles[MapLayer::candidates].visible) return -1;
  const PointSet& c = st.session->candidates();
  return nearest(
      c.size(), [&](size_t i) -> std::optional<Vec2> { return c.xy[i]; }, st.cam, mx, my,
      kHitCandidate);
}

std::string amenities_text(uint32_t bits, Lang L) {
  std::string out;
  for (int i = 0; i < kAmenityCount; ++i)
    if (bits & (1u << i)) {
      if (!out.empty()) out += L == Lang::zh ? "、" : ", ";
      out += tr(amenity_str(i), L);
    }
  return out.empty() ? tr(Str::none, L) : out;
}

// A candidate's category as the planner reads it (Chinese labels from the category config).
std::string category_label(const std::string& name, Lang L) {
  return L == Lang::zh ? category_label_zh(name) : name;
}

}  // namespace

void fit_view(AppState& st, const Box& b) {
  if (b.empty()) return;
  Camera c = st.cam;
  c.width_px = st.map_x1 - st.map_x0;
  c.height_px = st.map_y1 - st.map_y0;
  c.fit(b);
  // The camera's centre is the window's centre: shift so the box sits in the map area's centre.
  const double dx = (st.map_x0 + st.map_x1) / 2 - st.cam.width_px / 2;
  const double dy = (st.map_y0 + st.map_y1) / 2 - st.cam.height_px / 2;
  st.cam.m_per_px = c.m_per_px;
  st.cam.centre = {c.centre.x - dx * c.m_per_px, c.centre.y + dy * c.m_per_px};
}

void MapInput::hover_tooltip(AppState& st, Vec2 world, float mx, float my) {
  const Lang L = st.lang;
  const Session& s = *st.session;
  const Scenario& sc = s.active();
  if (int k = station_at(st, mx, my); k >= 0) {
    const PlanStation& p = sc.station(k);
    const CoverageState& cs = sc.state();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(p.name.empty() ? p.id.c_str() : p.name.c_str());
    ImGui::TextDisabled("%s · %s · %s", tr(host_str(p.info.host_type), L),
                        tr(size_str(p.info.size_class), L), tr(status_str(p.info.status), L));
    ImGui::Text("%s: %.0f   (%s: %.0f)", tr(Str::workers_walk, L),
                cs.covered_weight(k, Criterion::walk), tr(Str::only_here, L),
                cs.unique_weight(k, Criterion::walk));
    ImGui::Text("%s: %.0f", tr(Str::workers_radius, L), cs.covered_weight(k, Criterion::radius));
    const double not_walk =
        cs.covered_weight(k, Criterion::radius) - cs.covered_weight(k, Criterion::both);
    if (not_walk > 0.5)
      ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.6f, 1),
                         tr(demand_kind(st.session->workspace()) == DemandKind::counted
                                ? Str::radius_overstates_fmt
                                : Str::radius_overstates_est_fmt,
                            L),
                         not_walk);
    ImGui::Text("%s: %s", tr(Str::amenities, L), amenities_text(p.info.amenities, L).c_str());
    if (!sc.state().cover(k).snapped)
      ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr(Str::off_network, L));
    ImGui::EndTooltip();
    return;
  }
  if (int i = suggestion_at(st, mx, my); i >= 0) {
    const auto& run = *st.suggest.run;
    const auto& ss = run.result.sites[i];
    ImGui::BeginTooltip();
    ImGui::Text("#%u  %s", ss.rank,
                run.sites.name[ss.site].empty() ? run.sites.id[ss.site].c_str()
                                                : run.sites.name[ss.site].c_str());
    ImGui::Text("%s: +%.0f   %s: %.0f   %s: %.0f", tr(Str::gain, L), ss.gain, tr(Str::shared, L),
                ss.shared, tr(Str::cost, L), ss.cost);
    ImGui::TextDisabled("%s", tr(Str::suggestion_hint, L));
    ImGui::EndTooltip();
    return;
  }
  if (int c = candidate_at(st, mx, my); c >= 0) {
    const PointSet& cand = s.candidates();
    const SiteInfo info = static_cast<size_t>(c) < cand.info.size() ? cand.info[c] : SiteInfo{};
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(cand.name[c].empty() ? cand.id[c].c_str() : cand.name[c].c_str());
    ImGui::TextDisabled("%s: %s · %s", tr(Str::candidate, L),
                        category_label(info.category, L).c_str(), tr(host_str(info.host_type), L));
    if (!std::isnan(info.cost)) ImGui::Text("%s: %.0f", tr(Str::cost, L), info.cost);
    ImGui::TextDisabled("%s", tr(Str::candidate_hint, L));
    ImGui::EndTooltip();
    return;
  }
  if (st.styles[MapLayer::demand_points].visible || st.styles[MapLayer::uncovered].visible) {
    const PointSet& d = s.workspace().demand();
    // Demand points are many: look only within a small box first.
    const double r = kHitDemand * st.cam.m_per_px;
    int best = -1;
    double best_d = r;
    for (size_t i = 0; i < d.size(); ++i) {
      if (std::abs(d.xy[i].x - world.x) > r || std::abs(d.xy[i].y - world.y) > r) continue;
      const double dd = distance(d.xy[i], world);
      if (dd <= best_d) best_d = dd, best = static_cast<int>(i);
    }
    if (best >= 0) {
      const CoverageState& cs = sc.state();
      ImGui::BeginTooltip();
      ImGui::Text(tr(Str::demand_tooltip_fmt, L), d.weight[best], cs.count(Criterion::walk, best),
                  cs.count(Criterion::radius, best));
      ImGui::EndTooltip();
    }
  }
}

void MapInput::shortcuts(AppState& st) {
  ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = io.KeyCtrl, shift = io.KeyShift;
  // Shortcuts with Ctrl work even while a text field has focus (as in every editor).
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) shift ? redo(st) : undo(st);
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Y, false)) redo(st);
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_S, false)) {
    if (shift)
      st.after_prompt = nullptr, st.dialog.open(FilePurpose::save_session);
    else
      save_or_ask(st);
  }
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) st.dialog.open(FilePurpose::open_session);
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) request_quit(st);
  if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_E, false) && st.session && !st.job.busy())
    st.export_dialog = true;
  if (io.WantCaptureKeyboard) return;
  if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false) && st.session)
    fit_view(st, st.session->workspace().city().lines.bounds());
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))
    st.tool = Tool::select, st.sel = {}, st.scene_dirty = true;
  if (ImGui::IsKeyPressed(GLFW_KEY_A, false)) st.tool = Tool::add;
  if (ImGui::IsKeyPressed(GLFW_KEY_S, false) && !ctrl) st.tool = Tool::select;
  if ((ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) ||
       ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false)) &&
      st.session && st.sel.station >= 0 && !st.edits_locked()) {
    const auto& sc = st.session->active();
    if (sc.active(st.sel.station)) {
      const std::string label =
          std::string(tr(Str::edit_remove, st.lang)) + " " + sc.station(st.sel.station).name;
      st.session->remove_station(static_cast<uint32_t>(st.sel.station), label);
      st.sel.station = -1;
      st.scene_dirty = true;
    }
  }
}

void MapInput::update(AppState& st) {
  shortcuts(st);
  if (!st.session) return;
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x, my = io.MousePos.y;
  const bool in_map = mx >= st.map_x0 && mx < st.map_x1 && my >= st.map_y0 && my < st.map_y1;
  const Vec2 world = st.cam.to_world(mx, my);
  const bool over_map = in_map && !io.WantCaptureMouse;

  if (over_map && io.MouseWheel != 0) st.cam.zoom_at(mx, my, std::pow(1.2, io.MouseWheel));
  if (over_map && (ImGui::IsMouseDragging(ImGuiMouseButton_Right) ||
                   ImGui::IsMouseDragging(ImGuiMouseButton_Middle)))
    st.cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);

  if (over_map && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !st.edits_locked()) {
    if (int c = candidate_at(st, mx, my); c >= 0 && station_at(st, mx, my) < 0) {
      add_candidate_as_station(st, c);
      pressed_on_map_ = false;
      return;
    }
  }
  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    pressed_on_map_ = true;
    drag_moved_ = false;
    drag_slot_ = -1;
    const int k = station_at(st, mx, my);
    if (st.tool == Tool::select && k >= 0) {
      st.sel = {};
      st.sel.station = k;
      drag_slot_ = k;
      drag_before_ = st.session->active().station(k);
      st.scene_dirty = true;
    }
  }
  if (pressed_on_map_ && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
    drag_moved_ = true;
    if (drag_slot_ >= 0 && !st.edits_locked()) {
      if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
        st.session->drag_station(static_cast<uint32_t>(drag_slot_), world);
        st.scene_dirty = true;
      }
    } else if (drag_slot_ < 0) {
      st.cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
    }
  }
  if (pressed_on_map_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    pressed_on_map_ = false;
    if (drag_slot_ >= 0 && drag_moved_) {
      const std::string label = std::string(tr(Str::edit_move, st.lang)) + " " + drag_before_.name;
      st.session->end_drag(static_cast<uint32_t>(drag_slot_), drag_before_, label);
    } else if (!drag_moved_) {
      // A click (no drag): what it does depends on the tool and what is under the cursor.
      const int k = station_at(st, mx, my);
      if (st.tool == Tool::add && !st.edits_locked()) {
        PlanStation p = hand_station(st, world);
        const std::string label = std::string(tr(Str::edit_add, st.lang)) + " " + p.name;
        st.sel = {};
        st.sel.station = static_cast<int>(st.session->add_station(std::move(p), label));
      } else if (st.tool == Tool::remove && k >= 0 && !st.edits_locked()) {
        const std::string label =
            std::string(tr(Str::edit_remove, st.lang)) + " " + st.session->active().station(k).name;
        st.session->remove_station(static_cast<uint32_t>(k), label);
        st.sel = {};
      } else if (k < 0) {
        st.sel = {};
        if (int g = suggestion_at(st, mx, my); g >= 0) {
          st.sel.suggestion = g;
          st.tab = Tab::suggest, st.tab_forced = true;
        } else if (int c = candidate_at(st, mx, my); c >= 0) {
          st.sel.candidate = c;
        }
      }
      st.scene_dirty = true;
    }
    drag_slot_ = -1;
  }
  // Headless runs have no real pointer (Xvfb parks it mid-screen): no tooltips in screenshots.
  if (over_map && !pressed_on_map_ && !ImGui::IsAnyMouseDown() && !st.headless)
    hover_tooltip(st, world, mx, my);
}

}  // namespace yz::app
