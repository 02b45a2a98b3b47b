#include "engine/export/layer_styles.hpp"

#include <cmath>
#include <cstdio>

#include "engine/export/district_ramp.hpp"
#include "engine/export/map_palette.hpp"
#include "engine/export/map_render.hpp"
#include "engine/inputs/site_attributes.hpp"

namespace yz {

namespace {

using palette::Rgba;

std::string rgba(Rgba c) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
         std::to_string(c.a);
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string prop(const std::string& k, const std::string& v) {
  return "<prop k=\"" + k + "\" v=\"" + xml_escape(v) + "\"/>";
}

// QGIS SimpleMarker names for Yizhan's shapes (triangle_down: a triangle turned 180°).
std::string marker(int id, const std::string& shape, Rgba fill, double size_mm, double angle = 0,
                   Rgba outline = palette::station_outline, double outline_mm = 0.4) {
  return "<symbol type=\"marker\" name=\"" + std::to_string(id) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleMarker\" "
         "enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("name", shape) + prop("color", rgba(fill)) + prop("outline_color", rgba(outline)) +
         prop("outline_width", std::to_string(outline_mm)) + prop("outline_width_unit", "MM") +
         prop("size", std::to_string(size_mm)) + prop("size_unit", "MM") +
         prop("angle", std::to_string(angle)) + "</layer></symbol>";
}

std::string fill(int id, Rgba color, Rgba outline, double outline_mm, bool filled = true,
                 const std::string& outline_style = "solid") {
  return "<symbol type=\"fill\" name=\"" + std::to_string(id) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleFill\" "
         "enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("color", rgba(color)) + prop("style", filled ? "solid" : "no") +
         prop("outline_color", rgba(outline)) + prop("outline_style", outline_style) +
         prop("outline_width", std::to_string(outline_mm)) + prop("outline_width_unit", "MM") +
         "</layer></symbol>";
}

std::string line(int id, Rgba color, double width_mm, const std::string& style = "solid") {
  return "<symbol type=\"line\" name=\"" + std::to_string(id) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleLine\" "
         "enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("line_color", rgba(color)) + prop("line_width", std::to_string(width_mm)) +
         prop("line_width_unit", "MM") + prop("line_style", style) + "</layer></symbol>";
}

std::string document(const std::string& renderer) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
         "<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n" +
         renderer + "\n</qgis>\n";
}

std::string single(const std::string& symbol) {
  return "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" "
         "forceraster=\"0\"><symbols>" +
         symbol + "</symbols></renderer-v2>";
}

struct Rule {
  std::string filter, label, symbol;  // symbol: its <symbol> element, named by its position
};

std::string rules(const std::vector<Rule>& rs) {
  std::string r =
      "<renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" "
      "forceraster=\"0\"><rules key=\"root\">";
  std::string symbols;
  for (size_t k = 0; k < rs.size(); ++k) {
    r += "<rule key=\"r" + std::to_string(k) + "\" symbol=\"" + std::to_string(k) + "\" label=\"" +
         xml_escape(rs[k].label) + "\" filter=\"" + xml_escape(rs[k].filter) + "\"/>";
    symbols += rs[k].symbol;
  }
  return r + "</rules><symbols>" + symbols + "</symbols></renderer-v2>";
}

bool has_field(const Layer& l, const std::string& name) {
  for (const auto& f : l.fields)
    if (f.name == name) return true;
  return false;
}

const std::string* text_value(const Layer& l, const Feature& f, const std::string& name) {
  for (size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i)
    if (l.fields[i].name == name) return std::get_if<std::string>(&f.values[i]);
  return nullptr;
}

const char* shape_name(MarkerShape s, double& angle) {
  angle = 0;
  switch (s) {
    case MarkerShape::square:
      return "square";
    case MarkerShape::diamond:
      return "diamond";
    case MarkerShape::triangle:
      return "equilateral_triangle";
    case MarkerShape::triangle_down:
      angle = 180;
      return "equilateral_triangle";
    case MarkerShape::hexagon:
      return "hexagon";
    default:
      return "circle";
  }
}

// Existing stations by host type (each its fixed shape), suggested ones as orange stars.
std::string stations_qml(const Layer& l, ReportLang lang) {
  const bool plan = has_field(l, "plan"), host = has_field(l, "host_type");
  const std::string existing = plan ? " AND \"plan\" <> 'suggested'" : "";
  std::vector<Rule> rs;
  if (plan)
    rs.push_back({"\"plan\" = 'suggested'",
                  lang == ReportLang::zh ? "建议新站" : "Suggested station",
                  marker(0, "star", palette::station_selected, 5.0)});
  if (host)
    for (const char* t : kHostTypes) {
      double angle = 0;
      const char* shape = shape_name(host_shape(t), angle);
      rs.push_back({"\"host_type\" = '" + std::string(t) + "'" + existing, host_label(t, lang),
                    marker(static_cast<int>(rs.size()), shape, palette::station, 3.4, angle)});
    }
  rs.push_back({"ELSE", host_label("", lang),
                marker(static_cast<int>(rs.size()), "circle", palette::station, 3.0)});
  return rules(rs);
}

// Demand by how many stations reach it on foot: none red, one amber, two or more green.
std::string demand_qml(ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  return rules({{"\"walk_count\" = 0", zh ? "步行无站可达" : "No station on foot",
                 marker(0, "circle", palette::demand0, 1.6, 0, palette::demand0, 0)},
                {"\"walk_count\" = 1", zh ? "一个站可达" : "One station",
                 marker(1, "circle", palette::demand1, 1.6, 0, palette::demand1, 0)},
                {"\"walk_count\" >= 2", zh ? "两个及以上站可达" : "Two or more",
                 marker(2, "circle", palette::demand2, 1.6, 0, palette::demand2, 0)}});
}

Rgba with_alpha(Rgba c, uint8_t a) {
  c.a = a;
  return c;
}

// Districts shaded by the share covered under the plan's own test (its `criterion` column), in
// five classes coloured as the PDF's choropleth at each class's middle.
std::string districts_qml(ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  const std::string share =
      "CASE WHEN \"criterion\" = 'radius' THEN \"radius_pct\" WHEN \"criterion\" = 'both' "
      "THEN \"both_pct\" WHEN \"criterion\" = 'either' THEN \"either_pct\" ELSE "
      "\"walk_pct\" END";
  std::vector<Rule> rs;
  for (int k = 0; k < 5; ++k) {
    double r, g, b;
    district_ramp(k * 20 + 10, r, g, b);
    const Rgba c{static_cast<uint8_t>(std::lround(r * 255)),
                 static_cast<uint8_t>(std::lround(g * 255)),
                 static_cast<uint8_t>(std::lround(b * 255)), 170};
    const std::string lo = std::to_string(k * 20), hi = std::to_string(k * 20 + 20);
    std::string filter = "\"outside\" = 0 AND (" + share + ") >= " + lo;
    if (k < 4) filter += " AND (" + share + ") < " + hi;
    rs.push_back({filter, lo + "–" + hi + (zh ? " % 覆盖" : " % covered"),
                  fill(k, c, {60, 60, 70, 255}, 0.5)});
  }
  return rules(rs);
}

// A mobile station's stops: squares in the station colour; where the export was made for an
// hour (`current` column), the stop the van stands at then is larger and highlighted.
std::string mobile_stops_qml(const Layer& l, ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  if (!has_field(l, "current")) return single(marker(0, "square", palette::station, 3.2));
  return rules({{"\"current\" = 1", zh ? "此时所在停靠点" : "Stop at the chosen hour",
                 marker(0, "square", palette::station_selected, 4.6)},
                {"ELSE", zh ? "其他停靠点" : "Other stops",
                 marker(1, "square", with_alpha(palette::station, 150), 3.0)}});
}

}  // namespace

