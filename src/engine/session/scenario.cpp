#include "engine/session/scenario.hpp"

#include <chrono>
#include <stdexcept>

#include "engine/coverage/walk_area.hpp"

namespace yz {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct SlotResult {
  Snap snap;
  SiteCover cover;
  std::vector<std::vector<Vec2>> pieces;
};

SlotResult compute(const Workspace& ws, Vec2 xy, CoverScratch& sc) {
  SlotResult r;
  r.snap = ws.computer().snap(xy);
  r.cover = ws.computer().cover(xy, r.snap, sc);
  if (r.cover.snapped) r.pieces = reached_pieces(ws.city().graph, sc.search);
  return r;
}

}  // namespace

Scenario::Scenario(std::shared_ptr<const Workspace> ws, uint32_t id, std::string name,
                   const std::vector<PlanStation>& stations, const Progress& progress)
    : ws_(std::move(ws)), id_(id), name_(std::move(name)) {
  stations_.assign(stations.begin(), stations.end());
  compute_all(progress);
}

Scenario::Scenario(std::shared_ptr<const Workspace> ws, uint32_t id, std::string name,
                   std::vector<std::optional<PlanStation>> slots, const Progress& progress)
    : ws_(std::move(ws)), id_(id), name_(std::move(name)), stations_(std::move(slots)) {
  compute_all(progress);
}

void Scenario::compute_all(const Progress& progress) {
  const auto t0 = Clock::now();
  const size_t n = stations_.size();
  std::vector<Vec2> xy;
  std::vector<uint32_t> slot_of;
  for (uint32_t s = 0; s < n; ++s)
    if (stations_[s]) xy.push_back(stations_[s]->xy), slot_of.push_back(s);
  std::vector<Snap> snaps;
  std::vector<std::vector<std::vector<Vec2>>> pieces;
  std::vector<SiteCover> covers = ws_->computer().cover_all(xy, &snaps, progress, &pieces);
  state_ = CoverageState(ws_->demand().weight, &ws_->demand_snapped());
  snaps_.assign(n, Snap{});
  pieces_.assign(n, {});
  for (size_t s = 0; s < n; ++s) state_.add(SiteCover{});  // every slot exists, empty or not
  for (size_t k = 0; k < slot_of.size(); ++k) {
    const uint32_t s = slot_of[k];
    snaps_[s] = snaps[k];
    pieces_[s] = std::move(pieces[k]);
    state_.replace(s, std::move(covers[k]));
  }
  for (uint32_t s = 0; s < n; ++s)
    if (!stations_[s]) state_.remove(s);
  scratch_ = std::make_unique<CoverScratch>(ws_->city().graph);
  compute_ms_ = ms_since(t0);
}

std::unique_ptr<Scenario> Scenario::rebased(std::shared_ptr<const Workspace> ws,
                                            const Progress& progress) const {
  auto out = std::make_unique<Scenario>(std::move(ws), id_, name_, stations_, progress);
  out->version_ = version_ + 1;
  return out;
}

std::unique_ptr<Scenario> Scenario::copy(uint32_t id, std::string name) const {
  std::unique_ptr<Scenario> out(new Scenario());
  out->ws_ = ws_;
  out->id_ = id;
  out->name_ = std::move(name);
  out->stations_ = stations_;
  out->snaps_ = snaps_;
  out->pieces_ = pieces_;
  out->state_ = state_;
  out->scratch_ = std::make_unique<CoverScratch>(ws_->city().graph);
  return out;
}

uint32_t Scenario::active_count() const {
  uint32_t n = 0;
  for (const auto& s : stations_) n += s.has_value();
  return n;
}

std::vector<uint32_t> Scenario::active_slots() const {
  std::vector<uint32_t> out;
  for (uint32_t s = 0; s < slots(); ++s)
    if (active(s)) out.push_back(s);
  return out;
}

std::vector<PlanStation> Scenario::stations() const {
  std::vector<PlanStation> out;
  for (const auto& s : stations_)
    if (s) out.push_back(*s);
  return out;
}

void Scenario::compute_slot(uint32_t slot) {
  SlotResult r = compute(*ws_, stations_[slot]->xy, *scratch_);
  snaps_[slot] = r.snap;
  pieces_[slot] = std::move(r.pieces);
  state_.replace(slot, std::move(r.cover));
}

void Scenario::set(uint32_t slot, std::optional<PlanStation> station) {
  if (slot > slots()) throw std::out_of_range("Scenario::set: slot beyond the end");
  const auto t0 = Clock::now();
  if (slot == slots()) {
    stations_.emplace_back();
    snaps_.emplace_back();
    pieces_.emplace_back();
    state_.add(SiteCover{});
    state_.remove(slot);
  }
  const bool was = stations_[slot].has_value();
  const bool moved = !was || !station || stations_[slot]->xy.x != station->xy.x ||
                     stations_[slot]->xy.y != station->xy.y;
  stations_[slot] = std::move(station);
  if (!stations_[slot]) {
    state_.remove(slot);
    snaps_[slot] = Snap{};
    pieces_[slot].clear();
  } else if (moved) {
    compute_slot(slot);
  }
  last_edit_ms_ = ms_since(t0);
  ++version_;
}

uint32_t Scenario::add(PlanStation station) {
  const uint32_t slot = slots();
  set(slot, std::move(station));
  return slot;
}

}  // namespace yz
