// Planners' own files read exactly (issue 10): the text encoding is decided once per file (real GBK
// files made with iconv, where "24小时" and "状态" are also valid UTF-8 byte for byte), and station
// lists saved as .xlsx/.ods open like CSV, 经度/纬度 columns and all.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/text_encoding.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/wuhan_frame.hpp"

using namespace yz;
using yz::test::run_command;
using yz::test::temp_dir;

namespace {

const LocalProjection& proj() { return test::wuhan_projection(); }
Box map_box() { return test::wuhan_box(); }

PointSet read_sites(const std::string& path, DropReport& rep) {
  PointReadOptions o;
  o.site_attributes = true;
  return read_points(path, proj(), map_box(), o, rep, "stations");
}

// `utf8` written as `path` through iconv (the tool, not our own code, makes the GBK bytes).
void write_gbk(const std::string& path, const std::string& utf8) {
  const std::string src = path + ".utf8";
  std::ofstream(src, std::ios::binary) << utf8;
  std::string out;
  REQUIRE(run_command("iconv -f UTF-8 -t GBK " + src + " > " + path, out) == 0);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const char* kStationsCsv =
    "编号,名称,经度,纬度,状态,开放时间\n"
    "S1,江汉路驿站,114.295,30.581,已建,24小时\n"
    "S2,户外劳动者之家,114.305,30.600,规划,8:00-20:00\n";

}  // namespace

TEST_CASE("GBK bytes that are also valid UTF-8 are decoded with the file's encoding",
          "[inputs][encoding]") {
  const std::string path = temp_dir() + "/gbk_stations.csv";
  write_gbk(path, kStationsCsv);
  // The failure's premise: the strings alone, in GBK, pass as UTF-8.
  const std::string bytes = file_bytes(path);
  std::string gbk_hours, gbk_status;
  {
    const std::string p = temp_dir() + "/just.txt";
    write_gbk(p, "24小时");
    gbk_hours = file_bytes(p);
    write_gbk(p, "状态");
    gbk_status = file_bytes(p);
  }
  CHECK(gbk_hours == "24\xD0\xA1\xCA\xB1");
  CHECK(decide_encoding(gbk_hours, "x").encoding == TextEncoding::utf8);  // alone: looks UTF-8
  CHECK(bytes.find(gbk_hours) != std::string::npos);
  CHECK(bytes.find(gbk_status) != std::string::npos);
  CHECK(decide_encoding(bytes, path).encoding == TextEncoding::gb18030);

  DropReport rep;
  const PointSet ps = read_sites(path, rep);
  INFO(rep.summary());
  REQUIRE(ps.size() == 2);
  CHECK(ps.name[0] == "江汉路驿站");
  CHECK(ps.name[1] == "户外劳动者之家");
  // (the coordinate columns are not kept as attributes)
  REQUIRE(ps.attr_names.size() == 4);
  CHECK(ps.attr_names[2] == "状态");
  CHECK(ps.attr_names[3] == "开放时间");
  CHECK(ps.attr_values[0][3] == "24小时");
  CHECK(ps.attr_values[0][2] == "已建");
  // The status column is recognised (it was lost as "״̬").
  CHECK(ps.info[0].status == "built");
  CHECK(ps.info[1].status == "planned");
  CHECK(ps.info[0].opening_hours == "24小时");
  bool noted = false;
  for (const auto& n : rep.notes) noted |= n.find("GB18030") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("UTF-8 files stay UTF-8, a byte-order mark wins, UTF-16 is a clear error",
          "[inputs][encoding]") {
  const std::string plain = temp_dir() + "/utf8.csv", bom = temp_dir() + "/bom.csv";
  std::ofstream(plain, std::ios::binary) << kStationsCsv;
  std::ofstream(bom, std::ios::binary) << "\xEF\xBB\xBF" << kStationsCsv;
  for (const auto& path : {plain, bom}) {
    INFO(path);
    DropReport rep;
    const PointSet ps = read_sites(path, rep);
    REQUIRE(ps.size() == 2);
    CHECK(ps.attr_names[0] == "编号");  // the mark is not part of the first name
    CHECK(ps.info[0].opening_hours == "24小时");
    CHECK(ps.info[0].status == "built");
    for (const auto& n : rep.notes) CHECK(n.find("GB18030") == std::string::npos);
  }
  CHECK(decide_encoding(file_bytes(bom), bom).bom_bytes == 3);
  // A byte-order mark wins over content: a stray invalid byte is replaced, not a GBK reading.
  CHECK(decide_encoding("\xEF\xBB\xBF"
                        "a\xD7"
                        "b",
                        "x")
            .encoding == TextEncoding::utf8);
  CHECK(to_utf8("a\xD7"
                "b",
                TextEncoding::utf8) ==
        "a\xEF\xBF\xBD"
        "b");
  const std::string u16 = temp_dir() + "/u16.csv";
  std::ofstream(u16, std::ios::binary) << std::string(
      "\xFF\xFE"
      "i\0d\0",
      6);
  DropReport rep;
  try {
    read_sites(u16, rep);
    FAIL("UTF-16 accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("u16.csv") != std::string::npos);
    CHECK(std::string(e.what()).find("UTF-16") != std::string::npos);
  }
}

TEST_CASE("A GBK demand CSV: counts and names read with the file's encoding",
          "[inputs][encoding]") {
  const std::string path = temp_dir() + "/gbk_demand.csv";
  write_gbk(path, "名称,经度,纬度,人数\n江汉路,114.295,30.581,12\n小时工,114.305,30.600,7\n");
  PointReadOptions o;
  o.weight_required = true;
  DropReport rep;
  const PointSet ps = read_points(path, proj(), map_box(), o, rep, "demand points");
  REQUIRE(ps.size() == 2);
  CHECK(ps.name[0] == "江汉路");
  CHECK(ps.name[1] == "小时工");
  CHECK(ps.weight[0] == 12);
  CHECK(ps.weight[1] == 7);
}

TEST_CASE("A Shapefile with GBK text and no code page: one decision over all its text",
          "[inputs][encoding]") {
  // Made as a GIS user would: iconv to GBK, ogr2ogr with no recoding, the empty .cpg removed.
  const std::string dir = temp_dir() + "/gbk_shp";
  std::string out;
  REQUIRE(
      run_command(
          "mkdir -p " + dir +
              " && printf '编号,名称,开放时间,lon,lat\\nS1,江汉路驿站,24小时,114.3,30.6\\n' | "
              "iconv -f UTF-8 -t GBK > " +
              dir + "/s.csv && ogr2ogr -f 'ESRI Shapefile' " + dir + "/s.shp " + dir +
              "/s.csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -lco ENCODING= && rm -f " +
              dir + "/s.cpg",
          out) == 0);
  INFO(out);
  DropReport rep;
  const PointSet ps = read_sites(dir + "/s.shp", rep);
  REQUIRE(ps.size() == 1);
  CHECK(ps.name[0] == "江汉路驿站");
  CHECK(ps.info[0].opening_hours == "24小时");
}

namespace {

// A sheet written with GDAL's own spreadsheet driver: 经度 as numbers, 纬度 as text cells.
void write_sheet(const std::string& path, const char* driver) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  REQUIRE(drv);
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  {  // a notes sheet first, as workbooks often have: the stations sheet is found after it
    OGRLayer* notes = ds->CreateLayer("说明", nullptr, wkbNone, nullptr);
    OGRFieldDefn memo("备注", OFTString);
    REQUIRE(notes->CreateField(&memo) == OGRERR_NONE);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(notes->GetLayerDefn()));
    f->SetField(0, "2026年驿站清单");
    REQUIRE(notes->CreateFeature(f.get()) == OGRERR_NONE);
  }
  OGRLayer* l = ds->CreateLayer("站点", nullptr, wkbNone, nullptr);
  REQUIRE(l);
  OGRFieldDefn id("编号", OFTString), name("名称", OFTString), lon("经度", OFTReal),
      lat("纬度", OFTString), status("状态", OFTString);
  for (auto* f : {&id, &name, &lon, &lat, &status}) REQUIRE(l->CreateField(f) == OGRERR_NONE);
  struct Row {
    const char* id;
    const char* name;
    double lon;
    const char* lat;
    const char* status;
  };
  const Row rows[] = {{"S1", "江汉路驿站", 114.295, "30.581", "已建"},
                      {"S2", "户外劳动者之家", 114.305, " 30.6 ", "规划"},
                      {"S3", "东门", 114.315, "东门口", "已建"}};
  for (const auto& r : rows) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField(0, r.id);
    f->SetField(1, r.name);
    f->SetField(2, r.lon);
    f->SetField(3, r.lat);
    f->SetField(4, r.status);
    REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
  }
}

}  // namespace

