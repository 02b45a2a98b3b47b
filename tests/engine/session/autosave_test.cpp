// Autosave: one file per session in the state folder (never the planner's folder), offered back
// only when newer than the session it belongs to, damaged autosaves never offered, discard
// removes it.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/session/autosave.hpp"
#include "engine/session/session.hpp"
#include "support/test_data.hpp"

namespace fs = std::filesystem;
using namespace yz;

TEST_CASE("autosaves live in the state folder, one per session", "[session]") {
  const std::string state = test::temp_dir() + "/state";
  ::setenv("YIZHAN_STATE_DIR", state.c_str(), 1);
  CHECK(state_dir() == state);
  const std::string untitled = autosave_path("");
  const std::string a = autosave_path("/plans/a/plan.gpkg"),
                    b = autosave_path("/plans/b/plan.gpkg");
  CHECK(a != b);  // same name in two folders: two autosaves
  CHECK(a == autosave_path("/plans/a/../a/plan.gpkg"));
  for (const auto& p : {untitled, a, b}) CHECK(p.rfind(state, 0) == 0);
  CHECK(fs::path(a).filename().string().rfind("plan-", 0) == 0);
}

TEST_CASE("recovery is offered only for a newer, readable autosave", "[session]") {
  const std::string dir = test::temp_dir();
  ::setenv("YIZHAN_STATE_DIR", (dir + "/state").c_str(), 1);
  const std::string session = dir + "/plan.gpkg";
  CHECK_FALSE(find_recovery(session));
  CHECK_FALSE(find_recovery(""));

  Session s = new_session(MapSource{}, CoverageParams{}, "plan");
  write_session_file(session, s.snapshot());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  s.rename_scenario(0, "edited, not saved");
  write_session_file(autosave_path(session), s.snapshot());
  auto r = find_recovery(session);
  REQUIRE(r);
  CHECK(r->autosave == autosave_path(session));
  CHECK(r->session == session);
  CHECK(read_session_file(r->autosave).scenarios.at(0).name == "edited, not saved");

  // Saved after the autosave: nothing to recover.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  write_session_file(session, s.snapshot());
  CHECK_FALSE(find_recovery(session));

  // Untitled work is always offered when its autosave reads.
  write_session_file(autosave_path(""), s.snapshot());
  CHECK(find_recovery(""));
  // A damaged autosave is not offered, and not deleted either.
  { std::ofstream(autosave_path(""), std::ios::trunc) << "garbage"; }
  CHECK_FALSE(find_recovery(""));
  CHECK(fs::exists(autosave_path("")));
  discard_autosave("");
  CHECK_FALSE(fs::exists(autosave_path("")));
}
