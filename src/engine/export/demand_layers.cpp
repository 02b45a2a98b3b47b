#include "engine/export/demand_layers.hpp"

#include <fmt/format.h>

#include <cmath>

#include "engine/export/vector_writer.hpp"
#include "engine/inputs/demand_builder.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

std::string demand_column(const std::string& c) {
  for (const char* fixed :
       {"id", "weight", "component", "items", "cell_row", "cell_col", "fid", "geom"})
    if (c == fixed) return "c_" + c;
  return c;
}

std::vector<std::pair<std::string, std::string>> DemandSummary::rows(
    const DemandCells& cells) const {
  std::vector<std::pair<std::string, std::string>> r{
      {"map", map},
      {"projection", projection},
      {"profile", profile},
      {"cell_m", cells.cell_m > 0 ? fmt::format("{:g}", cells.cell_m) : "0 (no aggregation)"},
      {"points", std::to_string(cells.size())},
      {"total_workers", fmt::format("{:.6f}", cells.total())}};
  std::string names;
  for (const auto& c : components) names += (names.empty() ? "" : ",") + c.name;
  r.emplace_back("components", names);
  for (const auto& c : components)
    r.emplace_back("component." + c.name,
                   fmt::format("weight {:g}; {:.6f} workers from {} items; source {}; {}", c.weight,
                               c.workers, c.items, c.source, c.description));
  for (size_t i = 0; i < notes.size(); ++i)
    r.emplace_back("note." + std::to_string(i + 1), notes[i]);
  return r;
}

std::string DemandSummary::text(const DemandCells& cells,
                                const std::vector<DropReport>& drops) const {
  std::string s = "Demand (outdoor workers) for " + map + "\n";
  for (const auto& d : drops) {
    s += "  " + d.summary() + "\n";
    for (const auto& n : d.notes) s += "    note: " + n + "\n";
  }
  s += fmt::format("  {:<14} {:>8} {:>12} {:>8}\n", "component", "weight", "workers", "items");
  for (const auto& c : components)
    s += fmt::format("  {:<14} {:>8g} {:>12.1f} {:>8}\n", c.name, c.weight, c.workers, c.items);
  s += fmt::format("  {:<14} {:>8} {:>12.1f}\n", "total", "", cells.total());
  if (cells.cell_m > 0)
    s +=
        fmt::format("  aggregated to {:g} m cells: {} demand points\n", cells.cell_m, cells.size());
  else
    s += fmt::format("  no aggregation: {} demand points\n", cells.size());
  for (const auto& n : notes) s += "  note: " + n + "\n";
  return s;
}

nlohmann::json DemandSummary::json(const DemandCells& cells,
                                   const std::vector<DropReport>& drops) const {
  nlohmann::json j;
  j["map"] = map;
  j["projection"] = projection;
  j["profile"] = profile;
  j["cell_m"] = cells.cell_m;
  j["points"] = cells.size();
  j["total"] = cells.total();
  j["components"] = nlohmann::json::array();
  for (const auto& c : components)
    j["components"].push_back({{"name", c.name},
                               {"weight", c.weight},
                               {"workers", c.workers},
                               {"items", c.items},
                               {"source", c.source},
                               {"description", c.description}});
  j["inputs"] = nlohmann::json::array();
  for (const auto& d : drops) {
    nlohmann::json reasons = nlohmann::json::object();
    for (const auto& [r, n] : d.reasons()) reasons[r] = n;
    j["inputs"].push_back({{"source", d.source},
                           {"what", d.what},
                           {"read", d.read},
                           {"kept", d.kept},
                           {"dropped", d.dropped.size()},
                           {"reasons", reasons},
                           {"notes", d.notes}});
  }
  j["notes"] = notes;
  return j;
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
  // Workers from map proxies (any component but the planner's own layer or raster) are an
  // estimate: said per point, so `--demand` readers label the figures so (PointSet::estimate).
  fields.push_back({kDemandEstimateColumn, FieldType::text});
  std::vector<uint8_t> proxy_component(cells.components.size());
  for (size_t c = 0; c < cells.components.size(); ++c)
    proxy_component[c] =
        cells.components[c] != kPlannerComponent && cells.components[c] != kRasterComponent;
  w.begin_layer("demand", GeomKind::point, fields);
  const size_t nc = cells.components.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    std::vector<FieldValue> v{"d" + std::to_string(i + 1), cells.weight[i]};
    for (size_t c = 0; c < nc; ++c) v.emplace_back(cells.component_weight(i, c));
    v.emplace_back(cells.main_component(i));
    v.emplace_back(static_cast<int64_t>(cells.items[i]));
    v.emplace_back(cells.row[i]);
    v.emplace_back(cells.col[i]);
    bool estimated = false;
    for (size_t c = 0; c < nc; ++c)
      estimated |= proxy_component[c] && cells.component_weight(i, c) > 0;
    v.emplace_back(std::string(estimated ? "map proxies" : ""));
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
