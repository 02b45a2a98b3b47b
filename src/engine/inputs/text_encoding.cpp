#include "engine/inputs/text_encoding.hpp"

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <algorithm>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

bool valid_utf8(std::string_view s) {
  return CPLIsUTF8(s.data(), static_cast<int>(s.size())) != 0;
}

// Length of a well-formed UTF-8 sequence at s[i]; 0 when none (`cut`: the string ends inside one).
size_t sequence(std::string_view s, size_t i, bool& cut) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  const size_t n = b >= 0xC2 && b <= 0xDF   ? 2
                   : b >= 0xE0 && b <= 0xEF ? 3
                   : b >= 0xF0 && b <= 0xF4 ? 4
                                            : 0;
  if (n == 0) return 0;
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) {
      cut = true;
      return 0;
    }
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (n == 3 && !valid_utf8(s.substr(i, 3))) return 0;  // overlong or surrogate
  if (n == 4 && !valid_utf8(s.substr(i, 4))) return 0;
  return n;
}

// Valid UTF-8 apart from a character cut off at the very end (DBF names).
bool utf8_but_cut(std::string_view s) {
  bool cut = false;
  for (size_t i = 0; i < s.size();) {
    const size_t n = sequence(s, i, cut);
    if (n == 0) return cut;
    i += n;
  }
  return true;
}

std::string replace_invalid(std::string_view raw) {
  std::string out;
  bool cut = false;
  for (size_t i = 0; i < raw.size();) {
    const size_t n = sequence(raw, i, cut);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += raw.substr(i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace

FileEncoding decide_encoding(std::string_view b, const std::string& source) {
  FileEncoding e;
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) {
    e.bom_bytes = 3;
    e.why = "UTF-8 byte-order mark";
    return e;
  }
  if (starts(std::string_view("\xFF\xFE", 2)) || starts(std::string_view("\xFE\xFF", 2)) ||
      starts(std::string_view("\0\0\xFE\xFF", 4)))
    throw CodedError(source, Msg::utf16_text);
  // Where the first invalid byte is, so the note can point at it.
  size_t at = 0;
  bool cut = false;
  while (at < b.size()) {
    const size_t n = sequence(b, at, cut);
    if (n == 0) break;
    at += n;
  }
  if (at == b.size()) {
    e.why = "the whole file is valid UTF-8";
    return e;
  }
  e.encoding = TextEncoding::gb18030;
  const auto line = 1 + std::count(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  e.why = "line " + std::to_string(line) + " is not UTF-8";
  return e;
}

TextEncoding decide_layer_encoding(OGRLayer& layer) {
  if (layer.TestCapability(OLCStringsAsUTF8)) return TextEncoding::utf8;
  const OGRFeatureDefn& def = *layer.GetLayerDefn();
  for (int i = 0; i < def.GetFieldCount(); ++i)
    if (!utf8_but_cut(def.GetFieldDefn(i)->GetNameRef())) return TextEncoding::gb18030;
  TextEncoding enc = TextEncoding::utf8;
  for (auto& f : layer) {
    for (int i = 0; i < def.GetFieldCount() && enc == TextEncoding::utf8; ++i)
      if (def.GetFieldDefn(i)->GetType() == OFTString && f->IsFieldSetAndNotNull(i) &&
          !valid_utf8(f->GetFieldAsString(i)))
        enc = TextEncoding::gb18030;
    if (enc != TextEncoding::utf8) break;
  }
  layer.ResetReading();
  return enc;
}

std::string to_utf8(std::string_view raw, TextEncoding enc) {
  if (enc == TextEncoding::utf8 || std::all_of(raw.begin(), raw.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      }))
    return valid_utf8(raw) ? std::string(raw) : replace_invalid(raw);
  const std::string v(raw);
  CPLPushErrorHandler(CPLQuietErrorHandler);  // iconv's "could not convert" warnings
  char* r = CPLRecode(v.c_str(), "GB18030", CPL_ENC_UTF8);
  CPLPopErrorHandler();
  std::string out = r ? r : "";
  CPLFree(r);
  return valid_utf8(out) ? out : replace_invalid(out);
}

const char* encoding_name(TextEncoding enc) {
  return enc == TextEncoding::utf8 ? "UTF-8" : "GB18030";
}

}  // namespace yz
