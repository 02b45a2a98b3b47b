#include "engine/inputs/drop_report.hpp"

#include <cstring>

#include "engine/util/msg_codes.hpp"

namespace yz {

Message kind_message(const std::string& what) {
  static constexpr std::pair<const char*, Msg> kKinds[] = {
      {"stations", Msg::kind_stations},
      {"candidates", Msg::kind_candidates},
      {"demand points", Msg::kind_demand_points},
      {"sites", Msg::kind_sites},
      {"districts", Msg::kind_districts},
      {"exclusion areas", Msg::kind_exclusion_areas},
      {"POI candidates", Msg::kind_poi_candidates},
      {"demand features", Msg::kind_demand_features},
      {"candidates (final checks)", Msg::kind_candidates_final},
      {"raster cells", Msg::kind_raster_cells},
      {"points of interest", Msg::kind_pois},
      {"demand", Msg::kind_demand}};
  for (const auto& [w, code] : kKinds)
    if (what == w) return Message(code);
  return Message::raw(what);
}

Message reason_message(const std::string& reason) {
  // Only the drop_* codes, whose English has no placeholder: one table gives both the text the
  // engine stores and the code found again here, so they cannot drift apart.
  for (int c = 0; c < static_cast<int>(Msg::count); ++c) {
    const Msg code = static_cast<Msg>(c);
    if (std::strncmp(msg_name(code), "drop_", 5) == 0 && reason == msg_template(code, MsgLang::en))
      return Message(code);
  }
  return Message::raw(reason);
}

Message DropReport::summary_message() const {
  std::vector<MsgArg> args{{"read", read}, MsgArg("what", kind_message(what)), {"kept", kept},
                           {"dropped", dropped.size()}};
  Message line(Msg::drop_summary, args);
  if (!dropped.empty()) {
    std::map<std::string, std::pair<uint64_t, Message>> by_reason;  // sorted as reasons()
    for (const auto& d : dropped) {
      auto [it, fresh] = by_reason.try_emplace(d.reason, 0, d.reason_msg);
      ++it->second.first;
    }
    std::vector<Message> parts;
    for (auto& [r, nm] : by_reason)
      parts.push_back(Message(Msg::drop_reason_count, {{"count", nm.first}, MsgArg("reason", nm.second)}));
    args.emplace_back("reasons", std::move(parts));
    line = Message(Msg::drop_summary_reasons, std::move(args));
  }
  return in_source(source, std::move(line));
}

std::string DropReport::summary() const { return render(summary_message(), MsgLang::en); }

}  // namespace yz
