#pragma once
// Where tests find real data: $YIZHAN_DATA_DIR, else the CMake default (../shared/data). Tests that
// need it call require_data_dir(), which exits with code 4 (ctest: SKIPPED) and the reason when it
// is missing. Debian-packaged samples (python3-libpysal, python-osmnx-doc) likewise.
#include <string>
#include <vector>

namespace yz::test {

std::string data_dir();                         // may not exist
std::string require_data_dir();                 // .../data, or exit(4) with a message
std::string require_file(const std::string& path, const std::string& why);  // exists, or exit(4)
std::vector<std::string> osm_extracts();        // every map file in data_dir()/osm, sorted
std::string cli_exe();                          // path of the built yizhan executable
// Runs a command, returns its exit code; stdout+stderr captured into `output`.
int run_command(const std::string& cmd, std::string& output);
std::string temp_dir();                         // a fresh folder under /tmp for this test process
// xvfb-run with a 1280x800 screen and its X authority file in temp_dir(): without -f, xvfb-run
// makes and removes its own temporary folder and exits 5 (not the app's code) when that removal
// races with the server's shutdown.
std::vector<std::string> xvfb_run_argv(const std::string& name);

}  // namespace yz::test
