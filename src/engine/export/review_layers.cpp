#include "engine/export/review_layers.hpp"

#include "engine/inputs/site_attributes.hpp"

namespace yz {

using namespace yz::siting;

void write_review_layers(VectorWriter& w, const PointSet& sites, const StationReview& r) {
  w.begin_layer("least_useful", GeomKind::point,
                {{"rank", FieldType::integer},
                 {"site_id", FieldType::text},
                 {"name", FieldType::text},
                 {"covers", FieldType::real},
                 {"lost", FieldType::real},
                 {"lost_twice", FieldType::real}});
  int64_t rank = 0;
  for (const RemovalCost& c : r.removal)
    w.add_point(sites.lonlat[c.site],
                {++rank, sites.id[c.site], sites.name[c.site], c.covers, c.lost, c.lost_twice});
  w.begin_layer("upgrade_priority", GeomKind::point,
                {{"rank", FieldType::integer},
                 {"site_id", FieldType::text},
                 {"name", FieldType::text},
                 {"served", FieldType::real},
                 {"missing", FieldType::integer},
                 {"missing_amenities", FieldType::text},
                 {"priority", FieldType::real}});
  const std::vector<uint32_t> have = site_amenities(sites);
  rank = 0;
  for (const UpgradePriority& u : r.upgrade)
    w.add_point(sites.lonlat[u.site],
                {++rank, sites.id[u.site], sites.name[u.site], u.served, int64_t{u.missing},
                 amenity_list(r.wanted & ~have[u.site]), u.priority});
  w.begin_layer("relocation", GeomKind::line,
                {{"rank", FieldType::integer},
                 {"site_id", FieldType::text},
                 {"name", FieldType::text},
                 {"lost", FieldType::real},
                 {"to_site_id", FieldType::text},
                 {"to_name", FieldType::text},
                 {"gained", FieldType::real},
                 {"net", FieldType::real}});
  rank = 0;
  for (const Relocation& m : r.relocation) {
    ++rank;
    if (m.candidate == kNoSite) continue;
    w.add_line({sites.lonlat[m.site], sites.lonlat[m.candidate]},
               {rank, sites.id[m.site], sites.name[m.site], m.lost, sites.id[m.candidate],
                sites.name[m.candidate], m.gained, m.net()});
  }
}

}  // namespace yz
