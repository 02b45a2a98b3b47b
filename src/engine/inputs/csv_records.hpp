#pragma once
// The records of a CSV file, counted by RFC 4180 rules independently of GDAL's reader: a quote
// toggles quoting (so "" inside quotes is a quote), a line break (LF, CRLF, or a lone CR as GDAL
// reads it) outside quotes ends a record, an empty line holds none (GDAL skips those too). GDAL's
// reader silently stops or merges rows after a record it cannot read — a NUL byte (its lines are C
// strings, so the rest of the line and the quote that closes it vanish), a line over its 10 MB
// limit, a quote that never closes — so the loader compares its count with this one and names every
// record GDAL missed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/util/message.hpp"

namespace yz {

// GDAL's CSV reader refuses a physical line longer than this (OGR_CSV_MAX_LINE_SIZE, 10 MB).
inline constexpr size_t kGdalCsvMaxLineBytes = 10000000;

struct CsvRecord {
  size_t begin = 0, end = 0;  // its bytes, [begin, end), the line break that ends it included
  uint64_t line = 0;          // the 1-based line it starts on
  uint64_t last_line = 0;     // the line it ends on (> line when a quoted field holds line breaks)
  size_t longest_line = 0;    // bytes in its longest physical line, line break excluded
  bool nul = false;           // holds a NUL byte
  bool unterminated = false;  // a quote opened in it never closes: it runs to the end of the file
  uint64_t quote_line = 0;    // the line where the last quote opened
};

// Every record, the header first.
std::vector<CsvRecord> scan_csv_records(std::string_view bytes);

// Why GDAL's CSV reader cannot read `r` (a fixed phrase, so reasons group), "" when it can;
// `detail` says where.
std::string csv_record_problem(const CsvRecord& r, std::string& detail);
// The same detail by code (message.hpp), for front-ends in other languages.
Message csv_record_detail(const CsvRecord& r);

}  // namespace yz
