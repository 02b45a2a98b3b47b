#include "engine/inputs/demand_summary.hpp"

#include <fmt/format.h>

namespace yz {

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

}  // namespace yz
