#include "engine/export/kml_styles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "engine/export/layer_styles.hpp"
#include "engine/export/map_palette.hpp"
#include "engine/inputs/site_attributes.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {

using palette::Rgba;

// KML colours are aabbggrr.
std::string kml_colour(Rgba c, int alpha = -1) {
  return fmt::format("{:02x}{:02x}{:02x}{:02x}", alpha < 0 ? int{c.a} : alpha, int{c.b}, int{c.g},
                     int{c.r});
}

const std::string kIcons = "http://maps.google.com/mapfiles/kml/shapes/";
constexpr Rgba kPlanned{150, 110, 230};  // planned (not yet built) stations: violet, not blue
constexpr Rgba kCandidate{160, 160, 168};

std::string icon_style(const std::string& id, const std::string& icon, Rgba c, double scale) {
  return fmt::format(
      "<Style id=\"{}\"><IconStyle><color>{}</color><scale>{:g}</scale><Icon><href>{}{}</href>"
      "</Icon></IconStyle></Style>\n",
      id, kml_colour(c, 255), scale, kIcons, icon);
}

std::string area_style(const std::string& id, Rgba line, int line_alpha, double width, Rgba fill,
                       int fill_alpha) {
  return fmt::format(
      "<Style id=\"{}\"><LineStyle><color>{}</color><width>{:g}</width></LineStyle>"
      "<PolyStyle><color>{}</color><fill>{}</fill><outline>1</outline></PolyStyle></Style>\n",
      id, kml_colour(line, line_alpha), width, kml_colour(fill, fill_alpha),
      fill_alpha > 0 ? 1 : 0);
}

const std::pair<const char*, const char*> kHostIcons[] = {{"standalone", "placemark_square.png"},
                                                          {"co-built", "open-diamond.png"},
                                                          {"shared", "triangle.png"},
                                                          {"alliance", "polygon.png"},
                                                          {"mobile", "truck.png"}};

const std::string* value_of(const Layer& l, const Feature& f, const std::string& name) {
  for (size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i)
    if (l.fields[i].name == name) return std::get_if<std::string>(&f.values[i]);
  return nullptr;
}

// The text between `from` and the end of the element starting there (CDATA skipped), or npos.
size_t element_end(const std::string& s, size_t from, const std::string& close) {
  size_t p = from;
  const size_t cdata = s.find("<![CDATA[", from);
  const size_t end = s.find(close, from);
  if (cdata != std::string::npos && cdata < end) {
    p = s.find("]]>", cdata);
    if (p == std::string::npos) return std::string::npos;
  }
  const size_t e = s.find(close, p);
  return e == std::string::npos ? e : e + close.size();
}

}  // namespace

// A station's host type or status from whichever column holds it: the canonical `host_type` /
// `status` fields, else the planner's own (建设类型, 状态, ...) as the station schema reads them.
std::string site_value(const Layer& l, const Feature& f, bool host) {
  auto parse = [host](const std::string& v) {
    return host ? parse_host_type(v) : parse_status(v);
  };
  if (const std::string* v = value_of(l, f, host ? "host_type" : "status"); v && !v->empty())
    if (auto p = parse(*v)) return *p;
  for (size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i) {
    const std::string* v = std::get_if<std::string>(&f.values[i]);
    if (!v || v->empty()) continue;
    const SiteColumns c = SiteColumns::find({l.fields[i].name});
    if ((host ? c.host_type : c.status) == 0)
      if (auto p = parse(*v)) return *p;
  }
  return {};
}

std::string kml_style_id(const Layer& l, const Feature& f) {
  if (l.name == "stations" || l.name == "sites") {
    if (const std::string* plan = value_of(l, f, "plan"); plan && *plan == "suggested")
      return "suggested";
    const std::string host = site_value(l, f, true);
    const bool known = std::any_of(std::begin(kHostIcons), std::end(kHostIcons),
                                   [&](const auto& h) { return host == h.first; });
    return "station" + (known ? "_" + host : std::string()) +
           (site_value(l, f, false) == "planned" ? "_planned" : "");
  }
  if (l.name == "districts") return "district";
  std::string id = kml_feature_style(l, f);  // "@candidate", "@walk_area", ... (layer_styles.hpp)
  if (!id.empty() && id[0] == '@') id.erase(0, 1);
  return id;
}

