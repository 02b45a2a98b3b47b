// Hand-over outputs of the demo plan, each re-opened with GDAL (vector formats, GeoTIFF, PNG) or
// poppler (PDF) and checked against the study: counts, attributes, CRS, validity, Chinese text,
// accessibility minutes against brute force, pixels where stations are.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "engine/export/accessibility_raster.hpp"
#include "engine/export/map_palette.hpp"
#include "engine/export/layer_styles.hpp"
#include "engine/export/map_render.hpp"
#include "engine/export/plan_export.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/network/walk_search.hpp"
#include "support/test_data.hpp"

using namespace yz;
namespace fs = std::filesystem;

namespace {
struct DemoPlan {
  CityNetwork city;
  DemoCity demo;
  siting::SuggestRun run;
  CoverageStudy study;
  PlanExport plan;
};

// The demo city with 3 suggested stations, built once.
DemoPlan& demo_plan() {
  static DemoPlan* p = [] {
    auto* d = new DemoPlan;
    d->demo = generate_demo_city(DemoCitySettings::load_default());
    d->city = city_from_lines(RoadLines(d->demo.lines));
    siting::SuggestRequest req;
    req.stations = d->demo.stations;
    req.candidates = d->demo.candidates;
    req.demand = d->demo.demand;
    req.options.k = 3;
    req.options.time_limit_s = 5;
    d->run = siting::run_suggest(d->city, req);
    d->study = plan_study(d->city, d->demo.stations, &d->demo.candidates, &d->run, d->demo.demand,
                          false, CoverageParams{});
    d->plan.study = &d->study;
    d->plan.existing = static_cast<uint32_t>(d->demo.stations.size());
    d->plan.candidates = &d->demo.candidates;
    d->plan.suggest = &d->run;
    return d;
  }();
  return *p;
}

GDALDatasetUniquePtr open_vector(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  return ds;
}

std::map<std::string, GIntBig> counts(GDALDataset& ds) {
  std::map<std::string, GIntBig> c;
  for (auto* l : ds.GetLayers()) c[l->GetName()] = l->GetFeatureCount();
  return c;
}

// EPSG:4326, or OGC:CRS84 (GeoJSON reads back as the lon/lat-ordered twin).
bool is_wgs84(const OGRSpatialReference* srs) {
  if (!srs || !srs->IsGeographic()) return false;
  OGRSpatialReference c(*srs);
  c.AutoIdentifyEPSG();
  const char* code = c.GetAuthorityCode(nullptr);
  return code && (std::string(code) == "4326" || std::string(code) == "CRS84");
}

bool has_text(OGRLayer* l, const char* field, const std::string& value) {
  const int i = l->GetLayerDefn()->GetFieldIndex(field);
  if (i < 0) return false;
  l->ResetReading();
  for (auto& f : *l)
    if (value == f->GetFieldAsString(i)) return true;
  return false;
}
}  // namespace

