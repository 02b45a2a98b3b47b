// No English left in what a Chinese-speaking planner reads: the app's Chinese strings table, drop
// reasons translated from the engine, the Chinese PDF report (pdftotext) and the CLI's Chinese
// export summary. Proper names, codes and option names a planner types are allowed (kAllowed);
// site ids come from the plan. Also: no "->" and no space before a full-width bracket.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "app/engine_messages.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

// Names and codes that stay as they are in Chinese text.
const std::set<std::string> kAllowed = {
    "Yizhan",   "OpenStreetMap", "OSM",        "PBF",       "XML",
    "GPS",      "GIS",           "WGS-84",     "GCJ-02",    "BD-09",
    "EPSG",     "CSV",           "BOM",        "Excel/WPS", "GeoTIFF",
    "PNG",      "PDF",           "GeoPackage", "NaN",       "gzip",
    "bzip2",    "osm",           "gcj02",      "bd09",      "EN",
    "Language", "island-m",      "min-gain",   "joins",     "yizhan_session",
    "pdf",      "csv",           "png",        "gpkg",      "geojson",
    "kml",      "shp",           "tif",        "districts"};

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
#include "app/strings.def"
#undef X
  };
  for (const Row& r : rows) {
    INFO(r.key << ": " << r.zh);
    CHECK(english_in(r.zh, none).empty());
    check_punctuation(r.zh);
  }
}

TEST_CASE("drop reasons read in Chinese", "[app][zh]") {
  const std::regex none("$^");
  for (const char* msg :
       {"a.csv: read 5 stations, kept 3, dropped 2 (1 non-numeric area, 1 negative cost)",
        "b.csv: read 4 candidates, kept 4, dropped 0",
        "c.csv: read 9 demand points, kept 8, dropped 1 (1 missing or non-numeric weight)"}) {
    const std::string zh = yz::app::translate_message(msg, yz::app::Lang::zh);
    INFO(msg << " -> " << zh);
    const auto words = english_in(zh, std::regex("[abc]\\.csv"));
    CHECK(words.empty());
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
