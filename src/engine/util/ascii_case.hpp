#pragma once
// Case-folding of ASCII letters only, for file extensions, column names, option words: bytes of
// UTF-8 text (Chinese column names) pass through unchanged, whatever the C locale says.
#include <string>

namespace yz {

std::string ascii_lower(std::string s);

}  // namespace yz
