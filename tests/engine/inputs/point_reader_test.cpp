// Stations read back from every format and coordinate system they may arrive in: each point lands
// where it was written (independent truth: the WGS-84 positions we started from), Chinese text
// survives, the station schema is understood, and bad rows are dropped with their reasons.
#include <catch2/catch.hpp>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>
#include <map>

#include "engine/export/vector_writer.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/wuhan_frame.hpp"

using namespace yz;
using yz::test::temp_dir;

namespace {

// Three stations in Wuhan (inside China, so GCJ-02/BD-09 shifts apply).
struct Station {
  const char* id;
  const char* name;
  Vec2 ll;
  const char* type;
  const char* status;
  const char* amenities;
  const char* cost;
};
const Station kStations[] = {
    {"S1", "江汉路驿站", {114.2950, 30.5810}, "共建", "已建", "饮水、厕所、微波炉", "30000"},
    {"S2",
     "户外劳动者之家",
     {114.3050, 30.6000},
     "standalone",
     "planned",
     "water;seats;first aid",
     "¥120,000"},
    {"S3", "Wuhan \"station\", 3", {114.3150, 30.6150}, "联盟", "改造", "", ""}};

const LocalProjection& proj() { return test::wuhan_projection(); }
Box map_box() { return test::wuhan_box(); }

PointSet read(const std::string& path, const std::string& crs, DropReport& rep,
              bool candidates = false) {
  PointReadOptions o;
  o.crs = crs;
  o.site_attributes = true;
  o.candidates = candidates;
  return read_points(path, proj(), map_box(), o, rep, "stations");
}

// Each station back where it was (within tol degrees), with its name and schema.
void check_stations(const PointSet& ps, double tol_deg) {
  REQUIRE(ps.size() == 3);
  REQUIRE(ps.info.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO("station " << kStations[i].id);
    CHECK(ps.id[i] == kStations[i].id);
    CHECK(ps.name[i] == kStations[i].name);
    CHECK(std::abs(ps.lonlat[i].x - kStations[i].ll.x) < tol_deg);
    CHECK(std::abs(ps.lonlat[i].y - kStations[i].ll.y) < tol_deg);
  }
  CHECK(ps.info[0].host_type == "co-built");
  CHECK(ps.info[1].host_type == "standalone");
  CHECK(ps.info[2].host_type == "alliance");
  CHECK(ps.info[0].status == "built");
  CHECK(ps.info[1].status == "planned");
  CHECK(ps.info[2].status == "upgrading");
  CHECK(amenity_list(ps.info[0].amenities) == "water;toilet;microwave");
  CHECK(amenity_list(ps.info[1].amenities) == "water;seats;first_aid");
  CHECK(ps.info[2].amenities == 0);
  CHECK(ps.info[0].cost == 30000);
  CHECK(ps.info[1].cost == 120000);
  CHECK(std::isnan(ps.info[2].cost));
}

std::string csv_field(const std::string& s) {
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

// A CSV with Chinese column names; coordinates from `coord` (x, y) under the given headers.
std::string write_csv(const std::string& name, const char* xh, const char* yh, char delim,
                      const std::function<Vec2(Vec2)>& coord) {
  const std::string path = temp_dir() + "/" + name;
  std::ofstream f(path);
  f << "编号" << delim << "名称" << delim << xh << delim << yh << delim << "类型" << delim << "状态"
    << delim << "设施" << delim << "成本\n";
  f.precision(12);
  for (const auto& s : kStations) {
    const Vec2 c = coord(s.ll);
    f << s.id << delim << csv_field(s.name) << delim << c.x << delim << c.y << delim << s.type
      << delim << s.status << delim << csv_field(s.amenities) << delim << csv_field(s.cost) << "\n";
  }
  return path;
}

void write_vector(const std::string& path) {
  VectorWriter w(path);
  w.begin_layer("stations", GeomKind::point,
                {{"id", FieldType::text},
                 {"name", FieldType::text},
                 {"type", FieldType::text},
                 {"status", FieldType::text},
                 {"amenities", FieldType::text},
                 {"cost", FieldType::text}});
  for (const auto& s : kStations)
    w.add_point(s.ll, {std::string(s.id), std::string(s.name), std::string(s.type),
                       std::string(s.status), std::string(s.amenities), std::string(s.cost)});
  w.close();
}

}  // namespace

TEST_CASE("Stations round-trip through GeoPackage, Shapefile, GeoJSON and KML",
          "[inputs][formats]") {
  for (const char* ext : {"gpkg", "shp", "geojson", "kml"}) {
    SECTION(ext) {
      const std::string path = temp_dir() + "/stations." + ext;
      write_vector(path);
      DropReport rep;
      const PointSet ps = read(path, "", rep);
      INFO(rep.summary());
      CHECK(rep.read == 3);
      CHECK(rep.dropped.empty());
      check_stations(ps, 1e-7);
    }
  }
}

TEST_CASE("Stations from CSV in WGS-84, a projected CRS, GCJ-02 and BD-09", "[inputs][crs]") {
  SECTION("WGS-84 lon/lat with Chinese headers 经度/纬度") {
    DropReport rep;
    const auto ps =
        read(write_csv("wgs.csv", "经度", "纬度", ',', [](Vec2 p) { return p; }), "", rep);
    check_stations(ps, 1e-9);
    CHECK(ps.source_crs == "WGS-84");
  }
  SECTION("projected x/y (UTM 50N) with --crs EPSG:32650") {
    const LocalProjection utm = LocalProjection::from_user("EPSG:32650");
    DropReport rep;
    const auto ps =
        read(write_csv("utm.csv", "x", "y", ',', [&](Vec2 p) { return utm.to_metric(p); }),
             "EPSG:32650", rep);
    check_stations(ps, 1e-7);
    CHECK(ps.source_crs == "EPSG:32650");
  }
  SECTION("GCJ-02 (Amap/Tencent) and BD-09 (Baidu), semicolon-delimited") {
    for (WebDatum d : {WebDatum::gcj02, WebDatum::bd09}) {
      const std::string crs = d == WebDatum::gcj02 ? "gcj02" : "BD-09";
      const std::string path = write_csv("web_" + crs + ".csv", "lng", "lat", ';',
                                         [&](Vec2 p) { return from_wgs84(p, d); });
      DropReport rep;
      const auto ps = read(path, crs, rep);
      INFO(crs);
      check_stations(ps, 1e-8);  // about a millimetre
      CHECK(ps.source_crs.find(web_datum_name(d)) != std::string::npos);
      bool noted = false;
      for (const auto& n : rep.notes)
        noted = noted || n.find("converted to WGS-84") != std::string::npos;
      CHECK(noted);
      // Read as if WGS-84, the same file is hundreds of metres off: the conversion matters.
      DropReport rep2;
      const auto raw = read(path, "", rep2);
      REQUIRE(raw.size() == 3);
      CHECK(distance(raw.xy[0], proj().to_metric(kStations[0].ll)) > 100);
    }
  }
}

TEST_CASE("Chinese Excel CSV saved as GBK is decoded", "[inputs][encoding]") {
  const std::string path = temp_dir() + "/gbk.csv";
  {
    char* gbk = CPLRecode("江汉路驿站", CPL_ENC_UTF8, "GB18030");
    std::ofstream f(path, std::ios::binary);
    f << "id,name,lon,lat\nS1," << gbk << ",114.295,30.581\n";
    CPLFree(gbk);
  }
  DropReport rep;
  const auto ps = read(path, "", rep);
  REQUIRE(ps.size() == 1);
  CHECK(ps.name[0] == "江汉路驿站");
}

TEST_CASE("Bad station rows are dropped with reasons, bad files are clear errors",
          "[inputs][bad]") {
  SECTION("wrong delimiter: the error names the columns and suggests the delimiter") {
    const std::string path = write_csv("pipe.csv", "lon", "lat", '|', [](Vec2 p) { return p; });
    DropReport rep;
    try {
      read(path, "", rep);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()).find("delimiter") != std::string::npos);
      CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
  }
  SECTION("missing latitude column") {
    const std::string path = temp_dir() + "/nolat.csv";
    std::ofstream(path) << "id,name,lon\nS1,a,114.3\n";
    DropReport rep;
    CHECK_THROWS_AS(read(path, "", rep), InputError);
  }
  SECTION("candidates: non-numeric costs and capacities, duplicate ids, NaN, outside the map") {
    const std::string path = temp_dir() + "/bad.csv";
    std::ofstream(path) << "id,名称,lon,lat,cost,容量,类型\n"
                           "A,好,114.30,30.60,1000,20,共建\n"
                           "B,坏成本,114.30,30.60,面议,20,共建\n"
                           "C,坏容量,114.30,30.60,1000,many,共建\n"
                           "A,重复,114.30,30.61,1000,20,共建\n"
                           "D,远,116.40,39.90,1000,20,共建\n"
                           "E,无坐标,,,1000,20,共建\n"
                           "F,负,114.30,30.60,-5,20,共建\n"
                           "G,怪类型,114.30,30.60,,,spaceship\n";
    DropReport rep;
    const auto ps = read(path, "", rep, true);
    INFO(rep.summary());
    CHECK(rep.read == 8);
    REQUIRE(ps.size() == 2);
    CHECK(ps.id[0] == "A");
    CHECK(ps.info[0].capacity == 20);
    CHECK(ps.id[1] == "G");
    CHECK(ps.info[1].host_type.empty());  // not understood: kept as unknown, noted
    const auto reasons = rep.reasons();
    CHECK(reasons.at("non-numeric cost") == 1);
    CHECK(reasons.at("non-numeric capacity") == 1);
    CHECK(reasons.at("duplicate id") == 1);
    CHECK(reasons.at("outside the map") == 1);
    CHECK(reasons.at("negative cost") == 1);
    CHECK(rep.dropped.size() == 6);
    bool noted = false;
    for (const auto& n : rep.notes) noted = noted || n.find("spaceship") != std::string::npos;
    CHECK(noted);

    // The same rows as stations: an attribute never drops a station. B, C and F keep the cost
    // or capacity unknown (capacity unknown = unlimited); only place and id still drop rows.
    DropReport srep;
    const auto st = read(path, "", srep);
    INFO(srep.summary());
    REQUIRE(st.size() == 5);
    CHECK(st.id == std::vector<std::string>{"A", "B", "C", "F", "G"});
    CHECK(std::isnan(st.info[1].cost));
    CHECK(std::isnan(st.info[2].capacity));
    CHECK(std::isnan(st.info[3].cost));
    CHECK(srep.dropped.size() == 3);
    std::string notes;
    for (const auto& n : srep.notes) notes += n;
    CHECK(notes.find("row 2 (id B): cost '面议'") != std::string::npos);
    CHECK(notes.find("row 7 (id F): cost '-5'") != std::string::npos);
  }
}

