#pragma once
// The station-review layers (least useful stations, upgrade priority, relocations) that both
// `yizhan review` and `yizhan suggest` write to their GeoPackage (implemented in
// command_review.cpp).
#include <cstdint>
#include <vector>

#include "engine/export/vector_writer.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/siting/station_review.hpp"

namespace yz::cli {

struct StationReview {
  std::vector<siting::RemovalCost> removal;
  std::vector<siting::UpgradePriority> upgrade;
  std::vector<siting::Relocation> relocation;  // empty without candidates
  uint32_t wanted = 0;                         // amenity mask a full station offers
};

// Amenity bits per site from the schema (sites.info), 0 where unknown.
std::vector<uint32_t> site_amenities(const PointSet& sites);

// The three rankings with `extra_open` (original site ids, e.g. a suggested plan) counted as
// built. Relocations only when there are candidates (non-fixed sites) not in extra_open.
StationReview review_stations(const siting::Problem& p, const PointSet& sites, uint32_t wanted,
                              const std::vector<uint32_t>& extra_open = {});

// Layers least_useful, upgrade_priority and relocation (lines from a station to the candidate).
void write_review_layers(VectorWriter& w, const PointSet& sites, const StationReview& r);

}  // namespace yz::cli
