#pragma once
// How a layer's coordinates become WGS-84 longitude/latitude, shared by every loader (points,
// demand features, exclusion areas): the layer's own CRS when it records one, else the user's CRS
// option (an EPSG code, WKT or PROJ string, or "gcj02"/"bd09" for coordinates copied from Chinese
// web maps), else WGS-84. An option that contradicts the recorded CRS is an error naming both;
// GCJ-02/BD-09 on a layer recorded as WGS-84 lon/lat is not a contradiction (no file format can
// label them, so web-map points are stored as "EPSG:4326"). GCJ-02/BD-09 are shifted back vertex
// by vertex (engine/geo/china_coords); PROJ has neither. Include this header, link GDAL.
#include <memory>
#include <optional>
#include <string>

#include "engine/geo/china_coords.hpp"
#include "engine/geo/vec2.hpp"

class OGRGeometry;
class OGRSpatialReference;

namespace yz {

class SourceCrs {
 public:
  // `layer_srs` may be null (CSV, a file without .prj). Throws InputError naming `path` for an
  // unknown CRS, one GDAL cannot transform to WGS-84, or a `user_crs` contradicting `layer_srs`
  // (`option` names the user's option in that message, e.g. "--candidates-crs").
  SourceCrs(const std::string& path, const std::string& user_crs,
            const OGRSpatialReference* layer_srs, const std::string& option = "the CRS option");
  ~SourceCrs();
  SourceCrs(SourceCrs&&) noexcept;
  SourceCrs& operator=(SourceCrs&&) noexcept;

  // In place, every vertex; false when GDAL cannot transform it.
  bool to_wgs84(OGRGeometry& g) const;
  // One point; false when it cannot be transformed. Web-map shifts apply only to plausible
  // lon/lat (others are left for the caller's checks).
  bool to_wgs84(Vec2& p) const;

  bool recorded() const { return recorded_; }  // given by the user or by the file
  // GCJ-02/BD-09 (not WGS-84) when the coordinates come from a Chinese web map.
  std::optional<WebDatum> web_shift() const { return shift_; }
  // For metadata and notes: "WGS-84", "EPSG:32650", "GCJ-02 (Chinese web map; converted to
  // WGS-84)".
  const std::string& name() const { return name_; }
  // A one-line note for the loader's report: what the coordinates were read as.
  std::string note() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::optional<WebDatum> shift_;
  bool recorded_ = false;
  std::string name_ = "WGS-84";
};

}  // namespace yz
