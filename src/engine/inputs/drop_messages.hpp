#pragma once
// What a loader dropped, by code (message.hpp): the read / kept / dropped line, the kinds of items
// and the fixed drop reasons, so front-ends show them in their language.
#include <string>

#include "engine/inputs/drop_report.hpp"
#include "engine/util/message.hpp"

namespace yz {

// A kind of item ("stations" -> Msg::kind_stations); an unknown kind as is.
Message kind_message(const std::string& what);
// A drop reason by code: the drop_* code whose English is exactly `reason` (the engine's fixed
// phrases, written from that same table), else the reason as is.
Message reason_message(const std::string& reason);
// "sites.csv: read 40 sites, kept 38, dropped 2 (1 outside the map, 1 NaN coordinates)"; its
// English rendering is DropReport::summary().
Message summary_message(const DropReport& rep);

}  // namespace yz