std::string layer_qml(const Layer& l, ReportLang lang) {
  const std::string& n = l.name;
  std::string renderer;
  if (n == "stations" || n == "sites")
    renderer = stations_qml(l, lang);
  else if (n == "suggestions")
    renderer = single(marker(0, "star", palette::station_selected, 5.0));
  else if (n == "candidates")
    renderer = single(marker(0, "circle", {255, 255, 255, 255}, 1.8, 0, {110, 110, 120, 255}, 0.3));
  else if (n == "demand" && has_field(l, "walk_count"))
    renderer = demand_qml(lang);
  else if (n == "walk_areas")
    renderer = single(fill(0, palette::walk_area, with_alpha(palette::walk_area, 160), 0.2));
  else if (n == "walk_areas_dissolved")
    renderer = single(
        fill(0, with_alpha(palette::walk_area, 50), with_alpha(palette::walk_area, 200), 0.3));
  else if (n == "walk_areas_nearest")
    renderer = single(
        fill(0, with_alpha(palette::walk_area, 40), with_alpha(palette::walk_area, 220), 0.15));
  else if (n == "radius_circles")
    renderer = single(fill(0, {0, 0, 0, 0}, palette::circle, 0.3, false, "dash"));
  else if (n == "joins")
    renderer = single(line(0, palette::demand1, 0.5, "dash"));
  else if (n == "coverage_gaps")
    renderer = single(fill(0, with_alpha(palette::demand0, 70), palette::demand0, 0.3));
  else if (n == "mobile_stops")
    renderer = mobile_stops_qml(l, lang);
  else if (n == "mobile_routes")
    renderer = single(line(0, palette::station, 0.6, "dash"));
  else if (n == "districts" && has_field(l, "criterion"))
    renderer = districts_qml(lang);
  else if (n == "dropped")
    renderer = single(marker(0, "cross2", {120, 120, 120, 255}, 2.5, 0, {120, 120, 120, 255}, 0.4));
  else if (l.kind == GeomKind::polygon)  // e.g. district boundaries: outlines, no fill
    renderer = single(fill(0, {0, 0, 0, 0}, {60, 60, 70, 255}, 0.5, false));
  else
    return {};
  return document(renderer);
}

