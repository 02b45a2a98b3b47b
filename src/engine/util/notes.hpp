#pragma once
// Warnings collected while loading or computing (what was dropped and why), shown by front-ends.
#include <string>
#include <vector>

#include "engine/util/message.hpp"

namespace yz {

struct Notes {
  std::vector<std::string> lines;  // English: reports, JSON, logs
  std::vector<Message> messages;   // the same notes by code (same order): front-ends render these
  void add(std::string line) {
    messages.push_back(Message::raw(line));
    lines.push_back(std::move(line));
  }
  void add(Message m);  // its English line too (coded_error.cpp)
};

}  // namespace yz
