#pragma once
// Every piece of UI text, in English and Chinese, in one table (strings.def), so the font can
// carry exactly the glyphs the UI needs and a language switch is one index.
#include <string>
#include <vector>

#include "app/render/map_scene.hpp"
#include "engine/coverage/coverage_params.hpp"

namespace yz::app {

enum class Lang { en, zh };

enum class Str {
#define X(id, en, zh) id,
#include "app/text/strings.def"
#undef X
  count
};

const char* tr(Str s, Lang lang);
// All UI strings of both languages, for building the font's glyph ranges.
std::vector<std::string> all_strings();

// Display names of the engine's canonical values ("co-built" -> Str::host_co_built; "" or an
// unknown value -> Str::unknown).
Str host_str(const std::string& host_type);
Str size_str(const std::string& size_class);
Str status_str(const std::string& status);
Str origin_str(const std::string& origin);
Str amenity_str(int index);  // kAmenities order
Str criterion_str(Criterion c);
Str layer_str(MapLayer l);

}  // namespace yz::app
