#pragma once
// The engine's small exception family: front-ends map InputError to exit code 2, anything else to 1.
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/util/message.hpp"

namespace yz {

// Bad input from the user: a file that is missing, corrupt, empty, in the wrong CRS, ...
// The message always names the file (or parameter) and the problem: a code from messages.def with
// its arguments, so each front-end renders it in its language; what() is the English rendering.
class InputError : public std::runtime_error {
 public:
  InputError(const std::string& source, Message problem) : InputError(source, std::move(problem), false) {}
  InputError(const std::string& source, Msg code, std::vector<MsgArg> args = {})
      : InputError(source, Message(code, std::move(args)), false) {}
  // Text no code describes (a library's own words): shown as is in every language.
  InputError(const std::string& source, const std::string& problem)
      : InputError(source, Message::raw(problem), false) {}

  const std::string& source() const { return source_; }
  const std::string& problem() const { return problem_; }  // English
  const Message& message() const { return message_; }
  bool source_is_param() const { return param_; }
  // "source: problem" in `lang`; a parameter source named by `namer` (the CLI: its flag).
  std::string render(MsgLang lang, ParamNamer namer = nullptr) const;
  // This error as one message (for nesting in another: "cannot open its map: <this>").
  Message as_message() const;

 protected:
  InputError(const std::string& source, Message problem, bool param);

 private:
  std::string source_, problem_;
  Message message_;
  bool param_ = false;
};

// The user asked to stop a long computation.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace yz
