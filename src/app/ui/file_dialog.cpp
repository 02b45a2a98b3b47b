#include "app/ui/file_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace yz::app {
namespace fs = std::filesystem;
namespace {

std::string lower_ext(const fs::path& p) {
  // ".osm.pbf" counts as ".pbf"; ".osm.bz2" as ".bz2": the last extension decides.
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

Str title_of(FilePurpose p) {
  switch (p) {
    case FilePurpose::open_map:
      return Str::dlg_open_map;
    case FilePurpose::open_session:
      return Str::dlg_open_session;
    case FilePurpose::open_stations:
      return Str::dlg_open_stations;
    case FilePurpose::open_candidates:
      return Str::dlg_open_candidates;
    case FilePurpose::open_demand:
      return Str::dlg_open_demand;
    case FilePurpose::save_session:
      return Str::dlg_save_session;
    case FilePurpose::export_folder:
      return Str::dlg_export_folder;
  }
  return Str::dlg_open_map;
}

bool saving(FilePurpose p) {
  return p == FilePurpose::save_session;
}
bool folder_only(FilePurpose p) {
  return p == FilePurpose::export_folder;
}

}  // namespace

std::vector<std::string> FileDialog::extensions(FilePurpose p) {
  switch (p) {
    case FilePurpose::open_map:
      return {".osm", ".pbf", ".bz2", ".gz", ".gpkg", ".shp", ".geojson", ".json", ".kml"};
    case FilePurpose::open_session:
    case FilePurpose::save_session:
      return {".gpkg"};
    case FilePurpose::open_stations:
    case FilePurpose::open_candidates:
    case FilePurpose::open_demand:
      return {".csv", ".xlsx",    ".xls",  ".ods", ".gpkg",
              ".shp", ".geojson", ".json", ".kml", ".txt"};
    case FilePurpose::export_folder:
      return {};
  }
  return {};
}

void FileDialog::open(FilePurpose p) {
  purpose_ = p;
  open_ = just_opened_ = true;
  chosen_.clear();
  error_.clear();
  picked_ = -1;
  name_[0] = 0;
  if (p == FilePurpose::save_session) std::snprintf(name_, sizeof name_, "plan.yizhan.gpkg");
  std::error_code ec;
  if (dir_.empty() || !fs::is_directory(dir_, ec)) dir_ = fs::current_path(ec).string();
  refresh();
}

void FileDialog::refresh() {
  entries_.clear();
  std::snprintf(path_, sizeof path_, "%s", dir_.c_str());
  const auto exts = extensions(purpose_);
  std::error_code ec;
  for (fs::directory_iterator it(dir_, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    const auto& p = it->path();
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files and our own temporaries
    Entry e{name, it->is_directory(ec), 0};
    if (!e.dir) {
      if (folder_only(purpose_)) continue;
      if (!show_all_ && !exts.empty() &&
          std::find(exts.begin(), exts.end(), lower_ext(p)) == exts.end())
        continue;
      e.size = it->file_size(ec);
    }
    entries_.push_back(std::move(e));
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.dir != b.dir ? a.dir : a.name < b.name;
  });
  picked_ = -1;
}

bool FileDialog::draw(Lang L) {
  if (!open_) return false;
  const char* id = "##file_dialog";
  char title[256];
  std::snprintf(title, sizeof title, "%s%s", tr(title_of(purpose_), L), id);
  if (just_opened_) ImGui::OpenPopup(title), just_opened_ = false;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(
      ImVec2(std::min(760.f, vp->Size.x - 40), std::min(520.f, vp->Size.y - 40)),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  bool chosen = false;
  if (!ImGui::BeginPopupModal(title, &open_)) return false;
  if (ImGui::Button(tr(Str::dlg_up, L))) {
    dir_ = fs::path(dir_).parent_path().string();
    refresh();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##path", path_, sizeof path_, ImGuiInputTextFlags_EnterReturnsTrue)) {
    std::error_code ec;
    if (fs::is_directory(path_, ec)) {
      dir_ = path_;
      refresh();
    } else if (fs::is_regular_file(path_, ec) && !folder_only(purpose_)) {
      chosen_ = path_;
      chosen = true;
    }
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() * (saving(purpose_) ? 3.2f : 2.2f);
  if (ImGui::BeginTable(
          "files", 2,
          ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter,
          ImVec2(0, -footer))) {
    ImGui::TableSetupColumn(tr(Str::dlg_name, L), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::dlg_size, L), ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
      const Entry& e = entries_[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      std::string label = (e.dir ? "[+] " : "     ") + e.name;
      if (ImGui::Selectable(
              label.c_str(), picked_ == i,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        picked_ = i;
        if (!e.dir) std::snprintf(name_, sizeof name_, "%s", e.name.c_str());
        if (ImGui::IsMouseDoubleClicked(0)) {
          if (e.dir) {
            dir_ = (fs::path(dir_) / e.name).string();
            refresh();
            break;
          }
          chosen_ = (fs::path(dir_) / e.name).string();
          chosen = true;
        }
      }
      ImGui::TableNextColumn();
      if (!e.dir) {
        if (e.size >= 1 << 20)
          ImGui::Text("%.1f MB", e.size / 1048576.0);
        else
          ImGui::Text("%.0f kB", e.size / 1024.0);
      }
    }
    ImGui::EndTable();
  }
  if (saving(purpose_)) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##name", tr(Str::dlg_file_name, L), name_, sizeof name_);
  }
  if (!folder_only(purpose_) && ImGui::Checkbox(tr(Str::dlg_show_all, L), &show_all_)) refresh();
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
  const char* ok = folder_only(purpose_) ? tr(Str::dlg_choose_folder, L)
                   : saving(purpose_)    ? tr(Str::save, L)
                                         : tr(Str::dlg_open, L);
  if (!folder_only(purpose_)) ImGui::SameLine(ImGui::GetWindowWidth() - 220);
  if (ImGui::Button(ok, ImVec2(100, 0))) {
    if (folder_only(purpose_)) {
      chosen_ = picked_ >= 0 && entries_[picked_].dir
                    ? (fs::path(dir_) / entries_[picked_].name).string()
                    : dir_;
      chosen = true;
    } else if (name_[0]) {
      std::string n = name_;
      if (saving(purpose_) && lower_ext(n) != ".gpkg") n += ".gpkg";
      chosen_ = (fs::path(dir_) / n).string();
      chosen = true;
    } else {
      error_ = tr(Str::dlg_pick_file, L);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel, L), ImVec2(100, 0))) open_ = false;
  if (chosen) {
    dir_ = fs::path(chosen_).has_parent_path() && !folder_only(purpose_)
               ? fs::path(chosen_).parent_path().string()
               : dir_;
    open_ = false;
  }
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace yz::app
