#pragma once
// What a loader read, kept and dropped (with reasons), so nothing is lost silently: front-ends
// print it and write the dropped items to a layer.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/util/message.hpp"

namespace yz {

struct DroppedItem {
  uint64_t index = 0;       // row/feature number in the source (0-based)
  std::string id;           // its id or name when it has one
  Vec2 lonlat{NAN, NAN};    // where it was, when known
  std::string reason;       // a fixed phrase (English), so reasons group in summaries and layers
  std::string detail = {};  // specifics ("same place as node/123"), optional
  Message why = {};         // the reason by code: what front-ends render in their language
};

struct DropReport {
  std::string source;  // file
  std::string what;    // "sites", "demand", ...
  uint64_t read = 0, kept = 0;
  std::vector<DroppedItem> dropped;
  std::vector<std::string> notes;  // repairs and assumptions ("lon/lat columns: x,y")
  std::string crs;  // what the coordinates were read as ("EPSG:32650", "GCJ-02 (...)"), if known

  // A reason by code (a drop_* code): its English is `reason`, the message is `why`.
  void drop(uint64_t index, std::string id, Vec2 lonlat, Msg reason, std::string detail = {});
  // A reason with arguments ("could not snap (no walkable street within 250 m)").
  void drop(uint64_t index, std::string id, Vec2 lonlat, Message reason, std::string detail = {});
  // A reason given as its English phrase (reasons worked out by helpers that return text): the
  // drop_* code with that English, looked up here once, so `why` is set on every item.
  void drop(uint64_t index, std::string id, Vec2 lonlat, std::string reason,
            std::string detail = {});
  // reason -> count, for the one-line summary
  std::map<std::string, uint64_t> reasons() const {
    std::map<std::string, uint64_t> m;
    for (const auto& d : dropped) ++m[d.reason];
    return m;
  }
  std::string summary()
      const;  // "sites.csv: read 40, kept 38, dropped 2 (1 outside the map, 1 NaN coordinates)"
};

}  // namespace yz
