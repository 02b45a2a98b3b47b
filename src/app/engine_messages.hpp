#pragma once
// The engine's messages (errors and notes about input files) are English; in the Chinese UI the
// common ones are shown in Chinese. A table of patterns over the English wording: file names,
// column names and numbers carry over, and a message no pattern knows stays as it is (it is still
// exact, only not translated).
#include <string>
#include <vector>

#include "app/strings.hpp"

namespace yz::app {

std::string translate_message(const std::string& message, Lang lang);
// Every Chinese text the table can produce (for the font's glyphs).
std::vector<std::string> message_strings();

}  // namespace yz::app
