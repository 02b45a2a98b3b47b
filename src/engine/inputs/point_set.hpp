#pragma once
// Points with weights and attributes: existing stations, candidate sites, or demand (outdoor
// workers). Coordinates are kept in both WGS-84 lon/lat and the map's metric projection.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/inputs/site_attributes.hpp"

namespace yz {

// Demand files: a column whose non-empty value says the point's workers are an estimate and of
// what ("map proxies"); `yizhan demand` writes it, every --demand reader recognises it.
inline constexpr const char* kDemandEstimateColumn = "estimate";

struct PointSet {
  std::string source;          // file or generator the points came from
  std::vector<Vec2> lonlat;    // WGS-84
  std::vector<Vec2> xy;        // local metric projection of the map
  std::vector<double> weight;  // demand: workers; sites: 1 (or capacity)
  std::vector<std::string> id, name;
  // Columns passed through to outputs unchanged: attr_values[point][column].
  std::vector<std::string> attr_names;
  std::vector<std::vector<std::string>> attr_values;
  // Stations/candidates read with site attributes: one per point (else empty).
  std::vector<SiteInfo> info;
  // The coordinates' original reference system, for outputs' metadata ("WGS-84", "EPSG:32650",
  // "GCJ-02 (Chinese web map; converted to WGS-84)").
  std::string source_crs = "WGS-84";
  // Each point's row (feature) in its source, 0-based, for reports: loaders drop rows, so the
  // n-th point is not the n-th row. Empty = the points are the rows, in order.
  std::vector<uint64_t> row;
  // Demand: what the weights estimate workers from ("map proxies"), "" when they are head counts.
  // Read from a file's kDemandEstimateColumn (written by `yizhan demand`), so an estimate loaded
  // later with --demand is still labelled as one.
  std::string estimate;

  size_t size() const { return xy.size(); }
  double total_weight() const {
    double s = 0;
    for (double w : weight) s += w;
    return s;
  }
  void add(Vec2 ll, Vec2 p, double w, std::string pid, std::string pname) {
    lonlat.push_back(ll), xy.push_back(p), weight.push_back(w), id.push_back(std::move(pid)),
        name.push_back(std::move(pname));
    if (!attr_names.empty()) attr_values.emplace_back(attr_names.size());
    if (!row.empty()) row.push_back(xy.size() - 1);
  }
  // Records the source row of the point added last.
  void set_row(uint64_t r) {
    while (row.size() < xy.size()) row.push_back(row.size());
    row.back() = r;
  }
  uint64_t source_row(size_t i) const { return i < row.size() ? row[i] : i; }
  // Appends another set's points; pass-through columns are united by name (missing = "") and
  // site info is kept when both sets have it (a set without gets default SiteInfo rows).
  void append(const PointSet& other);
  // The value of a pass-through column, or "" when absent.
  const std::string& attr(size_t i, const std::string& column) const;
};

// The kind of estimate a demand file's kDemandEstimateColumn names (its first value other than
// "", "no" or "0"); "" when the file has no such column or all points are counts.
std::string estimate_from_columns(const PointSet& points);

}  // namespace yz