std::string accessibility_qml(double max_minutes, ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  // Green within the walk, amber beyond, red far away: the same reading as the demand colours.
  const double stops[] = {0, 5, 10, 15, 20, 30, max_minutes};
  const Rgba colours[] = {{0, 104, 55, 255},    {26, 152, 80, 255},   {102, 189, 99, 255},
                          {166, 217, 106, 255}, {254, 224, 139, 255}, {244, 109, 67, 255},
                          {165, 0, 38, 255}};
  std::string items;
  for (size_t k = 0; k < std::size(stops); ++k) {
    if (k > 0 && stops[k] <= stops[k - 1]) continue;
    const Rgba c = colours[k];
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", stops[k]);
    items += "<item alpha=\"255\" value=\"" + std::string(buf) + "\" label=\"" + buf +
             (zh ? " 分钟" : " min") + "\" color=\"" +
             [&] {
               char hex[8];
               std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
               return std::string(hex);
             }() +
             "\"/>";
  }
  char maxv[32];
  std::snprintf(maxv, sizeof maxv, "%g", max_minutes);
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
         "<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n"
         "<pipe><rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"0.75\" "
         "alphaBand=\"-1\" classificationMin=\"0\" classificationMax=\"" +
         std::string(maxv) +
         "\" nodataColor=\"\"><rastershader><colorrampshader colorRampType=\"INTERPOLATED\" "
         "classificationMode=\"1\" clip=\"0\">" +
         items + "</colorrampshader></rastershader></rasterrenderer></pipe>\n</qgis>\n";
}

const std::map<std::string, std::string>& kml_style_table() {
  // Google Earth's own icon set; KML colours are the OGR style's #RRGGBBAA.
  static const std::map<std::string, std::string> table = [] {
    auto hex = [](Rgba c) {
      char b[16];
      std::snprintf(b, sizeof b, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
      return std::string(b);
    };
    const std::string icons = "http://maps.google.com/mapfiles/kml/shapes/";
    std::map<std::string, std::string> t;
    const std::pair<const char*, const char*> host_icons[] = {
        {"standalone", "placemark_square.png"},
        {"co-built", "open-diamond.png"},
        {"shared", "triangle.png"},
        {"alliance", "polygon.png"},
        {"mobile", "truck.png"}};
    for (const auto& [type, icon] : host_icons)
      t[std::string("station_") + type] =
          "SYMBOL(id:\"" + icons + icon + "\",c:" + hex(palette::station) + ",s:1.0)";
    t["station"] =
        "SYMBOL(id:\"" + icons + "placemark_circle.png\",c:" + hex(palette::station) + ",s:1.0)";
    t["suggested"] =
        "SYMBOL(id:\"" + icons + "star.png\",c:" + hex(palette::station_selected) + ",s:1.4)";
    t["candidate"] = "SYMBOL(id:\"" + icons + "placemark_circle.png\",c:#A0A0A8FF,s:0.6)";
    for (int k = 0; k < 3; ++k)
      t["demand_" + std::to_string(k)] = "SYMBOL(id:\"" + icons + "shaded_dot.png\",c:" +
                                         hex(k == 0   ? palette::demand0
                                             : k == 1 ? palette::demand1
                                                      : palette::demand2) +
                                         ",s:0.4)";
    t["walk_area"] = "PEN(c:" + hex(with_alpha(palette::walk_area, 160)) +
                     ",w:1px);BRUSH(fc:" + hex(palette::walk_area) + ")";
    t["circle"] = "PEN(c:" + hex(palette::circle) + ",w:1px);BRUSH(fc:#00000000)";
    t["gap"] = "PEN(c:" + hex(palette::demand0) +
               ",w:1px);BRUSH(fc:" + hex(with_alpha(palette::demand0, 70)) + ")";
    t["join"] = "PEN(c:" + hex(palette::demand1) + ",w:2px)";
    return t;
  }();
  return table;
}

std::string kml_feature_style(const Layer& l, const Feature& f) {
  const std::string& n = l.name;
  if (n == "stations" || n == "sites") {
    const std::string* plan = text_value(l, f, "plan");
    if (plan && *plan == "suggested") return "@suggested";
    const std::string* host = text_value(l, f, "host_type");
    if (host && kml_style_table().count("station_" + *host)) return "@station_" + *host;
    return "@station";
  }
  if (n == "suggestions") return "@suggested";
  if (n == "candidates") return "@candidate";
  if (n == "demand") {
    for (size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i)
      if (l.fields[i].name == "walk_count")
        if (const auto* c = std::get_if<int64_t>(&f.values[i]))
          return "@demand_" + std::to_string(std::min<int64_t>(*c, 2));
    return "@demand_0";
  }
  if (n.rfind("walk_areas", 0) == 0) return "@walk_area";
  if (n == "radius_circles") return "@circle";
  if (n == "coverage_gaps") return "@gap";
  if (n == "joins") return "@join";
  return {};
}

}  // namespace yz
