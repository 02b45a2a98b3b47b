#include "engine/export/coverage_layers.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "engine/coverage/coverage_report.hpp"
#include "engine/coverage/join_summary.hpp"
#include "engine/export/layer.hpp"
#include "engine/export/vector_writer.hpp"

namespace yz {

std::vector<MultiPolygon> walk_areas(const CoverageStudy& st, const WalkAreaOptions& opt,
                                     const Progress& progress) {
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

CoverageLayers coverage_layers(const CoverageStudy& st, const std::vector<DropReport>& drops,
                               const CoverageExportOptions& opt, const Progress& progress) {
  const auto& proj = st.city->projection();
  const auto& S = st.state;
  CoverageLayers out;
  // Sites.
  Layer& sites = out.layers.emplace_back();
  sites.name = "sites";
  sites.kind = GeomKind::point;
  sites.fields = {{"site_id", FieldType::text},
                  {"name", FieldType::text},
                  {"snap", FieldType::text},
                  {"access_m", FieldType::real},
                  {"walk_workers", FieldType::real},
                  {"radius_workers", FieldType::real},
                  {"both_workers", FieldType::real},
                  {"either_workers", FieldType::real},
                  {"walk_only_here", FieldType::real},
                  {"radius_not_walk", FieldType::real},
                  {"walk_through_joins", FieldType::real}};  // reached only through a join
  const size_t kOwnSiteFields = sites.fields.size();
  for (const auto& a : st.sites.attr_names)
    if (a != "id" && a != "name" && a != "fid") sites.fields.push_back({a, FieldType::text});
  sites.fields.insert(sites.fields.end(), opt.site_fields.begin(), opt.site_fields.end());
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
    std::vector<FieldValue> v{
        st.sites.id[i],
        st.sites.name[i],
        std::string(to_string(st.site_snaps[i].status)),
        st.site_snaps[i].usable() ? static_cast<double>(st.site_snaps[i].access_m) : NAN,
        S.covered_weight(i, Criterion::walk),
        S.covered_weight(i, Criterion::radius),
        S.covered_weight(i, Criterion::both),
        S.covered_weight(i, Criterion::either),
        S.unique_weight(i, Criterion::walk),
        rnw,
        join_gain_weight(st, i)};
    for (size_t a = 0; a < st.sites.attr_names.size(); ++a)
      if (st.sites.attr_names[a] != "id" && st.sites.attr_names[a] != "name" &&
          st.sites.attr_names[a] != "fid")
        v.push_back(i < st.sites.attr_values.size() ? st.sites.attr_values[i][a] : std::string());
    if (!opt.site_fields.empty())
      v.insert(v.end(), opt.site_values[i].begin(), opt.site_values[i].end());
    sites.features.push_back({st.sites.lonlat[i], std::move(v)});
  }
  type_number_columns(sites, kOwnSiteFields);  // the input's columns: numbers as numbers
  progress(0.1, "walk areas");
  // Walk areas.
  if (opt.walk_areas) {
    std::vector<MultiPolygon> computed;
    if (!opt.areas) computed = walk_areas(st, opt.area, progress);
    const auto& areas = opt.areas ? *opt.areas : computed;
    Layer& l = out.layers.emplace_back();
    l.name = "walk_areas";
    l.kind = GeomKind::polygon;
    l.fields = {{"site_id", FieldType::text},      {"name", FieldType::text},
                {"minutes", FieldType::real},      {"speed_kmh", FieldType::real},
                {"walk_workers", FieldType::real}, {"area_km2", FieldType::real}};
    for (uint32_t i = 0; i < st.sites.size(); ++i) {
      if (areas[i].empty()) continue;
      l.features.push_back(
          {to_lonlat(proj, areas[i]),
           {st.sites.id[i], st.sites.name[i], st.params.minutes, st.params.speed_kmh,
            S.covered_weight(i, Criterion::walk), multipolygon_area(areas[i]) / 1e6}});
    }
  }
  progress(0.7, "circles");
  {
    Layer& l = out.layers.emplace_back();
    l.name = "radius_circles";
    l.kind = GeomKind::polygon;
    l.fields = {{"site_id", FieldType::text},
                {"name", FieldType::text},
                {"radius_m", FieldType::real},
                {"radius_workers", FieldType::real}};
    for (uint32_t i = 0; i < st.sites.size(); ++i) {
      Polygon p;
      p.rings.push_back(circle_ring(st.sites.xy[i], st.params.radius_m));
      l.features.push_back({to_lonlat(proj, {p}),
                            {st.sites.id[i], st.sites.name[i], st.params.radius_m,
                             S.covered_weight(i, Criterion::radius)}});
    }
  }
  // Demand.
  {
    Layer& l = out.layers.emplace_back();
    l.name = "demand";
    l.kind = GeomKind::point;
    l.fields = {{"demand_id", FieldType::text},
                {"workers", FieldType::real},
                {"walk_count", FieldType::integer},
                {"radius_count", FieldType::integer},
                {"both_count", FieldType::integer},
                {"either_count", FieldType::integer},
                {"status", FieldType::text},
                {"source", FieldType::text},
                // The island rule (see the joins layer): joined off a piece, how much farther
                // off-street that is (NULL when not joined), walk count with the rule off.
                {"joined", FieldType::integer},
                {"extra_off_street_m", FieldType::real},
                {"walk_count_without_joins", FieldType::integer}};
    for (uint32_t d = 0; d < st.demand.size(); ++d) {
      const int wc = S.count(Criterion::walk, d), rc = S.count(Criterion::radius, d);
      const bool joined = st.index->is_joined(d);
      const double extra =
          joined ? st.index->snaps()[d].access_m - st.index->snap_without_joins(d).access_m : NAN;
      l.features.push_back(
          {st.demand.lonlat[d],
           {st.demand.id[d], st.demand.weight[d], static_cast<int64_t>(wc),
            static_cast<int64_t>(rc), static_cast<int64_t>(S.count(Criterion::both, d)),
            static_cast<int64_t>(S.count(Criterion::either, d)), std::string(demand_status(st, d)),
            st.demand.source, static_cast<int64_t>(joined), extra,
            static_cast<int64_t>(S.count_without_joins(Criterion::walk, d))}});
    }
  }
  // Joins: each piece points were joined off (one line per street of it) and each connecting
  // segment, straight from the point to where it joins the main network.
  {
    Layer& l = out.layers.emplace_back();
    l.name = "joins";
    l.kind = GeomKind::line;
    l.fields = {{"part", FieldType::text},
                {"piece_id", FieldType::integer},
                {"piece_street_m", FieldType::real},
                {"point", FieldType::text},
                {"point_id", FieldType::text},
                {"workers", FieldType::real},
                {"length_m", FieldType::real},
                {"extra_off_street_m", FieldType::real},
                {"walk_workers_through_join", FieldType::real}};
    const WalkGraph& g = st.city->graph;
    const auto joins = list_joins(st);
    std::vector<uint32_t> pieces;
    for (const auto& j : joins) pieces.push_back(j.piece);
    std::sort(pieces.begin(), pieces.end());
    pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());
    for (EdgeId e = 0; e < g.edge_count(); ++e) {
      const uint32_t piece = g.node_component[g.edge_tail[e]];
      if (!std::binary_search(pieces.begin(), pieces.end(), piece)) continue;
      std::vector<Vec2> line(g.geom.begin() + g.geom_first[e],
                             g.geom.begin() + g.geom_first[e + 1]);
      for (auto& p : line) p = proj.to_lonlat(p);
      l.features.push_back(
          {std::move(line),
           {std::string("piece"), static_cast<int64_t>(piece), g.component_length_m[piece],
            std::string(), std::string(), NAN, static_cast<double>(g.edge_length(e)), NAN, NAN}});
    }
    for (const auto& j : joins) {
      const Vec2 to = g.point_on_edge(j.joined.edge, j.joined.offset_m);
      double through = 0;
      if (j.site) {
        for (uint32_t d : st.covers[j.index].join_gain) through += st.demand.weight[d];
      } else {
        // Walk-covered only because of the rule (no station reaches it with the rule off).
        if (S.count(Criterion::walk, j.index) > 0 &&
            S.count_without_joins(Criterion::walk, j.index) == 0)
          through = j.weight;
      }
      l.features.push_back(
          {std::vector<Vec2>{proj.to_lonlat(j.xy), proj.to_lonlat(to)},
           {std::string("connection"), static_cast<int64_t>(j.piece), g.component_length_m[j.piece],
            std::string(j.site ? "station" : "demand"),
            j.site ? st.sites.id[j.index] : st.demand.id[j.index], j.site ? NAN : j.weight,
            static_cast<double>(j.joined.access_m), j.extra_off_street_m(), through}});
    }
  }
  // Dropped inputs: nothing is lost silently.
  {
    Layer& l = out.layers.emplace_back();
    l.name = "dropped";
    l.kind = GeomKind::point;
    l.fields = {{"source", FieldType::text},
                {"what", FieldType::text},
                {"row", FieldType::integer},
                {"item_id", FieldType::text},
                {"reason", FieldType::text}};
    for (const auto& r : drops)
      for (const auto& d : r.dropped)
        l.features.push_back({d.lonlat,  // NaN: written without geometry
                              {r.source, r.what, static_cast<int64_t>(d.index), d.id, d.reason}});
  }
  out.settings = {{"map", st.city->lines.source},
                  {"projection", proj.name()},
                  {"minutes", std::to_string(st.params.minutes)},
                  {"speed_kmh", std::to_string(st.params.speed_kmh)},
                  {"walk_budget_m", std::to_string(st.params.budget_m())},
                  {"radius_m", std::to_string(st.params.radius_m)},
                  {"max_snap_m", std::to_string(st.params.snap.max_snap_m)},
                  {"island_max_m", std::to_string(st.params.snap.island_max_m)},
                  {"walk_covered_only_through_joins",
                   std::to_string(st.state.summary().join_walk.only_through_joins)},
                  {"demand_source", st.demand.source},
                  {"demand_is_proxy", st.demand_is_proxy ? "yes" : "no"},
                  {"data_licence", st.city->lines.from_osm ? "© OpenStreetMap contributors (ODbL)"
                                   : st.city->lines.synthetic ? "synthetic"
                                                              : ""}};
  out.settings.insert(out.settings.end(), opt.settings.begin(), opt.settings.end());
  out.layers.insert(out.layers.end(), opt.extra_layers.begin(), opt.extra_layers.end());
  return out;
}

