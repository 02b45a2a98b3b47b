// No English left in what a Chinese-speaking planner reads: the app's Chinese strings table, drop
// reasons translated from the engine, the Chinese PDF report (pdftotext) and the CLI's Chinese
// export summary. Proper names, codes and option names a planner types are allowed (kAllowed);
// site ids come from the plan. Also: no "->" and no space before a full-width bracket.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include <cmath>

#include "app/text/engine_messages.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

// Names and codes that stay as they are in Chinese text.
const std::set<std::string> kAllowed = {
    "Yizhan", "OpenStreetMap", "OSM",      "PBF",      "XML",     "GPS",
    "GIS",    "WGS-84",        "GCJ-02",   "BD-09",    "EPSG",    "CSV",
    "BOM",    "Excel/WPS",     "GeoTIFF",  "PNG",      "PDF",     "GeoPackage",
    "NaN",    "gzip",          "bzip2",    "osm",      "gcj02",   "bd09",
    "EN",     "Language",      "island-m", "min-gain", "joins",   "yizhan_session",
    "pdf",    "csv",           "png",      "gpkg",     "geojson", "kml",
    "shp",    "tif",           "districts"};

// Latin words in `s` that are not allowed (printf specifiers, ids matching `ids` excepted).
std::vector<std::string> english_in(const std::string& s, const std::regex& ids) {
  const std::string t =
      std::regex_replace(s, std::regex("%[-+ #0]*[0-9]*(\\.[0-9]+)?(zu|lu|ld|[sdufgxc%])"), " ");
  std::vector<std::string> out;
  const std::regex word("[A-Za-z][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z]");
  for (auto it = std::sregex_iterator(t.begin(), t.end(), word); it != std::sregex_iterator();
       ++it) {
    std::string w = it->str();
    if (kAllowed.count(w) || std::regex_match(w, ids)) continue;
    if (std::regex_match(w, std::regex("EPSG:[0-9]+"))) continue;
    out.push_back(w);
  }
  return out;
}

void check_punctuation(const std::string& s) {
  INFO(s);
  CHECK(s.find("->") == std::string::npos);
  CHECK(s.find(" （") == std::string::npos);
  CHECK(s.find(" 【") == std::string::npos);
}

}  // namespace

TEST_CASE("the app's Chinese strings hold no English", "[app][zh]") {
  const std::regex none("$^");
  struct Row {
    const char *key, *en, *zh;
  };
  static const Row rows[] = {
#define X(key, en, zh) {#key, en, zh},
#include "app/text/strings.def"
#undef X
  };
  for (const Row& r : rows) {
    INFO(r.key << ": " << r.zh);
    CHECK(english_in(r.zh, none).empty());
    check_punctuation(r.zh);
  }
}

TEST_CASE("drop reasons read in Chinese", "[app][zh]") {
  struct Drops {
    const char *file, *what;
    uint64_t read;
    std::vector<const char*> reasons;
  };
  for (const Drops& d : {Drops{"a.csv", "stations", 5, {"non-numeric area", "negative cost"}},
                         Drops{"b.csv", "candidates", 4, {}},
                         Drops{"c.csv", "demand points", 9, {"missing or non-numeric weight"}}}) {
    yz::DropReport rep;
    rep.source = d.file;
    rep.what = d.what;
    rep.read = d.read;
    rep.kept = d.read - d.reasons.size();
    for (const char* r : d.reasons) rep.drop(0, "x", {NAN, NAN}, r);
    const std::string zh = yz::app::render_message(yz::summary_message(rep), yz::app::Lang::zh);
    INFO(rep.summary() << " -> " << zh);
    CHECK(english_in(zh, std::regex("[abc]\\.csv")).empty());
  }
}

