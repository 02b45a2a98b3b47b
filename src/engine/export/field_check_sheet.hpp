#pragma once
// Field-check sheets (field_check.pdf): one A4 page per site to visit — rank, name, host and
// category, the street it is on and the nearest crossing or address, WGS-84 / GCJ-02 / BD-09
// coordinates, QR codes and printed links that open the point on Amap and Baidu Maps, a small map
// (streets named, the site's walk area, stations near it, the alternatives numbered), what it adds
// and shares, the alternatives with their figures, and a checklist for the visit.
#include <string>

#include "engine/export/map_render.hpp"

namespace yz {

// Links that open a point on a phone's web map, from the maps' documented marker URIs:
// Amap  https://uri.amap.com/marker?position=LON,LAT&name=...&coordinate=gaode (GCJ-02),
// Baidu https://api.map.baidu.com/marker?location=LAT,LNG&title=...&content=...&output=html
//       &coord_type=bd09ll (BD-09). Coordinates with 6 decimals (about 0.1 m).
struct WebMapLinks {
  Vec2 wgs84, gcj02, bd09;  // lon, lat
  std::string amap, baidu;
};
WebMapLinks web_map_links(Vec2 wgs84, const std::string& name, const std::string& content);
// RFC 3986 percent-encoding of everything but the unreserved characters (UTF-8 bytes).
std::string percent_encode(const std::string& s);

// Writes the sheets for opt.field_check's sites; returns the number of pages (0: none to write,
// and no file is written).
size_t write_field_check_pdf(const std::string& path, const PlanExport& plan, const MapScene& scene,
                             const ExportOptions& opt);
// The sites write_field_check_pdf would give a page.
size_t field_check_count(const PlanExport& plan, FieldCheckSites which);

}  // namespace yz
