#include "app/input_script.hpp"

#include <imgui.h>

#include "app/render/gl.hpp"  // GLFW key codes: the GLFW backend keeps io.KeysDown by them

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/util/error.hpp"

namespace yz::app {
namespace {

int key_code(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
    return GLFW_KEY_A + (name[0] - 'a');
  if (name.size() == 1 && std::isdigit(static_cast<unsigned char>(name[0])))
    return GLFW_KEY_0 + (name[0] - '0');
  static const std::map<std::string, int> named{
      {"delete", GLFW_KEY_DELETE}, {"backspace", GLFW_KEY_BACKSPACE}, {"escape", GLFW_KEY_ESCAPE},
      {"home", GLFW_KEY_HOME},     {"enter", GLFW_KEY_ENTER},         {"tab", GLFW_KEY_TAB}};
  const auto it = named.find(name);
  return it == named.end() ? -1 : it->second;
}

}  // namespace

InputScript InputScript::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open the input script");
  InputScript s;
  s.path_ = path;
  std::string text;
  for (int line_no = 1; std::getline(in, text); ++line_no) {
    if (const size_t hash = text.find('#'); hash != std::string::npos) text.resize(hash);
    std::istringstream ls(text);
    std::string verb;
    if (!(ls >> verb)) continue;
    auto bad = [&](const std::string& why) {
      return InputError(path, "line " + std::to_string(line_no) + ": " + why);
    };
    // A POINT: "X Y" or "station:N".
    auto point = [&](Frame& f) {
      std::string a;
      if (!(ls >> a)) throw bad(verb + " needs a point (X Y or station:N)");
      if (a.rfind("station:", 0) == 0) {
        try {
          f.station = std::stoi(a.substr(8));
        } catch (const std::exception&) {
          throw bad("station:N needs a slot number");
        }
        f.where = Where::station;
        return;
      }
      try {
        f.x = std::stof(a);
      } catch (const std::exception&) {
        throw bad("'" + a + "' is not a pixel coordinate");
      }
      if (!(ls >> f.y)) throw bad(verb + " needs X and Y");
      f.where = Where::absolute;
    };
    Frame f;
    f.line = line_no;
    auto push = [&](Frame g) { s.frames_.push_back(g); };
    // Each later frame of a step stays where the step put the pointer.
    auto at_anchor = [&](float dx, float dy, bool down) {
      Frame g;
      g.line = line_no;
      g.where = Where::from_anchor;
      g.x = dx, g.y = dy;
      g.left_down = down;
      return g;
    };
    if (verb == "move") {
      point(f);
      push(f);
    } else if (verb == "click" || verb == "doubleclick") {
      point(f);
      push(f);  // arrive
      for (int n = verb == "click" ? 1 : 2; n-- > 0;) {
        push(at_anchor(0, 0, true));
        push(at_anchor(0, 0, false));
      }
    } else if (verb == "drag") {
      point(f);
      float dx = 0, dy = 0;
      if (!(ls >> dx >> dy)) throw bad("drag needs a point and DX DY");
      push(f);
      push(at_anchor(0, 0, true));
      constexpr int kSteps = 8;
      for (int i = 1; i <= kSteps; ++i) push(at_anchor(dx * i / kSteps, dy * i / kSteps, true));
      push(at_anchor(dx, dy, false));
    } else if (verb == "wheel") {
      point(f);
      if (!(ls >> f.wheel)) throw bad("wheel needs a point and a number of notches");
      push(f);
    } else if (verb == "key") {
      std::string k;
      if (!(ls >> k)) throw bad("key needs a name");
      for (size_t plus; (plus = k.find('+')) != std::string::npos;) {
        const std::string mod = k.substr(0, plus);
        if (mod == "ctrl")
          f.ctrl = true;
        else if (mod == "shift")
          f.shift = true;
        else
          throw bad("unknown modifier '" + mod + "' (ctrl, shift)");
        k.erase(0, plus + 1);
      }
      f.key = key_code(k);
      if (f.key < 0) throw bad("unknown key '" + k + "'");
      push(f);
      Frame up;  // released on the next frame
      up.line = line_no;
      push(up);
    } else if (verb == "type") {
      std::string text;
      if (!(ls >> text)) throw bad("type needs the text to type");
      // One character a frame, as keys are pressed (UTF-8 sequences kept whole).
      for (size_t i = 0; i < text.size();) {
        size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        Frame g;
        g.line = line_no;
        g.text = text.substr(i, n);
        push(g);
        i += n;
      }
    } else if (verb == "wait") {
      int n = 0;
      if (!(ls >> n) || n < 0 || n > 10000) throw bad("wait needs a number of frames (0-10000)");
      for (int i = 0; i < n; ++i) push(f);
    } else {
      throw bad("unknown step '" + verb +
                "' (move, click, doubleclick, drag, wheel, key, type, wait)");
    }
    std::string extra;
    if (ls >> extra) throw bad("unexpected '" + extra + "'");
  }
  return s;
}

void InputScript::apply(ImGuiIO& io, const StationAt& station_at) {
  if (done()) return;
  const Frame& f = frames_[next_++];
  switch (f.where) {
    case Where::same:
      break;
    case Where::absolute:
      x_ = anchor_x_ = f.x, y_ = anchor_y_ = f.y;
      break;
    case Where::station: {
      const auto p = station_at(f.station);
      if (!p)
        throw InputError(path_, "line " + std::to_string(f.line) + ": there is no station " +
                                    std::to_string(f.station));
      x_ = anchor_x_ = p->first, y_ = anchor_y_ = p->second;
      break;
    }
    case Where::from_anchor:
      x_ = anchor_x_ + f.x, y_ = anchor_y_ + f.y;
      break;
  }
  io.MousePos = ImVec2(x_, y_);
  io.MouseDown[0] = f.left_down;
  io.MouseWheel += f.wheel;
  if (held_key_ >= 0) io.KeysDown[held_key_] = false;
  held_key_ = f.key;
  if (f.key >= 0) io.KeysDown[f.key] = true;
  io.KeyCtrl = f.ctrl;
  io.KeyShift = f.shift;
  if (!f.text.empty()) io.AddInputCharactersUTF8(f.text.c_str());
}

}  // namespace yz::app