const char* demand_status(const CoverageStudy& st, uint32_t d) {
  const int wc = st.state.count(Criterion::walk, d), rc = st.state.count(Criterion::radius, d);
  return !st.index->snaps()[d].usable() ? "off network"
         : wc == 0 && rc > 0            ? "inside 1 km but not within the walk"
         : wc == 0                      ? "uncovered"
         : wc == 1                      ? "covered once"
                                        : "covered twice or more";
}

double multipolygon_area(const MultiPolygon& mp) {
  double a = 0;
  for (const auto& p : mp)
    for (size_t r = 0; r < p.rings.size(); ++r)
      a += (r == 0 ? 1 : -1) * std::fabs(ring_area(p.rings[r]));
  return a;
}

void write_coverage_layers(const std::string& path, const CoverageStudy& st,
                           const std::vector<DropReport>& drops, const CoverageExportOptions& opt,
                           const Progress& progress) {
  opt.area.validate();
  CoverageLayers cl = coverage_layers(st, drops, opt, progress);
  if (opt.extend) opt.extend(cl);
  VectorWriter w(path);
  w.set_csv_bom(opt.csv_bom);
  for (const auto& l : cl.layers) write_layer(w, l);
  w.add_table("yizhan_settings", cl.settings);
  w.close();
  progress(1.0, "written");
}

}  // namespace yz
