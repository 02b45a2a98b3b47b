// yizhan: the command-line front-end. Commands live in command_<verb>.cpp and register themselves;
// this file maps exceptions to exit codes (0 ok, 2 bad input or an output that cannot be written,
// 1 internal error, 128 + signal when interrupted: 130 SIGINT, 143 SIGTERM).
#include <cstdio>
#include <exception>

#include "cli/cli_common.hpp"
#include "cli/version.hpp"
#include "cli/interrupt.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace {
// An engine parameter named as its flag, in every language.
std::string flag_name(const std::string& param, yz::MsgLang) {
  return yz::cli::cli_flag(param);
}
}  // namespace

int main(int argc, char** argv) {
  using namespace yz::cli;
  install_interrupt_handling();  // before any thread starts
  yz::ensure_gdal();             // GDAL/PROJ messages quiet from the start (gdal_session.cpp)
  CLI::App app{"Yizhan (驿站): plan outdoor-worker service stations to the 'double 15' standard "
               "(1 km radius, 15-minute walk)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "yizhan " YIZHAN_VERSION);
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
  // Errors in English, or in Chinese where the command has --lang and it was given as zh.
  yz::MsgLang lang = yz::MsgLang::en;
  for (const CLI::App* sub : app.get_subcommands())
    if (const CLI::Option* o = sub->get_option_no_throw("--lang"); o && o->count() > 0)
      if (o->as<std::string>() == "zh") lang = yz::MsgLang::zh;
  const bool zh = lang == yz::MsgLang::zh;
  try {
    return run ? run() : kExitOk;
  } catch (const yz::OutputExists& e) {
    std::fprintf(stderr, "yizhan: error: %s%s\n", yz::render_error(e, lang).c_str(),
                 zh ? "（加 --overwrite 可替换）" : " (add --overwrite to replace it)");
    return kExitBadInput;
  } catch (const yz::InputError& e) {  // a parameter the engine names is printed as its flag
    std::fprintf(stderr, "yizhan: error: %s\n", yz::render_error(e, lang, &flag_name).c_str());
    return kExitBadInput;
  } catch (const yz::Cancelled&) {
    // Only a signal cancels a command; its staged outputs are gone by now.
    std::fprintf(stderr, "yizhan: interrupted; no partial output was left\n");
    return interrupt_exit_code() ? interrupt_exit_code() : kExitInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "yizhan: internal error: %s\n", e.what());
    return kExitInternal;
  }
}
