// The legend explains only visible layers, in their current colours, and measures what it draws
// (ImGui draw lists without a GPU).
#include <imgui.h>

#include <catch2/catch.hpp>

#include "app/ui/map_legend.hpp"

using namespace yz::app;

namespace {

struct ImGuiFrame {
  ImGuiFrame() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.IniFilename = nullptr;
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ImGui::NewFrame();
  }
  ~ImGuiFrame() {
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
};

LegendText labels() {
  LegendText t;
  t.stations = "Stations";
  const char* host[6] = {"standalone", "co-built", "shared", "alliance", "mobile", "other"};
  const char* status[4] = {"built", "planned", "upgrading", "other"};
  for (int i = 0; i < 6; ++i) t.host[i] = host[i];
  for (int i = 0; i < 4; ++i) t.status[i] = status[i];
  t.demand = "Workers";
  t.uncovered = "uncovered";
  t.disagreement = "disagreement";
  t.density = "density";
  t.walk_area = "walk";
  t.circle = "1 km";
  t.candidate = "candidate";
  t.suggestion = "suggested";
  t.diff_here = "here";
  t.diff_there = "there";
  return t;
}

bool has_colour(const ImDrawList& dl, Rgba c) {
  const ImU32 want = IM_COL32(c.r, c.g, c.b, 255);
  for (const ImDrawVert& v : dl.VtxBuffer)
    if (v.col == want) return true;
  return false;
}

}  // namespace

TEST_CASE("legend lists visible layers only and measures itself", "[app]") {
  ImGuiFrame frame;
  const LegendText text = labels();
  LayerStyles styles = LayerStyles::defaults();
  ImDrawList dl(ImGui::GetDrawListSharedData());
  dl._ResetForNewFrame();
  dl.PushClipRectFullScreen();
  dl.PushTextureID(ImGui::GetIO().Fonts->TexID);

  const ImVec2 measured = draw_map_legend(nullptr, ImVec2(0, 0), styles, text);
  const ImVec2 drawn = draw_map_legend(&dl, ImVec2(10, 10), styles, text);
  CHECK(measured.x == drawn.x);
  CHECK(measured.y == drawn.y);
  CHECK(drawn.x > 100);
  CHECK(drawn.y > 150);
  CHECK(has_colour(dl, style::station));  // the built swatch, in the stations layer's colour
  CHECK(has_colour(dl, style::station_status[1]));
  CHECK(has_colour(dl, style::demand1));
  CHECK(!has_colour(dl, style::density_mid));  // density is off by default

  styles[MapLayer::demand_density].visible = true;
  CHECK(draw_map_legend(nullptr, {}, styles, text).y > drawn.y);
  styles[MapLayer::stations].visible = false;
  const ImVec2 no_stations = draw_map_legend(nullptr, {}, styles, text);
  CHECK(no_stations.y < drawn.y - 80);

  styles[MapLayer::stations].visible = true;
  styles[MapLayer::stations].color = {10, 200, 10};
  ImDrawList dl2(ImGui::GetDrawListSharedData());
  dl2._ResetForNewFrame();
  dl2.PushClipRectFullScreen();
  dl2.PushTextureID(ImGui::GetIO().Fonts->TexID);
  draw_map_legend(&dl2, ImVec2(0, 0), styles, text);
  CHECK(has_colour(dl2, {10, 200, 10}));
  CHECK(!has_colour(dl2, style::station));

  for (auto& l : styles.layer) l.visible = false;
  CHECK(draw_map_legend(nullptr, {}, styles, text).x == 0);
  CHECK(draw_map_legend(nullptr, {}, LayerStyles::defaults(), LegendText{}).y == 0);
}
