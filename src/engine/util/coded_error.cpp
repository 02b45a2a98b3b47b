#include "engine/util/coded_error.hpp"

#include "engine/util/msg_codes.hpp"

namespace yz {

CodedError::CodedError(const std::string& source, Message problem)
    : InputError(source, render(problem, MsgLang::en)), MessageCarrier(std::move(problem)) {}
CodedError::CodedError(const std::string& source, Msg code, std::vector<MsgArg> args)
    : CodedError(source, Message(code, std::move(args))) {}

CodedParamError::CodedParamError(const std::string& param, Message problem)
    : ParamError(param, render(problem, MsgLang::en)), MessageCarrier(std::move(problem)) {}
CodedParamError::CodedParamError(const std::string& param, Msg code, std::vector<MsgArg> args)
    : CodedParamError(param, Message(code, std::move(args))) {}

Message problem_message(const InputError& e) {
  if (const auto* c = dynamic_cast<const MessageCarrier*>(&e)) return c->message();
  return Message::raw(e.problem());
}

std::string render_error(const InputError& e, MsgLang lang, ParamNamer namer) {
  const bool param = dynamic_cast<const ParamError*>(&e) != nullptr;
  const std::string src = param && namer ? namer(e.source(), lang) : e.source();
  const std::string problem = render(problem_message(e), lang, namer);
  return src.empty() ? problem : src + ": " + problem;
}

Message error_as_message(const InputError& e) {
  if (e.source().empty()) return problem_message(e);
  MsgArg src("source", e.source());
  if (dynamic_cast<const ParamError*>(&e)) src.kind = MsgArg::param;
  return Message(Msg::error_in, {std::move(src), MsgArg("problem", problem_message(e))});
}

void Notes::add(Message m) {
  lines.push_back(render(m, MsgLang::en));
  messages.push_back(std::move(m));
}

void add_note(Notes& notes, Message m) {
  notes.add(std::move(m));
}

void add_note(Notes& notes, const std::string& source, Message m) {
  add_note(notes, in_source(source, std::move(m)));
}

}  // namespace yz
