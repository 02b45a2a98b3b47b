// The what-if toolbar over the map: the editing tool (select and move, add, remove), the new
// station's host type and status, undo/redo, fit, and the language switch.
#include <imgui.h>

#include <cstdio>

#include "app/actions/app_actions.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/panels.hpp"

namespace yz::app {
namespace {

bool tool_button(const char* label, bool active) {
  if (active)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = ImGui::Button(label);
  if (active) ImGui::PopStyleColor();
  return pressed;
}

}  // namespace

void draw_map_toolbar(AppState& st) {
  if (!st.session) return;
  const Lang L = st.lang;
  ImGui::SetNextWindowPos(ImVec2(st.map_x0 + 8, st.map_y0 + 8), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.92f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (!ImGui::Begin("###toolbar", nullptr, flags)) return ImGui::End();
  if (tool_button(tr(Str::tool_select, L), st.tool == Tool::select)) st.tool = Tool::select;
  ImGui::SameLine();
  if (tool_button(tr(Str::tool_add, L), st.tool == Tool::add)) st.tool = Tool::add;
  ImGui::SameLine();
  if (tool_button(tr(Str::tool_remove, L), st.tool == Tool::remove)) st.tool = Tool::remove;
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::BeginDisabled(!st.session->can_undo() || st.edits_locked());
  if (ImGui::Button(tr(Str::undo_short, L))) undo(st);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && st.session->can_undo())
    ImGui::SetTooltip("%s", st.session->undo_label().c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!st.session->can_redo() || st.edits_locked());
  if (ImGui::Button(tr(Str::redo_short, L))) redo(st);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && st.session->can_redo())
    ImGui::SetTooltip("%s", st.session->redo_label().c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::menu_fit, L)))
    fit_view(st, st.session->workspace().city().lines.bounds());
  ImGui::SameLine();
  if (tool_button(tr(Str::legend, L), st.show_legend)) st.show_legend = !st.show_legend;
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  if (ImGui::RadioButton("EN", L == Lang::en)) st.lang = Lang::en;
  ImGui::SameLine();
  if (ImGui::RadioButton("中文", L == Lang::zh)) st.lang = Lang::zh;
  if (st.tool == Tool::add) {
    // What a station added by hand is: planners mostly co-build in existing hosts.
    ImGui::PushItemWidth(130);
    host_combo(tr(Str::host_type, L), st.new_station.info.host_type, L);
    ImGui::SameLine();
    status_combo(tr(Str::status, L), st.new_station.info.status, L);
    ImGui::PopItemWidth();
    ImGui::TextDisabled("%s", tr(Str::add_help, L));
  } else if (st.tool == Tool::remove) {
    ImGui::TextDisabled("%s", tr(Str::remove_help, L));
  } else {
    ImGui::TextDisabled("%s", tr(Str::select_help, L));
  }
  ImGui::End();
}

}  // namespace yz::app
