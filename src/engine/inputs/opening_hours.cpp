#include "engine/inputs/opening_hours.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

namespace yz {

namespace {

constexpr uint8_t kAllDays = 0x7f;

// Full-width and typographic variants to ASCII, ASCII letters to lower case: "８：００—２０：００"
// and "8:00-20:00" are one spelling afterwards. Chinese words are kept.
std::string normalise(std::string_view in) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"：", ":"}, {"－", "-"}, {"—", "-"},  {"–", "-"},  {"―", "-"},  {"‐", "-"},
      {"−", "-"},  {"～", "-"}, {"〜", "-"}, {"~", "-"},  {"；", ";"}, {"，", ","},
      {"、", ","}, {"（", " "}, {"）", " "}, {"(", " "},  {")", " "},  {"　", " "},
      {"．", "."}, {"／", "/"}, {"｜", "|"}, {"【", " "}, {"】", " "}, {"[", " "},
      {"]", " "},  {"。", " "}, {"＊", "*"}, {"\t", " "}, {"\r", "\n"}};
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    bool done = false;
    // Full-width digits ０-９ (EF BC 90 - EF BC 99) and letters.
    if (i + 2 < in.size() && static_cast<unsigned char>(in[i]) == 0xEF) {
      const auto b1 = static_cast<unsigned char>(in[i + 1]),
                 b2 = static_cast<unsigned char>(in[i + 2]);
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
        out += static_cast<char>('0' + (b2 - 0x90));
        i += 3;
        continue;
      }
      if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) {  // Ａ-Ｚ
        out += static_cast<char>('a' + (b2 - 0xA1));
        i += 3;
        continue;
      }
      if (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) {  // ａ-ｚ
        out += static_cast<char>('a' + (b2 - 0x81));
        i += 3;
        continue;
      }
    }
    for (const auto& [from, to] : kMap) {
      const size_t n = std::strlen(from);
      if (in.compare(i, n, from) == 0) {
        out += to;
        i += n;
        done = true;
        break;
      }
    }
    if (done) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(in[i])));
    ++i;
  }
  return out;
}

struct Token {
  enum Kind { days, range, allday, off, holiday, date, sep } kind;
  uint8_t mask = 0;      // days
  int from = 0, to = 0;  // range, minutes (to may be <= from: crosses midnight)
};

// Chinese day numerals after 周/星期/礼拜: 一 = Monday ... 日/天 = Sunday.
int cn_day(std::string_view s, size_t& i) {
  static const char* kNum[] = {"一", "二", "三", "四", "五", "六", "日", "天", "七"};
  static const int kDay[] = {0, 1, 2, 3, 4, 5, 6, 6, 6};
  for (int k = 0; k < 9; ++k)
    if (s.compare(i, 3, kNum[k]) == 0) {
      i += 3;
      return kDay[k];
    }
  return -1;
}

uint8_t day_range(int a, int b) {
  uint8_t m = 0;
  for (int d = a;; d = (d + 1) % 7) {  // Sa-Mo wraps over the week's end
    m |= static_cast<uint8_t>(1u << d);
    if (d == b) break;
  }
  return m;
}

class Scanner {
 public:
  explicit Scanner(std::string s) : s_(std::move(s)) {}

  // Tokens, or nullopt with `problem` set when some text is not understood.
  std::optional<std::vector<Token>> run(std::string& problem) {
    std::vector<Token> out;
    while (skip_blank(), i_ < s_.size()) {
      const size_t start = i_;
      if (s_[i_] == ';' || s_[i_] == '\n' || s_[i_] == '|') {
        ++i_;
        out.push_back({Token::sep});
        continue;
      }
      if (auto t = keyword()) {
        if (t->kind != Token::sep || true) out.push_back(*t);
        continue;
      }
      if (filler()) continue;
      if (auto m = day_selector()) {
        out.push_back({Token::days, *m});
        continue;
      }
      if (auto r = time_range()) {
        out.push_back(*r);
        continue;
      }
      i_ = start;
      problem = "'" + unknown_word() + "' not understood";
      return std::nullopt;
    }
    return out;
  }

  // A single time range and nothing else (for --when).
  std::optional<Token> only_range() {
    skip_blank();
    auto r = time_range();
    skip_blank();
    if (!r || i_ != s_.size()) return std::nullopt;
    return r;
  }

