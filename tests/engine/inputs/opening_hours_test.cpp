// Opening hours as station lists and OpenStreetMap write them. Each row's expected schedule is
// written by hand as (days, from, to) spans; days not named are closed. The schedule is built
// from those spans here, independently of the parser.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/inputs/opening_hours.hpp"

using namespace yz;

namespace {

struct Span {
  const char* days;  // "12345" = Monday to Friday, "7" = Sunday
  const char* from;  // "08:00"
  const char* to;    // "20:00"; "24:00" = midnight; to < from: into the next day
};

int minutes(const char* hhmm) {
  return std::stoi(std::string(hhmm, 2)) * 60 + std::stoi(std::string(hhmm + 3, 2));
}

WeekSchedule build(const std::vector<Span>& spans) {
  WeekSchedule w;
  for (const Span& s : spans)
    for (const char* c = s.days; *c; ++c) {
      const int d = *c - '1';
      const int a = minutes(s.from) / 15, b = minutes(s.to) / 15;
      if (b > a) {
        for (int q = a; q < b; ++q) w.day[d].set(q);
      } else {
        for (int q = a; q < 96; ++q) w.day[d].set(q);
        for (int q = 0; q < b; ++q) w.day[(d + 1) % 7].set(q);
      }
    }
  return w;
}

struct Row {
  const char* text;
  std::vector<Span> expected;
  bool note;  // a rule read as "not modelled"
};

const std::vector<Span> kAlways{{"1234567", "00:00", "24:00"}};

}  // namespace

