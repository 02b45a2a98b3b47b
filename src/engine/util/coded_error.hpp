#pragma once
// Input errors by code: CodedError / CodedParamError are the InputError / ParamError the engine
// throws, carrying the message's code and arguments (message.hpp) beside the English what(), so
// every front-end renders the same error in its own language. Catch sites keep catching
// InputError / ParamError; front-ends read the message with problem_message().
#include <string>
#include <vector>

#include "engine/util/error.hpp"
#include "engine/util/message.hpp"
#include "engine/util/notes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

// The code and arguments an error carries (reached by cross-cast from InputError).
class MessageCarrier {
 public:
  virtual ~MessageCarrier() = default;
  const Message& message() const { return message_; }

 protected:
  explicit MessageCarrier(Message m) : message_(std::move(m)) {}

 private:
  Message message_;
};

class CodedError : public InputError, public MessageCarrier {
 public:
  CodedError(const std::string& source, Message problem);
  CodedError(const std::string& source, Msg code, std::vector<MsgArg> args = {});
};

// A parameter out of range or badly written: source() is the parameter's key ("cell_m") or, from
// callers that pass their own option name, a flag ("--min-gain").
class CodedParamError : public ParamError, public MessageCarrier {
 public:
  CodedParamError(const std::string& param, Message problem);
  CodedParamError(const std::string& param, Msg code, std::vector<MsgArg> args = {});
};

// The problem by code: the carried message, or (an error thrown with text) that text as is.
Message problem_message(const InputError& e);
// "source: problem" in `lang`; a parameter (ParamError) named by `namer` (CLI: its flag).
std::string render_error(const InputError& e, MsgLang lang, ParamNamer namer = nullptr);
// The whole error as one message, to nest in another ("cannot open its map: <this>").
Message error_as_message(const InputError& e);

// Range check as a message (range_problem() is its English): is_raw() when `v` is inside.
Message range_message(double v, const ParamRange& r);

// A note by code: Notes keep its English line and the message itself (notes.hpp), so a front-end
// shows it in its language without matching the line's text.
void add_note(Notes& notes, Message m);
void add_note(Notes& notes, const std::string& source, Message m);  // "source: m"

}  // namespace yz
