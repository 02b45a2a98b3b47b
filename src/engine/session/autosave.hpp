#pragma once
// Autosave and crash recovery. Autosaves go to the user's state folder ($YIZHAN_STATE_DIR, else
// $XDG_STATE_HOME/yizhan, else ~/.local/state/yizhan), one per session file (its name plus a hash
// of its full path) and one for untitled work, so they never clutter the planner's folders. A
// clean exit or an explicit save deletes the autosave; one left behind means the app stopped
// without saving, and the next start offers it back.
#include <optional>
#include <string>

namespace yz {

std::string state_dir();  // created when missing
// "" = untitled work.
std::string autosave_path(const std::string& session_path);

struct Recovery {
  std::string autosave;  // the file to open
  std::string saved_at;  // when it was written (ISO time)
  std::string session;   // the session file it belongs to ("" = untitled)
};
// An autosave newer than the session file it belongs to (any, for untitled work) that reads as a
// session; nullopt otherwise.
std::optional<Recovery> find_recovery(const std::string& session_path);
void discard_autosave(const std::string& session_path);

}  // namespace yz
