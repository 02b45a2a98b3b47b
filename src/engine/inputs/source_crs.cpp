#include "engine/inputs/source_crs.hpp"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "engine/geo/local_projection.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

// Shifts every vertex of a geometry from a web datum to WGS-84 (points outside China stay put).
class WebShift : public OGRDefaultGeometryVisitor {
 public:
  explicit WebShift(WebDatum d) : d_(d) {}
  using OGRDefaultGeometryVisitor::visit;
  void visit(OGRPoint* p) override {
    if (p->IsEmpty()) return;
    const Vec2 ll{p->getX(), p->getY()};
    if (!plausible_lonlat(ll)) return;
    const Vec2 w = yz::to_wgs84(ll, d_);
    p->setX(w.x);
    p->setY(w.y);
  }

 private:
  WebDatum d_;
};

// "EPSG:32650", else the CRS's own name.
std::string crs_label(const OGRSpatialReference& s, const std::string& fallback) {
  const char* auth = s.GetAuthorityName(nullptr);
  const char* code = s.GetAuthorityCode(nullptr);
  if (auth && code) return std::string(auth) + ":" + code;
  return s.GetName() ? s.GetName() : fallback;
}

bool same_crs(const OGRSpatialReference& a, const OGRSpatialReference& b) {
  const char* opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                        "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
  return a.IsSame(&b, opts);
}

}  // namespace

struct SourceCrs::Impl {
  std::unique_ptr<OGRCoordinateTransformation> ct;  // null: already WGS-84 (or a web datum)
};

SourceCrs::SourceCrs(const std::string& path, const std::string& user_crs,
                     const OGRSpatialReference* layer_srs, const std::string& option)
    : impl_(std::make_unique<Impl>()) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference src;
  const std::optional<WebDatum> datum = parse_web_datum(user_crs);
  auto contradiction = [&](const std::string& given) {
    return CodedError(path, Msg::crs_contradiction,
                      {{"crs", crs_label(*layer_srs, "its own CRS")},
                       param_arg("param", option),
                       {"value", given}});
  };
  if (datum && layer_srs && !same_crs(*layer_srs, wgs84))
    throw contradiction(web_datum_name(*datum));
  if (datum) {
    // lon/lat as given (a web datum overrides the layer's nominal WGS-84), shifted below.
    recorded_ = true;
    if (*datum != WebDatum::wgs84) {
      shift_ = *datum;
      name_ = std::string(web_datum_name(*datum)) + " (Chinese web map; converted to WGS-84)";
    }
    return;
  }
  if (!user_crs.empty()) {
    if (src.SetFromUserInput(user_crs.c_str()) != OGRERR_NONE)
      throw CodedError(path, Msg::crs_unknown_hint, {{"value", user_crs}});
    if (layer_srs && !same_crs(src, *layer_srs)) throw contradiction(crs_label(src, user_crs));
  } else if (layer_srs) {
    src = *layer_srs;
  } else {
    return;  // nothing recorded: WGS-84 lon/lat assumed
  }
  recorded_ = true;
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  name_ = crs_label(src, user_crs);
  if (src.IsSame(&wgs84)) {
    name_ = "WGS-84";
    return;
  }
  impl_->ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
  if (!impl_->ct) throw CodedError(path, Msg::crs_not_transformable);
}

SourceCrs::~SourceCrs() = default;
SourceCrs::SourceCrs(SourceCrs&&) noexcept = default;
SourceCrs& SourceCrs::operator=(SourceCrs&&) noexcept = default;

bool SourceCrs::to_wgs84(OGRGeometry& g) const {
  if (impl_->ct && g.transform(impl_->ct.get()) != OGRERR_NONE) return false;
  if (shift_) {
    WebShift v(*shift_);
    g.accept(&v);
  }
  return true;
}

bool SourceCrs::to_wgs84(Vec2& p) const {
  if (impl_->ct) {
    double x = p.x, y = p.y;
    if (!impl_->ct->Transform(1, &x, &y)) return false;
    p = {x, y};
  }
  if (shift_ && plausible_lonlat(p)) p = yz::to_wgs84(p, *shift_);
  return true;
}

std::string SourceCrs::note() const {
  if (!recorded_)
    return "no coordinate reference system recorded: read as WGS-84 longitude/latitude";
  if (shift_)
    return std::string("coordinates read as ") + web_datum_name(*shift_) +
           " (Chinese web map) and converted to WGS-84";
  return "coordinates read as " + name_ + (impl_->ct ? " and converted to WGS-84" : "");
}

}  // namespace yz
