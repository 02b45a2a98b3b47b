#pragma once
// Messages by code. Every input error (and every note a front-end shows) is a code from
// messages.def with named arguments (file, row, column, value, count...); front-ends render it in
// their language from that one table, so no message is ever translated by matching its wording.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace yz {

// The codes (engine/util/msg_codes.hpp, from messages.def); declared here only, so adding a
// message rebuilds the files that use codes, not every file that sees an InputError.
enum class Msg : uint16_t;

enum class MsgLang : uint8_t { en, zh };

struct Message;

// One named argument: plain text (a file, a column, a number: never translated), a nested message
// (rendered in the same language), a list of messages (joined by the language's comma), or a
// parameter's key (rendered by the front-end: the CLI as its flag, the app as its label).
struct MsgArg {
  std::string name;
  std::string text;
  std::vector<Message> parts;
  enum Kind : uint8_t { plain, nested, list, param } kind = plain;

  // Defined below Message: a vector of an incomplete type may not be built here (clang refuses).
  MsgArg(std::string n, std::string t);
  MsgArg(std::string n, const char* t);
  template <class T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
  MsgArg(std::string n, T v);
  MsgArg(std::string n, Message m);
  MsgArg(std::string n, std::vector<Message> list);
};

struct Message {
  Msg code = Msg{0};  // Msg::text
  std::vector<MsgArg> args;

  Message() = default;
  Message(Msg c, std::vector<MsgArg> a = {}) : code(c), args(std::move(a)) {}  // NOLINT: implicit
  // Text no code describes (a library's own error text): shown as is in every language.
  static Message raw(std::string text) { return Message(Msg{0}, {{"text", std::move(text)}}); }
  bool is_raw() const { return code == Msg{0}; }
};

inline MsgArg::MsgArg(std::string n, std::string t) : name(std::move(n)), text(std::move(t)) {}
inline MsgArg::MsgArg(std::string n, const char* t) : name(std::move(n)), text(t) {}
template <class T, std::enable_if_t<std::is_integral_v<T>, int>>
MsgArg::MsgArg(std::string n, T v) : name(std::move(n)), text(std::to_string(v)) {}

// A parameter's key as an argument ("cell_m"): front-ends name it their way.
MsgArg param_arg(std::string name, std::string key);

// "source: m" (a file, then what is wrong with it), the same in every language.
Message in_source(std::string source, Message m);

// How a front-end names a parameter key; empty: the key itself.
using ParamNamer = std::string (*)(const std::string& key, MsgLang lang);

// The code's template: "{file}"-style placeholders, the same ones in both languages.
const char* msg_template(Msg code, MsgLang lang);
const char* msg_name(Msg code);  // "file_not_found", for tests and logs
std::string render(const Message& m, MsgLang lang, ParamNamer namer = nullptr);

}  // namespace yz