TEST_CASE(
    "plan layers: every format re-opens with the same features, CRS, valid polygons and Chinese "
    "names",
    "[export]") {
  auto& d = demo_plan();
  REQUIRE(d.run.result.sites.size() == 3);
  const std::string dir = test::temp_dir() + "/vec";
  ExportOptions o;
  o.out_dir = dir;
  o.formats = parse_formats("gpkg,geojson,kml,shp,csv");
  const ExportResult res = export_plan(d.plan, o);
  CHECK(res.files.size() > 20);

  auto gpkg = open_vector(dir + "/plan.gpkg");
  auto c = counts(*gpkg);
  const GIntBig n_sites = static_cast<GIntBig>(d.study.sites.size());
  CHECK(n_sites == 14 + 3);
  CHECK(c["stations"] == n_sites);
  CHECK(c["candidates"] == static_cast<GIntBig>(d.demo.candidates.size()));
  CHECK(c["suggestions"] == 3);
  CHECK(c["radius_circles"] == n_sites);
  CHECK(c["walk_areas"] == n_sites);
  CHECK(c["walk_areas_nearest"] == n_sites);
  CHECK(c["walk_areas_dissolved"] == 1);
  CHECK(c["demand"] == static_cast<GIntBig>(d.study.demand.size()));
  CHECK(c["coverage_gaps"] > 0);
  // The suggested sites are in the stations layer with their rank.
  OGRLayer* st = gpkg->GetLayerByName("stations");
  CHECK(has_text(st, "name", "演示驿站01"));
  CHECK(has_text(st, "plan", "suggested"));
  CHECK(has_text(st, "host_type", "co-built"));
  CHECK(has_text(st, "amenities", "water;toilet;seats;air_conditioning;microwave;phone_charging"));
  for (auto* l : gpkg->GetLayers()) {
    if (!l->GetSpatialRef()) continue;
    CHECK(l->GetSpatialRef()->GetAuthorityCode(nullptr) == std::string("4326"));
    if (wkbFlatten(l->GetGeomType()) == wkbMultiPolygon)
      for (auto& f : *l) CHECK(f->GetGeometryRef()->IsValid());
  }
  // Split walk areas: a partition of the dissolved area (no overlaps, same total).
  {
    OGRLayer* n = gpkg->GetLayerByName("walk_areas_nearest");
    OGRLayer* dl = gpkg->GetLayerByName("walk_areas_dissolved");
    std::vector<std::unique_ptr<OGRGeometry>> parts;
    for (auto& f : *n) parts.emplace_back(f->GetGeometryRef()->clone());
    dl->ResetReading();
    OGRFeatureUniquePtr df(dl->GetNextFeature());
    const double dissolved = df->GetGeometryRef()->toMultiPolygon()->get_Area();
    double sum = 0, overlap = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      sum += parts[i]->toMultiPolygon()->get_Area();
      for (size_t j = i + 1; j < parts.size(); ++j)
        if (parts[i]->Intersects(parts[j].get())) {
          std::unique_ptr<OGRGeometry> x(parts[i]->Intersection(parts[j].get()));
          if (x && !x->IsEmpty() &&
              OGR_GT_IsSubClassOf(wkbFlatten(x->getGeometryType()), wkbCurvePolygon))
            overlap += x->toPolygon()->get_Area();
          else if (x && wkbFlatten(x->getGeometryType()) == wkbMultiPolygon)
            overlap += x->toMultiPolygon()->get_Area();
        }
    }
    CHECK(overlap < 1e-4 * dissolved);
    CHECK(sum == Approx(dissolved).epsilon(0.03));
  }
  // Coverage gaps hold every worker no station reaches on foot.
  {
    double unreached = 0;
    for (uint32_t k = 0; k < d.study.demand.size(); ++k)
      if (d.study.state.count(Criterion::walk, k) == 0) unreached += d.study.demand.weight[k];
    OGRLayer* g = gpkg->GetLayerByName("coverage_gaps");
    double in_gaps = 0, prev = 1e300;
    for (auto& f : *g) {
      const double w = f->GetFieldAsDouble("workers");
      CHECK(w <= prev);  // biggest first
      prev = w;
      in_gaps += w;
    }
    CHECK(in_gaps == Approx(unreached).epsilon(1e-9));
  }
  // Every other format: same features per layer, WGS-84, the Chinese names intact.
  for (const char* ext : {"geojson", "shp", "csv"}) {
    for (const auto& [name, n] : c) {
      if (name == "yizhan_settings" || name == "layer_styles" || n == 0) continue;
      const std::string p = dir + "/" + ext + "/" + name + "." + ext;
      INFO(p);
      REQUIRE(fs::exists(p));
      auto ds = open_vector(p);
      OGRLayer* l = ds->GetLayer(0);
      CHECK(l->GetFeatureCount() == n);
      if (std::string(ext) != "csv") {
        REQUIRE(l->GetSpatialRef());
        CHECK(is_wgs84(l->GetSpatialRef()));
        if (wkbFlatten(l->GetGeomType()) == wkbMultiPolygon ||
            wkbFlatten(l->GetGeomType()) == wkbPolygon)
          for (auto& f : *l) CHECK(f->GetGeometryRef()->IsValid());
      }
      if (name == "stations") CHECK(has_text(l, "name", "演示驿站14"));
    }
  }
  std::ifstream cpg(dir + "/shp/stations.cpg");
  std::string enc;
  std::getline(cpg, enc);
  CHECK(enc == "UTF-8");
  auto kml = open_vector(dir + "/plan.kml");
  auto kc = counts(*kml);
  CHECK(kc["stations"] == n_sites);
  CHECK(kc["demand"] == c["demand"]);
  CHECK(kc["walk_areas_nearest"] == n_sites);
  OGRLayer* kst = kml->GetLayerByName("stations");
  CHECK((has_text(kst, "Name", "演示驿站01") || has_text(kst, "name", "演示驿站01")));
}

