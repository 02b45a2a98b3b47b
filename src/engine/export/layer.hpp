#pragma once
// A vector layer held in memory (WGS-84 lon/lat), so one set of layers can be written to every
// format (GeoPackage, GeoJSON, KML, Shapefile, CSV) without being computed again.
#include <functional>
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
// style: a feature's KML style (see layer_styles.hpp), when given.
void write_layer(VectorWriter& w, const Layer& layer,
                 const std::function<std::string(const Feature&)>& style = {});

// Input columns arrive as text. Fields [first, end) whose every non-empty value is a plain decimal
// number ("12000", "-3.5", "2e3"; not "007", "1,200" or "¥500") become numbers — integer when all
// are whole, else real — so spreadsheets and GIS read numbers; their empty values become NULL.
// Anything else stays text, unchanged.
void type_number_columns(Layer& layer, size_t first);
bool is_plain_number(const std::string& s, bool& integer);

// Metric multipolygon to lon/lat.
MultiPolygon to_lonlat(const LocalProjection& proj, MultiPolygon mp);

}  // namespace yz
