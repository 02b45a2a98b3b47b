#include "engine/map/osm_bounds.hpp"

#include <cstdlib>
#include <fstream>

namespace yz {

namespace {

// The value of attribute `name` in `tag` (either quote), or nullopt.
std::optional<double> attribute(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name); at != std::string::npos; at = tag.find(name, at + 1)) {
    const bool word_start = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' ||
                                       tag[at - 1] == '\n' || tag[at - 1] == '\r');
    size_t i = at + name.size();
    while (i < tag.size() && tag[i] == ' ') ++i;
    if (!word_start || i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && tag[i] == ' ') ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    const char* start = tag.c_str() + i + 1;
    char* end = nullptr;
    const double v = std::strtod(start, &end);
    if (end == start || (*end != tag[i])) return std::nullopt;
    return v;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Box> read_osm_bounds(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  const size_t at = head.find("<bounds");
  if (at == std::string::npos) return std::nullopt;
  const size_t end = head.find('>', at);
  if (end == std::string::npos) return std::nullopt;
  const std::string tag = head.substr(at, end - at);
  const auto minlon = attribute(tag, "minlon"), minlat = attribute(tag, "minlat"),
             maxlon = attribute(tag, "maxlon"), maxlat = attribute(tag, "maxlat");
  if (!minlon || !minlat || !maxlon || !maxlat) return std::nullopt;
  if (!(*minlon < *maxlon && *minlat < *maxlat && *minlon >= -180 && *maxlon <= 180 &&
        *minlat >= -90 && *maxlat <= 90))
    return std::nullopt;
  Box b;
  b.add({*minlon, *minlat});
  b.add({*maxlon, *maxlat});
  return b;
}

}  // namespace yz