TEST_CASE(
    "accessibility GeoTIFF: minutes to the nearest and second-nearest station match brute force",
    "[export]") {
  auto& d = demo_plan();
  const CoverageStudy& st = d.study;
  AccessibilityOptions ao;
  ao.cell_m = 100;
  ao.max_minutes = 40;
  const AccessibilityGrid g = accessibility_grid(st, ao);
  const std::string path = test::temp_dir() + "/access.tif";
  write_accessibility_tiff(path, g, st);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  CHECK(ds->GetRasterCount() == 2);
  CHECK(ds->GetRasterXSize() == g.nx);
  double gt[6];
  ds->GetGeoTransform(gt);
  CHECK(gt[1] == 100);
  CHECK(gt[5] == -100);
  OGRSpatialReference srs(ds->GetProjectionRef());
  CHECK(std::to_string(st.city->projection().epsg()) == srs.GetAuthorityCode(nullptr));
  std::vector<float> b1(static_cast<size_t>(g.nx) * g.ny), b2(b1.size());
  REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.nx, g.ny, b1.data(), g.nx, g.ny,
                                         GDT_Float32, 0, 0) == CE_None);
  REQUIRE(ds->GetRasterBand(2)->RasterIO(GF_Read, 0, 0, g.nx, g.ny, b2.data(), g.nx, g.ny,
                                         GDT_Float32, 0, 0) == CE_None);
  CHECK(ds->GetRasterBand(1)->GetNoDataValue() == -1);
  // Brute force: one search per station, distance to each sampled cell centre's snap.
  const double m_per_min = st.params.speed_kmh * 1000 / 60;
  const float max_m = static_cast<float>(ao.max_minutes * m_per_min);
  std::mt19937 rng(3);
  std::vector<size_t> cells;
  for (int k = 0; k < 300; ++k) cells.push_back(rng() % b1.size());
  std::vector<Snap> snaps;
  for (size_t c : cells)
    snaps.push_back(
        st.city->snapper->snap(g.cell_centre(int(c % g.nx), int(c / g.nx)), st.params.snap));
  std::vector<std::vector<float>> dist(cells.size());
  WalkSearch s(st.city->graph);
  for (size_t i = 0; i < st.sites.size(); ++i) {
    s.run(st.site_snaps[i], max_m);
    for (size_t k = 0; k < cells.size(); ++k) dist[k].push_back(s.distance_to(snaps[k]));
  }
  int with_data = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    auto v = dist[k];
    std::sort(v.begin(), v.end());
    const float e1 = v[0] < WalkSearch::kInf ? static_cast<float>(v[0] / m_per_min) : -1;
    const float e2 = v[1] < WalkSearch::kInf ? static_cast<float>(v[1] / m_per_min) : -1;
    CHECK(b1[cells[k]] == Approx(e1).margin(1e-3));
    CHECK(b2[cells[k]] == Approx(e2).margin(1e-3));
    if (e1 >= 0) {
      ++with_data;
      if (e2 >= 0) CHECK(b2[cells[k]] >= b1[cells[k]] - 1e-4f);
    }
  }
  CHECK(with_data > 100);
  // The cell holding a station is a short walk from it.
  const Vec2 p = st.sites.xy[0];
  const int col = static_cast<int>((p.x - g.x0) / g.cell_m),
            row = static_cast<int>((g.y1 - p.y) / g.cell_m);
  CHECK(g.at(col, row) >= 0);
  CHECK(g.at(col, row) < (100 * 1.5 + 250) / m_per_min);
}

TEST_CASE("PNG map: stations drawn where they are, in the app's colours", "[export]") {
  auto& d = demo_plan();
  ExportOptions o;
  o.lang = ReportLang::zh;
  const MapScene scene = make_map_scene(d.plan, o);
  const std::string path = test::temp_dir() + "/map.png";
  const MapFrame f = write_png_map(path, scene, 1600, 1200, 150);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  REQUIRE(ds->GetRasterXSize() == 1600);
  REQUIRE(ds->GetRasterYSize() == 1200);
  REQUIRE(ds->GetRasterCount() >= 3);
  std::vector<uint8_t> rgb[3];
  for (int b = 0; b < 3; ++b) {
    rgb[b].resize(1600 * 1200);
    REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, 1600, 1200, rgb[b].data(), 1600, 1200,
                                               GDT_Byte, 0, 0) == CE_None);
  }
  auto px = [&](Vec2 q) {
    const size_t i =
        static_cast<size_t>(std::lround(q.y)) * 1600 + static_cast<size_t>(std::lround(q.x));
    return std::array<int, 3>{rgb[0][i], rgb[1][i], rgb[2][i]};
  };
  int station_px = 0, star_px = 0;
  for (uint32_t i = 0; i < d.study.sites.size(); ++i) {
    const auto c = px(f.to_px(d.study.sites.xy[i]));
    if (i < d.plan.existing)
      station_px +=
          c == std::array<int, 3>{palette::station.r, palette::station.g, palette::station.b};
    else
      star_px += c == std::array<int, 3>{palette::station_selected.r, palette::station_selected.g,
                                         palette::station_selected.b};
  }
  CHECK(station_px >= 12);  // of 14 (a legend box or a neighbour's label may cover one)
  CHECK(star_px >= 2);
  // Unreached workers show in red somewhere; the background colour fills the map.
  size_t red = 0, bg = 0;
  for (size_t i = 0; i < rgb[0].size(); ++i) {
    red += rgb[0][i] == palette::demand0.r && rgb[1][i] == palette::demand0.g &&
           rgb[2][i] == palette::demand0.b;
    bg += rgb[0][i] == palette::background.r && rgb[1][i] == palette::background.g &&
          rgb[2][i] == palette::background.b;
  }
  CHECK(red > 50);
  CHECK(bg > 1600 * 1200 / 20);
}

