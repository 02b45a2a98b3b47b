#include "app/scenario.hpp"

#include <chrono>
#include <cstdio>

#include "engine/coverage/walk_area.hpp"

namespace yz::app {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

Scenario::Scenario(AppInputs in) : in_(std::move(in)) {
  pos_ = in_.stations.xy;
  names_ = in_.stations.name;
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i].empty())
      names_[i] = in_.stations.id.empty() ? std::to_string(i + 1) : in_.stations.id[i];
  auto t0 = std::chrono::steady_clock::now();
  rebuild();
  last_edit_ms_ = ms_since(t0);
}

void Scenario::rebuild() {
  // Keep only live stations; slots are renumbered (a full recompute starts a new plan).
  PointSet sites;
  std::vector<Vec2> pos;
  std::vector<std::string> names;
  for (uint32_t s = 0; s < pos_.size(); ++s) {
    if (study_ && !study_->state.active(s)) continue;
    sites.add(city().projection().to_lonlat(pos_[s]), pos_[s], 1, names_[s], names_[s]);
    pos.push_back(pos_[s]);
    names.push_back(names_[s]);
  }
  CoverageParams params = study_ ? study_->params : CoverageParams{};
  PointSet demand = study_ ? study_->demand : in_.demand;
  study_.reset(new CoverageStudy(
      run_coverage(*in_.city, std::move(sites), std::move(demand), in_.demand_is_proxy, params)));
  scratch_ = std::make_unique<CoverScratch>(in_.city->graph);
  pos_ = std::move(pos);
  names_ = std::move(names);
  pieces_.assign(pos_.size(), {});
  const float budget = static_cast<float>(study_->params.budget_m());
  for (uint32_t s = 0; s < pos_.size(); ++s) {
    if (!study_->covers[s].snapped) continue;
    scratch_->search.run(study_->site_snaps[s], budget);
    pieces_[s] = reached_pieces(in_.city->graph, scratch_->search);
  }
  ++version_;
}

SiteCover Scenario::cover_at(Vec2 xy, std::vector<std::vector<Vec2>>& pieces) {
  Snap snap = study_->computer->snap(xy);
  SiteCover c = study_->computer->cover(xy, snap, *scratch_);
  pieces.clear();
  if (c.snapped) pieces = reached_pieces(in_.city->graph, scratch_->search);
  return c;
}

uint32_t Scenario::add(Vec2 xy) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::vector<Vec2>> pieces;
  SiteCover c = cover_at(xy, pieces);
  uint32_t slot = study_->state.add(std::move(c));
  if (slot >= pos_.size()) pos_.resize(slot + 1), names_.resize(slot + 1), pieces_.resize(slot + 1);
  pos_[slot] = xy;
  char name[16];
  std::snprintf(name, sizeof name, "+%d", ++added_);  // new stations: +1, +2, ...
  names_[slot] = name;
  pieces_[slot] = std::move(pieces);
  last_edit_ms_ = ms_since(t0);
  ++version_;
  return slot;
}

void Scenario::move(uint32_t slot, Vec2 xy) {
  if (!active(slot)) return;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::vector<Vec2>> pieces;
  study_->state.replace(slot, cover_at(xy, pieces));
  pos_[slot] = xy;
  pieces_[slot] = std::move(pieces);
  last_edit_ms_ = ms_since(t0);
  ++version_;
}

void Scenario::remove(uint32_t slot) {
  if (!active(slot)) return;
  auto t0 = std::chrono::steady_clock::now();
  study_->state.remove(slot);
  pieces_[slot].clear();
  last_edit_ms_ = ms_since(t0);
  ++version_;
}

void Scenario::set_params(const CoverageParams& p) {
  auto t0 = std::chrono::steady_clock::now();
  study_->params = p;
  rebuild();
  last_edit_ms_ = ms_since(t0);
}

}  // namespace yz::app
