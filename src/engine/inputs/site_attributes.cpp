#include "engine/inputs/site_attributes.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "engine/inputs/number_text.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

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
// data/amenity_aliases.json, read once: normalised spelling -> amenity bits.
struct AmenityWords {
  std::vector<std::pair<std::string, uint32_t>> words;  // file order, amenities before groups
};

uint32_t amenity_bit(const std::string& name, const std::string& path) {
  for (int i = 0; i < kAmenityCount; ++i)
    if (name == kAmenities[i]) return 1u << i;
  std::string known;
  for (const char* k : kAmenities) known += std::string(known.empty() ? "" : ", ") + k;
  throw CodedError(path, Msg::amenity_unknown, {{"name", name}, {"known", known}});
}

const AmenityWords& amenity_words() {
  static const AmenityWords w = [] {
    const std::string path = data_file("amenity_aliases.json");
    std::ifstream in(path);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      throw CodedError(path, Msg::not_json, {{"why", e.what()}});
    }
    AmenityWords out;
    auto spellings = [&](const nlohmann::json& list, uint32_t bits, const std::string& key) {
      if (!list.is_array()) throw CodedError(path, Msg::amenity_spellings_list, {{"key", key}});
      out.words.emplace_back(norm(key), bits);
      for (const auto& sp : list) {
        if (!sp.is_string()) throw CodedError(path, Msg::amenity_spellings_text, {{"key", key}});
        out.words.emplace_back(norm(sp.get<std::string>()), bits);
      }
    };
    if (!j.is_object() || !j.contains("amenities") || !j["amenities"].is_object())
      throw CodedError(path, Msg::amenity_no_object);
    for (const auto& [name, list] : j["amenities"].items())
      spellings(list, amenity_bit(name, path), name);
    if (j.contains("groups"))
      for (const auto& [word, names] : j["groups"].items()) {
        if (!names.is_array()) throw CodedError(path, Msg::amenity_group_list, {{"name", word}});
        uint32_t bits = 0;
        for (const auto& n : names)
          bits |= amenity_bit(n.is_string() ? n.get<std::string>() : "", path);
        out.words.emplace_back(norm(word), bits);
      }
    return out;
  }();
  return w;
}

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

namespace {

std::optional<uint32_t> exact_amenities(std::string_view text) {
  const std::string t = norm(text);
  if (t.empty()) return std::nullopt;
  for (const auto& [w, bits] : amenity_words().words)
    if (t == w) return bits;
  return std::nullopt;
}

}  // namespace

std::optional<uint32_t> parse_amenities(std::string_view text) {
  if (auto b = exact_amenities(text)) return b;
  const std::string t = norm(text);
  if (t.empty()) return std::nullopt;
  const auto& words = amenity_words().words;
  // Inside longer Chinese text ("免费热水", "电动车充电桩"): the longest spelling wins, so
  // "手机充电" beats "充电".
  const std::pair<std::string, uint32_t>* best = nullptr;
  for (const auto& e : words)
    if (!ascii(e.first) && t.find(e.first) != std::string::npos &&
        (!best || e.first.size() > best->first.size()))
      best = &e;
  if (best) return best->second;
  return std::nullopt;
}

std::optional<int> parse_amenity(std::string_view t) {
  const auto bits = parse_amenities(t);
  if (!bits || (*bits & (*bits - 1)) != 0) return std::nullopt;  // unknown, or several
  for (int i = 0; i < kAmenityCount; ++i)
    if (*bits == 1u << i) return i;
  return std::nullopt;
}

uint32_t parse_amenity_list(std::string_view s, std::vector<std::string>& unknown) {
  uint32_t bits = 0;
  auto word = [&](std::string_view item) {
    if (norm(item).empty()) return;
    // "drinking water" is one amenity; "WiFi 雨具" two words, each an amenity.
    if (auto a = exact_amenities(item)) return void(bits |= *a);
    size_t start = 0;
    std::vector<std::string_view> parts;
    for (size_t i = 0; i <= item.size(); ++i)
      if (i == item.size() || item[i] == ' ' || item[i] == '\t') {
        if (i > start) parts.push_back(item.substr(start, i - start));
        start = i + 1;
      }
    if (parts.size() == 1) {
      if (auto a = parse_amenities(parts[0])) return void(bits |= *a);
    } else if (parts.size() > 1) {
      for (auto p : parts) {
        if (auto a = parse_amenities(p))
          bits |= *a;
        else
          unknown.push_back(std::string(p));
      }
      return;
    }
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t' || item.back() == '\r'))
      item.remove_suffix(1);
    unknown.push_back(std::string(item));
  };
  std::string item;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ';' || s[i] == ',' || s[i] == '|' || s[i] == '/')
      word(item), item.clear();
    else if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 ||
             s.compare(i, 3, "；") == 0 || s.compare(i, 3, "　") == 0)
      word(item), item.clear(), i += 2;
    else
      item += s[i];
  }
  word(item);
  return bits;
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

