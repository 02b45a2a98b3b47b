// yizhan: the command-line front-end. Commands live in command_<verb>.cpp and register themselves;
// this file maps exceptions to exit codes (0 ok, 2 bad input, 1 internal error).
#include <cstdio>
#include <exception>

#include "cli/cli_common.hpp"
#include "engine/util/error.hpp"
#include "engine/util/param_range.hpp"

int main(int argc, char** argv) {
  using namespace yz::cli;
  CLI::App app{"Yizhan (驿站): plan outdoor-worker service stations to the 'double 15' standard "
               "(1 km radius, 15-minute walk)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "yizhan 0.1.0");
  std::function<int()> run;
  auto& cmds = CommandList::all();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [name, reg] : cmds) reg(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitBadInput;
  }
  try {
    return run ? run() : kExitOk;
  } catch (const yz::ParamError& e) {  // the engine names the parameter; print it as its flag
    std::fprintf(stderr, "yizhan: error: %s: %s\n", cli_flag(e.param()).c_str(),
                 e.problem().c_str());
    return kExitBadInput;
  } catch (const yz::InputError& e) {
    std::fprintf(stderr, "yizhan: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const yz::Cancelled&) {
    std::fprintf(stderr, "yizhan: cancelled\n");
    return kExitInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "yizhan: internal error: %s\n", e.what());
    return kExitInternal;
  }
}
