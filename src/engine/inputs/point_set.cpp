#include "engine/inputs/point_set.hpp"

namespace yz {

const std::string& PointSet::attr(size_t i, const std::string& column) const {
  static const std::string empty;
  for (size_t c = 0; c < attr_names.size(); ++c)
    if (attr_names[c] == column) return i < attr_values.size() ? attr_values[i][c] : empty;
  return empty;
}

void PointSet::append(const PointSet& o) {
  const size_t n0 = size();
  const bool had_info = !info.empty() || n0 == 0;
  std::vector<size_t> col(o.attr_names.size());
  for (size_t c = 0; c < o.attr_names.size(); ++c) {
    size_t k = 0;
    while (k < attr_names.size() && attr_names[k] != o.attr_names[c]) ++k;
    if (k == attr_names.size()) {
      attr_names.push_back(o.attr_names[c]);
      for (auto& row : attr_values) row.emplace_back();
    }
    col[c] = k;
  }
  if (attr_values.size() < n0 && !attr_names.empty())
    attr_values.resize(n0, std::vector<std::string>(attr_names.size()));
  for (size_t i = 0; i < o.size(); ++i) {
    add(o.lonlat[i], o.xy[i], o.weight[i], o.id[i], o.name[i]);
    if (!row.empty() || !o.row.empty()) set_row(o.source_row(i));
    if (!attr_names.empty())
      for (size_t c = 0; c < o.attr_names.size() && i < o.attr_values.size(); ++c)
        attr_values.back()[col[c]] = o.attr_values[i][c];
  }
  if (had_info || !o.info.empty()) {
    info.resize(n0);
    for (size_t i = 0; i < o.size(); ++i)
      info.push_back(i < o.info.size() ? o.info[i] : SiteInfo{});
  }
}

std::string estimate_from_columns(const PointSet& p) {
  for (size_t c = 0; c < p.attr_names.size(); ++c)
    if (p.attr_names[c] == kDemandEstimateColumn)
      for (const auto& row : p.attr_values)
        if (c < row.size() && !row[c].empty() && row[c] != "no" && row[c] != "0") return row[c];
  return {};
}

}  // namespace yz