TEST_CASE("PDF report: pages, Chinese text with an embedded CJK font, English on request",
          "[export]") {
  auto& d = demo_plan();
  for (auto lang : {ReportLang::zh, ReportLang::en}) {
    const std::string dir = test::temp_dir() + (lang == ReportLang::zh ? "/pdf_zh" : "/pdf_en");
    ExportOptions o;
    o.out_dir = dir;
    o.formats = {ExportFormat::pdf};
    o.lang = lang;
    export_plan(d.plan, o);
    const std::string pdf = dir + "/report.pdf";
    REQUIRE(fs::exists(pdf));
    std::string text, fonts, info;
    REQUIRE(test::run_command("pdftotext -layout " + pdf + " -", text) == 0);
    REQUIRE(test::run_command("pdffonts " + pdf, fonts) == 0);
    REQUIRE(test::run_command("pdfinfo " + pdf, info) == 0);
    CHECK(fonts.find("NotoSansCJK") != std::string::npos);
    CHECK(info.find("Pages:") != std::string::npos);
    CHECK(info.find("Pages:          1\n") == std::string::npos);
    CHECK(text.find("演示驿站01") != std::string::npos);  // station names in either language
    if (lang == ReportLang::zh) {
      CHECK(text.find("站点一览") != std::string::npos);
      CHECK(text.find("建议新站") != std::string::npos);
    } else {
      CHECK(text.find("Suggested new stations") != std::string::npos);
      CHECK(text.find("Settings used") != std::string::npos);
    }
  }
}

