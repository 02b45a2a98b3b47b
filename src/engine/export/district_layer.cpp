#include "engine/export/district_layer.hpp"

namespace yz {

Layer district_layer(const DistrictSummary& s, const Districts& districts, const PointSet& sites) {
  Layer l;
  l.name = "districts";
  l.kind = GeomKind::polygon;
  // Shapefile names hold 10 bytes: every name here fits.
  l.fields = {{"name", FieldType::text},         {"outside", FieldType::integer},
              {"stations", FieldType::integer},  {"workers", FieldType::real},
              {"walk", FieldType::real},         {"walk_pct", FieldType::real},
              {"radius", FieldType::real},       {"radius_pct", FieldType::real},
              {"both", FieldType::real},         {"both_pct", FieldType::real},
              {"either", FieldType::real},       {"either_pct", FieldType::real},
              {"twice", FieldType::real},        {"only_1km", FieldType::real},
              {"suggested", FieldType::integer}, {"sugg_ids", FieldType::text},
              {"added", FieldType::real},        {"criterion", FieldType::text}};
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const DistrictRow& r = s.rows[i];
    std::string ids;
    for (uint32_t k : r.suggested) ids += (ids.empty() ? "" : ",") + sites.id[k];
    Feature f;
    f.geom = r.outside || i >= districts.size() ? MultiPolygon{} : districts.lonlat[i];
    f.values = {r.outside ? std::string("(outside any district)") : r.name,
                int64_t{r.outside ? 1 : 0},
                int64_t{r.stations},
                r.workers,
                r.walk.covered,
                r.percent(Criterion::walk),
                r.radius.covered,
                r.percent(Criterion::radius),
                r.both.covered,
                r.percent(Criterion::both),
                r.either.covered,
                r.percent(Criterion::either),
                r.of(s.criterion).twice,
                r.radius_not_walk,
                static_cast<int64_t>(r.suggested.size()),
                ids,
                r.added,
                std::string(to_string(s.criterion))};
    l.features.push_back(std::move(f));
  }
  return l;
}

}  // namespace yz
