// The Chinese UI shows the engine's errors from the message catalogue: real errors raised by the
// engine on bad files and bad options come out with no English words left (beyond format and
// column names) and with the file name intact; English is what() itself. Nothing is matched by
// regular expression: src/app holds no std::regex.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "app/actions/background_job.hpp"
#include "app/text/engine_messages.hpp"
#include "engine/coverage/coverage_params.hpp"
#include "engine/export/plan_export.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/demand_profile.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/mobile_schedule.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::app;

namespace {

std::string write(const std::string& name, const std::string& text) {
  const std::string p = test::temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// English words of four letters or more left in a message once the file's path is taken out
// (the test's own word scan, independent of the catalogue).
std::set<std::string> english_left(std::string m, const std::string& path) {
  for (size_t at; !path.empty() && (at = m.find(path)) != std::string::npos;)
    m.erase(at, path.size());
  // Format and column names (Yizhan's own and the file's: "name", "x_coord") are not prose, nor
  // the JSON keys a data file must use ("components", "peak_share"), nor "key=value".
  static const std::set<std::string> names{
      "OpenStreetMap", "GeoPackage", "GDAL",       "gzip",    "bzip",       "longitude",
      "latitude",      "weight",     "workers",    "count",   "name",       "coord",
      "gpkg",          "geojson",    "components", "other",   "tags",       "peak",
      "share",         "default",    "weekday",    "weekend", "categories", "value"};
  std::set<std::string> left;
  const std::regex word("[A-Za-z]{4,}");
  for (auto it = std::sregex_iterator(m.begin(), m.end(), word); it != std::sregex_iterator(); ++it)
    if (!names.count(it->str())) left.insert(it->str());
  return left;
}

// The error `f` throws, as the app renders it in each language, and its what().
struct Rendered {
  std::string en, zh, what;
};
template <class F>
Rendered rendered(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return {render_error(e, Lang::en), render_error(e, Lang::zh), e.what()};
  }
  FAIL("no error");
  return {};
}

struct Case {
  std::string path, english, zh;
};

Case map_case(const std::string& path) {
  const Rendered r = rendered([&] { load_map(path, TagProfile::load_default()); });
  return {path, r.what, r.zh};
}

Case points_case(const std::string& path) {
  const LocalProjection proj = LocalProjection::utm_for(114.3, 30.6);
  Box b;
  b.add(proj.to_metric({114.25, 30.55}));
  b.add(proj.to_metric({114.35, 30.65}));
  DropReport rep;
  const Rendered r =
      rendered([&] { read_points(path, proj, b, PointReadOptions{}, rep, "stations"); });
  return {path, r.what, r.zh};
}

void check_zh(const Case& c) {
  INFO(c.english);
  INFO(c.zh);
  CHECK(c.zh.find(c.path) != std::string::npos);  // the file is named exactly as given
  CHECK(c.zh != c.english);
  CHECK(english_left(c.zh, c.path).empty());
}

}  // namespace

TEST_CASE("engine errors on bad files read in Chinese from the catalogue, file names intact",
          "[app]") {
  std::vector<Case> cases;
  for (const std::string& p : {test::temp_dir() + "/missing.osm.pbf", write("empty.osm", ""),
                               write("text.osm.pbf", "this is not a map\n"),
                               write("cut.osm.gz", std::string("\x1f\x8b\x08\x00", 4))})
    cases.push_back(map_case(p));
  for (const std::string& p :
       {write("nolonlat.csv", "name,x_coord,y_coord\na,1,2\n"),
        write("swapped.csv", "name,lon,lat\na,30.58,114.30\nb,30.60,114.31\n"),
        write("nan.csv", "name,lon,lat\na,nan,nan\n"), write("header.csv", "name,lon,lat\n"),
        // A bad CSV row: its quote never closes, so no row can be used.
        write("badrow.csv", "name,lon,lat\n\"a,114.30,30.60\n")})
    cases.push_back(points_case(p));
  for (const auto& c : cases) check_zh(c);
  // English is what() itself, unchanged.
  const Rendered r =
      rendered([] { load_map(test::temp_dir() + "/missing.osm.pbf", TagProfile::load_default()); });
  CHECK(r.en == r.what);
}

TEST_CASE("schema errors in JSON data files read in Chinese, file names intact", "[app]") {
  // Each a data file as a planner might hand-edit it, one mistake each; the loaders' own
  // messages, rendered as the app shows them.
  std::vector<Case> cases;
  auto add = [&](const std::string& name, const std::string& text, auto load) {
    const std::string p = write(name, text);
    const Rendered r = rendered([&] { load(p); });
    cases.push_back({p, r.what, r.zh});
  };
  const auto profile = [](const std::string& p) { DemandProfile::load(p); };
  add("dp_none.json", R"({"x": 1})", profile);
  add("dp_class.json", R"({"components": [{"name": "a", "per_km": {"xyz": 1}}]})", profile);
  add("dp_neg.json", R"({"components": [{"name": "a", "per_km": {"other": -1}}]})", profile);
  add("dp_twice.json",
      R"({"components": [{"name": "a", "per_km": {}}, {"name": "a", "per_km": {}}]})", profile);
  add("dp_empty.json", R"({"components": [{"name": "a"}]})", profile);
  const auto workers = [](const std::string& p) { WorkerProfiles::load(p); };
  add("wp_share.json", R"({"peak_share": 3, "groups": {}})", workers);
  add("wp_default.json", R"({"groups": {}})", workers);
  add("wp_hours.json", R"({"groups": {"default": {"weekday": [1], "weekend": [1]}}})", workers);
  const auto cats = [](const std::string& p) { load_candidate_categories(p); };
  add("cc_none.json", R"({"x": []})", cats);
  add("cc_tags.json", R"({"categories": [{"name": "a"}]})", cats);
  add("cc_tag.json", R"({"categories": [{"name": "a", "tags": ["abc"]}]})", cats);
  add("cc_cost.json", R"({"categories": [{"name": "a", "cost": -1, "tags": ["a=b"]}]})", cats);
  const auto hours = [](const std::string& p) { CategoryHours::load(p); };
  add("hours_none.json", R"({"x": 1})", hours);
  add("hours_text.json", R"({"categories": {"a": 5}})", hours);
  add("demo_size.json", R"({"width_m": -1})",
      [](const std::string& p) { DemoCitySettings::load(p); });
  for (const auto& c : cases) check_zh(c);
}

