#pragma once
// The engine's messages (errors and notes about input files) in the UI's language: each is a code
// with named arguments (engine/util/messages.def), rendered from the catalogue; file names, column
// names and values are inserted as given. Parameters are named by their UI label, not a CLI flag.
#include <exception>
#include <string>
#include <vector>

#include "app/text/strings.hpp"
#include "engine/util/coded_error.hpp"

namespace yz::app {

class BackgroundJob;
struct AppState;

MsgLang msg_lang(Lang lang);
std::string render_message(const Message& m, Lang lang);
// "file: problem" of an InputError in `lang` (a parameter named by its label).
std::string render_error(const InputError& e, Lang lang);
// A caught exception as a message: InputError by code, Cancelled as cancelled, others as is.
Message error_message(const std::exception& e);
bool is_cancelled(const Message& m);
// A parameter key's name in the UI ("minutes" -> the label of the minutes field).
std::string param_label(const std::string& key, MsgLang lang);
// The last error of a background job, by code (kept beside the job until background_job.hpp can
// carry it: a change there rebuilds every panel).
Message job_error(const BackgroundJob& job);
// A notice from an engine message, in the UI's language.
void notify_message(AppState& st, const Message& m, bool error = false);

// Every Chinese text the catalogue can produce (for the font's glyphs).
std::vector<std::string> message_strings();

}  // namespace yz::app
