#include "engine/inputs/demand_profile.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

bool DemandTagRule::matches(const std::string& value) const {
  if (value.empty()) return false;
  for (const auto& v : values)
    if (v == "*" || v == value) return true;
  return false;
}

namespace {

// "component 'x'": where in the profile a problem is.
Message component(const std::string& name) {
  return Message(Msg::dp_component, {{"name", name}});
}

double number(const nlohmann::json& j, const char* key, double def, const std::string& path,
              const std::string& where) {
  if (!j.contains(key)) return def;
  if (!j[key].is_number())
    throw CodedError(path, Msg::dp_not_number, {MsgArg("where", component(where)), {"key", key}});
  const double v = j[key].get<double>();
  if (!std::isfinite(v) || v < 0)
    throw CodedError(path, Msg::dp_negative, {MsgArg("where", component(where)), {"key", key}});
  return v;
}

}  // namespace

DemandProfile DemandProfile::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::cannot_open_demand_profile);
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::not_json, {{"why", e.what()}});
  }
  if (!j.is_object() || !j.contains("components") || !j["components"].is_array())
    throw CodedError(path, Msg::dp_needs_components);
  DemandProfile p;
  p.source = path;
  p.description = j.value("description", "");
  std::set<std::string> seen;
  for (const auto& c : j["components"]) {
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string())
      throw CodedError(path, Msg::dp_needs_name);
    DemandComponent dc;
    dc.name = c["name"].get<std::string>();
    const std::string& where = dc.name;  // component(where) names it in messages
    const MsgArg at("where", component(where));
    if (dc.name.empty() || dc.name.find_first_of(", =") != std::string::npos)
      throw CodedError(path, Msg::dp_bad_name, {at});
    if (!seen.insert(dc.name).second) throw CodedError(path, Msg::dp_twice, {at});
    dc.description = c.value("description", "");
    dc.enabled = c.value("enabled", true);
    dc.weight = number(c, "weight", 1, path, where);
    if (c.contains("per_km")) {
      if (!c["per_km"].is_object()) throw CodedError(path, Msg::dp_per_km_map, {at});
      dc.street_length = true;
      dc.spacing_m = number(c, "spacing_m", 0, path, where);
      if (dc.spacing_m > 0 && dc.spacing_m < 1) throw CodedError(path, Msg::dp_spacing, {at});
      const double def = number(c["per_km"], "other", 0, path, where);
      dc.per_km.fill(def);
      for (const auto& [cls, v] : c["per_km"].items()) {
        const RoadClass rc = road_class_from_string(cls);
        if (rc == RoadClass::other && cls != "other")
          throw CodedError(path, Msg::dp_unknown_class, {at, {"value", cls}});
        dc.per_km[static_cast<int>(rc)] = number(c["per_km"], cls.c_str(), 0, path, where);
      }
    }
    if (c.contains("tags")) {
      if (!c["tags"].is_array()) throw CodedError(path, Msg::dp_tags_array, {at});
      for (const auto& r : c["tags"]) {
        DemandTagRule rule;
        if (!r.is_object() || !r.contains("key") || !r["key"].is_string() ||
            !r.contains("values") || !r["values"].is_array())
          throw CodedError(path, Msg::dp_tag_rule, {at});
        rule.key = r["key"].get<std::string>();
        for (const auto& v : r["values"]) {
          if (!v.is_string()) throw CodedError(path, Msg::dp_tag_values, {at});
          rule.values.push_back(v.get<std::string>());
        }
        rule.weight = number(r, "weight", 1, path, where);
        rule.per_ha = number(r, "per_ha", 0, path, where);
        dc.tags.push_back(std::move(rule));
      }
    }
    if (!dc.street_length && dc.tags.empty()) throw CodedError(path, Msg::dp_empty_component, {at});
    p.components.push_back(std::move(dc));
  }
  if (p.components.empty()) throw CodedError(path, Msg::dp_no_components);
  return p;
}

DemandProfile DemandProfile::load_default() {
  return load(data_file("demand_profile.json"));
}

const DemandComponent* DemandProfile::find(const std::string& name) const {
  for (const auto& c : components)
    if (c.name == name) return &c;
  return nullptr;
}

DemandComponent* DemandProfile::find(const std::string& name) {
  return const_cast<DemandComponent*>(std::as_const(*this).find(name));
}

std::vector<std::string> DemandProfile::names() const {
  std::vector<std::string> n;
  for (const auto& c : components) n.push_back(c.name);
  return n;
}

namespace {
std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}
}  // namespace

void DemandProfile::select(const std::vector<std::string>& wanted, const std::string& option) {
  if (wanted.size() == 1 && wanted[0] == "all") {
    for (auto& c : components) c.enabled = true;
    return;
  }
  for (auto& c : components) c.enabled = false;
  if (wanted.size() == 1 && wanted[0] == "none") return;
  for (const auto& n : wanted) {
    DemandComponent* c = find(n);
    if (!c)
      throw CodedParamError(option, Msg::unknown_component,
                            {{"value", n}, {"known", joined(names())}});
    c->enabled = true;
  }
}

void DemandProfile::set_weight(const std::string& assignment, const std::string& option) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos)
    throw CodedParamError(option, Msg::expected_name_weight, {{"value", assignment}});
  const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
  DemandComponent* c = find(name);
  if (!c)
    throw CodedParamError(option, Msg::unknown_component,
                          {{"value", name}, {"known", joined(names())}});
  char* end = nullptr;
  const double w = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(w) || w < 0 || w > 1e6)
    throw CodedParamError(option, Msg::component_weight_range, {{"name", name}, {"value", value}});
  c->weight = w;
}

std::vector<std::string> DemandProfile::poi_keys() const {
  std::set<std::string> keys;
  for (const auto& c : components)
    if (c.active())
      for (const auto& r : c.tags) keys.insert(r.key);
  return {keys.begin(), keys.end()};
}

}  // namespace yz
