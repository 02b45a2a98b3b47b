#include "app/ui/font_loader.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <filesystem>

#include "app/text/strings.hpp"

namespace yz::app {

bool load_ui_font(float size_px, const std::vector<std::string>& extra_text) {
  struct Candidate {
    const char* path;
    int font_no;
  };
  const Candidate candidates[] = {{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
                                  {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0}};
  ImGuiIO& io = ImGui::GetIO();
  // Static: ImGui keeps a pointer to the ranges until the atlas is built.
  static ImVector<ImWchar> ranges;
  ranges.clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  for (const auto& s : all_strings()) builder.AddText(s.c_str());
  for (const auto& s : extra_text) builder.AddText(s.c_str());
  builder.BuildRanges(&ranges);
  for (const auto& c : candidates) {
    if (!std::filesystem::exists(c.path)) continue;
    ImFontConfig cfg;
    cfg.FontNo = c.font_no;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    if (io.Fonts->AddFontFromFileTTF(c.path, size_px, &cfg, ranges.Data)) return true;
  }
  io.Fonts->AddFontDefault();
  return false;
}

bool font_has_glyphs(const std::string& text) {
  const ImFont* font =
      ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  if (!font) return true;
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

}  // namespace yz::app