TEST_CASE("Site attribute spellings", "[inputs][schema]") {
  CHECK(parse_host_type("Co_Built") == "co-built");
  CHECK(parse_host_type("依托银行网点共建") == "co-built");
  CHECK(parse_host_type("独立建设") == "standalone");
  CHECK(parse_host_type("共享") == "shared");
  CHECK(parse_host_type("流动") == "mobile");
  CHECK(!parse_host_type("spaceship"));
  CHECK(parse_size_class("微型") == "micro");
  CHECK(parse_status("运营中") == "built");
  CHECK(parse_amenity("手机充电") == 6);
  CHECK(parse_amenity("电动车充电") == 7);
  CHECK(parse_amenity("air conditioning") == 3);
  CHECK(parse_flag("是") == true);
  CHECK(parse_flag("0") == false);
  CHECK(!parse_flag("maybe"));
  CHECK(parse_number("¥1,200元") == 1200.0);
  CHECK(!parse_number("12abc"));
  // Amenity flag columns and a floor area instead of a size class.
  const std::vector<std::string> cols{"面积", "饮水", "卫生间", "microwave"};
  const SiteColumns c = SiteColumns::find(cols);
  SiteInfo info;
  std::vector<std::string> unknown;
  CHECK(read_site_info(c, {"4.5", "是", "否", "yes"}, info, unknown).empty());
  CHECK(info.size_class == "micro");
  CHECK(amenity_list(info.amenities) == "water;microwave");
  SiteInfo info2;
  CHECK(read_site_info(c, {"12", "", "有", ""}, info2, unknown).empty());
  CHECK(info2.size_class == "standard");
  CHECK(amenity_list(info2.amenities) == "toilet");
}

