// The message catalogue (engine/util/messages.def): every code has English and Chinese, non-empty,
// with the same placeholders; the table file parses to exactly the compiled codes; rendering puts
// arguments in as given; errors carry their code with what() the English rendering; every fixed
// drop reason the readers write has its code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "engine/inputs/drop_messages.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

using namespace yz;

namespace {

std::string read_file(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<std::string> placeholders(const std::string& t) {
  std::set<std::string> out;
  static const std::regex ph("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(t.begin(), t.end(), ph); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// C string literals from `at` on, adjacent ones joined, escapes \" and \\ undone.
std::string literal(const std::string& s, size_t& at) {
  std::string out;
  for (;;) {
    while (at < s.size() && std::isspace(static_cast<unsigned char>(s[at]))) ++at;
    if (at >= s.size() || s[at] != '"') return out;
    for (++at; at < s.size() && s[at] != '"'; ++at) {
      if (s[at] == '\\') ++at;
      out += s[at];
    }
    ++at;
  }
}

struct Entry {
  std::string code, en, zh;
};

// messages.def read as text, independently of the X-macro that compiles it.
std::vector<Entry> parse_table() {
  const std::string s = read_file(YIZHAN_SOURCE_DIR "/src/engine/util/messages.def");
  REQUIRE(!s.empty());
  std::vector<Entry> out;
  for (size_t at = 0; (at = s.find("\nX(", at)) != std::string::npos;) {
    at += 3;
    const size_t comma = s.find(',', at);
    Entry e{s.substr(at, comma - at), "", ""};
    at = comma + 1;
    e.en = literal(s, at);
    REQUIRE(s[at] == ',');
    ++at;
    e.zh = literal(s, at);
    REQUIRE(s[at] == ')');
    out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("every message code has both languages with the same placeholders", "[util][messages]") {
  const std::vector<Entry> table = parse_table();
  REQUIRE(table.size() == static_cast<size_t>(Msg::count));
  // Texts the same in both languages: pure placeholders and units written alike.
  const std::set<std::string> same{"text", "error_in", "unit_percent", "unit_dpi"};
  std::set<std::string> codes;
  for (size_t i = 0; i < table.size(); ++i) {
    const Entry& e = table[i];
    INFO(e.code << ": " << e.en << " / " << e.zh);
    CHECK(codes.insert(e.code).second);
    // The parsed text is what the compiled table holds, code by code.
    CHECK(e.code == msg_name(static_cast<Msg>(i)));
    CHECK(e.en == msg_template(static_cast<Msg>(i), MsgLang::en));
    CHECK(e.zh == msg_template(static_cast<Msg>(i), MsgLang::zh));
    CHECK(!e.en.empty());
    CHECK(!e.zh.empty());
    CHECK(placeholders(e.en) == placeholders(e.zh));
    if (!same.count(e.code)) CHECK(e.en != e.zh);
    // Chinese text is not left in English: at least one CJK character or full-width mark (UTF-8
    // lead bytes E2-E9: “”、 and 汉字; EF: full-width ：（）).
    if (!same.count(e.code))
      CHECK(std::any_of(e.zh.begin(), e.zh.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 0xE2 && u <= 0xE9) || u == 0xEF;
      }));
  }
}

TEST_CASE("rendering inserts arguments as given, nested messages in the same language",
          "[util][messages]") {
  const Message m(Msg::none_usable, {{"count", 12},
                                     MsgArg("what", Message(Msg::kind_candidates)),
                                     MsgArg("why", Message(Msg::drop_outside_map))});
  CHECK(render(m, MsgLang::en) == "none of the 12 candidates could be used (outside the map)");
  CHECK(render(m, MsgLang::zh) == "12 个候选点都无法使用（在地图范围外）");
  // A file name holding words of a message is never touched.
  const Message f = in_source("/data/outside the map.csv", Message(Msg::file_empty));
  CHECK(render(f, MsgLang::zh) == "/data/outside the map.csv: 文件为空");
  // Lists join with each language's comma; a parameter is named by the front-end's namer.
  const Message l(Msg::layer_empty_of,
                  {MsgArg("what", std::vector<Message>{Message(Msg::kind_stations),
                                                       Message(Msg::kind_candidates)})});
  CHECK(render(l, MsgLang::en) == "contains no stations, candidates (the layer is empty)");
  CHECK(render(l, MsgLang::zh) == "图层为空，没有站点，候选点");
  const Message p(Msg::no_column_for, {{"column", "cls"}, param_arg("param", "class_field")});
  CHECK(render(p, MsgLang::en) == "has no column 'cls' (class_field)");
  const ParamNamer flag = [](const std::string& k, MsgLang) { return "--" + k; };
  CHECK(render(p, MsgLang::en, flag) == "has no column 'cls' (--class_field)");
  // A placeholder the throw site did not fill stays visible rather than failing.
  CHECK(render(Message(Msg::file_not_found, {}), MsgLang::en) == "file not found");
  CHECK(render(Message(Msg::no_column, {}), MsgLang::en) == "has no column '{column}'");
}

TEST_CASE("coded errors: what() is the English rendering, the code travels with them",
          "[util][messages]") {
  try {
    throw CodedError("a.csv", Msg::no_column, {{"column", "人数"}});
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "a.csv: has no column '人数'");
    CHECK(e.source() == "a.csv");
    CHECK(problem_message(e).code == Msg::no_column);
    CHECK(render_error(e, MsgLang::zh) == "a.csv: 没有“人数”列");
  }
  // A range check names the parameter; the unit is translated, the numbers kept.
  try {
    check_param("minutes", 1e12, ParamRange{0, 240, true, "minutes"});
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(e.param() == "minutes");
    CHECK(e.problem() == "must be positive and at most 240 minutes (got 1e+12)");
    CHECK(e.problem() == range_problem(1e12, ParamRange{0, 240, true, "minutes"}));
    const ParamNamer label = [](const std::string&, MsgLang) { return std::string("步行时间"); };
    CHECK(render_error(e, MsgLang::zh, label) ==
          "步行时间: 必须为正数且不超过 240 分钟（当前为 1e+12）");
  }
  CHECK(range_problem(0, ParamRange{1, 10000, false, "m", true}).empty());
  CHECK(range_problem(5e6, ParamRange{1, 10000, false, "m", true}) ==
        "must be 0 (off) or a number from 1 to 10000 m (got 5e+06)");
  // An error thrown with plain text keeps it, in every language.
  const InputError plain("b.csv", "some library's words");
  CHECK(render_error(plain, MsgLang::zh) == "b.csv: some library's words");
  // Nested: the inner error's file stays, its problem is rendered in the outer one's language.
  const CodedError inner("map.osm.pbf", Msg::pbf_damaged);
  const CodedError outer("plan.gpkg", Msg::session_map_unopenable,
                         {MsgArg("error", error_as_message(inner))});
  CHECK(std::string(outer.what()) ==
        "plan.gpkg: cannot open its map: map.osm.pbf: damaged OSM PBF block (move the map back, "
        "or open the map and its layers anew)");
  CHECK(render_error(outer, MsgLang::zh) ==
        "plan.gpkg: 无法打开其地图：map.osm.pbf: OSM PBF "
        "数据块已损坏（请把地图放回原处，或重新打开地图及其图层）");
}

TEST_CASE("a drop summary by code reads as DropReport::summary() in English", "[util][messages]") {
  DropReport rep;
  rep.source = "s.csv";
  rep.what = "stations";
  rep.read = 5;
  rep.kept = 2;
  rep.drop(0, "a", {NAN, NAN}, "outside the map");
  rep.drop(1, "b", {NAN, NAN}, "NaN coordinates");
  rep.drop(2, "c", {NAN, NAN}, "outside the map");
  CHECK(render(summary_message(rep), MsgLang::en) == rep.summary());
  CHECK(render(summary_message(rep), MsgLang::zh) ==
        "s.csv: 读取 5 个站点，保留 2 个，舍弃 3 个（1 个坐标为 NaN，2 个在地图范围外）");
  rep.dropped.clear();
  rep.kept = 5;
  CHECK(render(summary_message(rep), MsgLang::en) == rep.summary());
}

TEST_CASE("every fixed drop reason the engine writes has its code", "[util][messages]") {
  // The reason argument of each `.drop(...)` call: a code (Msg::drop_*), or a plain string literal
  // that still has one (the text overload looks it up once).
  const std::regex call("\\.drop\\(([^;]*)\\);");
  size_t checked = 0, by_code = 0;
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(YIZHAN_SOURCE_DIR "/src/engine")) {
    if (f.path().extension() != ".cpp") continue;
    const std::string s = read_file(f.path().string());
    for (auto it = std::sregex_iterator(s.begin(), s.end(), call); it != std::sregex_iterator();
         ++it) {
      // Top-level arguments.
      std::vector<std::string> args(1);
      int depth = 0;
      for (char c : (*it)[1].str()) {
        if (c == '(' || c == '{') ++depth;
        if (c == ')' || c == '}') --depth;
        if (c == ',' && depth == 0)
          args.emplace_back();
        else
          args.back() += c;
      }
      if (args.size() < 4) continue;
      std::string r = args[3];
      r.erase(0, r.find_first_not_of(" \n"));
      r.erase(r.find_last_not_of(" \n") + 1);
      if (r.rfind("Msg::drop_", 0) == 0) {
        ++by_code;
        continue;
      }
      if (r.size() < 2 || r.front() != '"' || r.back() != '"' || r.find('"', 1) != r.size() - 1)
        continue;
      r = r.substr(1, r.size() - 2);
      INFO(f.path().filename().string() << ": \"" << r << "\"");
      CHECK_FALSE(reason_message(r).is_raw());
      ++checked;
    }
  }
  CHECK(by_code >= 30);
}

TEST_CASE("a dropped item carries its reason by code, not only its English", "[util][messages]") {
  DropReport rep;
  rep.source = "s.csv";
  rep.what = "stations";
  rep.read = 2;
  rep.drop(0, "a", {NAN, NAN}, Msg::drop_outside_map);
  rep.drop(1, "b", {NAN, NAN}, std::string("NaN coordinates"), "row 2");
  REQUIRE(rep.dropped.size() == 2);
  CHECK(rep.dropped[0].reason == "outside the map");  // the English phrase layers group by
  CHECK(rep.dropped[0].why.code == Msg::drop_outside_map);
  CHECK(rep.dropped[1].why.code == Msg::drop_nan_coordinates);
  CHECK(rep.dropped[1].detail == "row 2");
  CHECK(render(rep.dropped[0].why, MsgLang::zh) == "在地图范围外");
}

TEST_CASE("notes keep their message beside the English line", "[util][messages]") {
  Notes n;
  add_note(n, "map.osm", Message(Msg::cancelled));
  n.add("plain text note");
  REQUIRE(n.lines.size() == 2);
  REQUIRE(n.messages.size() == 2);
  CHECK(n.lines[0] == "map.osm: cancelled");
  CHECK(render(n.messages[0], MsgLang::zh) == "map.osm: 已取消");
  CHECK(n.messages[1].is_raw());
  CHECK(render(n.messages[1], MsgLang::zh) == "plain text note");
}