namespace {
// Every label inside the map, clear of every station mark and of every other label.
void check_labels(const MapFrame& f) {
  const LabelBox map{f.x, f.y, f.x + f.w, f.y + f.h};
  for (size_t i = 0; i < f.labels.size(); ++i) {
    const auto& l = f.labels[i];
    INFO(l.text);
    CHECK(l.box.inside(map));
    for (const auto& m : f.marks) CHECK(!l.box.overlaps(m));
    for (size_t j = i + 1; j < f.labels.size(); ++j) CHECK(!l.box.overlaps(f.labels[j].box));
  }
}

// The demo's 14 stations squeezed within about 250 m of the city centre, some with long names.
struct CrowdedPlan {
  PointSet stations;
  CoverageStudy study;
  PlanExport plan;
};
CrowdedPlan& crowded_plan() {
  static CrowdedPlan* p = [] {
    auto& d = demo_plan();
    auto* c = new CrowdedPlan;
    c->stations = d.demo.stations;
    const Box b = d.city.bounds();
    const Vec2 mid{(b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2};
    for (size_t i = 0; i < c->stations.size(); ++i) {
      const double a = 2.4 * static_cast<double>(i), r = 20.0 * static_cast<double>(i);
      c->stations.xy[i] = mid + Vec2{r * std::cos(a), r * std::sin(a)};
      if (i % 4 == 0) c->stations.name[i] += " 江汉路步行街东口户外劳动者服务驿站";
    }
    // One more at the map's right edge with a name too long for the space right of it.
    c->stations.add({}, {b.max.x, mid.y}, 1, "edge", "一个名字很长很长的右边缘驿站 (far east)");
    c->stations.lonlat = c->stations.xy;
    d.city.projection().to_lonlat(c->stations.lonlat);
    c->study =
        plan_study(d.city, c->stations, nullptr, nullptr, d.demo.demand, false, CoverageParams{});
    c->plan.study = &c->study;
    c->plan.existing = static_cast<uint32_t>(c->stations.size());
    return c;
  }();
  return *p;
}
}  // namespace

TEST_CASE("map labels: none overlaps a mark or another label, all stay on the map", "[export]") {
  auto& d = demo_plan();
  for (auto lang : {ReportLang::zh, ReportLang::en}) {
    ExportOptions o;
    o.lang = lang;
    const MapFrame f =
        write_png_map(test::temp_dir() + "/labels.png", make_map_scene(d.plan, o), 1600, 1200, 150);
    check_labels(f);
    // The demo has room for every name and every rank.
    CHECK(f.labels.size() == d.study.sites.size());
    CHECK(f.labels_dropped == 0);
    REQUIRE(f.marks.size() == d.study.sites.size());
  }
  // Crowded stations on small maps: labels move around, fall back to the id or are left out,
  // but never overlap and never leave the map (also the long name at the right edge).
  auto& c = crowded_plan();
  for (auto [w, h] : {std::pair{1600, 1200}, std::pair{600, 450}, std::pair{300, 220}}) {
    INFO(w << "x" << h);
    ExportOptions o;
    const MapFrame f =
        write_png_map(test::temp_dir() + "/crowded.png", make_map_scene(c.plan, o), w, h, 96);
    check_labels(f);
    CHECK(f.labels.size() + f.labels_dropped == c.study.sites.size());
    CHECK(f.labels.size() >= 3);
    bool edge = false;
    for (const auto& l : f.labels) edge |= l.site == c.study.sites.size() - 1;
    CHECK(edge);  // the edge station is labelled (the map's furniture has room around it)
  }
}

TEST_CASE("map labels on a plan with many stations: names where they fit, busiest first", "[export]") {
  // 14 demo stations plus 106 more spread over the city on a grid: far more names than room.
  auto& d = demo_plan();
  CrowdedPlan c;
  c.stations = d.demo.stations;
  const Box b = d.city.bounds();
  for (int i = 0; i < 106; ++i) {
    const Vec2 p{b.min.x + (b.max.x - b.min.x) * (0.05 + 0.9 * (i % 11) / 10.0),
                 b.min.y + (b.max.y - b.min.y) * (0.05 + 0.9 * (i / 11) / 9.0)};
    c.stations.add({}, p, 1, "g" + std::to_string(i), "网格站" + std::to_string(i));
  }
  c.stations.lonlat = c.stations.xy;
  d.city.projection().to_lonlat(c.stations.lonlat);
  c.study = plan_study(d.city, c.stations, nullptr, nullptr, d.demo.demand, false, CoverageParams{});
  c.plan.study = &c.study;
  c.plan.existing = static_cast<uint32_t>(c.stations.size());
  const MapFrame f =
      write_png_map(test::temp_dir() + "/many.png", make_map_scene(c.plan, ExportOptions{}), 1600,
                    1200, 96);
  check_labels(f);
  CHECK(f.labels.size() + f.labels_dropped == c.study.sites.size());
  size_t names = 0;
  for (const auto& l : f.labels) names += l.text == c.stations.name[l.site];
  CHECK(names > 40);  // well beyond the old cut-off of 40 stations
  // The station reaching the most workers on foot is named.
  uint32_t best = 0;
  for (uint32_t i = 1; i < c.study.sites.size(); ++i)
    if (c.study.state.covered_weight(i, Criterion::walk) >
        c.study.state.covered_weight(best, Criterion::walk))
      best = i;
  bool named = false;
  for (const auto& l : f.labels) named |= l.site == best && l.text == c.stations.name[best];
  CHECK(named);
}

TEST_CASE("each host type has one fixed marker shape, on every map and in its legend", "[export]") {
  std::set<int> shapes;
  for (const char* t : kHostTypes) shapes.insert(static_cast<int>(host_shape(t)));
  shapes.insert(static_cast<int>(host_shape("")));
  CHECK(shapes.size() == std::size(kHostTypes) + 1);
  CHECK(host_shape("not a type") == host_shape(""));
  auto& d = demo_plan();
  CHECK(site_host_type(d.study.sites, 0) == "co-built");  // the demo's host_type column
  ExportOptions o;
  const MapFrame f =
      write_png_map(test::temp_dir() + "/shapes.png", make_map_scene(d.plan, o), 1200, 900, 96);
  for (uint32_t i = 0; i < d.plan.existing; ++i)
    CHECK(f.shape[i] == host_shape(site_host_type(d.study.sites, i)));
  REQUIRE(f.legend_shapes.size() == 4);  // co-built, standalone, shared, alliance
  for (const auto& [t, s] : f.legend_shapes) CHECK(s == host_shape(t));
  // Only mobile stations, listed first or last: always the mobile shape (not the first free one).
  PointSet mobile = d.demo.stations;
  for (auto& row : mobile.attr_values) row[0] = "mobile";
  CoverageStudy st =
      plan_study(d.city, mobile, nullptr, nullptr, d.demo.demand, false, CoverageParams{});
  PlanExport plan;
  plan.study = &st;
  plan.existing = static_cast<uint32_t>(mobile.size());
  const MapFrame g =
      write_png_map(test::temp_dir() + "/mobile.png", make_map_scene(plan, o), 1200, 900, 96);
  REQUIRE(g.legend_shapes.size() == 1);
  CHECK(g.legend_shapes[0].first == "mobile");
  CHECK(g.legend_shapes[0].second == host_shape("mobile"));
  CHECK(host_shape("mobile") != host_shape(""));
  for (uint32_t i = 0; i < plan.existing; ++i) CHECK(g.shape[i] == host_shape("mobile"));
  CHECK(f.credit == "合成演示城市（非真实数据）");  // the synthetic city says so on the map
}

TEST_CASE("PDF report pages rasterised: the map is drawn, headers whole, settings readable",
          "[export]") {
  auto& d = demo_plan();
  for (auto lang : {ReportLang::zh, ReportLang::en}) {
    const bool Z = lang == ReportLang::zh;
    const std::string dir = test::temp_dir() + (Z ? "/pdfr_zh" : "/pdfr_en");
    ExportOptions o;
    o.out_dir = dir;
    o.formats = {ExportFormat::pdf};
    o.lang = lang;
    export_plan(d.plan, o);
    const std::string pdf = dir + "/report.pdf";
    std::string out;
    REQUIRE(test::run_command("pdftoppm -png -r 80 -f 1 -l 1 " + pdf + " " + dir + "/page", out) ==
            0);
    std::string png;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".png") png = e.path().string();
    REQUIRE(!png.empty());
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    const int W = ds->GetRasterXSize(), H = ds->GetRasterYSize();
    CHECK(W == Approx(595.276 * 80 / 72).margin(2));  // A4 at 80 dpi
    std::vector<uint8_t> rgb[3];
    for (int b = 0; b < 3; ++b) {
      rgb[b].resize(static_cast<size_t>(W) * H);
      REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, W, H, rgb[b].data(), W, H, GDT_Byte,
                                                 0, 0) == CE_None);
    }
    auto near = [&](size_t i, palette::Rgba c) {
      return std::abs(rgb[0][i] - c.r) <= 4 && std::abs(rgb[1][i] - c.g) <= 4 &&
             std::abs(rgb[2][i] - c.b) <= 4;
    };
    size_t station = 0, star = 0, bg = 0, white = 0;
    for (size_t i = 0; i < rgb[0].size(); ++i) {
      station += near(i, palette::station);
      star += near(i, palette::station_selected);
      bg += near(i, palette::background);
      white += rgb[0][i] == 255 && rgb[1][i] == 255 && rgb[2][i] == 255;
    }
    CHECK(white < rgb[0].size() * 9 / 10);  // not a blank page
    CHECK(bg > rgb[0].size() / 20);         // the map's background fills much of it
    CHECK(station > 14 * 10);               // the 14 stations' marks, a few pixels each
    CHECK(star > 3 * 10);                   // the 3 suggested ones
    std::string text;
    REQUIRE(test::run_command("pdftotext -layout " + pdf + " -", text) == 0);
    INFO(text);
    CHECK(text.find("…") == std::string::npos);  // no header or value cut short
    // Map and figures on page 1; stations and suggestions on page 2; the coverage curve and the
    // settings together on page 3 (the settings never spill a few rows onto a page of their own).
    std::string info;
    REQUIRE(test::run_command("pdfinfo " + pdf, info) == 0);
    CHECK_THAT(info, Catch::Matches("(.|\\n)*Pages: +3\\n(.|\\n)*"));
    if (Z) {
      for (const char* raw : {"synthetic", "yes", "both", "Yizhan demo city", "walk_budget_m"})
        CHECK(text.find(raw) == std::string::npos);
      CHECK(text.find("驿站演示城市（合成数据）") != std::string::npos);  // the data line
      CHECK(text.find("两项都满足（双15标准）") != std::string::npos);
    } else {
      for (const char* raw : {"walk_budget_m", "suggest_gap", "radius_m", "demand_is_proxy"})
        CHECK(text.find(raw) == std::string::npos);
      CHECK(text.find("Walking distance limit (m)") != std::string::npos);
      // The proof of quality is stated once, in the suggestions' section (not again in settings).
      CHECK((text.find("proven the best possible") != std::string::npos ||
             text.find("of the best possible") != std::string::npos));
      CHECK(text.find("Gap to the optimum") == std::string::npos);
      CHECK(text.find("Workers, both") != std::string::npos);  // header wrapped, not cut
      CHECK(text.find("Workers by") != std::string::npos);
    }
  }
}

