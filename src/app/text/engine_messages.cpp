#include "app/text/engine_messages.hpp"

#include <map>
#include <mutex>

#include "app/app_state.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::app {

MsgLang msg_lang(Lang lang) {
  return lang == Lang::zh ? MsgLang::zh : MsgLang::en;
}

std::string param_label(const std::string& key, MsgLang lang) {
  // Each parameter's UI name is the catalogue's "param_<key>" entry; a key without one is shown
  // as is (still exact, only not a label). A caller's own flag ("--min-gain") names its key.
  std::string k = key.rfind("--", 0) == 0 ? key.substr(2) : key;
  for (char& c : k)
    if (c == '-') c = '_';
  const std::string name = "param_" + k;
  for (int c = 0; c < static_cast<int>(Msg::count); ++c)
    if (name == msg_name(static_cast<Msg>(c))) return msg_template(static_cast<Msg>(c), lang);
  return key;
}

std::string render_message(const Message& m, Lang lang) {
  return render(m, msg_lang(lang), &param_label);
}

std::string render_error(const InputError& e, Lang lang) {
  return yz::render_error(e, msg_lang(lang), &param_label);
}

Message error_message(const std::exception& e) {
  if (dynamic_cast<const Cancelled*>(&e)) return Message(Msg::cancelled);
  if (const auto* in = dynamic_cast<const InputError*>(&e)) return error_as_message(*in);
  return Message::raw(e.what());
}


Message job_error(const BackgroundJob& job) { return job.error_message(); }

void notify_message(AppState& st, const Message& m, bool error) {
  st.notify(render_message(m, st.lang), error);
}

bool is_cancelled(const Message& m) {
  return m.code == Msg::cancelled;
}

std::vector<std::string> message_strings() {
  std::vector<std::string> out;
  for (int c = 0; c < static_cast<int>(Msg::count); ++c)
    out.emplace_back(msg_template(static_cast<Msg>(c), MsgLang::zh));
  return out;
}

}  // namespace yz::app
