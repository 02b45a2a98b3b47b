#include "engine/inputs/point_layer.hpp"

#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/outside_map.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

std::optional<WebDatum> read_as_datum(const std::string& source_crs) {
  if (source_crs == "WGS-84") return WebDatum::wgs84;
  if (source_crs.rfind("GCJ-02", 0) == 0) return WebDatum::gcj02;
  if (source_crs.rfind("BD-09", 0) == 0) return WebDatum::bd09;
  return std::nullopt;
}

PointLayerRead read_point_layer(const std::string& path, const CityNetwork& city,
                                PointReadOptions opt, PointRole role, const SnapOptions& snap,
                                DropReport& rep, const std::string& what) {
  const bool site = role == PointRole::site;
  Box where = city.bounds();
  if (site) {
    where = city.extent();
    opt.outside_margin_m = snap.max_snap_m;
  }
  PointLayerRead r;
  r.points = read_points(path, city.projection(), where, opt, rep, what);
  if (site && drop_outside_map(r.points, city, snap, rep) > 0 && r.points.size() == 0)
    throw CodedError(path, Msg::none_on_map,
                     {{"count", rep.read}, MsgArg("what", kind_message(what))});
  if (!site) r.points.estimate = estimate_from_columns(r.points);
  if (const auto datum = read_as_datum(r.points.source_crs))
    r.shift = detect_web_shift(r.points.lonlat, *datum, city, what);
  return r;
}

}  // namespace yz