 private:
  bool at(std::string_view w) const { return s_.compare(i_, w.size(), w) == 0; }
  bool eat(std::string_view w) {
    if (!at(w)) return false;
    i_ += w.size();
    return true;
  }
  // An ASCII word must not run on into more letters ("su" is not the start of "sunrise").
  bool eat_word(std::string_view w) {
    if (!at(w)) return false;
    const size_t e = i_ + w.size();
    if (e < s_.size() && std::isalpha(static_cast<unsigned char>(s_[e]))) return false;
    i_ = e;
    return true;
  }
  void skip_blank() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == ',' || s_[i_] == ':')) ++i_;
  }
  void skip_spaces() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  std::string unknown_word() {
    size_t e = i_;
    // Up to the next blank or separator, at most 24 bytes (whole UTF-8 characters).
    while (e < s_.size() && s_[e] != ' ' && s_[e] != ',' && s_[e] != ';' && e - i_ < 24) {
      ++e;
      while (e < s_.size() && (static_cast<unsigned char>(s_[e]) & 0xC0) == 0x80) ++e;
    }
    return s_.substr(i_, std::max<size_t>(e - i_, 1));
  }

  std::optional<Token> keyword() {
    static const char* kAllDay[] = {"24/7",     "7x24",    "7*24",   "24小时", "24h",  "24hrs",
                                    "24 hours", "24hours", "全天候", "全天",   "全日", "通宵"};
    for (const char* w : kAllDay)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ||
                  std::isdigit(static_cast<unsigned char>(w[0]))
              ? eat_word(w)
              : eat(w)) {
        eat("营业"), eat("开放"), eat("服务");
        return Token{Token::allday};
      }
    static const char* kOff[] = {"不开放", "不营业", "休息", "闭馆", "关闭",   "停业", "休馆",
                                 "歇业",   "不上班", "休",   "off",  "closed", "close"};
    for (const char* w : kOff)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ? eat_word(w) : eat(w))
        return Token{Token::off};
    static const char* kHoliday[] = {"法定节假日", "法定假日", "节假日", "节日",
                                     "假日",       "春节",     "国庆",   "ph",
                                     "sh",         "holidays", "holiday"};
    for (const char* w : kHoliday)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ? eat_word(w) : eat(w))
        return Token{Token::holiday};
    static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    for (const char* w : kMonths)
      if (eat_word(w)) {
        skip_spaces();
        if (eat("-"))
          for (const char* w2 : kMonths)
            if (eat_word(w2)) break;
        return Token{Token::date};
      }
    static const char* kDateWords[] = {"sunrise", "sunset", "dawn", "dusk",   "easter",
                                       "week",    "夏季",   "冬季", "夏令时", "冬令时"};
    for (const char* w : kDateWords)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ? eat_word(w) : eat(w)) {
        // "sunrise-sunset": the whole range is one date rule.
        skip_spaces();
        if (eat("-"))
          for (const char* w2 : kDateWords)
            if (std::isalpha(static_cast<unsigned char>(w2[0])) ? eat_word(w2) : eat(w2)) break;
        return Token{Token::date};
      }
    // Chinese months and years: "5月-10月", "2024年".
    {
      size_t j = i_;
      while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
      if (j > i_ && (s_.compare(j, 3, "月") == 0 || s_.compare(j, 3, "年") == 0)) {
        i_ = j + 3;
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || at("月") ||
                                  at("日") || at("号") || at("-") || at("至") || at("到")))
          i_ += std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ? 1 : 3;
        return Token{Token::date};
      }
      // A year "2024" (four digits not followed by ':').
      if (j - i_ == 4 && (j == s_.size() || (s_[j] != ':' && s_[j] != '.'))) {
        i_ = j;
        return Token{Token::date};
      }
    }
    return std::nullopt;
  }

  bool filler() {
    static const char* kFill[] = {
        "营业时间", "开放时间", "服务时间", "办公时间", "工作时间", "全年无休", "营业",
        "开放",     "时间",     "服务",     "办公",     "每周",     "全年",     "无休",
        "照常",     "正常",     "均",       "为",       "及",       "和",       "与",
        "期间",     "除外",     "以外",     "open",     "hours",    "and",      "&"};
    for (const char* w : kFill)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ? eat_word(w) : eat(w)) return true;
    return false;
  }

  // One OSM day code at i_, or -1.
  int osm_day() {
    static const char* kLong[7][3] = {{"monday", "mon", "mo"},    {"tuesday", "tue", "tu"},
                                      {"wednesday", "wed", "we"}, {"thursday", "thu", "th"},
                                      {"friday", "fri", "fr"},    {"saturday", "sat", "sa"},
                                      {"sunday", "sun", "su"}};
    for (int d = 0; d < 7; ++d)
      for (const char* w : kLong[d])
        if (eat_word(w)) return d;
    return -1;
  }

  bool range_dash() {
    skip_spaces();
    if (eat("-") || eat("至") || eat("到") || eat_word("to")) return (skip_spaces(), true);
    return false;
  }

  std::optional<uint8_t> day_selector() {
    static const std::pair<const char*, uint8_t> kWords[] = {
        {"工作日", 0x1f},   {"周末", 0x60},     {"双休日", 0x60},    {"每天", kAllDays},
        {"每日", kAllDays}, {"天天", kAllDays}, {"daily", kAllDays}, {"everyday", kAllDays},
        {"weekdays", 0x1f}, {"weekday", 0x1f},  {"weekends", 0x60},  {"weekend", 0x60}};
    for (const auto& [w, m] : kWords)
      if (std::isalpha(static_cast<unsigned char>(w[0])) ? eat_word(w) : eat(w)) return m;
    const size_t start = i_;
    // Chinese: 周一至周五, 周一到五, 星期一、三、五, 周六日, 周一-周五.
    if (eat("周") || eat("星期") || eat("礼拜")) {
      uint8_t m = 0;
      int last = cn_day(s_, i_);
      if (last < 0) {
        i_ = start;
        return std::nullopt;
      }
      m |= static_cast<uint8_t>(1u << last);
      for (;;) {
        const size_t save = i_;
        skip_spaces();
        if (range_dash()) {
          eat("周") || eat("星期") || eat("礼拜");
          const int to = cn_day(s_, i_);
          if (to < 0) {
            i_ = save;
            break;
          }
          m |= day_range(last, to);
          last = to;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ',') ++i_;
        skip_spaces();
        eat("周") || eat("星期") || eat("礼拜");
        const int next = cn_day(s_, i_);
        if (next < 0) {
          i_ = save;
          break;
        }
        m |= static_cast<uint8_t>(1u << next);
        last = next;
      }
      return m;
    }
    // OSM / English: Mo-Fr, Mo,We,Fr, Sa-Su.
    int d = osm_day();
    if (d < 0) return std::nullopt;
    uint8_t m = static_cast<uint8_t>(1u << d);
    for (;;) {
      const size_t save = i_;
      if (range_dash()) {
        const int to = osm_day();
        if (to < 0) {
          i_ = save;
          break;
        }
        m |= day_range(d, to);
        d = to;
        continue;
      }
      skip_spaces();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        skip_spaces();
        const int next = osm_day();
        if (next >= 0) {
          m |= static_cast<uint8_t>(1u << next);
          d = next;
          continue;
        }
      }
      i_ = save;
      break;
    }
    return m;
  }

  // Period words before a time: 0 none, 1 morning (早, 上午), 2 noon, 3 afternoon/evening,
  // 4 small hours (凌晨).
  int period() {
    static const std::pair<const char*, int> kP[] = {
        {"凌晨", 4}, {"早上", 1}, {"早晨", 1}, {"清晨", 1}, {"上午", 1},
        {"早", 1},   {"中午", 2}, {"下午", 3}, {"傍晚", 3}, {"晚上", 3},
        {"晚间", 3}, {"夜间", 3}, {"夜里", 3}, {"晚", 3},   {"夜", 3}};
    for (const auto& [w, p] : kP)
      if (eat(w)) return (skip_spaces(), p);
    return 0;
  }

  struct Time {
    int minutes = 0;
    int period = 0;
    bool explicit_form = false;  // had ':' / 点 / 时 / am / pm / a period word
    bool pm = false, am = false;
  };

  std::optional<Time> time() {
    const size_t start = i_;
    Time t;
    eat("次日") || eat("翌日") || eat("第二天");
    t.period = period();
    size_t j = i_;
    while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
    if (j == i_ || j - i_ > 2) return (i_ = start, std::nullopt);
    int h = std::stoi(s_.substr(i_, j - i_)), m = 0;
    i_ = j;
    t.explicit_form = t.period != 0;
    auto two_digits = [&](int& out) {
      if (i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])) &&
          std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
        out = (s_[i_] - '0') * 10 + (s_[i_ + 1] - '0');
        i_ += 2;
        return true;
      }
      return false;
    };
    if (i_ < s_.size() && (s_[i_] == ':' || s_[i_] == '.') && i_ + 2 < s_.size() + 1) {
      const size_t save = i_;
      ++i_;
      if (!two_digits(m))
        i_ = save;
      else
        t.explicit_form = true;
    } else if (eat("点") || eat("时")) {
      t.explicit_form = true;
      if (eat("半")) {
        m = 30;
      } else {
        size_t k = i_;
        while (k < s_.size() && std::isdigit(static_cast<unsigned char>(s_[k]))) ++k;
        if (k > i_ && k - i_ <= 2) {
          m = std::stoi(s_.substr(i_, k - i_));
          i_ = k;
          eat("分");
        } else if (eat("整")) {
        }
      }
    }
    skip_spaces();
    if (eat_word("am") || eat_word("a.m."))
      t.am = t.explicit_form = true;
    else if (eat_word("pm") || eat_word("p.m."))
      t.pm = t.explicit_form = true;
    if (h > 24 || m > 59 || (h == 24 && m > 0)) return (i_ = start, std::nullopt);
    if (t.pm && h < 12) h += 12;
    if (t.am && h == 12) h = 0;
    t.minutes = h * 60 + m;
    return t;
  }

  static int apply_period(int minutes, int period) {
    const int h = minutes / 60;
    if (period == 3 && h < 12) return minutes + 720;   // 下午2点, 晚8点
    if (period == 3 && h == 12) return 1440;           // 晚12点 = midnight
    if (period == 2 && h < 6) return minutes + 720;    // 中午1点
    if (period == 4 && h == 12) return minutes - 720;  // 凌晨12点
    return minutes;
  }

  std::optional<Token> time_range() {
    const size_t start = i_;
    auto a = time();
    if (!a) return std::nullopt;
    if (!range_dash()) return (i_ = start, std::nullopt);
    auto b = time();
    if (!b || !(a->explicit_form || b->explicit_form)) return (i_ = start, std::nullopt);
    int from = apply_period(a->minutes, a->period);
    int to = b->minutes;
    if (b->period) {
      to = apply_period(to, b->period);
    } else if (a->period == 3 || a->period == 2) {
      // 下午2-5点: the afternoon carries over when it keeps the range forward.
      const int shifted = apply_period(to, a->period);
      if (shifted > from) to = shifted;
    }
    if (b->pm && !a->pm && !a->am && !a->period && from < 720 && from + 720 < to) from += 720;
    return Token{Token::range, 0, from, to};
  }

  std::string s_;
  size_t i_ = 0;
};

