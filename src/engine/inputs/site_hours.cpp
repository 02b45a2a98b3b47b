#include "engine/inputs/site_hours.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

CategoryHours CategoryHours::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::cannot_open_hours_file);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::not_json, {{"why", e.what()}});
  }
  if (!j.contains("categories") || !j["categories"].is_object())
    throw CodedError(path, Msg::hours_needs_categories);
  CategoryHours ch;
  ch.source = path;
  for (const auto& [name, v] : j["categories"].items()) {
    if (!v.is_string()) throw CodedError(path, Msg::hours_category_text, {{"name", name}});
    const ParsedHours p = parse_opening_hours(v.get<std::string>());
    if (p.status != HoursStatus::parsed)
      throw CodedError(path, Msg::hours_category_unreadable,
                       {{"name", name},
                        {"value", v.get<std::string>()},
                        p.problem.empty() ? MsgArg("why", Message(Msg::hours_blank))
                                          : MsgArg("why", p.problem)});
    ch.by_category[name] = v.get<std::string>();
  }
  if (j.contains("aliases")) {
    if (!j["aliases"].is_object())
      throw InputError(path, "\"aliases\" must be an object (other name -> category)");
    for (const auto& [name, v] : j["aliases"].items()) {
      if (!v.is_string() || !ch.by_category.count(v.get<std::string>()))
        throw InputError(path, "alias '" + name + "' must name a category of \"categories\"");
      ch.aliases[name] = v.get<std::string>();
    }
  }
  return ch;
}

CategoryHours CategoryHours::load_default() {
  return load(data_file("category_hours.json"));
}

std::string CategoryHours::resolve(const std::string& category) const {
  if (by_category.count(category)) return category;
  if (auto it = aliases.find(category); it != aliases.end()) return it->second;
  return by_category.count("default") ? "default" : "";
}

const std::string* CategoryHours::find(const std::string& category) const {
  const auto it = by_category.find(resolve(category));
  return it == by_category.end() ? nullptr : &it->second;
}

std::string site_hours_text(const PointSet& pts, size_t i) {
  if (i < pts.info.size() && !pts.info[i].opening_hours.empty()) return pts.info[i].opening_hours;
  for (const char* c : {"opening_hours", "hours", "open_hours", "开放时间", "营业时间", "服务时间"})
    if (const std::string& v = pts.attr(i, c); !v.empty()) return v;
  return {};
}

std::string site_category(const PointSet& pts, size_t i) {
  if (i < pts.info.size() && !pts.info[i].category.empty()) return pts.info[i].category;
  return pts.attr(i, "category");
}

std::vector<WeekSchedule> site_schedules(const PointSet& pts, const CategoryHours* categories,
                                         SiteHoursReport& report, size_t assume_from) {
  std::vector<WeekSchedule> out(pts.size(), WeekSchedule::always());
  report.points = static_cast<uint32_t>(pts.size());
  report.assumed_category.assign(pts.size(), std::string());
  for (size_t i = 0; i < pts.size(); ++i) {
    const std::string label = fmt::format("row {} ({}{}{})", pts.source_row(i) + 1, pts.id[i],
                                          pts.name[i].empty() ? "" : " ", pts.name[i]);
    std::string text = site_hours_text(pts, i);
    const std::string category = site_category(pts, i);
    bool assumed = false;
    if (i >= assume_from && parse_opening_hours(text).status == HoursStatus::blank && categories &&
        !category.empty()) {
      if (const std::string* typical = categories->find(category)) {
        text = *typical;
        assumed = true;
      }
    }
    const ParsedHours p = parse_opening_hours(text);
    switch (p.status) {
      case HoursStatus::blank:
        ++report.blank;
        break;
      case HoursStatus::unreadable:
        ++report.unreadable;
        report.unreadable_rows.push_back(fmt::format("{}: '{}' {}", label, text, p.problem));
        break;
      case HoursStatus::parsed:
        out[i] = p.schedule;
        if (assumed) {
          const std::string used = categories->resolve(category);
          ++report.assumed;
          ++report.assumed_by_category[used];
          report.assumed_category[i] = used;
          report.assumed_rows.push_back(fmt::format("{}{}{}: {} typical hours '{}' ASSUMED",
                                                    pts.id[i], pts.name[i].empty() ? "" : " ",
                                                    pts.name[i], used, text));
        } else {
          ++report.parsed;
        }
        for (const auto& n : p.notes) report.not_modelled.push_back(label + ": " + n);
        break;
    }
  }
  return out;
}

std::vector<std::string> SiteHoursReport::lines() const {
  std::vector<std::string> l;
  std::string s = fmt::format("{} {}: {} with hours read", points, what, parsed);
  if (assumed) {
    std::string cats;
    for (const auto& [c, n] : assumed_by_category)
      cats += fmt::format("{}{} {}", cats.empty() ? "" : ", ", n, c);
    s += fmt::format(", {} ASSUMED from their category's typical hours ({})", assumed, cats);
  }
  if (blank) s += fmt::format(", {} without hours counted as always open", blank);
  if (unreadable)
    s += fmt::format(", {} with hours not understood counted as always open", unreadable);
  l.push_back(s);
  for (const auto& r : unreadable_rows) l.push_back("hours not understood, " + r);
  for (const auto& r : not_modelled) l.push_back("hours " + r);
  return l;
}

}  // namespace yz
