#pragma once
// A vector layer held in memory (WGS-84 lon/lat), so one set of layers can be written to every
// format (GeoPackage, GeoJSON, KML, Shapefile, CSV) without being computed again.
#include <string>
#include <variant>
#include <vector>

#include "engine/export/vector_writer.hpp"
#include "engine/geo/local_projection.hpp"

namespace yz {

using Geometry = std::variant<Vec2, std::vector<Vec2>, MultiPolygon>;  // point, line, polygon

struct Feature {
  Geometry geom;
  std::vector<FieldValue> values;
};

struct Layer {
  std::string name;
  GeomKind kind = GeomKind::point;
  std::vector<FieldDef> fields;
  std::vector<Feature> features;
};

// Writes one layer through an open writer (text field widths sized to the data, which Shapefiles
// need: their default 80 bytes cuts long Chinese text).
void write_layer(VectorWriter& w, const Layer& layer);

// Metric multipolygon to lon/lat.
MultiPolygon to_lonlat(const LocalProjection& proj, MultiPolygon mp);

}  // namespace yz
