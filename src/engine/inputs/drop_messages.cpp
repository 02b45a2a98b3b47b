#include "engine/inputs/drop_messages.hpp"

#include <cstring>
#include <map>
#include <utility>

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
  // Only drop_* codes, whose English has no placeholder: the engine's reason phrases and these
  // entries are one table, checked by messages_test (every phrase the readers use has its code).
  for (int c = 0; c < static_cast<int>(Msg::count); ++c) {
    const Msg code = static_cast<Msg>(c);
    if (std::strncmp(msg_name(code), "drop_", 5) == 0 && reason == msg_template(code, MsgLang::en))
      return Message(code);
  }
  return Message::raw(reason);
}

Message summary_message(const DropReport& rep) {
  std::vector<MsgArg> args{{"read", rep.read},
                           MsgArg("what", kind_message(rep.what)),
                           {"kept", rep.kept},
                           {"dropped", rep.dropped.size()}};
  if (rep.dropped.empty())
    return in_source(rep.source, Message(Msg::drop_summary, std::move(args)));
  std::map<std::string, Message> why;  // each reason's message, from its items
  for (const auto& d : rep.dropped)
    why.emplace(d.reason, d.why.is_raw() && d.why.args.empty() ? Message::raw(d.reason) : d.why);
  std::vector<Message> parts;
  for (const auto& [reason, n] : rep.reasons())  // sorted as summary() sorts them
    parts.push_back(Message(Msg::drop_reason_count, {{"count", n}, MsgArg("reason", why[reason])}));
  args.emplace_back("reasons", std::move(parts));
  return in_source(rep.source, Message(Msg::drop_summary_reasons, std::move(args)));
}

}  // namespace yz
