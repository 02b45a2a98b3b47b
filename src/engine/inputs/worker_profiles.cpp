#include "engine/inputs/worker_profiles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"

namespace yz {

WorkerProfiles WorkerProfiles::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open the worker profile file");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw InputError(path, std::string("not valid JSON (") + e.what() + ")");
  }
  WorkerProfiles wp;
  wp.source = path;
  if (j.contains("peak_share")) {
    if (!j["peak_share"].is_number() || !(j["peak_share"].get<double>() > 0) ||
        j["peak_share"].get<double>() > 1)
      throw InputError(path, "\"peak_share\" must be a number in (0, 1]");
    wp.peak_share = j["peak_share"].get<double>();
  }
  if (!j.contains("groups") || !j["groups"].is_object())
    throw InputError(path, "needs a \"groups\" object (group name -> weekday and weekend lists)");
  for (const auto& [name, g] : j["groups"].items()) {
    WorkerProfile p;
    p.name = name;
    p.label_zh = g.value("label_zh", "");
    for (const char* day : {"weekday", "weekend"}) {
      auto& out = std::string(day) == "weekday" ? p.weekday : p.weekend;
      if (!g.contains(day) || !g[day].is_array() || g[day].size() != 24)
        throw InputError(
            path, fmt::format("group '{}': \"{}\" must list 24 numbers (hours 0-23)", name, day));
      for (int h = 0; h < 24; ++h) {
        const auto& v = g[day][h];
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1)
          throw InputError(
              path, fmt::format("group '{}': {} hour {} must be a share in [0, 1]", name, day, h));
        out[h] = v.get<double>();
      }
    }
    wp.groups.push_back(std::move(p));
  }
  if (!wp.find("default"))
    throw InputError(path, "needs a \"default\" group (for demand without worker groups)");
  return wp;
}

WorkerProfiles WorkerProfiles::load_default() {
  return load(data_file("worker_profiles.json"));
}

const WorkerProfile* WorkerProfiles::find(const std::string& name) const {
  for (const auto& g : groups)
    if (g.name == name) return &g;
  return nullptr;
}

const WorkerProfile& WorkerProfiles::fallback() const {
  return *find("default");
}

std::vector<int> WorkerProfiles::peak_hours(const WorkerProfile& p, bool weekend_day) const {
  double top = 0;
  for (int h = 0; h < 24; ++h) top = std::max(top, p.share(weekend_day, h));
  std::vector<int> out;
  if (top <= 0) return out;
  for (int h = 0; h < 24; ++h)
    if (p.share(weekend_day, h) >= peak_share * top - 1e-12) out.push_back(h);
  return out;
}

}  // namespace yz
