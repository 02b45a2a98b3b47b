#include "engine/export/station_webmap_csv.hpp"

#include <fmt/format.h>

#include <sstream>

#include "engine/export/station_webmap_table.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {
// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
}  // namespace

void write_station_webmap_csv(const std::string& path, const CoverageStudy& st, bool bom,
                              ReportLang lang) {
  OutputFile out(path);  // staged, moved into place when complete
  const StationWebmapTable t = station_webmap_table(st, lang);
  std::ostringstream f;
  if (bom) f << "\xEF\xBB\xBF";
  for (size_t c = 0; c < t.columns.size(); ++c) f << (c ? "," : "") << csv_field(t.columns[c].name);
  f << "\r\n";
  for (size_t r = 0; r < t.text.size(); ++r) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (c) f << ',';
      const auto& col = t.columns[c];
      f << (col.number ? fmt::format("{:.{}f}", t.value[r][c], col.decimals)
                       : csv_field(t.text[r][c]));
    }
    f << "\r\n";
  }
  FileSink sink(out.path(), path);
  sink.write(f.str());
  sink.close();  // throws the OS's reason (no space left, ...) when a write failed
  out.commit();
}

}  // namespace yz
