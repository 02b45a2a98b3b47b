// Layers: each map layer's visibility, opacity and colour (saved with the session), plus the
// legend and label switches.
#include <imgui.h>

#include <cstdio>

#include "app/panels.hpp"

namespace yz::app {

void layers_tab(AppState& st) {
  const Lang L = st.lang;
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
