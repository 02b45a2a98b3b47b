#include "engine/session/workspace.hpp"

#include "engine/inputs/demo_city.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/network/open_map_file.hpp"

namespace yz {

OpenedMap open_map(const MapSource& src, const Progress& progress) {
  OpenedMap out;
  if (src.demo()) {
    DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
    out.city =
        std::make_shared<const CityNetwork>(city_from_lines(std::move(demo.lines), progress));
    out.stations = std::move(demo.stations);
    out.candidates = std::move(demo.candidates);
    out.demand = std::move(demo.demand);
    return out;
  }
  out.city = std::make_shared<const CityNetwork>(open_map_file(src, progress));
  return out;
}

Workspace::Workspace(std::shared_ptr<const CityNetwork> city, MapSource src, PointSet demand,
                     const CoverageParams& params, const Progress& progress)
    : city_(std::move(city)), map_(std::move(src)), params_(params) {
  params_.validate();  // every front-end's parameters pass the same ranges
  proxy_ = demand.size() == 0;
  if (proxy_) demand = street_length_demand(*city_);
  demand_ = std::make_shared<const PointSet>(std::move(demand));
  progress(0.0, "snapping demand");
  index_ =
      std::make_shared<const DemandIndex>(city_->graph, *city_->snapper, *demand_, params.snap);
  auto snapped = std::make_shared<std::vector<uint8_t>>(demand_->size());
  for (size_t i = 0; i < snapped->size(); ++i) (*snapped)[i] = index_->snaps()[i].usable();
  snapped_ = std::move(snapped);
  computer_ = std::make_unique<CoverageComputer>(city_->graph, *city_->snapper, *index_, params_);
}

std::shared_ptr<const Workspace> Workspace::with_params(const CoverageParams& params,
                                                        const Progress& progress) const {
  params.validate();
  const bool same_snap = params.snap.max_snap_m == params_.snap.max_snap_m &&
                         params.snap.island_max_m == params_.snap.island_max_m;
  if (!same_snap) {
    // The demand joins the network differently: snap and index it again.
    PointSet demand = proxy_ ? PointSet{} : *demand_;
    return std::make_shared<const Workspace>(city_, map_, std::move(demand), params, progress);
  }
  std::shared_ptr<Workspace> w(new Workspace());
  w->city_ = city_;
  w->map_ = map_;
  w->demand_ = demand_;
  w->proxy_ = proxy_;
  w->params_ = params;
  w->index_ = index_;
  w->snapped_ = snapped_;
  w->computer_ =
      std::make_unique<CoverageComputer>(city_->graph, *city_->snapper, *w->index_, params);
  return w;
}

std::shared_ptr<const Workspace> Workspace::with_demand(PointSet demand,
                                                        const Progress& progress) const {
  return std::make_shared<const Workspace>(city_, map_, std::move(demand), params_, progress);
}

}  // namespace yz
