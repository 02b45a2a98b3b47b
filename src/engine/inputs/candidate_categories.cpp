#include "engine/inputs/candidate_categories.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/inputs/site_attributes.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

namespace {

void read_common(const nlohmann::json& j, CandidateCategory& c, const std::string& path) {
  c.label_zh = j.value("label_zh", "");
  c.host_type = j.value("host_type", "");
  if (!c.host_type.empty()) {
    auto h = parse_host_type(c.host_type);
    if (!h)
      throw CodedError(path, Msg::category_unknown_host,
                       {{"name", c.name}, {"value", c.host_type}});
    c.host_type = *h;
  }
  if (j.contains("cost")) {
    if (!j["cost"].is_number() || j["cost"].get<double>() < 0)
      throw CodedError(path, Msg::category_cost, {{"name", c.name}});
    c.cost = j["cost"].get<double>();
  }
}

}  // namespace

std::vector<std::string> CandidateCategories::keys() const {
  std::vector<std::string> k;
  for (const auto& c : categories)
    for (const auto& t : c.tags)
      for (const auto& [key, value] : t.all)
        if (std::find(k.begin(), k.end(), key) == k.end()) k.push_back(key);
  return k;
}

int CandidateCategories::match(const std::function<std::string(const std::string&)>& tag) const {
  for (size_t i = 0; i < categories.size(); ++i)
    for (const auto& t : categories[i].tags) {
      bool ok = true;
      for (const auto& [key, value] : t.all) {
        const std::string v = tag(key);
        ok = ok && !v.empty() && v != "no" && (value == "*" || v == value);
      }
      if (ok) return static_cast<int>(i);
    }
  return -1;
}

std::vector<int> CandidateCategories::select(const std::string& list) const {
  std::vector<int> out;
  if (list == "all") {
    for (size_t i = 0; i < categories.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string name = list.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty()) {
      int found = -1;
      for (size_t i = 0; i < categories.size(); ++i)
        if (categories[i].name == name || categories[i].label_zh == name)
          found = static_cast<int>(i);
      if (found < 0) {
        std::string known;
        for (const auto& c : categories) known += (known.empty() ? "" : ", ") + c.name;
        throw CodedParamError("from_pois", Msg::unknown_category,
                              {{"value", name}, {"known", known}});
      }
      if (std::find(out.begin(), out.end(), found) == out.end()) out.push_back(found);
    }
    start = end + 1;
  }
  if (out.empty()) throw CodedParamError("from_pois", Msg::no_category);
  return out;
}

CandidateCategories load_candidate_categories(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::cannot_open_categories);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::not_json, {{"why", e.what()}});
  }
  CandidateCategories cc;
  cc.source = path;
  if (!j.contains("categories") || !j["categories"].is_array())
    throw CodedError(path, Msg::category_needs_array);
  for (const auto& c : j["categories"]) {
    CandidateCategory cat;
    cat.name = c.value("name", "");
    if (cat.name.empty()) throw CodedError(path, Msg::category_no_name);
    read_common(c, cat, path);
    if (!c.contains("tags") || !c["tags"].is_array() || c["tags"].empty())
      throw CodedError(path, Msg::category_needs_tags, {{"name", cat.name}});
    for (const auto& t : c["tags"]) {
      const std::string s = t.is_string() ? t.get<std::string>() : std::string();
      TagMatch m;
      size_t start = 0;
      while (start <= s.size()) {
        size_t end = s.find('+', start);
        if (end == std::string::npos) end = s.size();
        const std::string cond = s.substr(start, end - start);
        const size_t eq = cond.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == cond.size())
          throw CodedError(path, Msg::category_bad_tag, {{"name", cat.name}, {"value", s}});
        m.all.emplace_back(cond.substr(0, eq), cond.substr(eq + 1));
        start = end + 1;
      }
      cat.tags.push_back(std::move(m));
    }
    cc.categories.push_back(std::move(cat));
  }
  cc.grid.name = "grid";
  cc.grid.host_type = "standalone";
  if (j.contains("grid")) read_common(j["grid"], cc.grid, path);
  return cc;
}

CandidateCategories default_candidate_categories() {
  return load_candidate_categories(data_file("candidate_categories.json"));
}

std::string category_label_zh(const std::string& name) {
  static const CandidateCategories cats = [] {
    try {
      return default_candidate_categories();
    } catch (const std::exception&) {
      return CandidateCategories{};  // a missing data file: the names stay as they are
    }
  }();
  if (name == cats.grid.name && !cats.grid.label_zh.empty()) return cats.grid.label_zh;
  for (const auto& c : cats.categories)
    if (c.name == name && !c.label_zh.empty()) return c.label_zh;
  return name;
}

}  // namespace yz
