// Outputs are staged and moved into place only when complete (OutputFile, OutputStage), and an
// export folder is written as a unit with a manifest (ExportFolder): a rerun removes its own stale
// files, foreign files are replaced only when allowed, inputs never.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "engine/export/export_folder.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/util/output_file.hpp"
#include "support/test_data.hpp"

using namespace yz;
namespace fs = std::filesystem;

namespace {
std::string fresh(const std::string& name) {
  const std::string d = yz::test::temp_dir() + "/" + name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
void put(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}
std::string get(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// Every regular file under dir (relative, '/'-separated), hidden ones included.
std::set<std::string> tree(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
  return out;
}
std::set<std::string> entries(const std::string& dir) {  // top level, folders included
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}
}  // namespace

TEST_CASE("OutputFile: nothing under the final name until commit, nothing left without it",
          "[output]") {
  const std::string d = fresh("outfile");
  const std::string final_path = d + "/a.txt";
  {
    OutputFile out(final_path);
    put(out.path(), "half");
    CHECK(!fs::exists(final_path));
    CHECK(fs::path(out.path()).parent_path().parent_path() == fs::path(d));  // same file system
  }  // destroyed without commit (an exception, a cancel)
  CHECK(entries(d).empty());
  {
    OutputFile out(final_path);
    put(out.path(), "whole");
    out.commit();
  }
  CHECK(get(final_path) == "whole");
  CHECK(entries(d) == std::set<std::string>{"a.txt"});
  // Replacing keeps the old content until the new one is complete.
  {
    OutputFile out(final_path);
    put(out.path(), "new");
    CHECK(get(final_path) == "whole");
  }
  CHECK(get(final_path) == "whole");
}

TEST_CASE("A Shapefile that fails half-way leaves none of its files; a complete one moves as a set",
          "[output]") {
  const std::string d = fresh("shp");
  {
    VectorWriter w(d + "/roads.shp");
    w.begin_layer("roads", GeomKind::point, {{"name", FieldType::text}});
    w.add_point({8.6, 49.4}, {std::string("a")});
    // not closed: as when the next layer throws
  }
  CHECK(entries(d).empty());
  {
    VectorWriter w(d + "/roads.shp");
    w.begin_layer("roads", GeomKind::point, {{"name", FieldType::text}});
    w.add_point({8.6, 49.4}, {std::string("a")});
    w.close();
  }
  CHECK(tree(d) ==
        std::set<std::string>{"roads.cpg", "roads.dbf", "roads.prj", "roads.shp", "roads.shx"});
}

TEST_CASE("A failed write names the file and the operating system's reason", "[output]") {
  CHECK(write_failure_reason(ENOSPC, "") == "no space left on device");
  CHECK(write_failure_reason(EACCES, "") == "permission denied");
  CHECK(write_failure_reason(EROFS, "") == "read-only file system");
  CHECK(write_failure_reason(0, "sqlite3_exec(COMMIT) failed: database or disk is full") ==
        "no space left on device");
  CHECK(write_failure_reason(0, "something else") == "something else");
  try {
    throw_write_error("/x/report.pdf", ENOSPC);
    FAIL("no throw");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "/x/report.pdf: cannot write: no space left on device");
  }
}

TEST_CASE(
    "Export folder: a rerun removes its own stale files, keeps foreign ones, writes the "
    "manifest last",
    "[output]") {
  const std::string d = fresh("folder");
  put(d + "/notes.txt", "the planner's own file");
  {
    ExportFolder f(d, false);
    f.check({"plan.gpkg", "geojson/suggestions.geojson"});
    put(f.path("plan.gpkg"), "run 1");
    put(f.path("geojson/suggestions.geojson"), "run 1");
    put(f.path("geojson/stations.geojson"), "run 1");
    CHECK(!fs::exists(d + "/plan.gpkg"));  // staged, not yet in place
    CHECK(f.commit().empty());
  }
  std::vector<std::string> listed;
  REQUIRE(ExportFolder::read_manifest(d + "/yizhan_manifest.json", listed));
  CHECK(std::set<std::string>(listed.begin(), listed.end()) ==
        std::set<std::string>{"geojson/stations.geojson", "geojson/suggestions.geojson",
                              "plan.gpkg"});
  {
    ExportFolder f(d, false);
    f.check({"plan.gpkg"});  // its own earlier file: replaced without asking
    put(f.path("plan.gpkg"), "run 2");
    put(f.path("geojson/stations.geojson"), "run 2");
    CHECK(f.commit() == std::vector<std::string>{"geojson/suggestions.geojson"});
  }
  // Exactly the second run's files, the manifest and the planner's own file.
  CHECK(tree(d) == std::set<std::string>{"geojson/stations.geojson", "notes.txt", "plan.gpkg",
                                         "yizhan_manifest.json"});
  CHECK(get(d + "/plan.gpkg") == "run 2");
  REQUIRE(ExportFolder::read_manifest(d + "/yizhan_manifest.json", listed));
  CHECK(std::set<std::string>(listed.begin(), listed.end()) ==
        std::set<std::string>{"geojson/stations.geojson", "plan.gpkg"});
  // A third run without GeoJSON: the emptied geojson/ folder goes too.
  {
    ExportFolder f(d, false);
    put(f.path("plan.gpkg"), "run 3");
    f.commit();
  }
  CHECK(!fs::exists(d + "/geojson"));
}

TEST_CASE("Export folder: foreign files need overwrite, inputs are never written", "[output]") {
  const std::string d = fresh("foreign");
  put(d + "/map.png", "someone's picture");
  {
    ExportFolder f(d, false);
    CHECK_THROWS_AS(f.check({"map.png"}), OutputExists);
    put(f.path("map.png"), "ours");
    CHECK_THROWS_AS(f.commit(), OutputExists);  // the last word, even without check()
  }
  CHECK(get(d + "/map.png") == "someone's picture");
  CHECK(entries(d) == std::set<std::string>{"map.png"});  // no staging folder left
  {
    ExportFolder f(d, true);
    put(f.path("map.png"), "ours");
    f.commit();
  }
  CHECK(get(d + "/map.png") == "ours");
  // An input inside the folder, spelt differently: refused even with overwrite.
  put(d + "/stations.gpkg", "input");
  ExportFolder f(d, true, {d + "/./sub/../stations.gpkg"});
  CHECK_THROWS_AS(f.check({"stations.gpkg"}), InputError);
  CHECK(same_file(d + "/stations.gpkg", d + "/sub/../stations.gpkg"));
  CHECK(!same_file(d + "/stations.gpkg", d + "/map.png"));
}

TEST_CASE("remove_staged_outputs clears every open staging folder (the signal path)", "[output]") {
  const std::string d = fresh("signal");
  OutputStage a(d), b(d);
  put(a.path("x/plan.gpkg"), "1");
  put(b.path("report.pdf"), "2");
  put(b.path("report.pdf-journal"), "2");
  CHECK(entries(d).size() == 2);
  remove_staged_outputs();
  CHECK(entries(d).empty());
}