struct Rule {
  uint8_t days = 0;
  bool has_days = false, allday = false, off = false, holiday = false, date = false;
  std::vector<std::pair<int, int>> ranges;
  bool content() const { return allday || off || !ranges.empty(); }
  bool empty() const { return !has_days && !content() && !holiday && !date; }
};

int quarter(int minutes) {
  return std::min(kQuartersPerDay, (minutes + 7) / 15);
}

void set_range(WeekSchedule& w, int d, int from_q, int to_q) {
  for (int q = from_q; q < to_q; ++q) w.day[d].set(q);
}

std::string hhmm(int q) {
  return fmt::format("{:02d}:{:02d}", q / 4, (q % 4) * 15);
}

}  // namespace

WeekSchedule WeekSchedule::always() {
  WeekSchedule w;
  for (auto& d : w.day) d.set();
  return w;
}

double WeekSchedule::open_share(int d, int hour) const {
  int n = 0;
  for (int q = hour * 4; q < hour * 4 + 4; ++q) n += day[d][q];
  return n / 4.0;
}

bool WeekSchedule::always_open() const {
  for (const auto& d : day)
    if (!d.all()) return false;
  return true;
}

bool WeekSchedule::never_open() const {
  for (const auto& d : day)
    if (d.any()) return false;
  return true;
}

