// yizhan export end to end: the demo plan with suggestions in every format, --help explaining
// each output, bad options answered with exit code 2.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

TEST_CASE("yizhan export --demo --k writes every output", "[cli][export]") {
  const std::string dir = temp_dir() + "/out";
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --k 2 --time-limit 3 --out-dir " + dir +
                          " --png-size 1200x900 --cell-m 100 --bom",
                      out) == 0);
  INFO(out);
  for (const char* f : {"plan.gpkg", "plan.kml", "geojson/stations.geojson", "shp/stations.shp",
                        "shp/stations.cpg", "shp/stations.prj", "csv/demand.csv",
                        "stations_webmap.csv", "accessibility.tif", "map.png", "report.pdf"})
    CHECK(fs::exists(dir + "/" + f));
  CHECK(out.find("16 个驿站（其中建议新站 2 个）") != std::string::npos);  // --lang zh, the default
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  CHECK(ds->GetLayerByName("suggestions")->GetFeatureCount() == 2);
  CHECK(ds->GetLayerByName("stations")->GetFeatureCount() == 16);
  // --bom: the CSV starts with the UTF-8 byte-order mark.
  std::ifstream csv(dir + "/csv/stations.csv", std::ios::binary);
  char bom[3] = {};
  csv.read(bom, 3);
  CHECK(std::string(bom, 3) == "\xEF\xBB\xBF");
  GDALDatasetUniquePtr png(GDALDataset::Open((dir + "/map.png").c_str(), GDAL_OF_RASTER));
  REQUIRE(png);
  CHECK(png->GetRasterXSize() == 1200);
}

TEST_CASE("yizhan export: a subset of formats, and only those", "[cli][export]") {
  const std::string dir = temp_dir() + "/subset";
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --formats geojson,tif --out-dir " + dir, out) ==
          0);
  CHECK(fs::exists(dir + "/geojson/stations.geojson"));
  CHECK(fs::exists(dir + "/geojson/candidates.geojson"));
  CHECK(fs::exists(dir + "/accessibility.tif"));
  CHECK(!fs::exists(dir + "/plan.gpkg"));
  CHECK(!fs::exists(dir + "/map.png"));
  CHECK(!fs::exists(dir + "/geojson/suggestions.geojson"));  // no --k, no suggestions
}

TEST_CASE("yizhan export --help explains each output; bad options exit 2", "[cli][export]") {
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --help", out) == 0);
  for (const char* w :
       {"GCJ-02", "BD-09", "accessibility.tif", "report.pdf", "map.png", ".cpg",
        "walk_areas_nearest", "coverage_gaps", "--lang", "--bom", "--cell-m", "--png-size"})
    CHECK(out.find(w) != std::string::npos);
  const std::string dir = temp_dir() + "/bad";
  CHECK(run_command(cli_exe() + " export --demo --formats gpkg,docx --out-dir " + dir, out) == 2);
  CHECK(out.find("docx") != std::string::npos);
  CHECK(run_command(cli_exe() + " export --demo --lang fr --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --demo --png-size big --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --demo --cell-m 0 --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --map /nonexistent.osm --stations x.csv --out-dir " + dir,
                    out) == 2);
}

