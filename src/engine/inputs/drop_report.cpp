#include "engine/inputs/drop_report.hpp"

#include "engine/inputs/drop_messages.hpp"

namespace yz {

void DropReport::drop(uint64_t index, std::string id, Vec2 lonlat, Msg reason, std::string detail) {
  dropped.push_back({index, std::move(id), lonlat, msg_template(reason, MsgLang::en),
                     std::move(detail), Message(reason)});
}

void DropReport::drop(uint64_t index, std::string id, Vec2 lonlat, Message reason,
                      std::string detail) {
  std::string english = render(reason, MsgLang::en);
  dropped.push_back(
      {index, std::move(id), lonlat, std::move(english), std::move(detail), std::move(reason)});
}

void DropReport::drop(uint64_t index, std::string id, Vec2 lonlat, std::string reason,
                      std::string detail) {
  Message why = reason_message(reason);
  dropped.push_back(
      {index, std::move(id), lonlat, std::move(reason), std::move(detail), std::move(why)});
}

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
