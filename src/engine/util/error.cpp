#include "engine/util/error.hpp"

#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

std::string joined(const std::string& source, const std::string& problem) {
  return source.empty() ? problem : source + ": " + problem;
}

}  // namespace

InputError::InputError(const std::string& source, Message problem, bool param)
    : std::runtime_error(joined(source, yz::render(problem, MsgLang::en))),
      source_(source),
      problem_(yz::render(problem, MsgLang::en)),
      message_(std::move(problem)),
      param_(param) {}

std::string InputError::render(MsgLang lang, ParamNamer namer) const {
  const std::string src = param_ && namer ? namer(source_, lang) : source_;
  return joined(src, yz::render(message_, lang, namer));
}

Message InputError::as_message() const {
  if (source_.empty()) return message_;
  MsgArg src("source", source_);
  if (param_) src.kind = MsgArg::param;
  return Message(Msg::error_in, {std::move(src), MsgArg("problem", message_)});
}

}  // namespace yz
