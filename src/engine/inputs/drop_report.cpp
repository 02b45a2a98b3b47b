#include "engine/inputs/drop_report.hpp"

namespace yz {

std::string DropReport::summary() const {
  std::string s = source + ": read " + std::to_string(read) + " " + what + ", kept " +
                  std::to_string(kept) + ", dropped " + std::to_string(dropped.size());
  if (!dropped.empty()) {
    s += " (";
    bool first = true;
    for (const auto& [r, n] : reasons()) {
      s += (first ? "" : ", ") + std::to_string(n) + " " + r;
      first = false;
    }
    s += ")";
  }
  return s;
}

}  // namespace yz
