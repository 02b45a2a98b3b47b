#pragma once
// Every piece of UI text, in English and Chinese, in one table (so the font can carry exactly the
// glyphs the UI needs and a language switch is one index).
#include <string>
#include <vector>

namespace yz::app {

enum class Lang { en, zh };

enum class Str {
  app_title,
  coverage,
  stations,
  what_if,
  language,
  walk,
  radius,
  both,
  either,
  covered_0,
  covered_1,
  covered_2,
  minutes,
  speed_kmh,
  radius_m,
  recompute,
  name,
  workers_walk,
  workers_radius,
  add_on_click,
  what_if_help,
  edit_latency,
  selected,
  none,
  remove_selected,
  demand_total,
  stations_n,
  north,
  synthetic,
  walk_areas,
  circles,
  proxy_demand,
  count
};

const char* tr(Str s, Lang lang);
// All UI strings of both languages, for building the font's glyph ranges.
std::vector<std::string> all_strings();

}  // namespace yz::app