TEST_CASE("opening hours: real-world spellings", "[inputs][hours]") {
  const std::vector<Row> rows = {
      // Around the clock.
      {"24小时", kAlways, false},
      {"24小时营业", kAlways, false},
      {"全天", kAlways, false},
      {"全天开放", kAlways, false},
      {"24h", kAlways, false},
      {"24H", kAlways, false},
      {"24/7", kAlways, false},
      {"全年无休 24小时", kAlways, false},
      {"00:00-24:00", kAlways, false},
      {"7x24", kAlways, false},
      // One range every day, in its many spellings.
      {"8:00-20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"08:00-20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8:00—20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8：00-20：00", {{"1234567", "08:00", "20:00"}}, false},
      {"８：００－２０：００", {{"1234567", "08:00", "20:00"}}, false},
      {"8:00~20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8:00～20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8:00至20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8:00 - 20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"8.30-17.30", {{"1234567", "08:30", "17:30"}}, false},
      {"早8点至晚8点", {{"1234567", "08:00", "20:00"}}, false},
      {"早上8点到晚上10点", {{"1234567", "08:00", "22:00"}}, false},
      {"8点-20点", {{"1234567", "08:00", "20:00"}}, false},
      {"8-20点", {{"1234567", "08:00", "20:00"}}, false},
      {"上午8点半-下午5点半", {{"1234567", "08:30", "17:30"}}, false},
      {"下午2-5点", {{"1234567", "14:00", "17:00"}}, false},
      {"每天 7:30-21:00", {{"1234567", "07:30", "21:00"}}, false},
      {"营业时间：9:00-21:00", {{"1234567", "09:00", "21:00"}}, false},
      {"9am-5pm", {{"1234567", "09:00", "17:00"}}, false},
      {"8:10-17:50", {{"1234567", "08:15", "17:45"}}, false},  // rounded to quarters
      // Several ranges a day.
      {"上午8:30-11:30，下午14:00-17:30",
       {{"1234567", "08:30", "11:30"}, {"1234567", "14:00", "17:30"}},
       false},
      {"8:00-12:00 14:00-18:00",
       {{"1234567", "08:00", "12:00"}, {"1234567", "14:00", "18:00"}},
       false},
      {"08:00-12:00,13:30-17:30",
       {{"1234567", "08:00", "12:00"}, {"1234567", "13:30", "17:30"}},
       false},
      // Overnight.
      {"22:00-06:00", {{"1234567", "22:00", "06:00"}}, false},
      {"22:00-次日6:00", {{"1234567", "22:00", "06:00"}}, false},
      {"晚10点-早6点", {{"1234567", "22:00", "06:00"}}, false},
      // Working days and weekends.
      {"工作日 9:00-17:00", {{"12345", "09:00", "17:00"}}, false},
      {"周一至周五 9:00-17:00", {{"12345", "09:00", "17:00"}}, false},
      {"周一到周五9:00-17:00", {{"12345", "09:00", "17:00"}}, false},
      {"周一至五 8:30-17:30", {{"12345", "08:30", "17:30"}}, false},
      {"星期一至星期五 9:00-17:00", {{"12345", "09:00", "17:00"}}, false},
      {"9:00-17:00（周一至周五）", {{"12345", "09:00", "17:00"}}, false},
      {"周一至周五 9:00-17:00，周六 9:00-12:00",
       {{"12345", "09:00", "17:00"}, {"6", "09:00", "12:00"}},
       false},
      {"周一至周五 8:00-20:00；周六、周日 9:00-18:00",
       {{"12345", "08:00", "20:00"}, {"67", "09:00", "18:00"}},
       false},
      {"周六日 10:00-16:00", {{"67", "10:00", "16:00"}}, false},
      {"8:00-20:00 周末休息", {{"12345", "08:00", "20:00"}}, false},
      {"周一至周日 8:00-18:00", {{"1234567", "08:00", "18:00"}}, false},
      {"周末 10:00-18:00", {{"67", "10:00", "18:00"}}, false},
      {"周一休息 其他 9:00-17:00", {}, false},  // "其他" not understood: unreadable (see below)
      {"周二至周日 9:00-17:00", {{"234567", "09:00", "17:00"}}, false},
      {"周一、三、五 14:00-18:00", {{"135", "14:00", "18:00"}}, false},
      // Public holidays: the rule is noted, the weekly part read.
      {"工作日 9:00-17:00 节假日休息", {{"12345", "09:00", "17:00"}}, true},
      {"8:00-20:00，法定节假日休息", {{"1234567", "08:00", "20:00"}}, true},
      // OpenStreetMap opening_hours.
      {"Mo-Fr 08:00-18:00", {{"12345", "08:00", "18:00"}}, false},
      {"Mo-Fr 08:00-18:00; Sa 09:00-12:00",
       {{"12345", "08:00", "18:00"}, {"6", "09:00", "12:00"}},
       false},
      {"Mo-Fr 08:00-12:00,13:00-17:00",
       {{"12345", "08:00", "12:00"}, {"12345", "13:00", "17:00"}},
       false},
      {"Mo-Sa 09:00-21:00; Su off", {{"123456", "09:00", "21:00"}}, false},
      {"Mo,We,Fr 10:00-14:00", {{"135", "10:00", "14:00"}}, false},
      {"Mo-Su 06:00-22:00", {{"1234567", "06:00", "22:00"}}, false},
      {"Tu-Su 09:00-17:00; Mo off", {{"234567", "09:00", "17:00"}}, false},
      {"Mo-Fr 09:00-17:00; PH off", {{"12345", "09:00", "17:00"}}, true},
      {"Mo-Sa 08:00-20:00; Su,PH off", {{"123456", "08:00", "20:00"}}, true},
      {"Fr-Mo 10:00-02:00", {{"5671", "10:00", "02:00"}}, false},
      {"Mo-Fr 08:00-18:00; Apr-Sep Sa 09:00-12:00", {{"12345", "08:00", "18:00"}}, true},
      {"08:00-20:00", {{"1234567", "08:00", "20:00"}}, false},
      {"Mon-Fri 9am-5pm", {{"12345", "09:00", "17:00"}}, false},
  };
  REQUIRE(rows.size() >= 40);
  for (const Row& row : rows) {
    INFO(row.text);
    const ParsedHours p = parse_opening_hours(row.text);
    if (std::string(row.text).find("其他") != std::string::npos) {
      CHECK(p.status == HoursStatus::unreadable);
      continue;
    }
    REQUIRE(p.status == HoursStatus::parsed);
    INFO("read as " << p.schedule.describe());
    CHECK(p.schedule == build(row.expected));
    CHECK(p.notes.empty() == !row.note);
  }
}

TEST_CASE("opening hours: blank and unreadable values", "[inputs][hours]") {
  for (const char* blank : {"", "   ", "　", "-"}) {
    INFO(blank);
    const ParsedHours p = parse_opening_hours(blank);
    CHECK(p.status == HoursStatus::blank);
    CHECK(p.schedule.always_open());
  }
  for (const char* bad : {"营业中", "看情况", "sunrise-sunset", "PH off", "25:00-26:00",
                          "call ahead", "节假日休息"}) {
    INFO(bad);
    const ParsedHours p = parse_opening_hours(bad);
    CHECK(p.status == HoursStatus::unreadable);
    CHECK_FALSE(p.problem.empty());
    CHECK(p.schedule.always_open());  // the caller counts it as always open, and says so
  }
}

TEST_CASE("opening hours: describe and --when windows", "[inputs][hours]") {
  CHECK(parse_opening_hours("工作日 9:00-17:00").schedule.describe() ==
        "Mo-Fr 09:00-17:00; Sa,Su off");
  CHECK(WeekSchedule::always().describe() == "24/7");
  int a = 0, b = 0;
  REQUIRE(parse_time_window("17:00-20:30", a, b));
  CHECK(a == 68);
  CHECK(b == 82);
  REQUIRE(parse_time_window("22:00-06:00", a, b));
  CHECK(a == 88);
  CHECK(b == 24);
  CHECK_FALSE(parse_time_window("17:00", a, b));
  CHECK_FALSE(parse_time_window("Mo-Fr 17:00-18:00", a, b));
  const WeekSchedule w = parse_opening_hours("8:00-8:30").schedule;
  CHECK(w.open_share(0, 8) == 0.5);
  CHECK(w.open_share(0, 9) == 0);
}

TEST_CASE("opening hours: arbitrary bytes never crash; descriptions read back", "[inputs][hours]") {
  uint64_t x = 7;
  const std::string alphabet[] = {"0",    "1",    "2",    "8",  "9",  ":",   "-",   ";",
                                  ",",    " ",    "周",   "一", "五", "至",  "点",  "晚",
                                  "早",   "休息", "Mo",   "Fr", "Sa", "PH",  "off", "24",
                                  "\xe5", "\xff", "次日", "：", "半", "下午"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(x % 12);
    for (int k = 0; k < len; ++k) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      s += alphabet[(x >> 33) % std::size(alphabet)];
    }
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const ParsedHours p = parse_opening_hours(s);
    INFO(s);
    if (p.status == HoursStatus::parsed) {
      const ParsedHours again = parse_opening_hours(p.schedule.describe());
      REQUIRE(again.status == HoursStatus::parsed);
      REQUIRE(again.schedule == p.schedule);
    } else {
      REQUIRE(p.schedule.always_open());
    }
  }
}
