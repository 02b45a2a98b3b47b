// Maps that lost part of themselves, and messages that must name the right thing: a .osm.pbf cut
// inside a block or at a block boundary, an OSM XML file whose ways reference missing nodes, a bad
// --crs (no raw GDAL/PROJ line before Yizhan's message), and a demand --layer with no workers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {

std::string run_yizhan(const std::string& args, int& rc) {
  std::string out;
  rc = run_command("timeout 120 " + cli_exe() + " " + args, out);
  return out;
}

std::string write_text(const std::string& name, const std::string& text) {
  const std::string p = temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string cut_copy(const std::string& src, const std::string& name, uintmax_t size) {
  const std::string dst = temp_dir() + "/" + name;
  fs::copy_file(src, dst, fs::copy_options::overwrite_existing);
  fs::resize_file(dst, size);
  return dst;
}

// Offset of the last block of a PBF file (4-byte big-endian BlobHeader length, BlobHeader whose
// field 3 is the blob's size), read here independently of the engine.
uintmax_t last_block_start(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string b((std::istreambuf_iterator<char>(in)), {});
  size_t at = 0, last = 0;
  while (at + 4 <= b.size()) {
    last = at;
    const auto* u = reinterpret_cast<const unsigned char*>(b.data() + at);
    const size_t hlen = (size_t(u[0]) << 24) | (size_t(u[1]) << 16) | (size_t(u[2]) << 8) | u[3];
    size_t i = at + 4, end = i + hlen, datasize = 0;
    while (i < end) {
      const unsigned key = static_cast<unsigned char>(b[i++]);
      uint64_t v = 0;
      for (int shift = 0;; shift += 7) {
        const unsigned char c = static_cast<unsigned char>(b[i++]);
        v |= uint64_t(c & 0x7F) << shift;
        if (!(c & 0x80)) break;
      }
      if ((key & 7) == 2) i += v;
      if ((key >> 3) == 3) datasize = v;
    }
    at = end + datasize;
  }
  return last;
}

}  // namespace

TEST_CASE("the first 100 bytes of a .osm.pbf: truncated, not 'no roads'",
          "[cli][bad-input][real]") {
  const std::string src = require_file(data_dir() + "/osm/helsinki_center.osm.pbf", "a real PBF");
  const std::string cut = cut_copy(src, "trunc_100.osm.pbf", 100);
  const std::string sites = write_text("hel_sites.csv", "lon,lat\n24.944,60.170\n");
  int rc = 0;
  const std::string out = run_yizhan(
      "coverage --map " + cut + " --sites " + sites + " --out " + temp_dir() + "/o.gpkg --no-areas --overwrite",
      rc);
  INFO(out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("trunc_100.osm.pbf") && Catch::Contains("truncated") &&
                      !Catch::Contains("no roads"));
}

TEST_CASE("a .osm.pbf cut at a block boundary loads with a warning in the summary and JSON",
          "[cli][bad-input][real]") {
  const std::string src =
      require_file(data_dir() + "/osm/heidelberg_region_roads.osm.pbf", "a real PBF to cut");
  const std::string cut = cut_copy(src, "hd_boundary.osm.pbf", last_block_start(src));
  const std::string sites = write_text("hd_sites.csv", "lon,lat\n8.6946,49.4093\n");
  const std::string args =
      "coverage --map " + cut + " --sites " + sites + " --out " + temp_dir() + "/o.gpkg --no-areas --overwrite";
  int rc = 0;
  const std::string text = run_yizhan(args, rc);
  INFO(text);
  CHECK(rc == 0);
  CHECK_THAT(text, Catch::Contains("note: " + cut) && Catch::Contains("belong to no way") &&
                       Catch::Contains("truncated"));
  const std::string js = run_yizhan(args + " --json", rc);
  REQUIRE(rc == 0);
  const auto j = nlohmann::json::parse(js);
  CHECK(j["network"]["missing_nodes"]["untagged_nodes_in_no_way"].get<uint64_t>() > 0);
}