TEST_CASE("Station lists saved as .xlsx and .ods open like CSV", "[inputs][spreadsheet]") {
  for (const auto& [ext, driver] : {std::pair{"xlsx", "XLSX"}, std::pair{"ods", "ODS"}}) {
    INFO(ext);
    const std::string path = temp_dir() + "/stations." + ext;
    write_sheet(path, driver);
    DropReport rep;
    const PointSet ps = read_sites(path, rep);
    INFO(rep.summary());
    REQUIRE(ps.size() == 2);
    CHECK(ps.id[0] == "S1");
    CHECK(ps.name[1] == "户外劳动者之家");
    CHECK(ps.lonlat[0].x == Approx(114.295));
    CHECK(ps.lonlat[0].y == Approx(30.581));
    CHECK(ps.lonlat[1].y == Approx(30.6));
    CHECK(ps.info[0].status == "built");
    CHECK(ps.info[1].status == "planned");
    // The text latitude "东门口" is dropped with its reason and row, not silently.
    CHECK(rep.read == 3);
    REQUIRE(rep.dropped.size() == 1);
    CHECK(rep.dropped[0].index == 2);
    CHECK(rep.dropped[0].reason == "non-numeric coordinates");
  }
}

TEST_CASE("Spreadsheets: demand lists, missing coordinate columns, unreadable files",
          "[inputs][spreadsheet]") {
  SECTION("a sheet without 经度/纬度 names its columns") {
    const std::string path = temp_dir() + "/nocoords.xlsx";
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("XLSX")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("s", nullptr, wkbNone, nullptr);
    OGRFieldDefn a("地址", OFTString);
    l->CreateField(&a);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField(0, "江汉路");
    l->CreateFeature(f.get());
    ds.reset();
    DropReport rep;
    try {
      read_sites(path, rep);
      FAIL("accepted");
    } catch (const InputError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find("nocoords.xlsx") != std::string::npos);
      CHECK(std::string(e.what()).find("地址") != std::string::npos);
    }
  }
  SECTION("a sheet with a WGS-84 and an Amap longitude column is refused, naming both") {
    const std::string path = temp_dir() + "/twopairs.xlsx";
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("XLSX")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("s", nullptr, wkbNone, nullptr);
    for (const char* n : {"名称", "lng", "lat", "经度"}) {
      OGRFieldDefn a(n, OFTString);
      l->CreateField(&a);
    }
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField(0, "江汉路");
    f->SetField(1, "114.30");
    f->SetField(2, "30.60");
    f->SetField(3, "114.31");
    l->CreateFeature(f.get());
    ds.reset();
    DropReport rep;
    try {
      read_sites(path, rep);
      FAIL("accepted");
    } catch (const InputError& e) {
      const std::string what = e.what();
      INFO(what);
      CHECK(what.find("twopairs.xlsx") != std::string::npos);
      CHECK(what.find("'lng' (column 2) and '经度' (column 4)") != std::string::npos);
    }
  }
  SECTION("an .xls that is not a workbook is exit-2 input, naming the file") {
    const std::string path = temp_dir() + "/broken.xls";
    std::ofstream(path) << "not a workbook\n";
    DropReport rep;
    CHECK_THROWS_AS(read_sites(path, rep), InputError);
  }
  SECTION("demand counts from an .ods sheet") {
    const std::string path = temp_dir() + "/demand.ods";
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("ODS")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("d", nullptr, wkbNone, nullptr);
    OGRFieldDefn x("经度", OFTReal), y("纬度", OFTReal), n("人数", OFTInteger);
    for (auto* fd : {&x, &y, &n}) l->CreateField(fd);
    const double rows[][3] = {{114.30, 30.60, 5}, {114.31, 30.61, 9}};
    for (const auto& r : rows) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
      f->SetField(0, r[0]);
      f->SetField(1, r[1]);
      f->SetField(2, static_cast<int>(r[2]));
      l->CreateFeature(f.get());
    }
    ds.reset();
    PointReadOptions o;
    o.weight_required = true;
    DropReport rep;
    const PointSet ps = read_points(path, proj(), map_box(), o, rep, "demand points");
    REQUIRE(ps.size() == 2);
    CHECK(ps.weight[0] == 5);
    CHECK(ps.weight[1] == 9);
    CHECK(ps.lonlat[1].x == Approx(114.31));
  }
}

