#pragma once
// The desktop window: GLFW + ImGui frame loop over the map view and panels, mouse/keyboard
// editing, and a headless screenshot mode (render N frames, read back, write PNG).
#include <string>

#include "app/scenario.hpp"
#include "app/strings.hpp"

namespace yz::app {

struct AppOptions {
  std::string screenshot;  // PNG path: render `frames` frames, save, exit
  int frames = 5;
  Lang lang = Lang::en;
  int width = 1280, height = 800;
};

// Returns a process exit code; throws std::runtime_error when no window/GL context can be made.
int run_app(AppInputs inputs, const AppOptions& opt);

}  // namespace yz::app
