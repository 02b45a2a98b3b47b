// The Chinese UI shows the engine's common input errors in Chinese: real errors raised by the
// engine on bad files come out with no English words left (beyond format names) and with the file
// name intact; English stays untouched, and messages no pattern knows pass through unchanged.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "app/engine_messages.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::app;

namespace {

std::string write(const std::string& name, const std::string& text) {
  const std::string p = test::temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// English words of four letters or more left in a message once the file's path is taken out.
std::set<std::string> english_left(std::string m, const std::string& path) {
  for (size_t at; (at = m.find(path)) != std::string::npos;) m.erase(at, path.size());
  // Format and column names (Yizhan's own and the file's: "name", "x_coord") are not prose.
  static const std::set<std::string> names{"OpenStreetMap", "GeoPackage", "GDAL",     "gzip",
                                           "bzip",          "longitude",  "latitude", "weight",
                                           "workers",       "count",      "name",     "coord"};
  std::set<std::string> left;
  const std::regex word("[A-Za-z]{4,}");
  for (auto it = std::sregex_iterator(m.begin(), m.end(), word); it != std::sregex_iterator(); ++it)
    if (!names.count(it->str())) left.insert(it->str());
  return left;
}

std::string map_error(const std::string& path) {
  try {
    load_map(path, TagProfile::load_default());
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("no error for " << path);
  return {};
}

std::string points_error(const std::string& path) {
  const LocalProjection proj = LocalProjection::utm_for(114.3, 30.6);
  Box b;
  b.add(proj.to_metric({114.25, 30.55}));
  b.add(proj.to_metric({114.35, 30.65}));
  DropReport rep;
  try {
    read_points(path, proj, b, PointReadOptions{}, rep, "stations");
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("no error for " << path);
  return {};
}

}  // namespace

TEST_CASE("common engine errors on bad files read in Chinese, file names intact", "[app]") {
  struct Case {
    std::string path, error;
  };
  std::vector<Case> cases;
  for (const std::string& p : {test::temp_dir() + "/missing.osm.pbf", write("empty.osm", ""),
                               write("text.osm.pbf", "this is not a map\n"),
                               write("cut.osm.gz", std::string("\x1f\x8b\x08\x00", 4))})
    cases.push_back({p, map_error(p)});
  for (const std::string& p :
       {write("nolonlat.csv", "name,x_coord,y_coord\na,1,2\n"),
        write("swapped.csv", "name,lon,lat\na,30.58,114.30\nb,30.60,114.31\n"),
        write("nan.csv", "name,lon,lat\na,nan,nan\n"), write("header.csv", "name,lon,lat\n")})
    cases.push_back({p, points_error(p)});
  for (const auto& c : cases) {
    INFO(c.error);
    const std::string zh = translate_message(c.error, Lang::zh);
    INFO(zh);
    CHECK(zh.find(c.path) != std::string::npos);  // the file is named exactly as given
    CHECK(zh != c.error);
    CHECK(english_left(zh, c.path).empty());
    CHECK(translate_message(c.error, Lang::en) == c.error);
  }
}

TEST_CASE("kinds of points are named in Chinese; unknown messages pass through", "[app]") {
  CHECK(translate_message("a.csv: contains no demand points (the layer is empty)", Lang::zh) ==
        "a.csv: 图层为空，没有劳动者点");
  CHECK(translate_message("b.gpkg: none of the 12 candidates could be used (outside the map)",
                          Lang::zh) == "b.gpkg: 12 个候选点都无法使用（在地图范围外）");
  // A path that holds words the table knows is left alone, also one quoted inside the message.
  CHECK(translate_message("/data/stations/outside the map.csv: file is empty", Lang::zh) ==
        "/data/stations/outside the map.csv: 文件为空");
  const std::string inner = write("not a point.osm", "x");
  CHECK(translate_message("plan.gpkg: cannot open its map: " + inner + ": file is empty",
                          Lang::zh) == "plan.gpkg: 无法打开其地图：" + inner + ": 文件为空");
  CHECK(translate_message("something no pattern knows", Lang::zh) == "something no pattern knows");
  CHECK(translate_message("cancelled", Lang::zh) == "已取消");
}

TEST_CASE("a clipped or truncated map's notes read in Chinese", "[app]") {
  // Two roads near Wuhan, one of which lost its only other node; 6 nodes no way uses.
  std::string xml = "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n";
  for (int i = 1; i <= 8; ++i)
    xml += "<node id=\"" + std::to_string(i) + "\" lat=\"30.6\" lon=\"" +
           std::to_string(114.3 + 0.0003 * i) + "\"/>\n";
  xml += "<way id=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"footway\"/></way>\n";
  xml += "<way id=\"2\"><nd ref=\"1\"/><nd ref=\"99\"/><tag k=\"highway\" v=\"footway\"/></way>\n";
  const std::string path = write("clipped.osm", xml + "</osm>\n");
  const RoadLines L = load_map(path, TagProfile::load_default());
  REQUIRE(L.report.notes.lines.size() >= 2);
  for (const auto& m : L.report.notes.lines) {
    INFO(m);
    const std::string zh = translate_message(m, Lang::zh);
    INFO(zh);
    CHECK(zh != m);
    CHECK(english_left(zh, m.substr(0, m.find(".osm") + 4)).empty());
  }
}
