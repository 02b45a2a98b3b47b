// Layers: each map layer's visibility, opacity and colour (saved with the session), the legend and
// label switches, and the files the stations, candidates and workers came from with the CRS their
// coordinates were read in (a CSV from Amap read as WGS-84 would be ~550 m off).
#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"

namespace yz::app {

namespace {

void layer_files(AppState& st) {
  const Lang L = st.lang;
  ImGui::TextUnformatted(tr(Str::layer_files, L));
  if (!ImGui::BeginTable("layer_files", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("f", ImGuiTableColumnFlags_WidthStretch);
  for (auto [kind, label] : {std::pair{LayerKind::stations, Str::as_stations},
                             std::pair{LayerKind::candidates, Str::as_candidates},
                             std::pair{LayerKind::demand, Str::as_demand}}) {
    const LayerOrigin& o = layer_origin(st.session->settings, kind);
    ImGui::PushID(static_cast<int>(kind));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(label, L));
    ImGui::TableNextColumn();
    if (o.path.empty()) {
      ImGui::TextDisabled("%s", tr(Str::layer_file_none, L));
    } else {
      ImGui::TextUnformatted(std::filesystem::path(o.path).filename().string().c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", o.path.c_str());
    }
    if (o.known()) ImGui::Text("%s", crs_label(o, L).c_str());
    // Only for files that record no CRS (the planner or an option said what they are).
    std::error_code ec;
    if (!o.crs.empty() && !o.path.empty() && std::filesystem::exists(o.path, ec)) {
      ImGui::SameLine();
      ImGui::BeginDisabled(st.edits_locked());
      const bool again = ImGui::SmallButton(tr(Str::crs_reread, L));
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      st.ui_items[std::string("crs_reread_") + (kind == LayerKind::stations     ? "stations"
                                                : kind == LayerKind::candidates ? "candidates"
                                                                                : "demand")] = {
          a.x, a.y, b.x - a.x, b.y - a.y};
      if (again) st.crs_question = AppState::CrsQuestion{o.path, kind};
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr(Str::crs_reread_help, L));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  ImGui::Separator();
}

}  // namespace

void layers_tab(AppState& st) {
  const Lang L = st.lang;
  // First: a layer read in the wrong CRS is off by hundreds of metres, whatever its colour.
  if (st.session) layer_files(st);
  if (ImGui::BeginTable("layers", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableSetupColumn("o", ImGuiTableColumnFlags_WidthStretch, 0.35f);
    ImGui::TableSetupColumn("c", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    // Top of the list = drawn on top: show in reverse drawing order, as GIS tools do.
    for (int i = kMapLayerCount - 1; i >= 0; --i) {
      LayerStyle& l = st.styles.layer[i];
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Checkbox(tr(layer_str(static_cast<MapLayer>(i)), L), &l.visible);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderFloat("##op", &l.opacity, 0, 1, "%.2f");
      ImGui::TableNextColumn();
      float c[3] = {l.color.r / 255.f, l.color.g / 255.f, l.color.b / 255.f};
      if (ImGui::ColorEdit3("##col", c, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
        l.color = {static_cast<uint8_t>(c[0] * 255 + 0.5f), static_cast<uint8_t>(c[1] * 255 + 0.5f),
                   static_cast<uint8_t>(c[2] * 255 + 0.5f), l.color.a};
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr(Str::reset_layers, L))) st.styles = LayerStyles::defaults();
  ImGui::Checkbox(tr(Str::show_legend, L), &st.show_legend);
  ImGui::SameLine();
  ImGui::Checkbox(tr(Str::show_debug, L), &st.show_debug);
}

}  // namespace yz::app
