#include "engine/inputs/site_attributes.hpp"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

#include "engine/inputs/number_text.hpp"

namespace yz {

namespace {

// Trimmed, ASCII-lowercased, '_' and ' ' as '-': "Co_Built " -> "co-built". UTF-8 passes through.
std::string norm(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  std::string o(s);
  for (char& c : o) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_' || c == ' ') c = '-';
  }
  return o;
}

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 128; });
}

struct Alias {
  const char* canonical;
  std::initializer_list<const char*> spellings;
};

// Exact match first; Chinese spellings also match inside longer text ("独立建设站点").
std::optional<std::string> lookup(std::string_view text, std::initializer_list<Alias> table) {
  const std::string t = norm(text);
  if (t.empty()) return std::nullopt;
  for (const auto& a : table)
    for (const char* s : a.spellings)
      if (t == s) return std::string(a.canonical);
  for (const auto& a : table)
    for (const char* s : a.spellings)
      if (!ascii(s) && t.find(s) != std::string::npos) return std::string(a.canonical);
  return std::nullopt;
}

const std::initializer_list<Alias> kHostAlias = {
    {"standalone", {"standalone", "stand-alone", "independent", "独立", "独建", "单建"}},
    {"co-built",
     {"co-built", "cobuilt", "co-build", "co-located", "hosted", "共建", "合建", "依托"}},
    {"shared", {"shared", "共享"}},
    {"alliance", {"alliance", "partner", "联盟", "加盟"}},
    {"mobile", {"mobile", "vehicle", "流动", "移动", "车载"}}};
const std::initializer_list<Alias> kSizeAlias = {
    {"standard", {"standard", "std", "标准"}},
    {"micro", {"micro", "mini", "small", "微型", "小型"}},
    {"mobile", {"mobile", "流动", "移动", "车载"}}};
const std::initializer_list<Alias> kStatusAlias = {
    {"built", {"built", "existing", "open", "operating", "已建", "建成", "运营", "在用", "现状"}},
    {"planned", {"planned", "plan", "proposed", "规划", "拟建", "计划", "新建"}},
    {"upgrading", {"upgrading", "upgrade", "renovating", "改造", "提升", "升级"}}};
const std::initializer_list<Alias> kAmenityAlias = {
    {"water", {"water", "drinking-water", "饮水", "饮用水", "热水", "开水"}},
    {"toilet", {"toilet", "toilets", "wc", "厕所", "卫生间", "洗手间"}},
    {"seats", {"seats", "seat", "seating", "rest", "座椅", "休息", "座位"}},
    {"climate", {"climate", "air-conditioning", "ac", "heating", "aircon", "空调", "冷暖", "取暖"}},
    {"first-aid", {"first-aid", "firstaid", "medical", "急救", "医药", "药箱"}},
    {"microwave", {"microwave", "微波炉", "加热"}},
    {"phone-charging", {"phone-charging", "charging", "charger", "手机充电"}},
    {"ebike-charging",
     {"ebike-charging", "e-bike-charging", "ev-charging", "电动车充电", "电瓶车充电", "换电"}},
    {"reading", {"reading", "reading-corner", "books", "阅读", "书报", "图书"}}};

// Exact (normalised) names first; then a truncated name that starts an alias.
int column(const std::vector<std::string>& names, std::initializer_list<const char*> aliases,
           const std::vector<bool>& truncated) {
  for (const char* a : aliases)
    for (size_t i = 0; i < names.size(); ++i)
      if (norm(names[i]) == norm(a)) return static_cast<int>(i);
  for (const char* a : aliases) {
    const std::string na = norm(a);
    for (size_t i = 0; i < names.size() && i < truncated.size(); ++i) {
      const std::string n = norm(names[i]);
      if (truncated[i] && !n.empty() && n.size() < na.size() && na.compare(0, n.size(), n) == 0)
        return static_cast<int>(i);
    }
  }
  return -1;
}

int named(const std::vector<std::string>& names, const std::string& wanted) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == wanted) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string amenity_list(uint32_t bits) {
  std::string s;
  for (int i = 0; i < kAmenityCount; ++i)
    if (bits & (1u << i)) s += (s.empty() ? "" : ";") + std::string(kAmenities[i]);
  return s;
}