TEST_CASE("a write that fails is an input/output error naming the file, in Chinese", "[app]") {
  // Into a folder that is not there (its parent is a file): the output cannot be staged.
  const std::string file = write("not_a_folder", "x");
  const std::string out = file + "/out.gpkg";
  const Rendered r = rendered([&] {
    VectorWriter w(out);
    w.begin_layer("a", GeomKind::point, {{"id", FieldType::text}});
    w.add_point({114.3, 30.6}, {std::string("1")});
    w.close();
  });
  INFO(r.zh);
  CHECK_THAT(r.what, Catch::Contains(out));
  check_zh({out, r.what, r.zh});
  // Into a read-only file system (a tmpfs mounted read-only, where this test may mount one).
  const std::string ro = test::temp_dir() + "/ro_disk";
  std::filesystem::create_directories(ro);
  if (std::system(("mount -t tmpfs -o ro,size=1m tmpfs " + ro + " 2>/dev/null").c_str()) == 0) {
    const std::string p = ro + "/out.gpkg";
    const Rendered w = rendered([&] {
      VectorWriter v(p);
      v.begin_layer("a", GeomKind::point, {{"id", FieldType::text}});
      v.add_point({114.3, 30.6}, {std::string("1")});
      v.close();
    });
    std::system(("umount " + ro).c_str());
    INFO(w.what);
    INFO(w.zh);
    CHECK_THAT(w.what, Catch::Contains("read-only file system"));
    check_zh({p, w.what, w.zh});
  } else {
    WARN("no tmpfs could be mounted here: the read-only case is not run");
  }
}

TEST_CASE("a truncated PBF's error reads in Chinese", "[app]") {
  // Cut inside its first block, as an interrupted download leaves it (cli_damaged_map_test).
  const std::string pbf =
      test::require_file(test::data_dir() + "/osm/helsinki_center.osm.pbf", "a real PBF");
  std::ifstream in(pbf, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string cut = write("cut.osm.pbf", ss.str().substr(0, 100));
  const Case c = map_case(cut);
  CHECK_THAT(c.english, Catch::Contains("truncated"));
  check_zh(c);
}

TEST_CASE("a bad option value names the parameter by its label, in Chinese", "[app]") {
  CoverageParams p;
  p.minutes = 1e12;
  const std::string zh = rendered([&] { p.validate(); }).zh;
  INFO(zh);
  CHECK(zh.rfind(param_label("minutes", MsgLang::zh), 0) == 0);  // the label, not "--minutes"
  CHECK(zh.find("--") == std::string::npos);
  CHECK_THAT(zh, Catch::Contains("1e+12"));
  CHECK(english_left(zh, "").empty());
  const std::string fz = rendered([] { parse_formats("gpkg,docx"); }).zh;
  INFO(fz);
  CHECK_THAT(fz, Catch::Contains("docx"));
  CHECK(english_left(fz, "docx").empty());
}

TEST_CASE("read / kept / dropped lines and cancellation read in Chinese", "[app]") {
  DropReport rep;
  rep.source = "b.gpkg";
  rep.what = "candidates";
  rep.read = 3;
  rep.kept = 1;
  rep.drop(0, "x", {NAN, NAN}, "outside the map");
  rep.drop(1, "y", {NAN, NAN}, "missing or non-numeric weight");
  const std::string zh = render_message(summary_message(rep), Lang::zh);
  INFO(zh);
  CHECK(english_left(zh, "b.gpkg").empty());
  CHECK(render_message(summary_message(rep), Lang::en) == rep.summary());
  CHECK(render_message(error_message(Cancelled()), Lang::zh) == "已取消");
  CHECK(is_cancelled(error_message(Cancelled())));
}

TEST_CASE("the app translates nothing by regular expression", "[app]") {
  size_t files = 0;
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(YIZHAN_SOURCE_DIR "/src/app")) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    INFO(f.path().string());
    CHECK(ss.str().find("std::regex") == std::string::npos);
    CHECK(ss.str().find("<regex>") == std::string::npos);
    ++files;
  }
  CHECK(files > 10);
}

TEST_CASE("a background job keeps its failure by code", "[app]") {
  BackgroundJob job;
  REQUIRE(job.start("load", [](const Progress&) -> JobFinish {
    throw CodedError("roads.gpkg", Msg::file_not_found);
  }));
  job.wait();
  std::string error;
  CHECK(job.collect(&error));
  CHECK(error == "roads.gpkg: file not found");  // what() as before
  const Message m = job.error_message();
  CHECK(render_message(m, Lang::zh) == "roads.gpkg: 找不到文件");
  CHECK(render_message(job_error(job), Lang::zh) == "roads.gpkg: 找不到文件");
  // A new job starts with no failure.
  REQUIRE(job.start("ok", [](const Progress&) -> JobFinish { return [](AppState&) {}; }));
  job.wait();
  CHECK(job.collect(&error));
  CHECK(job.error_message().is_raw());
  CHECK(render_message(job.error_message(), Lang::en).empty());
}
