// The UI font carries a glyph for every character of every UI string in both languages and of
// the names in the loaded data (ImGui's "common Chinese" range alone misses some, e.g. 钮).
#include <imgui.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "app/ui/font_loader.hpp"
#include "app/text/strings.hpp"

namespace {

// UTF-8 to code points (the strings are ours: well formed).
std::vector<unsigned> code_points(const std::string& s) {
  std::vector<unsigned> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = cp << 6 | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Loads the UI font with `names` and builds its atlas (as the app does before drawing); exits
// SKIPPED when no CJK font is installed.
void load_font_or_skip(const std::vector<std::string>& names) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (!yz::app::load_ui_font(17, names)) {
    std::printf("SKIPPED: no CJK font installed (fonts-noto-cjk or fonts-wqy-microhei)\n");
    std::exit(4);
  }
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
  REQUIRE(px);
}

}  // namespace

TEST_CASE("every UI character and every loaded name has a glyph", "[app]") {
  ImGui::CreateContext();
  const std::vector<std::string> names = {"鑫钮驿站（龘）", "Café Ølstue"};
  load_font_or_skip(names);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  std::vector<std::string> all = yz::app::all_strings();
  all.insert(all.end(), names.begin(), names.end());
  int checked = 0, missing = 0;
  std::string missing_text;
  for (const auto& s : all)
    for (unsigned cp : code_points(s)) {
      if (cp < 0x20 || cp > 0xFFFF) continue;
      ++checked;
      if (!font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) {
        ++missing;
        missing_text += s + " | ";
      }
    }
  INFO("strings with missing glyphs: " << missing_text);
  CHECK(checked > 3000);
  CHECK(missing == 0);
  ImGui::DestroyContext();
}

TEST_CASE("a typed name with a rare character asks for the font to be rebuilt, and then has it",
          "[app]") {
  ImGui::CreateContext();
  load_font_or_skip({});
  CHECK(yz::app::font_has_glyphs("演示驿站 Station 12"));
  CHECK_FALSE(yz::app::font_has_glyphs("驿站（龘）"));  // 龘: outside the common range
  // The app rebuilds with the loaded names, the new one among them.
  load_font_or_skip({"驿站（龘）"});
  CHECK(yz::app::font_has_glyphs("驿站（龘）"));
  ImGui::DestroyContext();
}
