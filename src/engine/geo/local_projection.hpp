#pragma once
// The local metric projection all geometry is computed in: by default the UTM zone of the data's
// centre (WGS-84 datum), or any CRS the user names. Output stays WGS-84 lon/lat.
#include <memory>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"

namespace yz {

class LocalProjection {
 public:
  // UTM zone (EPSG:326xx north / 327xx south) containing lon/lat.
  static LocalProjection utm_for(double lon, double lat);
  // Any CRS GDAL understands ("EPSG:32650", a WKT, a PROJ string); must be projected in metres.
  static LocalProjection from_user(const std::string& crs);

  LocalProjection();
  LocalProjection(const LocalProjection&);
  LocalProjection& operator=(const LocalProjection&);
  LocalProjection(LocalProjection&&) noexcept;
  LocalProjection& operator=(LocalProjection&&) noexcept;
  ~LocalProjection();

  bool valid() const { return impl_ != nullptr; }
  const std::string& name() const { return name_; }  // e.g. "EPSG:32650"
  std::string wkt() const;
  int epsg() const { return epsg_; }

  Vec2 to_metric(Vec2 lonlat) const;
  Vec2 to_lonlat(Vec2 xy) const;
  // In place, many points at once (cheaper than one at a time). Returns false if any failed.
  bool to_metric(std::vector<Vec2>& pts) const;
  bool to_lonlat(std::vector<Vec2>& pts) const;

  struct Impl;  // OGR state, hidden so only the .cpp needs GDAL headers

 private:
  std::shared_ptr<const Impl> impl_;
  std::string name_;
  int epsg_ = 0;
};

// Reasonable lon/lat? (finite, lon in [-180,180], lat in [-90,90])
bool plausible_lonlat(Vec2 p);

}  // namespace yz
