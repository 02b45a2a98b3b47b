#include "engine/export/site_layers.hpp"

#include <algorithm>
#include <cmath>

#include "engine/export/vector_writer.hpp"
#include "engine/util/ascii_case.hpp"

namespace yz {

namespace {

const char* kSiteFields[] = {"id",    "name",   "category",  "host_type",
                             "size_class", "status", "amenities", "opening_hours",
                             "capacity",   "cost",   "snap_m",    "source"};

}  // namespace

void write_dropped_layer(VectorWriter& w, const std::vector<DropReport>& drops) {
  w.begin_layer("dropped", GeomKind::point,
                {{"source", FieldType::text},
                 {"what", FieldType::text},
                 {"row", FieldType::integer},
                 {"item_id", FieldType::text},
                 {"reason", FieldType::text},
                 {"detail", FieldType::text}});
  for (const auto& r : drops)
    for (const auto& d : r.dropped)
      w.add_point(d.lonlat,
                  {r.source, r.what, static_cast<int64_t>(d.index), d.id, d.reason, d.detail});
}

void write_site_layers(const std::string& path, const PointSet& sites,
                       const std::vector<Snap>& snaps, const std::vector<DropReport>& drops,
                       const std::vector<std::pair<std::string, std::string>>& metadata) {
  VectorWriter w(path);
  std::vector<FieldDef> fields;
  for (const char* f : kSiteFields)
    fields.push_back(
        {f, std::string(f) == "capacity" || std::string(f) == "cost" || std::string(f) == "snap_m"
                ? FieldType::real
                : FieldType::text});
  // The planner's own columns pass through, except those the canonical fields replace.
  std::vector<size_t> pass;
  for (size_t c = 0; c < sites.attr_names.size(); ++c) {
    const std::string n = ascii_lower(sites.attr_names[c]);
    bool clash = n == "id" || n == "fid";
    for (const auto& f : fields) clash = clash || n == f.name;
    if (!clash) pass.push_back(c), fields.push_back({sites.attr_names[c], FieldType::text});
  }
  w.begin_layer("candidates", GeomKind::point, fields);
  for (size_t i = 0; i < sites.size(); ++i) {
    const SiteInfo info = i < sites.info.size() ? sites.info[i] : SiteInfo{};
    std::vector<FieldValue> v{sites.id[i],
                              sites.name[i],
                              info.category,
                              info.host_type,
                              info.size_class,
                              info.status,
                              amenity_list(info.amenities),
                              info.opening_hours,
                              info.capacity,  // NaN = not given (stored as NULL)
                              info.cost,
                              i < snaps.size() ? static_cast<double>(snaps[i].access_m) : NAN,
                              info.origin};
    for (size_t c : pass)
      v.push_back(i < sites.attr_values.size() ? sites.attr_values[i][c] : std::string());
    w.add_point(sites.lonlat[i], v);
  }
  write_dropped_layer(w, drops);
  w.add_table("yizhan_sites", metadata);
  w.close();
}

}  // namespace yz
