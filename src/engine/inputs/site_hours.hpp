#pragma once
// Each station's or candidate's weekly schedule from its hours text (the opening_hours /
// 开放时间 / 营业时间 / hours column, or the OSM opening_hours tag of a candidate host). A
// candidate without hours takes its category's typical hours (data/category_hours.json), counted as
// an assumption; blank or unreadable hours count as always open, and every unreadable value is
// listed with its row.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/inputs/opening_hours.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

struct CategoryHours {
  std::string source;
  std::map<std::string, std::string> by_category;  // category -> hours text
  // Other names planners give a category (银行网点, 银行 -> bank), from the file's "aliases".
  std::map<std::string, std::string> aliases;
  // Throws InputError naming the file and the category whose hours do not parse.
  static CategoryHours load(const std::string& path);
  static CategoryHours load_default();  // data/category_hours.json
  // The category whose hours apply: itself, the one it is another name for, else "default";
  // empty when none is given.
  std::string resolve(const std::string& category) const;
  // The category's hours (as resolve() picks them); nullptr when none apply.
  const std::string* find(const std::string& category) const;
};

struct SiteHoursReport {
  std::string what = "stations";
  uint32_t points = 0, parsed = 0, blank = 0, unreadable = 0, assumed = 0;
  std::map<std::string, uint32_t> assumed_by_category;
  // "row 5 (s5 银行网点): '营业中' not understood" — every one, never dropped.
  std::vector<std::string> unreadable_rows;
  // "row 3: public holidays not modelled" (rules read but not modelled).
  std::vector<std::string> not_modelled;
  // Per point: the category whose typical hours were assumed ("" = its own hours or none), and
  // "c1 工商银行网点: bank typical hours 'Mo-Fr 09:00-17:00' ASSUMED" for each such point (not in
  // lines(): a candidate layer may hold thousands; a plan's few suggested sites are listed).
  std::vector<std::string> assumed_category;
  std::vector<std::string> assumed_rows;
  // Summary lines for people ("14 stations: 10 hours read, 3 blank counted as always open, ...").
  std::vector<std::string> lines() const;
};

// The hours text of point i: SiteInfo::opening_hours when the points were read with site
// attributes, else a pass-through column opening_hours / hours / 开放时间 / 营业时间 / 服务时间.
std::string site_hours_text(const PointSet& pts, size_t i);
// The category of point i (SiteInfo::category, else a "category" column).
std::string site_category(const PointSet& pts, size_t i);

// `categories` (may be null): typical hours for points without their own, from point
// `assume_from` on (a plan's suggested sites follow its stations, which keep their own hours).
std::vector<WeekSchedule> site_schedules(const PointSet& pts, const CategoryHours* categories,
                                         SiteHoursReport& report, size_t assume_from = 0);

}  // namespace yz
