#pragma once
// Google Earth styles for the plan's KML. GDAL's plain KML driver writes no icons, fills or
// hidden folders (its LIBKML driver does, but took minutes on the demo plan), so once the plain
// driver has written the file a single pass adds them: shared <Style>s in the document (an icon
// per host type, lighter for planned stations; a star for suggested sites; semi-transparent walk
// areas and circles), a <styleUrl> in each placemark, and <visibility>0</visibility> on layers
// that would bury the map until ticked (demand).
#include <string>
#include <vector>

#include "engine/export/layer.hpp"

namespace yz {

// The shared style a feature of `layer` takes ("" = none): "station_co-built",
// "station_co-built_planned", "suggested", "candidate", "demand_0".."demand_2", "walk_area", ...
std::string kml_style_id(const Layer& layer, const Feature& feature);

// Every shared style, as KML <Style id="..."> elements.
std::string kml_shared_styles();

// Layers a KML opens with hidden (ticked off in Google Earth's Places).
bool kml_hidden_layer(const std::string& layer);

// Rewrites a KML written by GDAL's KML driver in place: the shared styles after the <Document>
// tag; `styles[i]` (an id of kml_shared_styles(), "" = none) as the i-th placemark's styleUrl in
// place of the driver's inline style; folders named in `hidden`, and their placemarks, hidden.
// Throws InputError naming `display_path` when the file cannot be read or written.
void style_kml_file(const std::string& path, const std::vector<std::string>& styles,
                    const std::vector<std::string>& hidden, const std::string& display_path);

}  // namespace yz
