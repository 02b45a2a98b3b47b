// The benchmark's OSM node count: exact on a hand-written XML file, and on every real extract equal
// to what GDAL's own OSM driver reports when asked for every node (report_all_nodes=yes).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <sstream>

#include "bench/osm_node_count.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;

TEST_CASE("OSM XML: every <node> counted, nothing else", "[map][bench]") {
  OsmXml osm;
  for (int i = 1; i <= 37; ++i) osm.node(i, 114.3 + 1e-4 * i, 30.6);
  osm.way(1, {1, 2, 3}, {{"highway", "residential"}, {"note", "<nodes> are not nodes"}});
  CHECK(count_osm_nodes(osm.write(temp_dir() + "/n.osm")) == 37);
  std::ofstream(temp_dir() + "/bad.pbf") << "this is not a PBF file at all";
  CHECK_THROWS_AS(count_osm_nodes(temp_dir() + "/bad.pbf"), InputError);
}

TEST_CASE("real extracts: the count agrees with GDAL's reading of every node",
          "[map][bench][data]") {
  const std::string dir = require_data_dir() + "/osm/";
  // GDAL's own configuration plus report_all_nodes: its points layer then holds every node.
  const std::string conf = temp_dir() + "/all_nodes.ini";
  {
    std::ifstream in(data_file("osmconf.ini"));
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const size_t at = text.find("report_all_nodes=no");
    REQUIRE(at != std::string::npos);
    text.replace(at, 19, "report_all_nodes=yes");
    std::ofstream(conf) << text;
  }
  GDALAllRegister();
  for (const char* name :
       {"london_city.osm.pbf", "munich_center.osm.pbf", "cn_guixi_jiangxi.osm"}) {
    const std::string path = require_file(dir + name, name);
    INFO(name);
    const std::string oo_conf = "CONFIG_FILE=" + conf;
    const char* oo[] = {oo_conf.c_str(), "INTERLEAVED_READING=YES", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo, nullptr));
    REQUIRE(ds);
    uint64_t points = 0;
    OGRLayer* layer = nullptr;
    for (;;) {
      OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, nullptr, nullptr, nullptr));
      if (!f) break;
      points += std::string(layer->GetName()) == "points";
    }
    REQUIRE(points > 1000);
    CHECK(count_osm_nodes(path) == points);
  }
}