namespace {
std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// A QML document as QGIS would parse it: well-formed XML with a <qgis> root and a renderer.
bool is_qml(const std::string& text, const char* renderer_path) {
  CPLXMLNode* root = CPLParseXMLString(text.c_str());
  if (!root) return false;
  const CPLXMLNode* q = CPLGetXMLNode(root, "=qgis");
  const bool ok = q && CPLGetXMLNode(const_cast<CPLXMLNode*>(q), renderer_path);
  CPLDestroyXMLNode(root);
  return ok;
}
}  // namespace

TEST_CASE("outputs open styled: QGIS styles, RFC 7946 GeoJSON, placed PNG",
          "[export][styles]") {
  auto& d = demo_plan();
  const std::string dir = test::temp_dir() + "/styled";
  ExportOptions o;
  o.out_dir = dir;
  o.formats = parse_formats("gpkg,geojson,shp,tif,png");
  o.cell_m = 200;
  o.dpi = 150;
  export_plan(d.plan, o);

  SECTION("the GeoPackage's layer_styles table gives each drawn layer a default QML") {
    auto gpkg = open_vector(dir + "/plan.gpkg");
    OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
    REQUIRE(styles);
    std::map<std::string, std::string> qml;
    for (auto& f : *styles) {
      CHECK(f->GetFieldAsInteger("useAsDefault") == 1);
      CHECK(std::string(f->GetFieldAsString("f_geometry_column")) == "geom");
      qml[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleQML");
    }
    for (const char* l : {"stations", "suggestions", "candidates", "demand", "walk_areas",
                          "radius_circles", "walk_areas_dissolved"}) {
      INFO(l);
      REQUIRE(qml.count(l));
      CHECK(gpkg->GetLayerByName(l));  // a style names a layer that exists
      CHECK(is_qml(qml[l], "renderer-v2"));
    }
    // Stations: a rule per host type that occurs, suggested ones as stars.
    CHECK_THAT(qml["stations"], Catch::Contains("&quot;plan&quot; = &apos;suggested&apos;") &&
                                    Catch::Contains("v=\"star\"") &&
                                    Catch::Contains("&apos;co-built&apos;"));
    CHECK_THAT(qml["demand"], Catch::Contains("&quot;walk_count&quot; = 0"));
    // The same style beside the per-layer files.
    CHECK(slurp(dir + "/geojson/stations.qml") == qml["stations"]);
    CHECK(slurp(dir + "/shp/walk_areas.qml") == qml["walk_areas"]);
  }
  SECTION("GeoJSON per RFC 7946: no crs member, outer rings counter-clockwise, 7 decimals") {
    const std::string g = slurp(dir + "/geojson/walk_areas.geojson");
    CHECK(g.find("\"crs\"") == std::string::npos);
    auto ds = open_vector(dir + "/geojson/walk_areas.geojson");
    OGRLayer* l = ds->GetLayer(0);
    int checked = 0;
    for (auto& f : *l) {
      const OGRGeometry* geom = f->GetGeometryRef();
      REQUIRE(geom);
      const OGRPolygon* p = wkbFlatten(geom->getGeometryType()) == wkbMultiPolygon
                                ? geom->toMultiPolygon()->getGeometryRef(0)
                                : geom->toPolygon();
      const OGRLinearRing* r = p->getExteriorRing();
      double twice_area = 0;  // shoelace: positive = counter-clockwise
      for (int i = 0; i + 1 < r->getNumPoints(); ++i)
        twice_area += r->getX(i) * r->getY(i + 1) - r->getX(i + 1) * r->getY(i);
      CHECK(twice_area > 0);
      ++checked;
    }
    CHECK(checked > 0);
    // No coordinate written with more than 7 decimals (inside the "coordinates" arrays only).
    size_t longest = 0, found = 0;
    for (size_t at = g.find("\"coordinates\""); at != std::string::npos;
         at = g.find("\"coordinates\"", at + 1)) {
      ++found;
      size_t run = 0;
      bool after_dot = false;
      for (size_t i = at; i < g.size() && g[i] != '}'; ++i) {
        const char c = g[i];
        if (c == '.') after_dot = true, run = 0;
        else if (after_dot && c >= '0' && c <= '9') longest = std::max(longest, ++run);
        else after_dot = false;
      }
    }
    REQUIRE(found > 0);
    CHECK(longest <= 7);
  }
  SECTION("the accessibility GeoTIFF has a QGIS colour ramp on its minutes") {
    const std::string q = slurp(dir + "/accessibility.qml");
    CHECK(is_qml(q, "pipe.rasterrenderer"));
    CHECK_THAT(q, Catch::Contains("singlebandpseudocolor") && Catch::Contains("band=\"1\""));
  }
  SECTION("map.png carries its DPI and is placed in the map's CRS: stations land on their marks") {
    const std::string png = slurp(dir + "/map.png");
    const size_t phys = png.find("pHYs");
    REQUIRE(phys != std::string::npos);
    CHECK(phys < png.find("IDAT"));
    auto be32 = [&](size_t at) {
      uint32_t v = 0;
      for (int k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(png[at + k]);
      return v;
    };
    CHECK(be32(phys + 4) == static_cast<uint32_t>(std::lround(150 / 0.0254)));
    CHECK(png[phys + 12] == 1);  // per metre
    // GDAL reads the world file and the CRS; an existing station projected by OGR (not by
    // Yizhan) lands on a pixel of a station mark's blue.
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/map.png").c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    // The CRS as written beside it (map.png.aux.xml), read by OGR.
    const std::string aux = slurp(dir + "/map.png.aux.xml");
    const size_t s0 = aux.find("<SRS>"), s1 = aux.find("</SRS>");
    REQUIRE((s0 != std::string::npos && s1 != std::string::npos));
    OGRSpatialReference map_srs;
    REQUIRE(map_srs.importFromWkt(aux.substr(s0 + 5, s1 - s0 - 5).c_str()) == OGRERR_NONE);
    map_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference* srs = &map_srs;
    OGRSpatialReference wgs;
    wgs.SetWellKnownGeogCS("WGS84");
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs, srs));
    REQUIRE(ct);
    std::vector<unsigned char> rgb(3 * ds->GetRasterXSize() * ds->GetRasterYSize());
    REQUIRE(ds->RasterIO(GF_Read, 0, 0, ds->GetRasterXSize(), ds->GetRasterYSize(), rgb.data(),
                         ds->GetRasterXSize(), ds->GetRasterYSize(), GDT_Byte, 3, nullptr, 3,
                         3 * ds->GetRasterXSize(), 1) == CE_None);
    int found = 0;
    for (uint32_t i = 0; i < d.plan.existing; ++i) {
      double x = d.study.sites.lonlat[i].x, y = d.study.sites.lonlat[i].y;
      REQUIRE(ct->Transform(1, &x, &y));
      const int px = static_cast<int>((x - gt[0]) / gt[1]), py = static_cast<int>((y - gt[3]) / gt[5]);
      bool blue = false;
      for (int dy = -2; dy <= 2 && !blue; ++dy)
        for (int dx = -2; dx <= 2 && !blue; ++dx) {
          const int X = px + dx, Y = py + dy;
          if (X < 0 || Y < 0 || X >= ds->GetRasterXSize() || Y >= ds->GetRasterYSize()) continue;
          const unsigned char* c = &rgb[3 * (static_cast<size_t>(Y) * ds->GetRasterXSize() + X)];
          blue = std::abs(c[0] - palette::station.r) < 30 && std::abs(c[1] - palette::station.g) < 30 &&
                 std::abs(c[2] - palette::station.b) < 30;
        }
      found += blue;
    }
    CHECK(found >= static_cast<int>(d.plan.existing) - 1);  // one may sit under a suggestion's star
  }
}