TEST_CASE(
    "yizhan export on a real Chinese extract: station CSV with Chinese names and web-map "
    "coordinates",
    "[cli][export][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/nanjing";
  fs::create_directories(dir);
  {
    std::ofstream f(dir + "/stations.csv");
    f << "编号,站点名称,经度,纬度,建设类型,成本\n"
      << "nj1,新街口驿站,118.7785,32.0418,共建,12000\n"
      << "nj2,\"鼓楼广场驿站, 北\",118.7790,32.0500,独立,\n"
      << "nj3,大行宫环卫驿站,118.7900,32.0430,共享,9000\n";
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.csv --formats csv,shp,png,pdf --bom --lang zh --out-dir " +
                          dir + "/out",
                      out) == 0);
  INFO(out);
  std::ifstream csv(dir + "/out/stations_webmap.csv", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(text.find("新街口驿站") != std::string::npos);
  CHECK(text.find("\"鼓楼广场驿站, 北\"") != std::string::npos);  // quoted: it holds a comma
  // GCJ-02 of Xinjiekou is about 0.005° east and 0.002° south of WGS-84 (Amap's offset there).
  const size_t row = text.find("nj1,");
  REQUIRE(row != std::string::npos);
  const std::string line = text.substr(row, text.find('\n', row) - row);
  double lon = 0, lat = 0, glon = 0, glat = 0, blon = 0, blat = 0;
  REQUIRE(std::sscanf(line.c_str(), "nj1,新街口驿站,co-built,existing,%lf,%lf,%lf,%lf,%lf,%lf",
                      &lon, &lat, &glon, &glat, &blon, &blat) == 6);
  CHECK(lon == Approx(118.7785).margin(1e-7));
  CHECK(glon - lon == Approx(0.0050).margin(0.0015));
  CHECK(glat - lat == Approx(-0.0020).margin(0.0015));
  CHECK(blon - glon == Approx(0.0065).margin(0.0015));
  CHECK(blat - glat == Approx(0.0060).margin(0.0015));
  // The Shapefile carries the Chinese names (UTF-8 .cpg) and the OSM attribution is on the map.
  GDALAllRegister();
  GDALDatasetUniquePtr shp(
      GDALDataset::Open((dir + "/out/shp/stations.shp").c_str(), GDAL_OF_VECTOR));
  REQUIRE(shp);
  bool found = false;
  for (auto& f : *shp->GetLayer(0))
    found |= std::string(f->GetFieldAsString("name")) == "大行宫环卫驿站" &&
             std::string(f->GetFieldAsString("建设类")) == "共享";  // 建设类型 cut to 9 bytes
  CHECK(found);
  CHECK(fs::exists(dir + "/out/map.png"));
  // The credit is drawn on the map itself: the text inside the map's rectangle on page 1 (the
  // data line above it, which also names the licence, lies outside the crop).
  std::string map_text, page1;
  REQUIRE(run_command("pdftotext -f 1 -l 1 -x 40 -y 100 -W 515 -H 515 " + dir + "/out/report.pdf -",
                      map_text) == 0);
  CHECK(map_text.find("© OpenStreetMap contributors") != std::string::npos);
  CHECK(map_text.find("ODbL") == std::string::npos);
  REQUIRE(run_command("pdftotext -f 1 -l 1 " + dir + "/out/report.pdf -", page1) == 0);
  CHECK(page1.find("数据：cn_nanjing_xinjiekou.osm") !=
        std::string::npos);  // the file, not its path
  CHECK(page1.find(data_dir()) == std::string::npos);
  CHECK(out.find("stations.csv: 读取 3 个站点，保留 3 个，舍弃 0 个") != std::string::npos);
}

TEST_CASE("yizhan export is deterministic", "[cli][export]") {
  const std::string a = temp_dir() + "/det_a", b = temp_dir() + "/det_b";
  std::string out;
  for (const auto& dir : {a, b})
    REQUIRE(run_command(cli_exe() +
                            " export --demo --k 2 --time-limit 3 --formats geojson,csv --out-dir " +
                            dir,
                        out) == 0);
  auto slurp = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  };
  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), a).string();
    INFO(rel);
    CHECK(slurp(e.path().string()) == slurp(b + "/" + rel));
    ++compared;
  }
  CHECK(compared >= 15);  // 9 layers in each of GeoJSON and CSV, and the web-map list
}

TEST_CASE("yizhan export: input columns named like the export's own are kept, not fatal",
          "[cli][export]") {
  const std::string dir = temp_dir() + "/clash";
  fs::create_directories(dir);
  {
    std::ofstream f(dir + "/st.csv");
    f << "id,name,lon,lat,plan,snap,Walk_Workers\n"
      << "a1,东站,114.300,30.580,phase 2,x,5\n"
      << "a2,西站,114.310,30.585,phase 1,y,6\n";
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --stations " + dir +
                          "/st.csv --formats gpkg,shp --out-dir " + dir + "/out",
                      out) == 0);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("stations");
  REQUIRE(l->GetFeatureCount() == 2);
  OGRFeatureUniquePtr f(l->GetNextFeature());
  CHECK(std::string(f->GetFieldAsString("plan")) == "existing");
  CHECK(std::string(f->GetFieldAsString("plan_input")) == "phase 2");
  CHECK(std::string(f->GetFieldAsString("snap_2")) == "x");
  CHECK(std::string(f->GetFieldAsString("Walk_Workers_2")) == "5");
  CHECK(std::string(f->GetFieldAsString("name")) == "东站");
  CHECK(fs::exists(dir + "/out/shp/stations.dbf"));
}

