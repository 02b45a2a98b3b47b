#include "engine/inputs/demand_builder.hpp"

#include <cmath>

#include "engine/inputs/weight_limits.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

void DemandRequest::validate() const {
  check_param("cell_m", cell_m, kDemandCellM);
  check_param("max_snap_m", snap.max_snap_m, kMaxSnapM);
  check_param("layer_weight", layer_weight, kWeight);
  check_param("raster_weight", raster_weight, kWeight);
}

DemandResult build_demand(const CityNetwork& city, const DemandRequest& req,
                          const Progress& progress) {
  DemandResult r;
  req.validate();
  r.summary.map = city.lines.source;
  r.summary.projection = city.projection().name();
  r.summary.profile = req.profile.source;
  r.summary.cell_m = req.cell_m;
  bool any_proxy = false;
  for (const auto& c : req.profile.components) any_proxy |= c.active();
  Notes notes;
  if (any_proxy) {
    ProxyDemandOptions po;
    po.snap = req.snap;
    r.drops.emplace_back();
    add_proxy_demand(city, req.profile, po, r.items, r.drops.back(), notes, progress);
    // POI-free runs (sanitation only, or a non-OSM map) have nothing to report.
    if (r.drops.back().read == 0 && r.drops.back().dropped.empty()) r.drops.pop_back();
  }
  auto scale = [&](const char* component, double w) {
    if (w == 1) return;
    const uint16_t c = r.items.component_index(component);
    for (size_t i = 0; i < r.items.size(); ++i)
      if (r.items.component[i] == c) r.items.weight[i] *= w;
  };
  if (!req.layer_path.empty()) {
    DemandLayerOptions lo = req.layer;
    lo.snap = req.snap;
    r.drops.emplace_back();
    add_layer_demand(req.layer_path, city, lo, kPlannerComponent, r.items, r.drops.back());
    scale(kPlannerComponent, req.layer_weight);
  }
  if (!req.raster_path.empty()) {
    DemandRasterOptions ro = req.raster;
    ro.snap = req.snap;
    r.drops.emplace_back();
    add_raster_demand(req.raster_path, city, ro, kRasterComponent, r.items, r.drops.back());
    scale(kRasterComponent, req.raster_weight);
  }
  // The metadata table keeps what each loader read the coordinates as and what it noted
  // (repairs, assumptions), next to the component it made.
  auto with_loader_notes = [&](const std::string& path) {
    std::string s = path;
    for (const auto& d : r.drops) {
      if (d.source != path) continue;
      if (!d.crs.empty()) s += " [input CRS: " + d.crs + "]";
      for (const auto& n : d.notes) s += " [note: " + n + "]";
    }
    return s;
  };
  if (r.items.components.empty())
    throw CodedParamError("components", Msg::no_demand_component,
                          {param_arg("layer", "layer"), param_arg("raster", "raster")});
  for (size_t c = 0; c < r.items.components.size(); ++c) {
    DemandComponentSummary s;
    s.name = r.items.components[c];
    s.workers = r.items.total(static_cast<uint16_t>(c));
    s.items = r.items.count(static_cast<uint16_t>(c));
    if (const DemandComponent* pc = req.profile.find(s.name)) {
      s.description = pc->description;
      s.weight = pc->weight;
      s.source = req.profile.source +
                 (pc->street_length ? " (street length by class)" : " (points of interest)");
    } else if (s.name == kPlannerComponent) {
      s.description = "the planner's worker counts";
      s.weight = req.layer_weight;
      s.source = with_loader_notes(req.layer_path);
    } else if (s.name == kRasterComponent) {
      s.description =
          "workers from a raster, one point per cell centre (cells wider than the snap distance "
          "spread over their streets)";
      s.weight = req.raster_weight;
      s.source = with_loader_notes(req.raster_path);
    }
    r.summary.components.push_back(std::move(s));
  }
  if (r.items.total() <= 0) {
    // Name what was asked to bring the workers: the planner's layer or raster when given.
    if (!req.layer_path.empty() || !req.raster_path.empty()) {
      const bool layer = !req.layer_path.empty();
      throw CodedError(layer ? req.layer_path : req.raster_path,
                       layer ? (any_proxy ? Msg::layer_no_workers_proxy : Msg::layer_no_workers)
                             : (any_proxy ? Msg::raster_values_no_workers_proxy
                                          : Msg::raster_values_no_workers));
    }
    throw CodedError(city.lines.source, Msg::components_no_demand);
  }
  if (!(r.items.total() <= kMaxTotalDemand))
    throw CodedError(req.layer_path.empty() ? req.raster_path : req.layer_path,
                     Msg::demand_too_large, {param_arg("param", "weight")});
  r.cells = aggregate_demand(r.items, req.cell_m, city.projection());
  r.summary.notes = notes.lines;
  return r;
}

}  // namespace yz
