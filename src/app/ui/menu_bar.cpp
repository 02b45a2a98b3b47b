// The main menu: File (new, open map / session / layers, save, export, quit), Edit (undo, redo),
// View (fit, layers, legend), Language.
#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "app/actions/app_actions.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/panels.hpp"

namespace yz::app {

void draw_menu_bar(AppState& st) {
  const Lang L = st.lang;
  if (!ImGui::BeginMainMenuBar()) return;
  const bool busy = st.job.busy();
  if (ImGui::BeginMenu(tr(Str::menu_file, L))) {
    if (ImGui::MenuItem(tr(Str::menu_new_demo, L), nullptr, false, !busy))
      guard_unsaved(st, [](AppState& s) { open_demo(s); });
    if (ImGui::MenuItem(tr(Str::menu_open_map, L), nullptr, false, !busy))
      guard_unsaved(st, [](AppState& s) { s.dialog.open(FilePurpose::open_map); });
    if (ImGui::MenuItem(tr(Str::menu_open_session, L), "Ctrl+O", false, !busy))
      guard_unsaved(st, [](AppState& s) { s.dialog.open(FilePurpose::open_session); });
    ImGui::Separator();
    const bool have = st.session != nullptr && !busy;
    if (ImGui::MenuItem(tr(Str::menu_open_stations, L), nullptr, false, have))
      st.dialog.open(FilePurpose::open_stations);
    if (ImGui::MenuItem(tr(Str::menu_open_candidates, L), nullptr, false, have))
      st.dialog.open(FilePurpose::open_candidates);
    if (ImGui::MenuItem(tr(Str::menu_open_demand, L), nullptr, false, have))
      st.dialog.open(FilePurpose::open_demand);
    if (ImGui::MenuItem(tr(Str::menu_candidates_from_map, L), nullptr, false, have))
      candidates_from_map(st, 200);
    if (ImGui::MenuItem(tr(Str::menu_demand_from_map, L), nullptr, false, have))
      demand_from_map(st);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::menu_save, L), "Ctrl+S", false, have)) save_or_ask(st);
    if (ImGui::MenuItem(tr(Str::menu_save_as, L), "Ctrl+Shift+S", false, have))
      st.after_prompt = nullptr, st.dialog.open(FilePurpose::save_session);
    if (ImGui::MenuItem(tr(Str::menu_export, L), "Ctrl+E", false, have)) st.export_dialog = true;
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::menu_quit, L), "Ctrl+Q")) request_quit(st);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_edit, L))) {
    const bool can_undo = st.session && st.session->can_undo() && !st.edits_locked();
    const bool can_redo = st.session && st.session->can_redo() && !st.edits_locked();
    char u[300], r[300];
    std::snprintf(u, sizeof u, "%s %s", tr(Str::menu_undo, L),
                  can_undo ? st.session->undo_label().c_str() : "");
    std::snprintf(r, sizeof r, "%s %s", tr(Str::menu_redo, L),
                  can_redo ? st.session->redo_label().c_str() : "");
    if (ImGui::MenuItem(u, "Ctrl+Z", false, can_undo)) undo(st);
    if (ImGui::MenuItem(r, "Ctrl+Y", false, can_redo)) redo(st);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::tool_select, L), "S", st.tool == Tool::select))
      st.tool = Tool::select;
    if (ImGui::MenuItem(tr(Str::tool_add, L), "A", st.tool == Tool::add)) st.tool = Tool::add;
    if (ImGui::MenuItem(tr(Str::tool_remove, L), nullptr, st.tool == Tool::remove))
      st.tool = Tool::remove;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_view, L))) {
    if (ImGui::MenuItem(tr(Str::menu_fit, L), "Home", false, st.session != nullptr))
      fit_view(st, st.session->workspace().city().lines.bounds());
    ImGui::MenuItem(tr(Str::show_legend, L), nullptr, &st.show_legend);
    ImGui::MenuItem(tr(Str::show_debug, L), nullptr, &st.show_debug);
    if (ImGui::MenuItem(tr(Str::tab_layers, L))) st.tab = Tab::layers, st.tab_forced = true;
    if (ImGui::MenuItem(tr(Str::tab_districts, L))) st.tab = Tab::districts, st.tab_forced = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_language, L))) {
    if (ImGui::MenuItem("English", nullptr, L == Lang::en)) st.lang = Lang::en;
    if (ImGui::MenuItem("中文", nullptr, L == Lang::zh)) st.lang = Lang::zh;
    ImGui::EndMenu();
  }
  // The file being edited, and whether it has unsaved changes, at the right end.
  if (st.session) {
    char title[512];
    const std::string name = st.session->path.empty()
                                 ? tr(Str::untitled, L)
                                 : std::filesystem::path(st.session->path).filename().string();
    std::snprintf(title, sizeof title, "%s%s", name.c_str(), st.session->dirty() ? " *" : "");
    const float w = ImGui::CalcTextSize(title).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - 16);
    ImGui::TextDisabled("%s", title);
  }
  st.map_y0 = ImGui::GetWindowHeight();
  ImGui::EndMainMenuBar();
}

}  // namespace yz::app