TEST_CASE("the engine's Chinese messages hold no English", "[app][zh]") {
  // Every entry of the message catalogue, its placeholders (filled with names and values) aside.
  // Besides kAllowed: names of formats, libraries, columns, tables and option values the planner
  // reads or types as they are.
  static const std::set<std::string> names = {"Excel",
                                              "GDAL",
                                              "JSON",
                                              "LineString",
                                              "MB",
                                              "NO",
                                              "NUL",
                                              "T",
                                              "USE_CUSTOM_INDEXING",
                                              "UTF-16/UTF-32",
                                              "UTF-8",
                                              "UTM",
                                              "Unicode",
                                              "XLSX",
                                              "xlsx",
                                              "zlib",
                                              "dpi",
                                              "all",
                                              "none",
                                              "bank",
                                              "mall",
                                              "both",
                                              "either",
                                              "walk",
                                              "radius",
                                              "criterion",
                                              "suggested",
                                              "candidates",
                                              "stations",
                                              "demand",
                                              "yizhan",
                                              "worker-hours",
                                              "extra_json",
                                              "scenario_index",
                                              "host_type",
                                              "key/value",
                                              "lon_gcj02",
                                              "lon/lng/longitude/x",
                                              "lat/latitude/y",
                                              "weight/workers/count",
                                              "count/workers/weight/population",
                                              "candidates-crs",
                                              "sites-crs",
                                              "demand-crs",
                                              "layer-crs",
                                              "exclude-crs", "FILE", "admin_level", "highway", "oneway", "yes", "no", "if_foot_allowed",
      "if_bicycle_allowed", "forward", "backward", "closed", "osm.pbf",
      // Quoted literally: the JSON keys a data file must use, the libraries' names, and (cli_*
      // codes, printed by `--lang zh` commands) the command line's flags and values.
      "amenities", "categories", "cities", "components", "default", "groups", "key", "name",
      "peak_share", "per_km", "spacing_m", "station_id", "tags", "value", "values", "weekday",
      "weekend", "workers", "week", "Document", "KML", "JSON", "GDAL", "GEOS", "MakeValid",
      "YIZHAN_DATA", "data", "CATEGORIES", "METRES", "F", "G", "M", "N", "X", "x", "x1200",
      "x480", "x800", "all", "bom", "no-bom", "budget", "demo", "demo-nodes",
      "district-name-field", "double", "double-second", "en", "zh", "from-pois", "grid-m", "k",
      "layer", "layers", "map", "objective", "out", "rider", "scenarios", "screenshot", "session",
      "sites", "suggest", "target", "when"};
  const std::regex placeholder("\\{[a-z_]+\\}"), exponent("[0-9]e[+]?[0-9]+");
  for (const std::string& zh : yz::app::message_strings()) {
    const std::string t =
        std::regex_replace(std::regex_replace(zh, placeholder, " "), exponent, " ");
    INFO(zh);
    for (const auto& w : english_in(t, std::regex("$^"))) CHECK(names.count(w) == 1);
    check_punctuation(zh);
  }
}

TEST_CASE("the Chinese report and export summary hold no English", "[app][zh]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --k 5 --min-gain 2% --lang zh --formats pdf " +
                          "--out-dir " + dir + "/out",
                      out) == 0);
  INFO(out);
  const std::regex ids("[sc][0-9]+");  // the demo city's station and candidate ids
  // The summary lines (the file list below them is paths).
  const std::string summary = out.substr(0, out.find("\n  "));
  CHECK(english_in(summary, ids).empty());
  CHECK_THAT(summary, Catch::Contains("已写出"));
  std::string text;
  REQUIRE(run_command("pdftotext " + dir + "/out/report.pdf -", text) == 0);
  const auto words = english_in(text, ids);
  std::string list;
  for (const auto& w : words) list += w + " ";
  INFO("English in the PDF: " << list);
  CHECK(words.empty());
  check_punctuation(text);
  // The plain-words proof and the curve are there.
  CHECK_THAT(text, Catch::Contains("已证明"));
  CHECK_THAT(text, Catch::Contains("覆盖曲线"));
  CHECK_THAT(text, Catch::Contains("增益甚微"));
}

