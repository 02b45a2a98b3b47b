#pragma once
// Which map features can host a station (data/candidate_categories.json): categories of OSM tags
// with the usual host type and a default cost, plus the defaults for free grid candidates.
#include <functional>
#include <string>
#include <vector>

namespace yz {

// "key=value", "key=*" (any value), or conditions joined with '+' that must all hold
// ("public_transport=platform+bus=yes": bus platforms, not tram ones).
struct TagMatch {
  std::vector<std::pair<std::string, std::string>> all;
};

struct CandidateCategory {
  std::string name, label_zh, host_type;
  double cost = 1;
  std::vector<TagMatch> tags;
};

struct CandidateCategories {
  std::vector<CandidateCategory> categories;
  CandidateCategory grid;  // free candidates along the walk network
  std::string source;      // file read

  // Every key any category looks at (for readers that must ask for tags by name).
  std::vector<std::string> keys() const;
  // The first category one of whose tags the feature has; -1 when none. `tag(key)` returns the
  // feature's value ("" when absent).
  int match(const std::function<std::string(const std::string&)>& tag) const;
  // "bank,mall" or "all" -> category indices; throws InputError naming unknown ones.
  std::vector<int> select(const std::string& list) const;
};

// Reads the JSON config; throws InputError on a malformed file (names the file and the entry).
CandidateCategories load_candidate_categories(const std::string& path);
// The default config, data/candidate_categories.json.
CandidateCategories default_candidate_categories();
// A category's Chinese label (label_zh) in the default config, "grid" included; the name itself
// when the config has none (a planner's own category, already in their words) or cannot be read.
std::string category_label_zh(const std::string& name);

}  // namespace yz
