#pragma once
// Scripted mouse and keys for headless runs (`yizhan gui --input-script FILE`): the steps are fed
// into ImGui's input state one frame at a time, after the GLFW backend has read the idle real
// devices, so the app handles them exactly as a planner's hand on the mouse and keyboard. Tests
// use it to check what-if editing end to end (Add tool + click adds, drag moves, Delete removes,
// Ctrl+Z undoes).
//
// One step per line ('#' starts a comment). POINT is "X Y" in window pixels (ImGui floors them
// to whole pixels) or "station:N", the current screen position of station slot N.
//   move POINT              put the pointer there
//   click POINT             press and release the left button there
//   doubleclick POINT       two clicks in quick succession
//   drag POINT DX DY        press at POINT, move by (DX, DY) pixels in steps, release
//   wheel POINT N           turn the wheel N notches there (positive zooms in)
//   key [ctrl+][shift+]NAME press and release a key: a letter or digit, delete, backspace,
//                           escape, home, enter, tab
//   type TEXT               type these characters into the focused field (no spaces), one a frame
//   wait N                  let N frames pass
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct ImGuiIO;

namespace yz::app {

class InputScript {
 public:
  // Throws InputError naming the file and line for anything it does not understand.
  static InputScript load(const std::string& path);

  bool done() const { return next_ >= frames_.size(); }
  // Screen position of a station slot (nullopt when there is no such station).
  using StationAt = std::function<std::optional<std::pair<float, float>>(int slot)>;
  // Feeds this frame's step into `io`; call between the backend's NewFrame and ImGui::NewFrame.
  // Throws InputError when a step names a station that is not there.
  void apply(ImGuiIO& io, const StationAt& station_at);

 private:
  // One frame of input. Where the pointer is: unchanged, at (x, y), at a station slot's current
  // position plus (x, y), or at the last resolved position of a station step (the drag's start:
  // the station itself moves while it is dragged) plus (x, y).
  enum class Where { same, absolute, station, from_anchor };
  struct Frame {
    Where where = Where::same;
    int station = -1;
    float x = 0, y = 0;
    bool left_down = false;
    float wheel = 0;
    int key = -1;  // GLFW key code held down this frame
    bool ctrl = false, shift = false;
    std::string text;  // characters typed this frame
    int line = 0;
  };
  std::string path_;
  std::vector<Frame> frames_;
  size_t next_ = 0;
  float x_ = 0, y_ = 0, anchor_x_ = 0, anchor_y_ = 0;
  int held_key_ = -1;
};

}  // namespace yz::app