TEST_CASE("the Chinese export summary and report with districts and the rider test hold no English",
          "[app][zh]") {
  const std::string dir = temp_dir();
  // Two districts splitting the demo city (centre 114.30, 30.58) at its centre meridian.
  const std::string districts = dir + "/demo_districts.csv";
  std::ofstream(districts) << "WKT,名称\n"
                              "\"POLYGON((114.25 30.54,114.30 30.54,114.30 30.62,114.25 "
                              "30.62,114.25 30.54))\",西区街道\n"
                              "\"POLYGON((114.30 30.54,114.35 30.54,114.35 30.62,114.30 "
                              "30.62,114.30 30.54))\",东区街道\n";
  // A Chinese file name, as a planner names it (the report quotes the source's name).
  const std::string gpkg = dir + "/分区.gpkg";
  std::string ignored;
  REQUIRE(run_command("ogr2ogr -f GPKG -a_srs EPSG:4326 " + gpkg + " " + districts +
                          " -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO -nln d",
                      ignored) == 0);
  std::string out;
  REQUIRE(run_command("cd " + dir + " && " + cli_exe() +
                          " export --demo --k 3 --lang zh --formats pdf --rider --districts "
                          "分区.gpkg --out-dir dist_out",
                      out) == 0);
  INFO(out);
  const std::regex ids("[sc][0-9]+");
  // Everything above the list of files written (the rider lines are indented too).
  const std::string summary = out.substr(0, out.find("已写出"));
  CHECK_THAT(summary, Catch::Contains("分区覆盖") && Catch::Contains("西区街道") &&
                          Catch::Contains("骑行可达"));
  std::string list;
  for (const auto& w : english_in(summary, ids)) list += w + " ";
  INFO("English in the summary: " << list);
  CHECK(list.empty());
  std::string text;
  REQUIRE(run_command("pdftotext " + dir + "/dist_out/report.pdf -", text) == 0);
  list.clear();
  for (const auto& w : english_in(text, ids)) list += w + " ";
  INFO("English in the PDF: " << list);
  CHECK(list.empty());
  check_punctuation(text);
}

TEST_CASE("no app string calls an estimate people: every figure said in 人 has an estimate twin",
          "[app][zh]") {
  // Street-length and map-proxy demand are estimates, never head counts (issue 12). A string
  // that puts a figure (%.0f) beside 人 / 人数 is for planner-counted workers only; its twin named
  // *_est / *_est_fmt is shown for estimates and says 估算 without 人.
  struct Row {
    std::string key, en, zh;
  };
  static const Row rows[] = {
#define X(key, en, zh) {#key, en, zh},
#include "app/text/strings.def"
#undef X
  };
  std::map<std::string, const Row*> by_key;
  for (const Row& r : rows) by_key[r.key] = &r;
  auto twin_of = [](const std::string& k) {
    const std::string fmt = "_fmt";
    if (k.size() > fmt.size() && k.compare(k.size() - fmt.size(), fmt.size(), fmt) == 0)
      return k.substr(0, k.size() - fmt.size()) + "_est_fmt";
    return k + "_est";
  };
  int people = 0;
  for (const Row& r : rows) {
    const bool figure = r.zh.find("%.0f") != std::string::npos || r.key == "least_useful" ||
                        r.key == "upgrade_first";
    if (!figure || r.zh.find("人") == std::string::npos) continue;
    if (r.key.find("_est") != std::string::npos) continue;
    ++people;
    INFO(r.key << ": " << r.zh);
    REQUIRE(by_key.count(twin_of(r.key)) == 1);
    const Row& t = *by_key[twin_of(r.key)];
    CHECK(t.zh.find("人") == std::string::npos);
    CHECK(t.zh.find("估算") != std::string::npos);
    CHECK(t.en.find("people") == std::string::npos);
  }
  CHECK(people >= 5);  // overstates, joins, radius_overstates, removal, upgrade, ...
}
