#include "engine/geo/local_projection.hpp"

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

namespace {
// OGR transformations are not safe to share between threads: each thread keeps its own pair.
struct TransformPair {
  std::unique_ptr<OGRCoordinateTransformation> fwd, inv;
};

// GDAL/PROJ print failures ("ERROR 1: PROJ: ... crs not found") to stderr unless a handler takes
// them; a bad --crs is reported by our own message, so nothing raw may come before it.
struct QuietGdalErrors {
  QuietGdalErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdalErrors() { CPLPopErrorHandler(); }
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};
}  // namespace

struct LocalProjection::Impl {
  OGRSpatialReference wgs84, local;
  uint64_t id = next_id();  // cache key: never reused, unlike an address
  static uint64_t next_id() {
    static std::atomic<uint64_t> n{0};
    return ++n;
  }
  TransformPair& pair() const {
    thread_local std::map<uint64_t, TransformPair> cache;
    auto& p = cache[id];
    if (!p.fwd) {
      p.fwd.reset(OGRCreateCoordinateTransformation(&wgs84, &local));
      p.inv.reset(OGRCreateCoordinateTransformation(&local, &wgs84));
      if (!p.fwd || !p.inv) throw std::runtime_error("cannot create coordinate transformation");
    }
    return p;
  }
};

namespace {
std::shared_ptr<LocalProjection::Impl> make_impl(OGRSpatialReference local) {
  auto impl = std::make_shared<LocalProjection::Impl>();
  impl->wgs84.SetWellKnownGeogCS("WGS84");
  impl->wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  impl->local = std::move(local);
  impl->local.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return impl;
}
}  // namespace

LocalProjection::LocalProjection() = default;
LocalProjection::LocalProjection(const LocalProjection&) = default;
LocalProjection& LocalProjection::operator=(const LocalProjection&) = default;
LocalProjection::LocalProjection(LocalProjection&&) noexcept = default;
LocalProjection& LocalProjection::operator=(LocalProjection&&) noexcept = default;
LocalProjection::~LocalProjection() = default;

bool plausible_lonlat(Vec2 p) {
  return std::isfinite(p.x) && std::isfinite(p.y) && p.x >= -180 && p.x <= 180 && p.y >= -90 &&
         p.y <= 90;
}

LocalProjection LocalProjection::utm_for(double lon, double lat) {
  if (!plausible_lonlat({lon, lat})) {
    throw CodedError("", Msg::no_utm_zone,
                     {{"x", std::to_string(lon)}, {"y", std::to_string(lat)}});
  }
  int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
  zone = std::clamp(zone, 1, 60);
  const int epsg = (lat >= 0 ? 32600 : 32700) + zone;
  OGRSpatialReference srs;
  if (srs.importFromEPSG(epsg) != OGRERR_NONE) {
    throw std::runtime_error("PROJ database lacks EPSG:" + std::to_string(epsg));
  }
  LocalProjection p;
  p.impl_ = make_impl(std::move(srs));
  p.name_ = "EPSG:" + std::to_string(epsg);
  p.epsg_ = epsg;
  return p;
}

LocalProjection LocalProjection::from_user(const std::string& crs) {
  OGRSpatialReference srs;
  QuietGdalErrors quiet;
  if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE) {
    throw CodedParamError("crs", Msg::crs_unknown_long, {{"value", crs}});
  }
  if (!srs.IsProjected()) {
    throw CodedParamError("crs", Msg::crs_not_projected, {{"value", crs}});
  }
  if (std::abs(srs.GetLinearUnits() - 1.0) > 1e-9) {
    throw CodedParamError("crs", Msg::crs_not_metres, {{"value", crs}});
  }
  LocalProjection p;
  const char* code = srs.GetAuthorityCode(nullptr);
  const char* auth = srs.GetAuthorityName(nullptr);
  p.epsg_ = (code && auth && std::string(auth) == "EPSG") ? std::atoi(code) : 0;
  p.name_ = p.epsg_ ? "EPSG:" + std::to_string(p.epsg_) : crs;
  p.impl_ = make_impl(std::move(srs));
  return p;
}

std::string LocalProjection::wkt() const {
  if (!impl_) return {};
  char* w = nullptr;
  impl_->local.exportToWkt(&w);
  std::string s = w ? w : "";
  CPLFree(w);
  return s;
}

static bool transform(OGRCoordinateTransformation& ct, std::vector<Vec2>& pts) {
  if (pts.empty()) return true;
  std::vector<double> xs(pts.size()), ys(pts.size());
  std::vector<int> ok(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) xs[i] = pts[i].x, ys[i] = pts[i].y;
  const bool all = ct.Transform(pts.size(), xs.data(), ys.data(), nullptr, ok.data());
  bool good = true;
  for (size_t i = 0; i < pts.size(); ++i) {
    if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
      good = false;
      pts[i] = {NAN, NAN};
    } else {
      pts[i] = {xs[i], ys[i]};
    }
  }
  return all && good;
}

bool LocalProjection::to_metric(std::vector<Vec2>& pts) const { return transform(*impl_->pair().fwd, pts); }
bool LocalProjection::to_lonlat(std::vector<Vec2>& pts) const { return transform(*impl_->pair().inv, pts); }

Vec2 LocalProjection::to_metric(Vec2 lonlat) const {
  std::vector<Vec2> v{lonlat};
  to_metric(v);
  return v[0];
}
Vec2 LocalProjection::to_lonlat(Vec2 xy) const {
  std::vector<Vec2> v{xy};
  to_lonlat(v);
  return v[0];
}

}  // namespace yz
