#pragma once
// Loads the UI font: Noto Sans CJK SC with glyph ranges = ImGui's common Chinese + every UI
// string + the loaded station names (the common range alone misses characters).
#include <string>
#include <vector>

namespace yz::app {

// Returns false (keeping ImGui's default font) when no CJK font file is found.
bool load_ui_font(float size_px, const std::vector<std::string>& extra_text);

// Whether the loaded font draws every character of `text` (a name typed with an input method may
// hold characters outside the common range: the caller then rebuilds the font with it).
bool font_has_glyphs(const std::string& text);

}  // namespace yz::app