TEST_CASE("Column names the automatic choice misses are configurable", "[inputs][schema]") {
  const std::string path = temp_dir() + "/own.csv";
  std::ofstream(path) << "代码,站名,lon,lat,建设形式,现状,投资\n"
                         "K1,一号站,114.30,30.60,共建,在建,\"2,500\"\n";
  PointReadOptions o;
  o.site_attributes = true;
  o.columns = "id=代码,host_type=建设形式,cost=投资";
  DropReport rep;
  const auto ps = read_points(path, proj(), map_box(), o, rep, "stations");
  REQUIRE(ps.size() == 1);
  CHECK(ps.id[0] == "K1");
  CHECK(ps.name[0] == "一号站");  // 站名 is recognised without help
  CHECK(ps.info[0].host_type == "co-built");
  CHECK(ps.info[0].cost == 2500);
  o.columns = "colour=建设形式";
  CHECK_THROWS_WITH(read_points(path, proj(), map_box(), o, rep, "stations"),
                    Catch::Contains("unknown attribute 'colour'"));
  o.columns = "status=状况";
  CHECK_THROWS_WITH(read_points(path, proj(), map_box(), o, rep, "stations"),
                    Catch::Contains("has no column '状况'"));
}

TEST_CASE("GBK headers (经度/纬度/类型 saved by Excel) are decoded before matching",
          "[inputs][encoding]") {
  const std::string path = temp_dir() + "/gbk_headers.csv";
  {
    auto gbk = [](const char* utf8) {
      char* r = CPLRecode(utf8, CPL_ENC_UTF8, "GB18030");
      std::string s = r;
      CPLFree(r);
      return s;
    };
    std::ofstream f(path, std::ios::binary);
    f << gbk("编号,名称,经度,纬度,类型,成本") << "\n"
      << "S1," << gbk("江汉路驿站") << ",114.295,30.581," << gbk("共建") << ",30000\n";
  }
  DropReport rep;
  const auto ps = read(path, "", rep);
  INFO(rep.summary());
  REQUIRE(ps.size() == 1);
  CHECK(ps.id[0] == "S1");
  CHECK(ps.name[0] == "江汉路驿站");
  CHECK(ps.lonlat[0].x == Approx(114.295));
  CHECK(ps.info[0].host_type == "co-built");
  CHECK(ps.info[0].cost == 30000);
  CHECK(ps.attr_names[2] == "类型");
}