TEST_CASE("an OSM XML map whose ways reference missing nodes: counted in the summary and JSON",
          "[cli][bad-input]") {
  // A 4 x 4 grid of complete residential streets near Wuhan, plus 6 roads that lost nodes: 3 with
  // none present, 1 with one present (dropped: 4) and 2 shortened.
  constexpr double lon0 = 114.30, lat0 = 30.60;
  auto lon = [&](double dx) { return lon0 + dx / (111320.0 * std::cos(lat0 * kDeg)); };
  auto lat = [&](double dy) { return lat0 + dy / 110574.0; };
  OsmXml osm;
  auto nid = [](int i, int j) { return static_cast<int64_t>(1 + i * 4 + j); };
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) osm.node(nid(i, j), lon(200.0 * i), lat(200.0 * j));
  const Tags road{{"highway", "residential"}};
  int64_t wid = 1;
  for (int i = 0; i < 4; ++i) {
    osm.way(wid++, {nid(i, 0), nid(i, 1), nid(i, 2), nid(i, 3)}, road);
    osm.way(wid++, {nid(0, i), nid(1, i), nid(2, i), nid(3, i)}, road);
  }
  for (int k = 0; k < 3; ++k) osm.way(wid++, {500 + k, 600 + k}, road);
  osm.way(wid++, {nid(0, 0), 700}, road);
  osm.way(wid++, {nid(0, 0), 701, nid(1, 1)}, road);
  osm.way(wid++, {nid(2, 2), 702, 703, nid(3, 3)}, road);
  const std::string map = osm.write(temp_dir() + "/lost_nodes.osm");
  char buf[100];
  std::snprintf(buf, sizeof buf, "lon,lat\n%.7f,%.7f\n", lon(300), lat(300));
  const std::string sites = write_text("lost_sites.csv", buf);
  const std::string args =
      "coverage --map " + map + " --sites " + sites + " --out " + temp_dir() + "/o.gpkg --no-areas --overwrite";
  int rc = 0;
  const std::string text = run_yizhan(args, rc);
  INFO(text);
  CHECK(rc == 0);
  CHECK_THAT(text, Catch::Contains("6 of 14 roads reference nodes missing from the file") &&
                       Catch::Contains("4 dropped entirely") && Catch::Contains("2 shortened"));
  const auto j = nlohmann::json::parse(run_yizhan(args + " --json", rc));
  const auto& m = j["network"]["missing_nodes"];
  CHECK(m["roads_in_file"] == 14);
  CHECK(m["roads_referencing_missing_nodes"] == 6);
  CHECK(m["roads_dropped"] == 4);
  CHECK(m["roads_shortened"] == 2);
  // GDAL's lines plus the dropped roads are every road in the file.
  CHECK(j["network"]["ways_read"].get<int>() + m["roads_dropped"].get<int>() == 14);
}

TEST_CASE("an unknown --crs: Yizhan's message only, no raw GDAL/PROJ line", "[cli][bad-input]") {
  OsmXml osm;
  osm.node(1, 114.30, 30.60);
  osm.node(2, 114.302, 30.60);
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  const std::string map = osm.write(temp_dir() + "/crs_map.osm");
  const std::string sites = write_text("crs_sites.csv", "lon,lat\n114.301,30.60\n");
  int rc = 0;
  const std::string out = run_yizhan("coverage --map " + map + " --sites " + sites +
                                         " --crs EPSG:999999 --overwrite --out " + temp_dir() + "/o.gpkg",
                                     rc);
  INFO(out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::StartsWith("yizhan: error: --crs") && Catch::Contains("EPSG:999999"));
  CHECK_THAT(out, !Catch::Contains("ERROR 1") && !Catch::Contains("PROJ:"));
}

TEST_CASE(
    "demand --layer whose counts hold no workers names the layer, not the map; an empty "
    "--layer is refused",
    "[cli][bad-input]") {
  OsmXml osm;
  osm.node(1, 114.30, 30.60);
  osm.node(2, 114.302, 30.60);
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  const std::string map = osm.write(temp_dir() + "/demand_map.osm");
  const std::string zero = write_text("zero_counts.csv", "lon,lat,count\n114.301,30.60,0\n");
  int rc = 0;
  std::string out = run_yizhan(
      "demand --map " + map + " --layer " + zero + " --overwrite --out " + temp_dir() + "/d.gpkg", rc);
  INFO(out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("zero_counts.csv") && Catch::Contains("no workers") &&
                      !Catch::Contains("demand_map.osm"));
  out = run_yizhan("demand --map " + map + " --layer '' --out " + temp_dir() + "/d.gpkg", rc);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("--layer") && Catch::Contains("empty file name"));
}

TEST_CASE("a CSV repeating its longitude column is refused, not a crash (found by fuzzing)",
          "[cli][bad-input]") {
  OsmXml osm;
  osm.node(1, 114.30, 30.60);
  osm.node(2, 114.302, 30.60);
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  const std::string map = osm.write(temp_dir() + "/dup_map.osm");
  // GDAL 3.6's CSV reader crashed (exit 139) on these headers: a repeated coordinate column, or
  // two columns that both name longitude ("id,lon,x,lat": found by the fuzzer in CI).
  for (const std::string header :
       {"lon,LON,lat", "经度,经度,纬度", "lon,x,lat", "lon,经度,lat", "lon,lat,y",
        // a header GDAL alone would take for data (it names the columns field_1...)
        ",经度,118.7,id,经度,纬度"}) {
    INFO(header);
    const std::string sites =
        write_text("dup_cols.csv", header + "\n114.301,114.301,30.60\n");
    int rc = 0;
    const std::string out = run_yizhan("coverage --map " + map + " --sites " + sites +
                                           " --sites-crs gcj02 --overwrite --out " + temp_dir() + "/o.gpkg",
                                       rc);
    INFO(out);
    CHECK(rc == 2);
    CHECK_THAT(out, Catch::Contains("dup_cols.csv") && Catch::Contains("more than one") &&
                        Catch::Contains("(column 2)"));
  }
}