TEST_CASE("Station lists saved as .xls (Excel 97-2003) open like CSV", "[inputs][spreadsheet]") {
  // GDAL reads .xls but cannot write it: the workbook is made with python3-xlwt.
  yz::test::require_file("/usr/lib/python3/dist-packages/xlwt/__init__.py",
                         "python3-xlwt writes the .xls test workbook");
  const std::string dir = temp_dir();
  const std::string script = dir + "/make_xls.py", path = dir + "/stations.xls";
  std::ofstream(script) << "import xlwt\n"
                           "wb = xlwt.Workbook(encoding='utf-8')\n"
                           "ws = wb.add_sheet('站点')\n"
                           "rows = [['编号', '名称', '经度', '纬度', '状态'],\n"
                           "        ['S1', '江汉路驿站', 114.295, '30.581', '已建'],\n"
                           "        ['S2', '户外劳动者之家', 114.305, 30.6, '规划'],\n"
                           "        ['S3', '东门', '东门口', 30.61, '已建']]\n"
                           "for r, row in enumerate(rows):\n"
                           "    for c, v in enumerate(row):\n"
                           "        ws.write(r, c, v)\n"
                           "wb.save('" +
                               path + "')\n";
  std::string out;
  REQUIRE(run_command("/usr/bin/python3 " + script, out) == 0);
  DropReport rep;
  const PointSet ps = read_sites(path, rep);
  INFO(rep.summary());
  REQUIRE(ps.size() == 2);
  CHECK(ps.name[0] == "江汉路驿站");
  CHECK(ps.lonlat[0].x == Approx(114.295));
  CHECK(ps.lonlat[0].y == Approx(30.581));
  CHECK(ps.lonlat[1].y == Approx(30.6));
  CHECK(ps.info[1].status == "planned");
  REQUIRE(rep.dropped.size() == 1);
  CHECK(rep.dropped[0].index == 2);
  CHECK(rep.dropped[0].reason == "non-numeric coordinates");
}