std::optional<std::string> parse_host_type(std::string_view t) {
  return lookup(t, kHostAlias);
}
std::optional<std::string> parse_size_class(std::string_view t) {
  return lookup(t, kSizeAlias);
}
std::optional<std::string> parse_status(std::string_view t) {
  return lookup(t, kStatusAlias);
}

std::optional<int> parse_amenity(std::string_view t) {
  // Longest Chinese spellings first would matter for "手机充电" vs "充电": exact match comes first.
  auto c = lookup(t, kAmenityAlias);
  if (!c) return std::nullopt;
  std::string u = *c;
  std::replace(u.begin(), u.end(), '-', '_');
  for (int i = 0; i < kAmenityCount; ++i)
    if (u == kAmenities[i]) return i;
  return std::nullopt;
}

std::optional<bool> parse_flag(std::string_view text) {
  const std::string t = norm(text);
  for (const char* s : {"yes", "y", "true", "t", "1", "是", "有", "√", "✓", "✔", "x"})
    if (t == s) return true;
  for (const char* s : {"", "no", "n", "false", "f", "0", "否", "无", "没有", "-"})
    if (t == s) return false;
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view s) {
  auto strip_prefix = [&](std::string_view p) {
    if (s.size() >= p.size() && s.substr(0, p.size()) == p) s.remove_prefix(p.size());
  };
  auto strip_suffix = [&](std::string_view p) {
    if (s.size() > p.size() && s.substr(s.size() - p.size()) == p) s.remove_suffix(p.size());
  };
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  strip_prefix("¥"), strip_prefix("￥");
  strip_suffix("元"), strip_suffix("m²"), strip_suffix("m2"), strip_suffix("平方米"),
      strip_suffix("人");
  std::string t;
  for (char c : s)
    if (c != ' ' && c != ',' && c != '\t') t += c;
  return parse_decimal(t);  // the whole text, so "12abc" and "0x10" are not numbers
}

SiteColumns SiteColumns::find(const std::vector<std::string>& n, const std::string& cost_field,
                              const std::string& capacity_field,
                              const std::vector<bool>& truncated) {
  auto column = [&](const std::vector<std::string>& names,
                    std::initializer_list<const char*> aliases) {
    return yz::column(names, aliases, truncated);
  };
  SiteColumns c;
  c.category = column(n, {"category", "类别", "分类"});
  c.host_type = column(n, {"host_type", "host", "hosting", "type", "类型", "站点类型", "建设类型",
                           "依托类型", "建设方式"});
  c.size_class = column(n, {"size_class", "size", "规模", "规模类型", "站点规模"});
  c.area_m2 = column(n, {"area_m2", "area", "floor_area", "面积", "建筑面积", "使用面积"});
  c.status = column(n, {"status", "state", "状态", "建设状态", "运营状态"});
  c.opening_hours =
      column(n, {"opening_hours", "hours", "open_hours", "开放时间", "营业时间", "服务时间"});
  c.capacity = capacity_field.empty() ? column(n, {"capacity", "容量", "可容纳人数", "接待能力"})
                                      : named(n, capacity_field);
  c.cost = cost_field.empty() ? column(n, {"cost", "price", "成本", "费用", "造价", "建设费用"})
                              : named(n, cost_field);
  c.amenity_list = column(
      n, {"amenities", "facilities", "services", "设施", "服务设施", "配套设施", "服务项目"});
  const std::initializer_list<const char*> flags[kAmenityCount] = {
      {"water", "drinking_water", "饮水", "饮用水"},
      {"toilet", "toilets", "厕所", "卫生间"},
      {"seats", "seating", "座椅", "休息座椅"},
      {"climate", "air_conditioning", "heating", "空调", "冷暖", "冷暖设备"},
      {"first_aid", "急救", "医药箱", "急救药箱"},
      {"microwave", "微波炉"},
      {"phone_charging", "手机充电"},
      {"ebike_charging", "电动车充电", "电瓶车充电"},
      {"reading", "reading_corner", "阅读", "阅读角", "书报"}};
  for (int i = 0; i < kAmenityCount; ++i) c.amenity_flag[i] = column(n, flags[i]);
  return c;
}

bool SiteColumns::assign(const std::string& key, int index) {
  const std::pair<const char*, int*> slots[] = {
      {"category", &category}, {"host_type", &host_type}, {"size_class", &size_class},
      {"area_m2", &area_m2},   {"status", &status},       {"opening_hours", &opening_hours},
      {"capacity", &capacity}, {"cost", &cost},           {"amenities", &amenity_list}};
  for (const auto& [k, slot] : slots)
    if (key == k) return *slot = index, true;
  for (int a = 0; a < kAmenityCount; ++a)
    if (key == kAmenities[a]) return amenity_flag[a] = index, true;
  return false;
}

