#include "engine/session/edit_history.hpp"

#include "engine/session/scenario.hpp"

namespace yz {

void EditHistory::push(Edit e) {
  e.id = next_id_++;
  undo_.push_back(std::move(e));
  redo_.clear();
  if (undo_.size() > max_depth_) {
    // The oldest edit can no longer be undone: its state becomes the base.
    base_id_ = undo_.front().id;
    undo_.erase(undo_.begin());
  }
}

Edit EditHistory::pop_undo() {
  Edit e = std::move(undo_.back());
  undo_.pop_back();
  return e;
}

Edit EditHistory::pop_redo() {
  Edit e = std::move(redo_.back());
  redo_.pop_back();
  return e;
}

void EditHistory::clear() {
  base_id_ = state_id();
  undo_.clear();
  redo_.clear();
}

}  // namespace yz
