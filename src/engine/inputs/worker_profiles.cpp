#include "engine/inputs/worker_profiles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

WorkerProfiles WorkerProfiles::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::cannot_open_worker_profiles);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::not_json, {{"why", e.what()}});
  }
  WorkerProfiles wp;
  wp.source = path;
  if (j.contains("peak_share")) {
    if (!j["peak_share"].is_number() || !(j["peak_share"].get<double>() > 0) ||
        j["peak_share"].get<double>() > 1)
      throw CodedError(path, Msg::workers_peak_share);
    wp.peak_share = j["peak_share"].get<double>();
  }
  if (!j.contains("groups") || !j["groups"].is_object())
    throw CodedError(path, Msg::workers_needs_groups);
  for (const auto& [name, g] : j["groups"].items()) {
    WorkerProfile p;
    p.name = name;
    p.label_zh = g.value("label_zh", "");
    for (const char* day : {"weekday", "weekend"}) {
      auto& out = std::string(day) == "weekday" ? p.weekday : p.weekend;
      if (!g.contains(day) || !g[day].is_array() || g[day].size() != 24)
        throw CodedError(path, Msg::workers_day_24, {{"name", name}, {"day", day}});
      for (int h = 0; h < 24; ++h) {
        const auto& v = g[day][h];
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1)
          throw CodedError(path, Msg::workers_hour_share,
                           {{"name", name}, {"day", day}, {"hour", h}});
        out[h] = v.get<double>();
      }
    }
    wp.groups.push_back(std::move(p));
  }
  if (!wp.find("default")) throw CodedError(path, Msg::workers_needs_default);
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
