#include "engine/map/vector_layer.hpp"

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {
bool fits(OGRwkbGeometryType t, LayerShape want) {
  t = wkbFlatten(t);
  switch (want) {
    case LayerShape::points:
      return t == wkbPoint || t == wkbMultiPoint;
    case LayerShape::lines:
      return t == wkbLineString || t == wkbMultiLineString;
    case LayerShape::polygons:
      return t == wkbPolygon || t == wkbMultiPolygon;
  }
  return false;
}
}  // namespace

OGRLayer* pick_layer(GDALDataset& ds, const std::string& path, const std::string& name,
                     LayerShape want) {
  if (!name.empty()) {
    OGRLayer* l = ds.GetLayerByName(name.c_str());
    if (!l) throw CodedError(path, Msg::no_layer_named, {{"layer", name}});
    return l;
  }
  for (auto* l : ds.GetLayers())
    if (fits(l->GetGeomType(), want)) return l;
  for (auto* l : ds.GetLayers())
    if (wkbFlatten(l->GetGeomType()) == wkbUnknown) return l;  // e.g. GeoJSON/KML with mixed types
  if (want == LayerShape::points && ds.GetLayerCount() > 0) return ds.GetLayer(0);
  if (ds.GetLayerCount() == 0) throw CodedError(path, Msg::no_layers);
  throw CodedError(path, want == LayerShape::lines    ? Msg::no_line_layer
                         : want == LayerShape::points ? Msg::no_point_layer
                                                      : Msg::no_polygon_layer);
}

bool point_on_surface(const OGRGeometry& g, Vec2& out) {
  OGRGeometryH h = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
  if (!h) return false;
  const OGRGeometry* p = OGRGeometry::FromHandle(h);
  const bool ok = wkbFlatten(p->getGeometryType()) == wkbPoint && !p->IsEmpty();
  if (ok) out = {p->toPoint()->getX(), p->toPoint()->getY()};
  OGR_G_DestroyGeometry(h);
  return ok;
}

}  // namespace yz
