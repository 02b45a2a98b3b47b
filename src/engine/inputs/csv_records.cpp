#include "engine/inputs/csv_records.hpp"

#include <algorithm>

#include "engine/util/msg_codes.hpp"

namespace yz {

std::vector<CsvRecord> scan_csv_records(std::string_view b) {
  std::vector<CsvRecord> out;
  const size_t n = b.size();
  size_t i = 0;
  uint64_t line = 1;
  while (i < n) {
    // An empty line is no record.
    if (b[i] == '\n') {
      ++i, ++line;
      continue;
    }
    if (b[i] == '\r') {  // CRLF, or a lone CR (old Mac files; GDAL ends lines there too)
      i += i + 1 < n && b[i + 1] == '\n' ? 2 : 1;
      ++line;
      continue;
    }
    CsvRecord r;
    r.begin = i;
    r.line = line;
    bool quoted = false, ended = false;
    size_t line_start = i;
    for (; i < n && !ended; ++i) {
      const char c = b[i];
      if (c == '\0') {
        r.nul = true;
      } else if (c == '"') {
        if (!quoted) r.quote_line = line;
        quoted = !quoted;
      } else if (c == '\n' || (c == '\r' && (i + 1 == n || b[i + 1] != '\n'))) {
        const size_t len = i - line_start - (c == '\n' && i > line_start && b[i - 1] == '\r');
        r.longest_line = std::max(r.longest_line, len);
        r.last_line = line;
        ++line;
        line_start = i + 1;
        ended = !quoted;
      }
    }
    if (!ended) {  // the file ends inside this record
      r.longest_line = std::max(r.longest_line, i - line_start);
      r.last_line = i > line_start ? line : line - 1;
      r.unterminated = quoted;
    }
    r.end = i;
    out.push_back(r);
  }
  return out;
}

Message csv_record_detail(const CsvRecord& r) {
  Message where = r.last_line > r.line
                      ? Message(Msg::csv_where_lines, {{"from", r.line}, {"to", r.last_line}})
                      : Message(Msg::csv_where_line, {{"line", r.line}});
  if (r.unterminated)
    return Message(Msg::csv_detail_quote, {{"quote", r.quote_line}, MsgArg("where", where)});
  if (r.nul) return where;
  if (r.longest_line > kGdalCsvMaxLineBytes)
    return Message(Msg::csv_detail_long, {MsgArg("where", where), {"bytes", r.longest_line}});
  return Message::raw("");
}

std::string csv_record_problem(const CsvRecord& r, std::string& detail) {
  const std::string where =
      r.last_line > r.line ? "lines " + std::to_string(r.line) + "–" + std::to_string(r.last_line)
                           : "line " + std::to_string(r.line);
  if (r.unterminated) {
    detail = "the quote opened on line " + std::to_string(r.quote_line) + " never closes, so " +
             where + " (to the end of the file) form one field";
    return "quote never closed";
  }
  if (r.nul) {
    detail = where;
    return "NUL byte in the row";
  }
  if (r.longest_line > kGdalCsvMaxLineBytes) {
    detail = where + ": " + std::to_string(r.longest_line) + " bytes";
    return "line longer than GDAL's 10 MB limit";
  }
  detail.clear();
  return {};
}

}  // namespace yz
