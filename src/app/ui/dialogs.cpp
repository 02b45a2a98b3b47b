// Modal questions: the file chooser (and what each purpose does with the chosen file), "save
// changes?", recovering an autosave after a crash, what a dropped GIS file holds, where a point
// file's coordinates come from (when it records no CRS), and Export.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <tuple>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"

namespace yz::app {
namespace {

void centre_next(ImVec2 size = ImVec2(0, 0)) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (size.x > 0) ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
}

void file_chosen(AppState& st) {
  const std::string path = st.dialog.chosen();
  switch (st.dialog.purpose()) {
    case FilePurpose::open_map:
      open_map(st, path);
      break;
    case FilePurpose::open_session:
      open_session(st, path);
      break;
    case FilePurpose::open_stations:
      open_layer(st, path, LayerKind::stations);
      break;
    case FilePurpose::open_candidates:
      open_layer(st, path, LayerKind::candidates);
      break;
    case FilePurpose::open_demand:
      open_layer(st, path, LayerKind::demand);
      break;
    case FilePurpose::save_session: {
      auto then = std::move(st.after_prompt);
      st.after_prompt = nullptr;
      save(st, path, std::move(then));
      break;
    }
    case FilePurpose::export_folder:
      break;  // read by the export dialog
  }
}

void unsaved_prompt(AppState& st) {
  const Lang L = st.lang;
  const char* id = "###unsaved";
  char title[128];
  std::snprintf(title, sizeof title, "%s%s", tr(Str::unsaved_title, L), id);
  if (st.unsaved_prompt && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const std::string name = st.session && !st.session->path.empty()
                               ? std::filesystem::path(st.session->path).filename().string()
                               : tr(Str::untitled, L);
  ImGui::Text(tr(Str::unsaved_fmt, L), name.c_str());
  ImGui::Spacing();
  if (ImGui::Button(tr(Str::save, L), ImVec2(120, 0))) {
    st.unsaved_prompt = false;
    auto then = std::move(st.after_prompt);
    st.after_prompt = nullptr;
    save_or_ask(st, std::move(then));
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::dont_save, L), ImVec2(120, 0))) {
    st.unsaved_prompt = false;
    auto then = std::move(st.after_prompt);
    st.after_prompt = nullptr;
    if (st.session) discard_autosave(st.session->path);  // the planner chose to drop the changes
    if (then) then(st);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel, L), ImVec2(120, 0))) {
    st.unsaved_prompt = false;
    st.after_prompt = nullptr;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void recovery_prompt(AppState& st) {
  if (!st.recovery) return;
  const Lang L = st.lang;
  char title[128];
  std::snprintf(title, sizeof title, "%s###recovery", tr(Str::recovery_title, L));
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(520);
  std::string when =
      st.recovery->saved_at;  // ISO time: 2026-12-01T21:54:00Z -> 2026-12-01 21:54:00 UTC
  if (when.size() == 20) when = when.substr(0, 10) + " " + when.substr(11, 8) + " UTC";
  ImGui::Text(tr(Str::recovery_fmt, L), when.c_str(),
              st.recovery->session.empty() ? tr(Str::untitled, L) : st.recovery->session.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button(tr(Str::recover, L), ImVec2(140, 0))) {
    open_session(st, st.recovery->autosave, true);
    st.recovery.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::discard, L), ImVec2(140, 0))) {
    discard_autosave(st.recovery->session);
    st.recovery.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void dropped_prompt(AppState& st) {
  if (st.dropped_file.empty()) return;
  const Lang L = st.lang;
  char title[128];
  std::snprintf(title, sizeof title, "%s###dropped", tr(Str::dropped_title, L));
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const std::string path = st.dropped_file;
  ImGui::Text(tr(Str::dropped_fmt, L), std::filesystem::path(path).filename().string().c_str());
  auto choose = [&](Str label, std::function<void()> act) {
    if (ImGui::Button(tr(label, L), ImVec2(150, 0))) {
      st.dropped_file.clear();
      act();
      ImGui::CloseCurrentPopup();
    }
  };
  const bool have = st.session != nullptr;
  ImGui::BeginDisabled(!have);
  choose(Str::as_stations, [&] { open_layer(st, path, LayerKind::stations); });
  ImGui::SameLine();
  choose(Str::as_candidates, [&] { open_layer(st, path, LayerKind::candidates); });
  ImGui::SameLine();
  choose(Str::as_demand, [&] { open_layer(st, path, LayerKind::demand); });
  ImGui::EndDisabled();
  choose(Str::as_map, [&] { guard_unsaved(st, [path](AppState& s) { open_map(s, path); }); });
  ImGui::SameLine();
  choose(Str::cancel, [] {});
  ImGui::EndPopup();
}

// Asked for CSV and spreadsheets: lon/lat copied from Amap read as WGS-84 land ~550 m off.
void crs_prompt(AppState& st) {
  static char epsg[16] = "";
  if (!st.crs_question) return;
  const Lang L = st.lang;
  char title[128];
  std::snprintf(title, sizeof title, "%s###layercrs", tr(Str::crs_title, L));
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const AppState::CrsQuestion q = *st.crs_question;
  ImGui::Text(tr(Str::crs_fmt, L), std::filesystem::path(q.path).filename().string().c_str());
  ImGui::Spacing();
  auto item = [&](const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.ui_items[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
  };
  auto answer = [&](const std::string& crs) {
    st.crs_question.reset();
    ImGui::CloseCurrentPopup();
    open_layer(st, q.path, q.kind, crs);
  };
  const float w = std::max(420.f, ImGui::CalcTextSize(tr(Str::crs_wgs84, L)).x + 40);
  bool done = false;
  for (auto [label, crs, name] : {std::tuple{Str::crs_wgs84, "wgs84", "crs_wgs84"},
                                  std::tuple{Str::crs_gcj02, "gcj02", "crs_gcj02"},
                                  std::tuple{Str::crs_bd09, "bd09", "crs_bd09"}}) {
    const bool hit = ImGui::Button(tr(label, L), ImVec2(w, 0));
    item(name);
    if (hit && !done) answer(crs), done = true;
  }
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::crs_epsg, L));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputText("##epsg", epsg, sizeof epsg, ImGuiInputTextFlags_CharsDecimal);
  item("crs_epsg_field");
  ImGui::SameLine();
  ImGui::BeginDisabled(epsg[0] == 0);
  const bool by_code = ImGui::Button(tr(Str::crs_epsg_open, L));
  item("crs_epsg_open");
  ImGui::EndDisabled();
  if (by_code && !done) answer(std::string("EPSG:") + epsg), done = true;
  ImGui::Spacing();
  ImGui::PushTextWrapPos(w);
  ImGui::TextDisabled("%s", tr(Str::crs_help, L));
  ImGui::PopTextWrapPos();
  const bool cancel = ImGui::Button(tr(Str::cancel, L), ImVec2(120, 0));
  item("crs_cancel");
  if (cancel && !done) {
    st.crs_question.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// Offered after a layer loads whose points sit far nearer the streets in another web-map datum
// (engine web_shift_check): Amap points read as WGS-84 land ~550 m off without it.
void shift_prompt(AppState& st) {
  if (!st.shift_offer || st.crs_question) return;
  const Lang L = st.lang;
  char title[128];
  std::snprintf(title, sizeof title, "%s###layershift", tr(Str::shift_title, L));
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const AppState::ShiftOffer o = *st.shift_offer;
  char text[1024];
  std::snprintf(text, sizeof text, tr(Str::shift_fmt, L),
                std::filesystem::path(o.path).filename().string().c_str(), o.points, o.better_low_m,
                o.better_high_m, web_datum_name(o.better), o.as_read_low_m, o.as_read_high_m,
                web_datum_name(o.read_as));
  ImGui::PushTextWrapPos(460);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  auto item = [&](const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.ui_items[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
  };
  char again[96];
  std::snprintf(again, sizeof again, tr(Str::shift_reread_fmt, L), web_datum_name(o.better));
  const bool reread = ImGui::Button(again, ImVec2(220, 0));
  item("shift_reread");
  ImGui::SameLine();
  const bool keep = ImGui::Button(tr(Str::shift_keep, L), ImVec2(220, 0));
  item("shift_keep");
  if (reread || keep) {
    st.shift_offer.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (reread)
    open_layer(st, o.path, o.kind,
               std::string(o.better == WebDatum::gcj02  ? "gcj02"
                           : o.better == WebDatum::bd09 ? "bd09"
                                                        : "wgs84"));
}

void export_dialog(AppState& st) {
  static char dir[1024] = "handover";
  static bool fmt_on[8] = {true, true, true, true, true, true, true, true};
  static bool bom = true;
  static int lang = -1;
  static float cell = 50;
  static int field_check = static_cast<int>(FieldCheckSites::suggested);  // as the CLI's default
  // Files in the folder that an export would replace and no earlier export wrote: asked about.
  static std::vector<std::string> foreign;
  if (!st.export_dialog) {
    foreign.clear();
    return;
  }
  const Lang L = st.lang;
  if (lang < 0) lang = L == Lang::zh ? 0 : 1;
  char title[128];
  std::snprintf(title, sizeof title, "%s###export", tr(Str::export_title, L));
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  centre_next(ImVec2(560, 0));
  if (!ImGui::BeginPopupModal(title, &st.export_dialog, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::SetNextItemWidth(380);
  ImGui::InputText(tr(Str::export_folder, L), dir, sizeof dir);
  ImGui::SameLine();
  if (ImGui::Button("...")) st.dialog.open(FilePurpose::export_folder);
  const char* names[8] = {"GeoPackage", "GeoJSON", "KML", "Shapefile",
                          "CSV",        "GeoTIFF", "PNG", "PDF"};
  for (int i = 0; i < 8; ++i) {
    if (i % 4) ImGui::SameLine(10 + (i % 4) * 130.0f);
    ImGui::Checkbox(names[i], &fmt_on[i]);
  }
  ImGui::Checkbox(tr(Str::csv_bom, L), &bom);
  ImGui::SetNextItemWidth(120);
  ImGui::SliderFloat(tr(Str::cell_m, L), &cell, 10, 200, "%.0f m");
  ImGui::RadioButton("中文报告", &lang, 0);
  ImGui::SameLine();
  ImGui::RadioButton("English report", &lang, 1);
  // Field-check sheets: the CLI's --field-check values, in its order (field_check_options.hpp).
  const char* fc_names[] = {tr(Str::field_check_none, L), tr(Str::field_check_suggested, L),
                            tr(Str::field_check_candidates, L), tr(Str::field_check_stations, L),
                            tr(Str::field_check_all, L)};
  ImGui::SetNextItemWidth(260);
  ImGui::BeginDisabled(!fmt_on[7]);  // written with the PDF format only
  ImGui::Combo(tr(Str::field_check_sheets, L), &field_check, fc_names, IM_ARRAYSIZE(fc_names));
  ImGui::EndDisabled();
  {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.ui_items["export_field_check"] = {a.x, a.y, b.x - a.x, b.y - a.y};
  }
  ImGui::PushTextWrapPos(540);
  ImGui::TextDisabled("%s", tr(Str::field_check_help, L));
  ImGui::TextDisabled("%s", tr(Str::export_help, L));
  ImGui::PopTextWrapPos();
  // The folder chooser opens over this dialog (a nested modal).
  if (st.dialog.is_open() && st.dialog.purpose() == FilePurpose::export_folder && st.dialog.draw(L))
    std::snprintf(dir, sizeof dir, "%s", st.dialog.chosen().c_str());
  const bool go = ImGui::Button(tr(Str::export_go, L), ImVec2(160, 0));
  bool replace = false;
  if (!foreign.empty()) {
    std::string list;
    for (size_t i = 0; i < foreign.size() && i < 4; ++i) list += (i ? ", " : "") + foreign[i];
    if (foreign.size() > 4) list += ", ...";
    ImGui::PushTextWrapPos(540);
    ImGui::TextColored(ImVec4(0.9f, 0.55f, 0.1f, 1), tr(Str::export_replace_fmt, L), foreign.size(),
                       list.c_str());
    ImGui::PopTextWrapPos();
    replace = ImGui::Button(tr(Str::export_replace, L), ImVec2(160, 0));
  }
  if ((go || replace) && dir[0]) {
    ExportOptions o;
    o.out_dir = dir;
    o.formats.clear();
    const ExportFormat all[8] = {ExportFormat::gpkg, ExportFormat::geojson, ExportFormat::kml,
                                 ExportFormat::shp,  ExportFormat::csv,     ExportFormat::tif,
                                 ExportFormat::png,  ExportFormat::pdf};
    for (int i = 0; i < 8; ++i)
      if (fmt_on[i]) o.formats.push_back(all[i]);
    o.csv_bom = bom;
    o.cell_m = cell;
    o.lang = lang == 0 ? ReportLang::zh : ReportLang::en;
    o.field_check = static_cast<FieldCheckSites>(field_check);
    o.overwrite = replace;
    if (!replace) foreign = export_would_replace(o);
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
      st.notify(std::string(dir) + ": " + ec.message(), true);
    } else if (!o.formats.empty() && (replace || foreign.empty())) {
      export_plan_to(st, o);
      foreign.clear();
      st.export_dialog = false;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel, L), ImVec2(120, 0))) {
    foreign.clear();
    st.export_dialog = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_dialogs(AppState& st) {
  if (st.dialog.is_open() && st.dialog.purpose() != FilePurpose::export_folder) {
    if (st.dialog.draw(st.lang))
      file_chosen(st);
    else if (!st.dialog.is_open() && st.dialog.purpose() == FilePurpose::save_session)
      st.after_prompt = nullptr;  // "save as" cancelled: what it guarded (quit, open) is off too
  }
  unsaved_prompt(st);
  recovery_prompt(st);
  dropped_prompt(st);
  crs_prompt(st);
  shift_prompt(st);
  export_dialog(st);
}

}  // namespace yz::app