std::string SiteColumns::keys() {
  std::string s =
      "id, name, category, host_type, size_class, area_m2, status, opening_hours, "
      "capacity, cost, amenities";
  for (const char* a : kAmenities) s += std::string(", ") + a;
  return s;
}

bool SiteColumns::any() const {
  if (category >= 0 || host_type >= 0 || size_class >= 0 || area_m2 >= 0 || status >= 0 ||
      opening_hours >= 0 || capacity >= 0 || cost >= 0 || amenity_list >= 0)
    return true;
  return std::any_of(std::begin(amenity_flag), std::end(amenity_flag),
                     [](int i) { return i >= 0; });
}

std::string SiteColumns::describe(const std::vector<std::string>& n) const {
  std::string s;
  auto add = [&](const char* what, int i) {
    if (i >= 0) s += (s.empty() ? "" : ", ") + std::string(what) + ": " + n[i];
  };
  add("category", category), add("host type", host_type), add("size class", size_class),
      add("area", area_m2);
  add("status", status), add("opening hours", opening_hours), add("capacity", capacity);
  add("cost", cost), add("amenities", amenity_list);
  for (int i = 0; i < kAmenityCount; ++i) add(kAmenities[i], amenity_flag[i]);
  return s;
}

std::string read_site_info(const SiteColumns& c, const std::vector<std::string>& v, SiteInfo& out,
                           std::vector<std::string>& unrecognised) {
  auto val = [&](int i) -> const std::string& {
    static const std::string empty;
    return i >= 0 && static_cast<size_t>(i) < v.size() ? v[i] : empty;
  };
  auto categorical = [&](int i, auto parse, std::string& dst, const char* what) {
    const std::string& s = val(i);
    if (s.empty()) return;
    if (auto p = parse(s))
      dst = *p;
    else
      unrecognised.push_back(std::string(what) + " '" + s + "'");
  };
  categorical(c.host_type, parse_host_type, out.host_type, "host type");
  categorical(c.size_class, parse_size_class, out.size_class, "size class");
  categorical(c.status, parse_status, out.status, "status");
  out.opening_hours = val(c.opening_hours);
  out.category = val(c.category);
  if (out.size_class.empty() && !val(c.area_m2).empty()) {
    // The standard's split: a standard station has at least 5 m² of floor space.
    if (auto a = parse_number(val(c.area_m2)))
      out.size_class = *a >= 5 ? "standard" : "micro";
    else
      return "non-numeric area";
  }
  auto number = [&](int idx, double& dst, const char* what) -> std::string {
    const std::string& s = val(idx);
    if (s.empty()) return {};
    auto x = parse_number(s);
    if (!x) return std::string("non-numeric ") + what;
    if (*x < 0) return std::string("negative ") + what;
    dst = *x;
    return {};
  };
  if (auto why = number(c.capacity, out.capacity, "capacity"); !why.empty()) return why;
  if (auto why = number(c.cost, out.cost, "cost"); !why.empty()) return why;
  if (!val(c.amenity_list).empty()) {
    // "water;toilet", "饮水、厕所", "water, seats | microwave"
    std::string item;
    const std::string& s = val(c.amenity_list);
    auto flush = [&] {
      if (norm(item).empty()) return item.clear();
      if (auto a = parse_amenity(item))
        out.amenities |= 1u << *a;
      else
        unrecognised.push_back("amenity '" + item + "'");
      item.clear();
    };
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ';' || s[i] == ',' || s[i] == '|' || s[i] == '/')
        flush();
      else if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 ||
               s.compare(i, 3, "；") == 0)
        flush(), i += 2;
      else
        item += s[i];
    }
    flush();
  }
  for (int a = 0; a < kAmenityCount; ++a) {
    if (c.amenity_flag[a] < 0) continue;
    auto f = parse_flag(val(c.amenity_flag[a]));
    if (!f)
      unrecognised.push_back(std::string(kAmenities[a]) + " '" + val(c.amenity_flag[a]) + "'");
    else if (*f)
      out.amenities |= 1u << a;
  }
  return {};
}

}  // namespace yz
