#include "engine/util/msg_codes.hpp"

#include <array>

namespace yz {
namespace {

struct Entry {
  const char *name, *en, *zh;
};

constexpr std::array<Entry, static_cast<size_t>(Msg::count)> kTable = {{
#define X(code, en, zh) {#code, en, zh},
#include "engine/util/messages.def"
#undef X
}};

}  // namespace

MsgArg::MsgArg(std::string n, Message m) : name(std::move(n)), parts{std::move(m)}, kind(nested) {}
MsgArg::MsgArg(std::string n, std::vector<Message> l)
    : name(std::move(n)), parts(std::move(l)), kind(list) {}

MsgArg param_arg(std::string name, std::string key) {
  MsgArg a(std::move(name), std::move(key));
  a.kind = MsgArg::param;
  return a;
}

Message in_source(std::string source, Message m) {
  return Message(Msg::error_in, {{"source", std::move(source)}, MsgArg("problem", std::move(m))});
}

const char* msg_template(Msg code, MsgLang lang) {
  const Entry& e = kTable[static_cast<size_t>(code)];
  return lang == MsgLang::zh ? e.zh : e.en;
}

const char* msg_name(Msg code) {
  return kTable[static_cast<size_t>(code)].name;
}

std::string render(const Message& m, MsgLang lang, ParamNamer namer) {
  // Placeholders are replaced by hand, not by fmt: every argument is already text, and a template
  // naming an argument the throw site did not give must still render (as "{name}"), not throw.
  const std::string t = msg_template(m.code, lang);
  std::string out;
  for (size_t i = 0; i < t.size();) {
    const size_t open = t.find('{', i);
    const size_t close = open == std::string::npos ? open : t.find('}', open);
    if (close == std::string::npos) {
      out.append(t, i, std::string::npos);
      break;
    }
    out.append(t, i, open - i);
    const std::string name = t.substr(open + 1, close - open - 1);
    const MsgArg* arg = nullptr;
    for (const MsgArg& a : m.args)
      if (a.name == name) arg = &a;
    if (!arg) {
      out.append(t, open, close - open + 1);
    } else if (arg->kind == MsgArg::param) {
      out += namer ? namer(arg->text, lang) : arg->text;
    } else if (arg->kind == MsgArg::plain) {
      out += arg->text;
    } else {
      for (size_t k = 0; k < arg->parts.size(); ++k) {
        if (k) out += lang == MsgLang::zh ? "，" : ", ";
        out += render(arg->parts[k], lang, namer);
      }
    }
    i = close + 1;
  }
  return out;
}

}  // namespace yz
