// Fuzz target: the session reader on GeoPackage bytes. A damaged or foreign file may only end in
// InputError, never a crash or another exception. Seed session_reader/two_scenarios.gpkg: a
// session Yizhan wrote (new_session on osm_reader/grid.osm, a station added, a second scenario),
// shrunk with sqlite3 FILE "PRAGMA page_size=512; VACUUM;" (still a valid GeoPackage).
#include <cstdint>

#include "engine/session/session_file.hpp"
#include "engine/util/error.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = yz::fuzz::write_input(data, size, ".gpkg");
  try {
    (void)yz::is_session_file(path);
    const yz::SessionFile s = yz::read_session_file(path);
    if (!s.scenarios.empty() && s.active >= s.scenarios.size()) __builtin_trap();
  } catch (const yz::InputError&) {
  }
  return 0;
}
