#pragma once
// A file chooser drawn with ImGui (Debian packages no native dialog library for ImGui): browse
// folders, filter by the extensions the purpose reads, type a name to save. Remembers the last
// folder between uses.
#include <string>
#include <vector>

#include "app/text/strings.hpp"

namespace yz::app {

enum class FilePurpose : uint8_t {
  open_map,
  open_session,
  open_stations,
  open_candidates,
  open_demand,
  save_session,
  export_folder,
};

class FileDialog {
 public:
  void open(FilePurpose p);
  bool is_open() const { return open_; }
  FilePurpose purpose() const { return purpose_; }
  // Draws the dialog when open; true once the user has chosen (then read chosen()).
  bool draw(Lang lang);
  const std::string& chosen() const { return chosen_; }
  // Extensions (lower case, with dot) a purpose lists; empty = all files.
  static std::vector<std::string> extensions(FilePurpose p);

 private:
  void refresh();
  struct Entry {
    std::string name;
    bool dir = false;
    uintmax_t size = 0;
  };
  FilePurpose purpose_ = FilePurpose::open_map;
  bool open_ = false, just_opened_ = false, show_all_ = false;
  std::string dir_, chosen_, error_;
  char name_[512] = {};
  char path_[1024] = {};
  std::vector<Entry> entries_;
  int picked_ = -1;
};

}  // namespace yz::app
