#pragma once
// Writes layers of points, lines or polygons with attributes to any GDAL vector format
// (GeoPackage, GeoJSON, KML, Shapefile, CSV), in WGS-84, UTF-8. The file (and a Shapefile's
// siblings) is staged (OutputFile) and moved into place on close(), so a failed or interrupted
// write never leaves a half-written file; a failed write throws InputError naming the file and
// the reason (no space left on device, ...).
// Polygons that are not valid (self-touching rings after projection, ...) are repaired with GEOS
// MakeValid; Shapefiles get a .cpg (UTF-8) so Chinese text survives.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "engine/geo/polygon.hpp"

namespace yz {

enum class FieldType : uint8_t { integer, real, text };
struct FieldDef {
  std::string name;
  FieldType type;
  int width = 0;  // text: bytes (Shapefile DBF); 0 = driver default
};
using FieldValue = std::variant<int64_t, double, std::string>;
enum class GeomKind : uint8_t { point, line, polygon };

class VectorWriter {
 public:
  // driver: "GPKG", "GeoJSON", "LIBKML"/"KML", "ESRI Shapefile", "CSV"; empty = from the file
  // extension (.kml: LIBKML where GDAL has it, for styles and hidden layers; else KML).
  explicit VectorWriter(const std::string& path, const std::string& driver = {});
  // CSV only: start with a UTF-8 byte-order mark (spreadsheet software then reads Chinese right).
  void set_csv_bom(bool bom);
  ~VectorWriter();
  VectorWriter(const VectorWriter&) = delete;
  VectorWriter& operator=(const VectorWriter&) = delete;

  void begin_layer(const std::string& name, GeomKind kind, const std::vector<FieldDef>& fields);
  // Coordinates are WGS-84 lon/lat; NaN = a feature without geometry.
  void add_point(Vec2 lonlat, const std::vector<FieldValue>& values);
  void add_line(const std::vector<Vec2>& lonlat, const std::vector<FieldValue>& values);
  void add_polygon(const MultiPolygon& lonlat, const std::vector<FieldValue>& values);
  // KML: shared styles (name -> OGR style string) written once in the document, and the style of
  // the next feature added ("@name" refers to a shared one; "" = none). Other formats: ignored.
  void set_style_table(const std::vector<std::pair<std::string, std::string>>& styles);
  void set_next_style(const std::string& style);
  // GeoPackage: QGIS's `layer_styles` table, each (layer, QML) pair its layer's default style, so
  // QGIS opens the layers styled. Other formats: ignored.
  void add_qgis_styles(const std::vector<std::pair<std::string, std::string>>& layer_qml);
  // A non-spatial table (e.g. settings, metadata) — GeoPackage only.
  void add_table(const std::string& name,
                 const std::vector<std::pair<std::string, std::string>>& rows);
  void close();  // commits and renames into place; throws on failure

  static std::string driver_for(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace yz
