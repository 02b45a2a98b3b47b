#pragma once
// How Yizhan's layers look when a planner opens them elsewhere: QGIS styles (QML, the form QGIS
// reads from a GeoPackage's `layer_styles` table and from a `.qml` file beside a Shapefile,
// GeoJSON or GeoTIFF) and KML styles for Google Earth, in the same colours and marker shapes as
// Yizhan's own maps (map_palette.hpp, host_shape()).
#include <map>
#include <string>

#include "engine/export/layer.hpp"
#include "engine/export/plan_export.hpp"

namespace yz {

// The QGIS style of one of Yizhan's layers (stations by host type and plan, suggestions as
// numbered stars, walk areas and circles semi-transparent, demand by how many stations reach it
// on foot, ...); "" for a layer without a style of its own (QGIS then picks one).
std::string layer_qml(const Layer& layer, ReportLang lang);

// The accessibility GeoTIFF's style: band 1 (walking minutes to the nearest station) as a colour
// ramp from green (near) to red (max_minutes), no data transparent.
std::string accessibility_qml(double max_minutes, ReportLang lang);

// KML: the shared styles (name -> OGR style string, for the dataset's style table) and the style
// each feature refers to ("@name"; "" = none).
const std::map<std::string, std::string>& kml_style_table();
std::string kml_feature_style(const Layer& layer, const Feature& feature);

}  // namespace yz
