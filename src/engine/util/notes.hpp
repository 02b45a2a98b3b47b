#pragma once
// Warnings collected while loading or computing (what was dropped and why), shown by front-ends.
#include <string>
#include <vector>

namespace yz {

struct Notes {
  std::vector<std::string> lines;
  void add(std::string line) { lines.push_back(std::move(line)); }
};

}  // namespace yz