std::string kml_shared_styles() {
  std::string s;
  for (const auto& [type, icon] : kHostIcons) {
    s += icon_style(std::string("station_") + type, icon, palette::station, 1.0);
    s += icon_style(std::string("station_") + type + "_planned", icon, kPlanned, 1.0);
  }
  s += icon_style("station", "placemark_circle.png", palette::station, 1.0);
  s += icon_style("station_planned", "placemark_circle.png", kPlanned, 1.0);
  s += icon_style("suggested", "star.png", palette::station_selected, 1.4);
  s += icon_style("candidate", "placemark_circle.png", kCandidate, 0.6);
  const Rgba demand[] = {palette::demand0, palette::demand1, palette::demand2};
  for (int k = 0; k < 3; ++k)
    s += icon_style("demand_" + std::to_string(k), "shaded_dot.png", demand[k], 0.4);
  // Walk areas and circles semi-transparent, so the streets and stations show through.
  s += area_style("walk_area", palette::walk_area, 160, 1, palette::walk_area, 70);
  s += area_style("circle", palette::circle, 200, 1.5, palette::circle, 0);
  s += area_style("gap", palette::demand0, 255, 1, palette::demand0, 70);
  s += area_style("district", {90, 90, 90}, 255, 2, {90, 90, 90}, 0);
  s += fmt::format(
      "<Style id=\"join\"><LineStyle><color>{}</color><width>2</width></LineStyle>"
      "</Style>\n",
      kml_colour(palette::demand1, 255));
  return s;
}

bool kml_hidden_layer(const std::string& layer) {
  return layer == "demand";
}

void style_kml_file(const std::string& path, const std::vector<std::string>& styles,
                    const std::vector<std::string>& hidden, const std::string& display_path) {
  std::string s;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CodedError(display_path, Msg::kml_read_back);
    std::ostringstream ss;
    ss << in.rdbuf();
    s = ss.str();
  }
  std::string o;
  o.reserve(s.size() + s.size() / 8 + 4096);
  const size_t doc = s.find("<Document");
  const size_t doc_end = doc == std::string::npos ? doc : s.find('>', doc);
  if (doc_end == std::string::npos) throw CodedError(display_path, Msg::kml_no_document);
  o.append(s, 0, doc_end + 1);
  o += "\n" + kml_shared_styles();
  size_t pos = doc_end + 1, placemark = 0;
  bool folder_hidden = false;
  const std::string vis0 = "<visibility>0</visibility>";
  while (true) {
    const size_t f = s.find("<Folder>", pos), p = s.find("<Placemark", pos);
    if (f == std::string::npos && p == std::string::npos) break;
    if (f < p) {  // a layer: its name, and whether it opens hidden
      const size_t n = s.find("<name>", f);
      const size_t ne = n == std::string::npos ? n : element_end(s, n, "</name>");
      if (ne == std::string::npos) break;
      std::string name = s.substr(n + 6, ne - n - 6 - 7);
      folder_hidden = std::find(hidden.begin(), hidden.end(), name) != hidden.end();
      o.append(s, pos, ne - pos);
      if (folder_hidden) o += vis0;
      pos = ne;
      continue;
    }
    const size_t tag_end = s.find('>', p);
    const size_t end = s.find("</Placemark>", p);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    o.append(s, pos, tag_end + 1 - pos);
    size_t q = tag_end + 1;
    // name, then visibility; description, then the styleUrl in place of the driver's own style.
    auto skip_ws = [&](size_t i) {
      while (i < end && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
      return i;
    };
    size_t i = skip_ws(q);
    if (s.compare(i, 6, "<name>") == 0) {
      const size_t e = element_end(s, i, "</name>");
      o.append(s, q, e - q);
      q = e;
    }
    if (folder_hidden) o += vis0;
    i = skip_ws(q);
    if (s.compare(i, 13, "<description>") == 0) {
      const size_t e = element_end(s, i, "</description>");
      o.append(s, q, e - q);
      q = e;
    }
    const std::string& id = placemark < styles.size() ? styles[placemark] : std::string();
    ++placemark;
    if (!id.empty()) o += "<styleUrl>#" + id + "</styleUrl>";
    i = skip_ws(q);
    if (!id.empty() && s.compare(i, 7, "<Style>") == 0) {
      const size_t e = s.find("</Style>", i);
      if (e != std::string::npos && e < end) q = e + 8;
    }
    o.append(s, q, end - q);
    pos = end;
  }
  o.append(s, pos, std::string::npos);
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << o;
  out.close();
  if (!out) throw_write_error(display_path, errno);  // "cannot write: no space left on device"
}

}  // namespace yz
