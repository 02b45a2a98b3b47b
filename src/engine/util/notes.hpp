#pragma once
// Warnings collected while loading or computing (what was dropped and why), shown by front-ends.
// Each line is also kept as a message, so a front-end can show it in its own language.
#include <string>
#include <vector>

#include "engine/util/message.hpp"

namespace yz {

struct Notes {
  std::vector<std::string> lines;  // English
  std::vector<Message> messages;   // the same lines by code (Message::raw for plain text)
  void add(std::string line) {
    messages.push_back(Message::raw(line));
    lines.push_back(std::move(line));
  }
  void add(Message m) {
    lines.push_back(render(m, MsgLang::en));
    messages.push_back(std::move(m));
  }
  // "file: <m>"
  void add(const std::string& source, Message m) {
    add(in_source(source, std::move(m)));
  }
};

}  // namespace yz
