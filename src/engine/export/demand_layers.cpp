#include "engine/export/demand_layers.hpp"

#include <fmt/format.h>

#include <cmath>

#include "engine/export/vector_writer.hpp"

namespace yz {

std::string demand_column(const std::string& c) {
  for (const char* fixed :
       {"id", "weight", "component", "items", "cell_row", "cell_col", "fid", "geom"})
    if (c == fixed) return "c_" + c;
  return c;
}

void write_demand_layers(const std::string& path, const DemandCells& cells,
                         const DemandSummary& summary, const std::vector<DropReport>& drops,
                         const LocalProjection& proj) {
  VectorWriter w(path);
  // `demand` first: readers that take the first point layer (coverage, suggest) find it.
  std::vector<FieldDef> fields{{"id", FieldType::text}, {"weight", FieldType::real}};
  for (const auto& c : cells.components) fields.push_back({demand_column(c), FieldType::real});
  fields.push_back({"component", FieldType::text});
  fields.push_back({"items", FieldType::integer});
  fields.push_back({"cell_row", FieldType::integer});
  fields.push_back({"cell_col", FieldType::integer});
  w.begin_layer("demand", GeomKind::point, fields);
  const size_t nc = cells.components.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    std::vector<FieldValue> v{"d" + std::to_string(i + 1), cells.weight[i]};
    for (size_t c = 0; c < nc; ++c) v.emplace_back(cells.component_weight(i, c));
    v.emplace_back(cells.main_component(i));
    v.emplace_back(static_cast<int64_t>(cells.items[i]));
    v.emplace_back(cells.row[i]);
    v.emplace_back(cells.col[i]);
    w.add_point(cells.lonlat[i], v);
  }
  if (cells.cell_m > 0) {
    // The aggregation made visible: each cell's square with its workers.
    w.begin_layer(
        "cells", GeomKind::polygon,
        {{"id", FieldType::text}, {"weight", FieldType::real}, {"items", FieldType::integer}});
    const double m = cells.cell_m;
    for (size_t i = 0; i < cells.size(); ++i) {
      const double x0 = cells.col[i] * m, y0 = cells.row[i] * m;
      Ring r{{x0, y0}, {x0 + m, y0}, {x0 + m, y0 + m}, {x0, y0 + m}, {x0, y0}};
      proj.to_lonlat(r);
      w.add_polygon({Polygon{{r}}}, {"d" + std::to_string(i + 1), cells.weight[i],
                                     static_cast<int64_t>(cells.items[i])});
    }
  }
  w.begin_layer("dropped", GeomKind::point,
                {{"source", FieldType::text},
                 {"what", FieldType::text},
                 {"row", FieldType::integer},
                 {"item_id", FieldType::text},
                 {"reason", FieldType::text}});
  for (const auto& r : drops)
    for (const auto& d : r.dropped)
      w.add_point(d.lonlat,  // NaN: written without geometry
                  {r.source, r.what, static_cast<int64_t>(d.index), d.id, d.reason});
  if (VectorWriter::driver_for(path) == "GPKG") w.add_table("yizhan_demand", summary.rows(cells));
  w.close();
}

}  // namespace yz