namespace {
std::string slurp_file(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// The web-map list's host_type per station id.
std::map<std::string, std::string> webmap_host_types(const std::string& path) {
  std::map<std::string, std::string> out;
  std::istringstream in(slurp_file(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f(1);
    for (char c : line) {
      if (c == ',')
        f.emplace_back();
      else if (c != '\r')
        f.back().push_back(c);
    }
    if (f.size() > 2) out[f[0]] = f[2];
  }
  return out;
}
}  // namespace

TEST_CASE("yizhan export reads Chinese station and candidate columns exactly as suggest does",
          "[cli][export]") {
  const std::string dir = temp_dir() + "/zh_columns";
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --out-dir " + dir + "/demo", out) == 0);
  {
    std::ofstream s(dir + "/站点.csv"), c(dir + "/候选.csv");
    s << "编号,名称,经度,纬度,建设类型,成本\n"
      << "s1,江汉驿站,114.290,30.575,共建,50000\n"
      << "s2,汉正驿站,114.305,30.585,独立,80000.5\n"
      << "s3,流动服务车,114.315,30.570,流动车载,\n"
      << "s4,城外驿站,120.000,20.000,共建,1\n";  // far outside the map: dropped, and said so
    c << "编号,名称,经度,纬度,建设类型,成本\n";
    int n = 0;
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 4; ++j, ++n)
        c << "c" << n << ",候选点" << n << "," << 114.275 + 0.008 * i << "," << 30.565 + 0.006 * j
          << "," << (n % 2 ? "共享" : "联盟") << "," << 1000 * (2 + n % 5) << "\n";
  }
  const std::string inputs = " --map " + dir + "/demo/roads.gpkg --stations " + dir +
                             "/站点.csv --candidates " + dir + "/候选.csv --k 3 --time-limit 3";
  std::string sug;
  REQUIRE(run_command(cli_exe() + " suggest" + inputs + " --out " + dir + "/sug.gpkg --json",
                      sug) == 0);
  const auto j = nlohmann::json::parse(sug);
  REQUIRE(j["sites"].size() == 3);
  REQUIRE(run_command(cli_exe() + " export" + inputs +
                          " --formats gpkg,csv,pdf --lang zh --out-dir " + dir + "/out",
                      out) == 0);
  INFO(out);
  // Each input's read / kept / dropped line, as suggest prints it (in Chinese with --lang zh).
  CHECK(out.find("站点.csv: 读取 4 个站点，保留 3 个，舍弃 1 个") != std::string::npos);
  CHECK(out.find("在地图范围外") != std::string::npos);  // the reason, in Chinese
  CHECK(out.find("候选.csv: 读取 20 个候选点，保留 20 个，舍弃 0 个") != std::string::npos);
  // The same suggestions at the same costs (成本), not 1 each.
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* sl = ds->GetLayerByName("suggestions");
  REQUIRE(sl->GetFeatureCount() == 3);
  size_t k = 0;
  for (auto& f : *sl) {
    REQUIRE(k < j["sites"].size());
    CHECK(std::string(f->GetFieldAsString("site_id")) == j["sites"][k]["id"].get<std::string>());
    CHECK(f->GetFieldAsDouble("cost") == Approx(j["sites"][k]["cost"].get<double>()));
    CHECK(f->GetFieldAsDouble("cost") >= 2000);
    ++k;
  }
  // Host types from 建设类型, canonical, in the web-map list and the report's station table.
  const auto hosts = webmap_host_types(dir + "/out/stations_webmap.csv");
  CHECK(hosts.at("s1") == "co-built");
  CHECK(hosts.at("s2") == "standalone");
  CHECK(hosts.at("s3") == "mobile");
  for (const auto& s : j["sites"])
    CHECK((hosts.at(s["id"]) == "shared" || hosts.at(s["id"]) == "alliance"));
  std::string text;
  REQUIRE(run_command("pdftotext -layout " + dir + "/out/report.pdf -", text) == 0);
  for (const char* w : {"共建", "独立", "流动"}) CHECK(text.find(w) != std::string::npos);
  // Numbers stay numbers: 成本 and suggested_rank are numeric fields (empty = NULL).
  OGRLayer* st = ds->GetLayerByName("stations");
  OGRFeatureDefn* def = st->GetLayerDefn();
  REQUIRE(def->GetFieldIndex("成本") >= 0);
  CHECK(def->GetFieldDefn(def->GetFieldIndex("成本"))->GetType() == OFTReal);
  CHECK(def->GetFieldDefn(def->GetFieldIndex("suggested_rank"))->GetType() == OFTInteger64);
  CHECK(def->GetFieldDefn(def->GetFieldIndex("建设类型"))->GetType() == OFTString);
  OGRLayer* cl = ds->GetLayerByName("candidates");
  CHECK(cl->GetLayerDefn()->GetFieldDefn(cl->GetLayerDefn()->GetFieldIndex("成本"))->GetType() ==
        OFTInteger64);
  int nulls = 0;
  for (auto& f : *st) nulls += !f->IsFieldSetAndNotNull(def->GetFieldIndex("成本"));
  CHECK(nulls == 1);  // s3 gave none; the suggested sites carry their candidates' 成本
}