int WeekSchedule::open_quarters() const {
  int n = 0;
  for (const auto& d : day) n += static_cast<int>(d.count());
  return n;
}

std::string WeekSchedule::describe() const {
  if (always_open()) return "24/7";
  auto day_text = [&](int d) {
    if (day[d].none()) return std::string("off");
    std::string s;
    for (int q = 0; q < kQuartersPerDay;) {
      if (!day[d][q]) {
        ++q;
        continue;
      }
      int e = q;
      while (e < kQuartersPerDay && day[d][e]) ++e;
      s += (s.empty() ? "" : ",") + hhmm(q) + "-" + hhmm(e);
      q = e;
    }
    return s;
  };
  std::string out;
  for (int d = 0; d < 7;) {
    int e = d + 1;
    while (e < 7 && day[e] == day[d]) ++e;
    std::string days = kDayCodes[d];
    if (e - d == 2) days += std::string(",") + kDayCodes[e - 1];
    if (e - d > 2) days += std::string("-") + kDayCodes[e - 1];
    out += (out.empty() ? "" : "; ") + days + " " + day_text(d);
    d = e;
  }
  return out;
}

ParsedHours parse_opening_hours(std::string_view text) {
  ParsedHours r;
  const std::string norm = normalise(text);
  if (norm.find_first_not_of(" ,;\n|-/") == std::string::npos) return r;  // blank
  r.status = HoursStatus::unreadable;
  Scanner sc(norm);
  auto toks = sc.run(r.problem);
  if (!toks) return r;
  std::vector<Rule> rules(1);
  for (size_t k = 0; k < toks->size(); ++k) {
    const Token& t = (*toks)[k];
    Rule& cur = rules.back();
    const bool next_off = k + 1 < toks->size() && (*toks)[k + 1].kind == Token::off;
    switch (t.kind) {
      case Token::sep:
        if (!cur.empty()) rules.emplace_back();
        break;
      case Token::days:
        if (cur.has_days && !cur.content() && !cur.holiday && !cur.date) {
          cur.days |= t.mask;  // 周一至周五、周日
        } else if (cur.has_days || cur.holiday || (cur.content() && next_off)) {
          rules.emplace_back();
          rules.back().has_days = true, rules.back().days = t.mask;
        } else {
          cur.has_days = true, cur.days = t.mask;  // 9:00-17:00 周一至周五
        }
        break;
      case Token::holiday:
        if (cur.has_days && !cur.content()) {
          r.notes.push_back("public holidays not modelled");  // "Su,PH off": Sunday still counts
        } else if (cur.empty()) {
          cur.holiday = true;
        } else {
          rules.emplace_back();
          rules.back().holiday = true;
        }
        break;
      case Token::date:
        if (cur.content()) rules.emplace_back();
        rules.back().date = true;
        break;
      case Token::range:
        cur.ranges.push_back({t.from, t.to});
        break;
      case Token::allday:
        cur.allday = true;
        break;
      case Token::off:
        cur.off = true;
        break;
    }
  }
  WeekSchedule w;
  bool applied = false;
  for (const Rule& ru : rules) {
    if (ru.empty()) continue;
    if (ru.holiday) {
      r.notes.push_back("public-holiday rule not modelled");
      continue;
    }
    if (ru.date) {
      r.notes.push_back("date or season rule not modelled");
      continue;
    }
    const uint8_t days = ru.has_days ? ru.days : kAllDays;
    if (!ru.content()) {
      // Days without times ("周一至周五"): open all day on them, said.
      r.notes.push_back("days without times: read as open all day on those days");
    }
    applied = true;
    for (int d = 0; d < 7; ++d) {
      if (!(days >> d & 1)) continue;
      w.day[d].reset();
      if (ru.off) continue;
      if (ru.allday || !ru.content()) {
        w.day[d].set();
        continue;
      }
    }
    if (ru.off || ru.allday || !ru.content()) continue;
    for (int d = 0; d < 7; ++d) {
      if (!(days >> d & 1)) continue;
      for (auto [from, to] : ru.ranges) {
        const int a = quarter(from), b = quarter(to);
        if (b > a) {
          set_range(w, d, a, b);
        } else if (a == b) {
          set_range(w, d, 0, kQuartersPerDay);  // 00:00-24:00 written as 00:00-00:00
        } else {
          set_range(w, d, a, kQuartersPerDay);  // 22:00-06:00: into the next morning
          set_range(w, (d + 1) % 7, 0, b);
        }
      }
    }
  }
  std::sort(r.notes.begin(), r.notes.end());
  r.notes.erase(std::unique(r.notes.begin(), r.notes.end()), r.notes.end());
  if (!applied) {
    r.problem = "no weekly hours (only public-holiday or date rules)";
    return r;
  }
  r.status = HoursStatus::parsed;
  r.schedule = w;
  return r;
}

bool parse_time_window(std::string_view text, int& from_quarter, int& to_quarter) {
  Scanner sc(normalise(text));
  auto t = sc.only_range();
  if (!t) return false;
  from_quarter = quarter(t->from);
  to_quarter = quarter(t->to);
  return true;
}

}  // namespace yz
