#include "engine/export/coverage_layers.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <strings.h>

#include <cmath>

#include "engine/export/vector_writer.hpp"

namespace yz {

namespace {
MultiPolygon to_lonlat(const LocalProjection& proj, MultiPolygon mp) {
  for (auto& poly : mp)
    for (auto& ring : poly.rings) proj.to_lonlat(ring);
  return mp;
}
}  // namespace

std::vector<MultiPolygon> walk_areas(const CoverageStudy& st, const WalkAreaOptions& opt, const Progress& progress) {
  std::vector<MultiPolygon> out(st.sites.size());
  tbb::enumerable_thread_specific<WalkSearch> scratch([&] { return WalkSearch(st.city->graph); });
  tbb::parallel_for(size_t(0), st.sites.size(), [&](size_t i) {
    if (progress.cancelled() || !st.site_snaps[i].usable()) return;
    auto& s = scratch.local();
    s.run(st.site_snaps[i], static_cast<float>(st.params.budget_m()));
    out[i] = walk_area(st.city->graph, s, opt);
  });
  progress.throw_if_cancelled();
  return out;
}

void write_coverage_layers(const std::string& path, const CoverageStudy& st, const std::vector<DropReport>& drops,
                           const CoverageExportOptions& opt, const Progress& progress) {
  const auto& proj = st.city->projection();
  VectorWriter w(path);
  const auto& S = st.state;
  // Sites.
  std::vector<FieldDef> site_fields{{"site_id", FieldType::text},      {"name", FieldType::text},
                                    {"snap", FieldType::text},         {"access_m", FieldType::real},
                                    {"walk_workers", FieldType::real}, {"radius_workers", FieldType::real},
                                    {"both_workers", FieldType::real}, {"either_workers", FieldType::real},
                                    {"walk_only_here", FieldType::real}, {"radius_not_walk", FieldType::real}};
  // The input's own columns pass through, except those whose names the fields above already use
  // (a sites file written by `yizhan sites` or an earlier run has site_id, snap, ...).
  const size_t own_fields = site_fields.size();
  std::vector<size_t> pass;
  for (size_t a = 0; a < st.sites.attr_names.size(); ++a) {
    const std::string& n = st.sites.attr_names[a];
    bool clash = n == "id" || n == "fid";
    for (size_t f = 0; f < own_fields; ++f)
      clash = clash || strcasecmp(site_fields[f].name.c_str(), n.c_str()) == 0;
    if (!clash) pass.push_back(a), site_fields.push_back({n, FieldType::text});
  }
  w.begin_layer("sites", GeomKind::point, site_fields);
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const auto& cv = st.covers[i];
    double rnw = 0;
    {
      size_t k = 0;
      for (uint32_t d : cv.radius) {
        while (k < cv.walk.size() && cv.walk[k] < d) ++k;
        if (k == cv.walk.size() || cv.walk[k] != d) rnw += st.demand.weight[d];
      }
    }
    std::vector<FieldValue> v{st.sites.id[i],
                              st.sites.name[i],
                              std::string(to_string(st.site_snaps[i].status)),
                              st.site_snaps[i].usable() ? static_cast<double>(st.site_snaps[i].access_m) : NAN,
                              S.covered_weight(i, Criterion::walk),
                              S.covered_weight(i, Criterion::radius),
                              S.covered_weight(i, Criterion::both),
                              S.covered_weight(i, Criterion::either),
                              S.unique_weight(i, Criterion::walk),
                              rnw};
    for (size_t a : pass)
      v.push_back(i < st.sites.attr_values.size() ? st.sites.attr_values[i][a] : std::string());
    w.add_point(st.sites.lonlat[i], v);
  }
  progress(0.1, "writing walk areas");
  // Walk areas.
  if (opt.walk_areas) {
    const auto areas = walk_areas(st, opt.area, progress);
    w.begin_layer("walk_areas", GeomKind::polygon,
                  {{"site_id", FieldType::text}, {"name", FieldType::text}, {"minutes", FieldType::real},
                   {"speed_kmh", FieldType::real}, {"walk_workers", FieldType::real}, {"area_km2", FieldType::real}});
    for (uint32_t i = 0; i < st.sites.size(); ++i) {
      if (areas[i].empty()) continue;
      double a = 0;
      for (const auto& p : areas[i])
        for (size_t r = 0; r < p.rings.size(); ++r) a += (r == 0 ? 1 : -1) * std::fabs(ring_area(p.rings[r]));
      w.add_polygon(to_lonlat(proj, areas[i]), {st.sites.id[i], st.sites.name[i], st.params.minutes, st.params.speed_kmh,
                                                S.covered_weight(i, Criterion::walk), a / 1e6});
    }
  }
  progress(0.7, "writing circles");
  w.begin_layer("radius_circles", GeomKind::polygon,
                {{"site_id", FieldType::text}, {"name", FieldType::text}, {"radius_m", FieldType::real},
                 {"radius_workers", FieldType::real}});
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    Polygon p;
    p.rings.push_back(circle_ring(st.sites.xy[i], st.params.radius_m));
    w.add_polygon(to_lonlat(proj, {p}), {st.sites.id[i], st.sites.name[i], st.params.radius_m, S.covered_weight(i, Criterion::radius)});
  }
  // Demand.
  w.begin_layer("demand", GeomKind::point,
                {{"demand_id", FieldType::text}, {"workers", FieldType::real}, {"walk_count", FieldType::integer},
                 {"radius_count", FieldType::integer}, {"both_count", FieldType::integer},
                 {"either_count", FieldType::integer}, {"status", FieldType::text}, {"source", FieldType::text}});
  for (uint32_t d = 0; d < st.demand.size(); ++d) {
    const int wc = S.count(Criterion::walk, d), rc = S.count(Criterion::radius, d);
    const char* status = !st.index->snaps()[d].usable() ? "off network"
                         : wc == 0 && rc > 0            ? "inside 1 km but not within the walk"
                         : wc == 0                      ? "uncovered"
                         : wc == 1                      ? "covered once"
                                                        : "covered twice or more";
    w.add_point(st.demand.lonlat[d], {st.demand.id[d], st.demand.weight[d], static_cast<int64_t>(wc),
                                      static_cast<int64_t>(rc), static_cast<int64_t>(S.count(Criterion::both, d)),
                                      static_cast<int64_t>(S.count(Criterion::either, d)), std::string(status),
                                      st.demand.source});
  }
  // Dropped inputs: nothing is lost silently.
  w.begin_layer("dropped", GeomKind::point,
                {{"source", FieldType::text}, {"what", FieldType::text}, {"row", FieldType::integer},
                 {"item_id", FieldType::text}, {"reason", FieldType::text}});
  for (const auto& r : drops)
    for (const auto& d : r.dropped)
      w.add_point(std::isfinite(d.lonlat.x) ? d.lonlat : Vec2{0, 0},
                  {r.source, r.what, static_cast<int64_t>(d.index), d.id, d.reason});
  std::vector<std::pair<std::string, std::string>> settings{
      {"map", st.city->lines.source},
      {"projection", proj.name()},
      {"minutes", std::to_string(st.params.minutes)},
      {"speed_kmh", std::to_string(st.params.speed_kmh)},
      {"walk_budget_m", std::to_string(st.params.budget_m())},
      {"radius_m", std::to_string(st.params.radius_m)},
      {"max_snap_m", std::to_string(st.params.snap.max_snap_m)},
      {"demand_source", st.demand.source},
      {"demand_is_proxy", st.demand_is_proxy ? "yes" : "no"},
      {"data_licence", st.city->lines.from_osm ? "© OpenStreetMap contributors (ODbL)" : st.city->lines.synthetic ? "synthetic" : ""}};
  settings.insert(settings.end(), opt.settings.begin(), opt.settings.end());
  w.add_table("yizhan_settings", settings);
  w.close();
  progress(1.0, "written");
}

}  // namespace yz