std::optional<double> parse_area_m2(std::string_view s) {
  auto trim = [&] {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
      s.remove_suffix(1);
  };
  auto strip_prefix = [&](std::initializer_list<std::string_view> ps) {
    for (auto p : ps)
      if (s.size() > p.size() && s.substr(0, p.size()) == p)
        return s.remove_prefix(p.size()), trim();
  };
  auto strip_suffix = [&](std::initializer_list<std::string_view> ps) {  // longest first
    for (auto p : ps)
      if (s.size() > p.size() && s.substr(s.size() - p.size()) == p)
        return s.remove_suffix(p.size()), trim();
  };
  trim();
  // "about": an estimate is still the planner's number.
  strip_prefix({"大约", "约为", "约", "近", "~", "≈", "about", "approx.", "approx", "ca."});
  strip_suffix({"左右", "上下"});
  strip_suffix(
      {"平方米", "平方", "平米", "平", "㎡", "m²", "m^2", "m2", "sqm", "sq m", "M2", "M²"});
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    // Full-width digits and point (２０．５) as typed with a Chinese input method.
    if (s.compare(i, 2, "\xEF\xBC") == 0 && i + 2 < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i + 2]);
      if (c >= 0x90 && c <= 0x99) {
        t += static_cast<char>('0' + (c - 0x90)), i += 2;
        continue;
      }
      if (c == 0x8E) {
        t += '.', i += 2;
        continue;
      }
    }
    if (s[i] != ',' && s[i] != ' ') t += s[i];
  }
  std::optional<double> v = parse_decimal(t);
  if (!v) v = parse_chinese_number(t);
  if (!v || *v < 0 || *v > kMaxStationAreaM2) return std::nullopt;
  return v;
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
      {"reading", "reading_corner", "阅读", "阅读角", "书报"},
      {"wifi", "wi_fi", "无线网络", "无线网", "WiFi"},
      {"rain_gear", "雨具", "雨伞"},
      {"repair_tools", "维修工具", "工具箱"}};
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
                           std::vector<std::string>& unrecognised, bool candidate) {
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
  if (const std::string& a = val(c.area_m2); !a.empty()) {
    if (auto m2 = parse_area_m2(a)) {
      out.area_m2 = *m2;
      // The standard's split: a standard station has at least 5 m² of floor space.
      if (out.size_class.empty()) out.size_class = *m2 >= 5 ? "standard" : "micro";
    } else {
      unrecognised.push_back("area '" + a + "'");
    }
  }
  // Capacity and cost: a station keeps an unreadable value as unknown (capacity unknown =
  // unlimited); a candidate is dropped, since the optimiser would have to guess its price.
  std::string drop;
  auto number = [&](int idx, double& dst, const char* what) {
    const std::string& s = val(idx);
    if (s.empty()) return;
    auto x = parse_number(s);
    if (x && *x >= 0) return void(dst = *x);
    if (candidate && drop.empty()) drop = std::string(x ? "negative " : "non-numeric ") + what;
    if (!candidate) unrecognised.push_back(std::string(what) + " '" + s + "'");
  };
  number(c.capacity, out.capacity, "capacity");
  number(c.cost, out.cost, "cost");
  if (!val(c.amenity_list).empty()) {
    // "water;toilet", "饮水、厕所", "water, seats | microwave", "WiFi 雨具"
    std::vector<std::string> unknown;
    out.amenities |= parse_amenity_list(val(c.amenity_list), unknown);
    for (const auto& u : unknown) unrecognised.push_back("amenity '" + u + "'");
  }
  for (int a = 0; a < kAmenityCount; ++a) {
    if (c.amenity_flag[a] < 0) continue;
    auto f = parse_flag(val(c.amenity_flag[a]));
    if (!f)
      unrecognised.push_back(std::string(kAmenities[a]) + " '" + val(c.amenity_flag[a]) + "'");
    else if (*f)
      out.amenities |= 1u << a;
  }
  return drop;
}

}  // namespace yz
