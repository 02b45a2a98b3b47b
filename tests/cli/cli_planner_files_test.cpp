// Planners' files end to end (issue 10): a station list saved as .xlsx with 经度/纬度 headers (it
// used to give "none of the sites could be used"), a GBK CSV whose "24小时" and "状态" are also
// valid UTF-8, and the station list handed back as .xlsx with the CSV's columns, the CSVs with a
// byte-order mark under --lang zh unless --no-bom. Outputs are read back with GDAL and a parser
// written here.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

bool has_bom(const std::string& path) {
  return slurp(path).rfind("\xEF\xBB\xBF", 0) == 0;
}

// Rows of a CSV without quoted commas (what these outputs hold), the mark and CR removed.
std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
  std::string text = slurp(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    rows.emplace_back(1);
    for (char c : line) {
      if (c == ',')
        rows.back().emplace_back();
      else
        rows.back().back().push_back(c);
    }
  }
  return rows;
}

void write_xlsx_stations(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("XLSX")->Create(
      path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  OGRLayer* l = ds->CreateLayer("驿站", nullptr, wkbNone, nullptr);
  OGRFieldDefn id("编号", OFTString), name("站点名称", OFTString), lon("经度", OFTReal),
      lat("纬度", OFTString), type("建设类型", OFTString);
  for (auto* f : {&id, &name, &lon, &lat, &type}) REQUIRE(l->CreateField(f) == OGRERR_NONE);
  struct Row {
    const char* id;
    const char* name;
    double lon;
    const char* lat;
    const char* type;
  };
  for (const Row& r : {Row{"nj1", "新街口驿站", 118.7785, "32.0418", "共建"},
                       Row{"nj2", "鼓楼广场驿站", 118.7790, "32.0500", "独立"},
                       Row{"nj3", "大行宫环卫驿站", 118.7900, "32.0430", "共享"}}) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField(0, r.id);
    f->SetField(1, r.name);
    f->SetField(2, r.lon);
    f->SetField(3, r.lat);
    f->SetField(4, r.type);
    REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
  }
}

}  // namespace

TEST_CASE("export reads an .xlsx station list and hands the list back as .xlsx",
          "[cli][export][spreadsheet][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/xlsx";
  fs::create_directories(dir);
  write_xlsx_stations(dir + "/stations.xlsx");
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.xlsx --formats csv --lang zh --out-dir " + dir + "/out",
                      out) == 0);
  INFO(out);
  CHECK(out.find("保留 3 个") != std::string::npos);  // the summary in Chinese with --lang zh
  // --lang zh: the mark by default, on every CSV.
  CHECK(has_bom(dir + "/out/stations_webmap.csv"));
  CHECK(has_bom(dir + "/out/csv/stations.csv"));
  // The workbook holds the CSV's columns and values.
  const auto rows = csv_rows(dir + "/out/stations_webmap.csv");
  REQUIRE(rows.size() == 4);
  GDALDatasetUniquePtr x(
      GDALDataset::Open((dir + "/out/stations_webmap.xlsx").c_str(), GDAL_OF_VECTOR));
  REQUIRE(x);
  OGRLayer* l = x->GetLayer(0);
  const OGRFeatureDefn& def = *l->GetLayerDefn();
  REQUIRE(def.GetFieldCount() == static_cast<int>(rows[0].size()));
  for (int i = 0; i < def.GetFieldCount(); ++i)
    CHECK(def.GetFieldDefn(i)->GetNameRef() == rows[0][i]);
  size_t r = 1;
  for (auto& f : *l) {
    REQUIRE(r < rows.size());
    for (int i = 0; i < def.GetFieldCount(); ++i) {
      INFO("row " << r << " column " << rows[0][i]);
      if (def.GetFieldDefn(i)->GetType() == OFTReal)
        CHECK(f->GetFieldAsDouble(i) == Approx(std::stod(rows[r][i])).margin(1e-7));
      else
        CHECK(f->GetFieldAsString(i) == rows[r][i]);
    }
    ++r;
  }
  CHECK(r == rows.size());
  CHECK(rows[1][0] == "nj1");
  CHECK(rows[1][1] == "新街口驿站");
  CHECK(rows[1][2] == "co-built");
  CHECK(std::stod(rows[1][4]) == Approx(118.7785).margin(1e-7));
  CHECK(std::stod(rows[1][5]) == Approx(32.0418).margin(1e-7));  // from a text cell

  SECTION("--no-bom, and --lang en, leave the mark out") {
    for (const char* opts : {"--lang zh --no-bom", "--lang en"}) {
      INFO(opts);
      const std::string o = dir + "/out_" + std::to_string(std::hash<std::string>{}(opts));
      REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                              "/stations.xlsx --formats csv " + opts + " --out-dir " + o,
                          out) == 0);
      CHECK(!has_bom(o + "/stations_webmap.csv"));
      CHECK(!has_bom(o + "/csv/stations.csv"));
      CHECK(slurp(o + "/stations_webmap.csv").rfind("site_id,", 0) == 0);
    }
  }
}

TEST_CASE("export of a GBK station CSV: 24小时 and 状态 survive into every output",
          "[cli][export][encoding][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/gbk";
  fs::create_directories(dir);
  std::ofstream(dir + "/utf8.csv") << "编号,站点名称,经度,纬度,状态,开放时间\n"
                                   << "nj1,新街口驿站,118.7785,32.0418,规划,24小时\n"
                                   << "nj2,鼓楼广场驿站,118.7790,32.0500,已建,24小时\n";
  std::string out;
  REQUIRE(run_command("iconv -f UTF-8 -t GBK " + dir + "/utf8.csv > " + dir + "/gbk.csv", out) ==
          0);
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/gbk.csv --formats csv,gpkg --out-dir " + dir + "/out",
                      out) == 0);
  INFO(out);
  const std::string layer_csv = slurp(dir + "/out/csv/stations.csv");
  CHECK(layer_csv.find("24小时") != std::string::npos);
  CHECK(layer_csv.find("24Сʱ") == std::string::npos);
  CHECK(layer_csv.find("状态") != std::string::npos);
  const auto rows = csv_rows(dir + "/out/stations_webmap.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][1] == "新街口驿站");
  GDALAllRegister();
  GDALDatasetUniquePtr g(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(g);
  OGRLayer* st = g->GetLayerByName("stations");
  REQUIRE(st);
  int hours = st->GetLayerDefn()->GetFieldIndex("开放时间");
  REQUIRE(hours >= 0);
  for (auto& f : *st) CHECK(std::string(f->GetFieldAsString(hours)) == "24小时");
}

TEST_CASE("coverage --out x.csv: the byte-order mark on request", "[cli][coverage][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/cov";
  fs::create_directories(dir);
  std::ofstream(dir + "/s.csv") << "编号,名称,经度,纬度\nnj1,新街口驿站,118.7785,32.0418\n";
  std::string out;
  for (const bool bom : {true, false}) {
    // (each run its own folder: GDAL's CSV driver writes the other layers beside the file)
    std::string o = dir + (bom ? "/with" : "/without");
    fs::create_directories(o);
    o += "/coverage.csv";
    REQUIRE(run_command(cli_exe() + " coverage --map " + map + " --sites " + dir + "/s.csv --out " +
                            o + " --no-areas" + (bom ? " --bom" : ""),
                        out) == 0);
    INFO(out);
    CHECK(has_bom(o) == bom);
    CHECK(slurp(o).find("新街口驿站") != std::string::npos);
  }
}
