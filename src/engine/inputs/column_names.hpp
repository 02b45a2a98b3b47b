#pragma once
// Column names and text values as valid UTF-8, and column lookup by alias. Excel on Chinese
// Windows saves CSV as GB18030 (GBK), headers included (经度/纬度/类型); Shapefile (DBF) names hold
// 10 bytes, so a UTF-8 name is often cut inside a character (开放时间 -> "开放时\xe9"). Names are
// decoded and repaired BEFORE they are matched against the known aliases, and a truncated name
// still matches the alias it is the start of.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/inputs/text_encoding.hpp"

namespace yz {

bool is_utf8(std::string_view s);

struct ColumnName {
  std::string utf8;        // valid UTF-8: what matching, outputs and messages use
  bool truncated = false;  // may be the start of a longer name (cut by the DBF 10-byte limit)
};

// A column name as valid UTF-8 in the file's encoding (text_encoding.hpp): a multi-byte character
// cut off at the end is dropped (and the name marked truncated), any other invalid byte becomes
// U+FFFD. `dbf`: the format limits names to 10 bytes, so a name of exactly 10 bytes may be
// truncated too.
ColumnName column_name(std::string_view raw, bool dbf, TextEncoding enc);

// The first column (in alias order) whose name equals an alias, ASCII case-insensitively; failing
// that, a truncated column whose name starts an alias. -1 when none.
int find_column(const std::vector<ColumnName>& columns, std::initializer_list<const char*> aliases);
// The column named exactly `name` (its decoded name), -1 when none.
int column_index(const std::vector<ColumnName>& columns, const std::string& name);

// The same spelling in GB18030 (for handing names to GDAL, which matches raw header bytes); ""
// when `utf8` is ASCII or cannot be encoded.
std::string to_gb18030(const std::string& utf8);

}  // namespace yz
