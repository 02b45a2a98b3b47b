#pragma once
// Street names on a drawn map (field-check sheets): each named street once, along the longest
// straight piece of it in view that holds the name, turned to read left to right, never over a
// station mark, a station label or another street's name.
#include <string>
#include <vector>

#include "engine/export/map_render.hpp"

namespace yz {

struct StreetLabel {
  std::string text;
  Vec2 centre;   // drawing units
  double angle;  // radians
  LabelBox box;  // axis-aligned box around the turned text
};

// english: name:en where tagged, else the name. Returns what was drawn.
std::vector<StreetLabel> draw_street_labels(cairo_t* cr, const MapFrame& f, const RoadLines& lines,
                                            bool english, double size);

}  // namespace yz
