// A host type's word on maps and sheets (declared in map_render.hpp). On its own so that readers
// and writers below the map renderer (the KML styles, the fuzz build) link without cairo.
#include <map>
#include <string>

#include "engine/export/map_render.hpp"

namespace yz {

std::string host_label(const std::string& t, ReportLang lang) {
  if (lang != ReportLang::zh) return t.empty() ? "station" : t;
  static const std::map<std::string, std::string> words{
      {"co-built", "共建"}, {"standalone", "独立"}, {"shared", "共享"},
      {"alliance", "联盟"}, {"mobile", "流动"},     {"", "驿站"}};
  const auto it = words.find(t);
  return it == words.end() ? t : it->second;
}

}  // namespace yz