TEST_CASE("districts, mobile stops and rounds open styled in QGIS", "[export][styles]") {
  Layer districts;
  districts.name = "districts";
  districts.kind = GeomKind::polygon;
  for (const char* f : {"name", "outside", "walk_pct", "radius_pct", "both_pct", "either_pct",
                        "criterion"})
    districts.fields.push_back({f, FieldType::text});
  const std::string dq = layer_qml(districts, ReportLang::en);
  // Five classes of 20 %, each filled with the PDF choropleth's colour at its middle (10, 30, ...
  // 90 %: from the ramp's stops red (0.85, 0.25, 0.22), amber (0.96, 0.72, 0.25), green (0.25,
  // 0.66, 0.35) by hand), the share taken from the plan's own test.
  CHECK_THAT(dq, Catch::Contains("RuleRenderer") && Catch::Contains("&quot;both_pct&quot;") &&
                     Catch::Contains("&quot;outside&quot; = 0") &&
                     Catch::Contains("0–20 % covered") && Catch::Contains("80–100 % covered"));
  auto ramp = [](double t) {  // t in [0, 1]
    const double lo[3] = {0.85, 0.25, 0.22}, mid[3] = {0.96, 0.72, 0.25}, hi[3] = {0.25, 0.66, 0.35};
    const double* a = t < 0.5 ? lo : mid;
    const double* c = t < 0.5 ? mid : hi;
    const double k = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
    std::string s;
    for (int i = 0; i < 3; ++i) s += std::to_string(std::lround((a[i] + (c[i] - a[i]) * k) * 255)) + ",";
    return s + "170";
  };
  for (double mid : {0.1, 0.3, 0.5, 0.7, 0.9}) {
    INFO(mid);
    CHECK_THAT(dq, Catch::Contains("k=\"color\" v=\"" + ramp(mid) + "\""));
  }
  CHECK_THAT(layer_qml(districts, ReportLang::zh), Catch::Contains("80–100 % 覆盖"));

  Layer stops;
  stops.name = "mobile_stops";
  stops.kind = GeomKind::point;
  stops.fields = {{"station", FieldType::text}};
  CHECK_THAT(layer_qml(stops, ReportLang::en),
             Catch::Contains("singleSymbol") && Catch::Contains("v=\"square\""));
  stops.fields.push_back({"current", FieldType::integer});
  CHECK_THAT(layer_qml(stops, ReportLang::zh),
             Catch::Contains("&quot;current&quot; = 1") && Catch::Contains("此时所在停靠点") &&
                 Catch::Contains("255,120,0,255"));
  Layer routes;
  routes.name = "mobile_routes";
  routes.kind = GeomKind::line;
  CHECK_THAT(layer_qml(routes, ReportLang::en),
             Catch::Contains("SimpleLine") && Catch::Contains("v=\"dash\""));
}
