#pragma once
// One text encoding per file, decided before any text is read: a byte-order mark wins; else a file
// that is valid UTF-8 throughout is UTF-8; else it is GB18030 (GBK, what Excel on Chinese Windows
// saves). Guessing per string would turn GBK bytes that happen to be valid UTF-8 into mojibake
// (GBK "24小时" is also valid UTF-8: "24Сʱ"), so the decision is never made string by string.
#include <string>
#include <string_view>

class OGRLayer;

namespace yz {

enum class TextEncoding { utf8, gb18030 };

struct FileEncoding {
  TextEncoding encoding = TextEncoding::utf8;
  size_t bom_bytes = 0;  // length of the UTF-8 byte-order mark the file starts with (0 or 3)
  std::string why;       // for notes: "UTF-8 byte-order mark", "not UTF-8 at line 3", ...
};

// The rule above for a whole text file's bytes. A UTF-16/UTF-32 byte-order mark ("Unicode text"
// from Excel) is an InputError naming `source`: GDAL's readers do not read it.
FileEncoding decide_encoding(std::string_view bytes, const std::string& source);

// The rule for a layer of a binary format (DBF without a code page): GDAL's own UTF-8 guarantee
// (OLCStringsAsUTF8) first; else every string value and column name is scanned once (a name cut
// inside its last character by the DBF 10-byte limit still counts as UTF-8).
TextEncoding decide_layer_encoding(OGRLayer& layer);

// `raw` from a file in `enc` as valid UTF-8: GB18030 decoded, any byte still invalid -> U+FFFD.
std::string to_utf8(std::string_view raw, TextEncoding enc);

const char* encoding_name(TextEncoding enc);  // "UTF-8", "GB18030"

}  // namespace yz
