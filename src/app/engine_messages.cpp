#include "app/engine_messages.hpp"

#include <filesystem>
#include <regex>

namespace yz::app {
namespace {

struct Pattern {
  const char *en, *zh;  // ECMAScript regex over the English message; replacement with $1, $2, ...
};

// Longer, more specific wordings first: each pattern rewrites what it matches and later ones see
// the result (already Chinese parts match nothing).
constexpr Pattern kPatterns[] = {
    // Files
    {"session file not found", "找不到项目文件"},
    {"file not found", "找不到文件"},
    {"the session file is empty", "项目文件为空"},
    {"file is empty after decompression", "解压后文件为空"},
    {"file is empty", "文件为空"},
    {"cannot open file", "无法打开文件"},
    {"cannot create a temporary file to decompress into", "无法创建解压用的临时文件"},
    {"corrupt or truncated (gzip|bzip2) data", "$1 压缩数据已损坏或不完整"},
    {"is a folder, not a session file", "是文件夹，不是项目文件"},
    // OpenStreetMap and road maps
    {"truncated OSM PBF file: it ends inside block (\\d+) \\(at byte (\\d+)\\); the file was cut "
     "short, e\\.g\\. by an interrupted download or copy",
     "OSM PBF 文件不完整：在第 $1 个数据块内（第 $2 "
     "字节处）中断；文件被截断了，例如下载或复制时中断"},
    {"truncated OpenStreetMap file: the XML stops before its closing </osm>",
     "OpenStreetMap 文件不完整：XML 在结尾的 </osm> 之前中断"},
    {"contains no roads: its (\\d+) nodes are followed by no ways at all \\(is the file "
     "truncated, cut before its ways\\?\\)",
     "不含道路：文件中的 $1 个节点之后没有任何路线（文件是否在路线之前被截断？）"},
    {"(\\d+) of (\\d+) roads reference nodes missing from the file \\(the file may be clipped "
     "or truncated\\): (\\d+) dropped entirely \\(fewer than 2 of their nodes present\\), "
     "(\\d+) shortened to the nodes present; (\\d+) straight jumps longer than (\\d+) m "
     "across missing nodes were cut \\((\\d+) m in all\\)",
     "$2 条道路中有 $1 条引用了文件中缺失的节点（文件可能被裁剪或截断）：$3 "
     "条整条舍弃（现存节点不足 "
     "2 个），$4 条按现存节点缩短；跨越缺失节点、长于 $6 米的直线段 $5 段已切除（共 $7 米）"},
    {"(\\d+) of (\\d+) nodes carry no tags and belong to no way: the ways that used them are "
     "missing \\(the file may be truncated, e\\.g\\. cut at a block boundary, or filtered\\)",
     "$2 个节点中有 $1 个既无标签也不属于任何路线：用到它们的路线缺失（文件可能被截断，例如在数据块"
     "边界处，或经过筛选）"},
    {"corrupt or truncated OpenStreetMap file", "OpenStreetMap 文件已损坏或不完整"},
    {"not a readable OpenStreetMap file", "不是可读的 OpenStreetMap 文件"},
    {"truncated OSM PBF file", "OSM PBF 文件不完整（被截断）"},
    {"not an OSM PBF file \\(bad block header\\)", "不是 OSM PBF 文件（数据块头无效）"},
    {"damaged OSM PBF block( \\(zlib\\))?", "OSM PBF 数据块已损坏"},
    {"not a readable vector map \\(no GDAL driver could open it",
     "不是可读的矢量地图（没有 GDAL 驱动能打开它"},
    {"contains no roads \\(no line features with a road class\\)",
     "不含道路（没有带道路等级的线要素）"},
    {"contains roads but none is walkable under the tag profile",
     "含有道路，但按步行标签规则没有一条可步行"},
    {"the walkable roads form no network \\(no line has length\\)",
     "可步行道路构不成路网（没有长度大于零的线）"},
    {"contains no layers", "不含任何图层"},
    {"has no layer named '([^']*)'", "没有名为“$1”的图层"},
    {"has no layer of points or polygons", "没有点或面图层"},
    {"its coordinate reference system cannot be transformed to WGS-84",
     "其坐标参考系无法转换为 WGS-84"},
    // Point layers (stations, candidates, workers)
    {"cannot be read as CSV \\(first line: '(.*)'\\); use a comma, semicolon or tab as the "
     "delimiter, with a header row naming the longitude/latitude columns",
     "无法按 CSV 读取（首行：“$1”）；请用逗号、分号或制表符分隔，并在表头写明经度/纬度列"},
    {"has no longitude/latitude columns \\(looked for .*; columns are: (.*)\\)\\. Is the delimiter "
     "a comma, semicolon or tab\\?",
     "没有经度/纬度列（可用列名：lon/lng/longitude/x/经度 与 lat/latitude/y/纬度；现有列：$1）。"
     "分隔符是逗号、分号还是制表符？"},
    {"not a readable table or vector layer", "不是可读的表格或矢量图层"},
    {"has no weight column \\(name it weight/workers/count or pass the column name\\)",
     "没有权重列（请命名为 weight/workers/count，或指定列名）"},
    {"has no column '([^']*)'", "没有“$1”列"},
    {"no {what} fall on the map, but they would with longitude and "
     "latitude swapped: check that the longitude column holds longitude \\(e\\.g\\. 118\\.8\\) and "
     "latitude holds latitude \\(e\\.g\\. 32\\.0\\)",
     "没有{what}落在地图范围内，但经纬度互换后就会落入：请检查经度列是否为经度（如 "
     "118.8）、纬度列是否为纬度（如 32.0）"},
    {"contains no {what} \\(the layer is empty\\)", "图层为空，没有{what}"},
    {"none of the (\\d+) {what} could be used \\((.*)\\)$", "$1 个{what}都无法使用（$2）"},
    {"none of the (\\d+) {what} could be used", "$1 个{what}都无法使用"},
    {"no usable {what}", "没有可用的{what}"},
    {"read (\\d+) {what}, kept (\\d+), dropped (\\d+)", "读取 $1 个{what}，保留 $2 个，舍弃 $3 个"},
    {"longitude/latitude swapped\\? \\(on the map if exchanged\\)",
     "经纬度互换？（互换后在地图内）"},
    // Why a row was dropped: the attribute named in Chinese, never left in English.
    {"missing or non-numeric weight", "权重缺失或不是数字"},
    {"missing or non-numeric count", "人数缺失或不是数字"},
    {"non-numeric coordinates", "坐标不是数字"},
    {"non-numeric area", "面积不是数字"},
    {"non-numeric cost", "费用不是数字"},
    {"non-numeric capacity", "容量不是数字"},
    {"negative area", "面积为负数"},
    {"negative cost", "费用为负数"},
    {"negative capacity", "容量为负数"},
    {"negative count", "人数为负数"},
    {"coordinates are not longitude/latitude", "坐标不是经纬度"},
    {"coordinates cannot be transformed", "坐标无法转换"},
    {"missing or invalid coordinates", "坐标缺失或无效"},
    {"missing coordinates", "缺少坐标"},
    {"NaN coordinates", "坐标为 NaN"},
    {"infinite coordinates", "坐标为无穷大"},
    {"outside the map", "在地图范围外"},
    {"invalid geometry", "几何无效"},
    {"not a point", "不是点"},
    {"could not snap", "无法接入路网"},
    // Sessions
    {"none of its (.*) lies on the map \\(the nearest is (\\d+) km from the map's centre\\) "
     "(.*): was the map file replaced by another place's map\\? Put the session's own map back, "
     "or open this map as a new session",
     "其 $1 都不在地图 $3 范围内（最近的距地图中心 $2 公里）：地图文件是否被换成了别处的地图？"
     "请放回项目文件原来的地图，或把这张地图作为新项目打开"},
    {"(\\d+) of (.*) lie outside the map (.*) \\(the nearest is (\\d+) km from its centre\\): "
     "is this the right map\\?",
     "$2 中有 $1 个位于地图 $3 范围之外（最近的距其中心 $4 公里）：地图是否正确？"},
    {"is a GeoPackage but not a Yizhan session \\(no yizhan_session table\\)",
     "是 GeoPackage，但不是驿站项目文件（没有 yizhan_session 表）"},
    {"not a readable GeoPackage \\(damaged or not a session\\)",
     "不是可读的 GeoPackage（已损坏或不是项目文件）"},
    {"is not a Yizhan session \\(format entry missing\\)", "不是驿站项目文件（缺少格式信息）"},
    {"was written by a newer Yizhan \\(session format ", "由更新版本的驿站写入（项目文件格式 "},
    {"cannot open its map: ", "无法打开其地图："},
    {"its demand layer is missing or empty", "其劳动者图层缺失或为空"},
    {"holds no scenario", "不含任何方案"},
    {"the last scenario cannot be removed", "最后一个方案不能删除"},
    // Rasters
    {"the raster is not georeferenced \\(no geotransform\\)", "栅格没有地理参照（无地理变换参数）"},
    {"the raster is empty \\(no cells or no bands\\)", "栅格为空（没有像元或波段）"},
    {"the raster holds no workers \\(no cell has a value above 0\\)",
     "栅格中没有劳动者（没有大于 0 的像元）"},
    {"the raster lies outside the map", "栅格位于地图范围之外"},
    {"no raster cell with workers is within reach of a walkable street",
     "有劳动者的栅格像元都不在可步行街道附近"},
    // Jobs
    {"^cancelled$", "已取消"},
};

// "{what}" in a pattern stands for the kind of point a layer holds, in both languages.
constexpr std::pair<const char*, const char*> kWhat[] = {
    {"stations", "站点"}, {"candidates", "候选点"}, {"demand points", "劳动者点"}};

std::string with_what(std::string s, const char* what) {
  for (size_t at; (at = s.find("{what}")) != std::string::npos;) s.replace(at, 6, what);
  return s;
}

// Each pattern as regex + replacement, "{what}" patterns once per kind.
const std::vector<std::pair<std::regex, std::string>>& compiled() {
  static const auto* c = [] {
    auto* v = new std::vector<std::pair<std::regex, std::string>>;
    for (const Pattern& p : kPatterns) {
      if (std::string(p.en).find("{what}") == std::string::npos) {
        v->emplace_back(std::regex(p.en), p.zh);
        continue;
      }
      for (const auto& [en, zh] : kWhat)
        v->emplace_back(std::regex(with_what(p.en, en)), with_what(p.zh, zh));
    }
    return v;
  }();
  return *c;
}

}  // namespace

std::string translate_message(const std::string& message, Lang lang) {
  if (lang != Lang::zh) return message;
  // File names are never translated: the message's source (before the first ": ") and any
  // later ": "-separated part naming something on disk are set aside, then put back.
  std::vector<std::string> kept;
  std::string s;
  const std::string sep = ": ";
  size_t start = 0;
  for (size_t part = 0;; ++part) {
    const size_t end = message.find(sep, start);
    const std::string seg = message.substr(start, end == std::string::npos ? end : end - start);
    std::error_code ec;
    const bool name = (part == 0 && end != std::string::npos) ||
                      (!seg.empty() && std::filesystem::exists(seg, ec));
    if (name) {
      s += '\x01' + std::to_string(kept.size()) + '\x02';
      kept.push_back(seg);
    } else {
      s += seg;
    }
    if (end == std::string::npos) break;
    s += sep;
    start = end + sep.size();
  }
  for (const auto& [re, zh] : compiled()) s = std::regex_replace(s, re, zh);
  for (size_t i = kept.size(); i-- > 0;) {
    const std::string mark = '\x01' + std::to_string(i) + '\x02';
    if (const size_t at = s.find(mark); at != std::string::npos)
      s.replace(at, mark.size(), kept[i]);
  }
  return s;
}

std::vector<std::string> message_strings() {
  std::vector<std::string> out;
  for (const Pattern& p : kPatterns)
    for (const auto& w : kWhat) out.push_back(with_what(p.zh, w.second));
  return out;
}

}  // namespace yz::app