TEST_CASE("Shapefile names cut inside a character by the 10-byte limit are repaired",
          "[inputs][encoding]") {
  GDALAllRegister();
  const std::string path = temp_dir() + "/hours.shp";
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()
                                ->GetDriverByName("ESRI Shapefile")
                                ->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs;
    wgs.SetWellKnownGeogCS("WGS84");
    const char* lco[] = {"ENCODING=UTF-8", nullptr};
    OGRLayer* l = ds->CreateLayer("hours", &wgs, wkbPoint, const_cast<char**>(lco));
    for (const char* name : {"名称", "开放时间"}) {
      OGRFieldDefn fd(name, OFTString);
      REQUIRE(l->CreateField(&fd) == OGRERR_NONE);
    }
    OGRFeature f(l->GetLayerDefn());
    f.SetField(0, "江汉路驿站");
    f.SetField(1, "8:00-20:00");
    OGRPoint p(114.295, 30.581);
    f.SetGeometry(&p);
    REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
  }
  {
    // The premise: the stored name is "开放时" plus the first byte of 间 (not UTF-8).
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    const std::string raw = ds->GetLayer(0)->GetLayerDefn()->GetFieldDefn(1)->GetNameRef();
    REQUIRE(raw.size() == 10);
    REQUIRE(CPLIsUTF8(raw.c_str(), -1) == 0);
  }
  DropReport rep;
  const auto ps = read(path, "", rep);
  INFO(rep.summary());
  REQUIRE(ps.size() == 1);
  CHECK(ps.name[0] == "江汉路驿站");
  CHECK(ps.info[0].opening_hours == "8:00-20:00");  // 开放时(间) recognised as opening hours
  for (const auto& n : ps.attr_names) CHECK(CPLIsUTF8(n.c_str(), -1) != 0);
  CHECK(ps.attr_names[1] == "开放时");
}

TEST_CASE("Weights must be numbers in full; NaN and swapped rows say so", "[inputs][bad]") {
  const std::string path = temp_dir() + "/weights.csv";
  std::ofstream(path) << "id,lon,lat,workers\n"
                         "a,114.30,30.60,12\n"
                         "b,114.30,30.60,12abc\n"
                         "c,114.30,30.60,3 workers\n"
                         "d,114.30,30.60,0x10\n"
                         "e,114.30,30.60, 7 \n"
                         "f,nan,30.60,1\n"
                         "g,30.60,114.31,1\n"  // latitude and longitude exchanged
                         "h,,,1\n"
                         "i,east,30.6,1\n";
  PointReadOptions o;
  o.weight_required = true;
  DropReport rep;
  const auto ps = read_points(path, proj(), map_box(), o, rep, "demand points");
  INFO(rep.summary());
  REQUIRE(ps.size() == 2);
  CHECK(ps.weight[0] == 12);
  CHECK(ps.weight[1] == 7);
  CHECK(ps.source_row(1) == 4);
  std::map<std::string, std::string> why;
  for (const auto& d : rep.dropped) why[d.id] = d.reason;
  CHECK(why.at("b") == "missing or non-numeric weight");
  CHECK(why.at("c") == "missing or non-numeric weight");
  CHECK(why.at("d") == "missing or non-numeric weight");
  CHECK(why.at("f") == "NaN coordinates");
  CHECK_THAT(why.at("g"), Catch::Contains("swapped"));
  CHECK(why.at("h") == "missing coordinates");
  CHECK(why.at("i") == "non-numeric coordinates");
  for (const auto& d : rep.dropped)
    if (d.id == "f" || d.id == "h") CHECK(std::isnan(d.lonlat.x));  // no position, not (0, 0)
}
