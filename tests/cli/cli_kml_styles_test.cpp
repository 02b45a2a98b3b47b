// plan.kml opens styled in Google Earth: shared styles per host type and status, a star for
// suggested sites, semi-transparent walk areas and circles, demand hidden. Read back with Python's
// XML parser (an independent reader), and by GDAL's own KML driver (the file stays valid for it).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;
namespace fs = std::filesystem;

namespace {
// Styles (id -> icon, colours) and, per folder, its visibility and each placemark's styleUrl,
// visibility and host_type / status / plan, as JSON.
const char* kReadKml = R"PY(
import json, sys, xml.etree.ElementTree as ET
ns = {'k': 'http://www.opengis.net/kml/2.2'}
root = ET.parse(sys.argv[1]).getroot()
doc = root.find('k:Document', ns)
styles = {}
for s in doc.findall('k:Style', ns):
    d = {}
    i = s.find('k:IconStyle', ns)
    if i is not None:
        d['icon'] = i.find('k:Icon/k:href', ns).text
        d['icon_colour'] = i.find('k:color', ns).text
    l = s.find('k:LineStyle', ns)
    if l is not None: d['line'] = l.find('k:color', ns).text
    p = s.find('k:PolyStyle', ns)
    if p is not None:
        d['fill'] = p.find('k:color', ns).text
        d['filled'] = p.find('k:fill', ns).text
    styles[s.get('id')] = d
folders = {}
for f in doc.findall('k:Folder', ns):
    v = f.find('k:visibility', ns)
    marks = []
    for m in f.findall('k:Placemark', ns):
        e = {'style': (m.findtext('k:styleUrl', '', ns)), 'visibility': m.findtext('k:visibility', '1', ns),
             'inline_style': m.find('k:Style', ns) is not None}
        for sd in m.iter('{http://www.opengis.net/kml/2.2}SimpleData'):
            if sd.get('name') in ('site_id', 'plan'): e[sd.get('name')] = sd.text or ''
        marks.append(e)
    folders[f.findtext('k:name', '', ns)] = {'visibility': v.text if v is not None else '1', 'placemarks': marks}
print(json.dumps({'styles': styles, 'folders': folders}))
)PY";
}  // namespace

TEST_CASE("plan.kml: styles per host type and status, stars, see-through areas, demand hidden",
          "[cli][export][kml][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/kml_styles";
  fs::create_directories(dir);
  {
    std::ofstream s(dir + "/stations.csv");
    s << "编号,站点名称,经度,纬度,建设类型,状态\n"
      << "nj1,新街口驿站,118.7785,32.0418,共建,已建\n"
      << "nj2,鼓楼驿站,118.7790,32.0500,独立,规划\n"
      << "nj3,大行宫驿站,118.7900,32.0430,共享,已建\n";
    std::ofstream c(dir + "/cands.csv");
    c << "id,name,lon,lat\n";
    for (int i = 0; i < 6; ++i)
      c << "c" << i << ",候选" << i << "," << 118.770 + 0.004 * i << ",32.045\n";
    std::ofstream(dir + "/read_kml.py") << kReadKml;
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.csv --candidates " + dir +
                          "/cands.csv --k 2 --time-limit 5 --formats kml --out-dir " + dir + "/out",
                      out) == 0);
  INFO(out);
  const std::string kml = dir + "/out/plan.kml";
  std::string js;
  REQUIRE(run_command("python3 " + dir + "/read_kml.py " + kml, js) == 0);
  INFO(js.substr(0, 2000));
  const auto j = nlohmann::json::parse(js);
  const auto& styles = j["styles"];
  const auto& folders = j["folders"];
  auto style_of = [&](const std::string& url) -> const nlohmann::json& {
    REQUIRE(url.size() > 1);
    REQUIRE(url[0] == '#');
    REQUIRE(styles.contains(url.substr(1)));
    return styles[url.substr(1)];
  };
  // Stations: one style per host type and status, each placemark pointing at its own.
  REQUIRE(folders.contains("stations"));
  std::set<std::string> icons;
  size_t planned = 0;
  for (const auto& m : folders["stations"]["placemarks"]) {
    const std::string plan = m.value("plan", "");
    CHECK_FALSE(m["inline_style"].get<bool>());
    if (plan == "suggested") {
      CHECK(m["style"] == "#suggested");
      continue;
    }
    // What stations.csv says (建设类型, 状态), in the style's canonical words.
    const std::map<std::string, std::pair<std::string, bool>> input{
        {"nj1", {"co-built", false}}, {"nj2", {"standalone", true}}, {"nj3", {"shared", false}}};
    const std::string id = m.value("site_id", "");
    REQUIRE(input.count(id) == 1);
    const auto& [host, is_planned] = input.at(id);
    const std::string want = "#station_" + host + (is_planned ? "_planned" : "");
    CHECK(m["style"] == want);
    const auto& st = style_of(m["style"]);
    icons.insert(st["icon"].get<std::string>());
    if (is_planned) {
      ++planned;
      // Planned in another colour than the built station of the same shape.
      CHECK(st["icon_colour"] != style_of("#station_" + host)["icon_colour"]);
    }
  }
  CHECK(icons.size() == 3);  // 共建, 独立, 共享: three shapes
  CHECK(planned == 1);
  // Suggested sites: stars.
  REQUIRE(folders.contains("suggestions"));
  REQUIRE(folders["suggestions"]["placemarks"].size() == 2);
  for (const auto& m : folders["suggestions"]["placemarks"]) {
    REQUIRE(m["style"] == "#suggested");
    CHECK(style_of("#suggested")["icon"].get<std::string>().find("star.png") != std::string::npos);
  }
  // Walk areas and circles see-through: KML colours are aabbggrr, alpha below ff.
  auto alpha = [](const nlohmann::json& c) {
    return std::stoi(c.get<std::string>().substr(0, 2), nullptr, 16);
  };
  REQUIRE(folders.contains("walk_areas"));
  for (const auto& m : folders["walk_areas"]["placemarks"]) {
    REQUIRE(m["style"] == "#walk_area");
    CHECK_FALSE(m["inline_style"].get<bool>());
  }
  CHECK(style_of("#walk_area")["filled"] == "1");
  CHECK(alpha(style_of("#walk_area")["fill"]) > 0);
  CHECK(alpha(style_of("#walk_area")["fill"]) < 255);
  REQUIRE(folders.contains("radius_circles"));
  for (const auto& m : folders["radius_circles"]["placemarks"]) REQUIRE(m["style"] == "#circle");
  CHECK(alpha(style_of("#circle")["line"]) < 255);
  // Demand: hidden by default, folder and placemarks.
  REQUIRE(folders.contains("demand"));
  CHECK(folders["demand"]["visibility"] == "0");
  REQUIRE(!folders["demand"]["placemarks"].empty());
  for (const auto& m : folders["demand"]["placemarks"]) REQUIRE(m["visibility"] == "0");
  CHECK(folders["stations"]["visibility"] == "1");
  // GDAL still reads every layer with every feature.
  std::string info;
  REQUIRE(run_command("ogrinfo -ro -al -so " + kml, info) == 0);
  for (const char* layer : {"stations", "suggestions", "walk_areas", "demand"}) {
    INFO(layer);
    const std::string head = std::string("Layer name: ") + layer + "\n";
    const size_t at = info.find(head);
    REQUIRE(at != std::string::npos);
    const size_t fc = info.find("Feature Count: ", at);
    REQUIRE(fc != std::string::npos);
    CHECK(std::stoul(info.substr(fc + 15)) == folders[layer]["placemarks"].size());
  }
}
