#include "app/strings.hpp"

#include <array>

namespace yz::app {
namespace {

struct Entry {
  const char* en;
  const char* zh;
};

constexpr std::array<Entry, static_cast<size_t>(Str::count)> kTable = {{
    {"Yizhan - outdoor-worker stations", "驿站 - 户外劳动者服务站"},
    {"Coverage", "覆盖情况"},
    {"Stations", "驿站列表"},
    {"What-if", "假设分析"},
    {"Language", "语言"},
    {"15-min walk", "步行15分钟"},
    {"1 km radius", "1公里半径"},
    {"Both", "两者都满足"},
    {"Either", "任一满足"},
    {"Not covered (walk)", "未覆盖（步行）"},
    {"Covered once", "覆盖一次"},
    {"Covered 2+ times", "覆盖两次以上"},
    {"Walk minutes", "步行分钟"},
    {"Speed km/h", "步速 公里/时"},
    {"Radius m", "半径 米"},
    {"Recompute", "重新计算"},
    {"Name", "名称"},
    {"Workers (walk)", "劳动者（步行）"},
    {"Workers (radius)", "劳动者（半径）"},
    {"Add a station on map click", "点击地图添加驿站"},
    {"Click: add or select. Drag a station: move. Delete: remove. Right-drag/wheel: pan/zoom, "
     "Home: fit.",
     "点击：添加或选择。拖动驿站：移动。Delete键：删除。右键拖动/滚轮：平移/缩放，Home键：全图。"},
    {"Last edit", "上次编辑"},
    {"Selected", "已选择"},
    {"none", "无"},
    {"Remove selected", "删除所选"},
    {"Workers (total)", "劳动者总数"},
    {"Stations", "驿站数"},
    {"N", "北"},
    {"Synthetic demo city", "合成演示城市"},
    {"Walk areas", "步行范围"},
    {"1 km circles", "1公里圆圈"},
    {"Demand: street-length proxy (no worker data given)",
     "需求：按街道长度估算（未提供劳动者数据）"},
}};

}  // namespace

const char* tr(Str s, Lang lang) {
  const Entry& e = kTable[static_cast<size_t>(s)];
  return lang == Lang::zh ? e.zh : e.en;
}

std::vector<std::string> all_strings() {
  std::vector<std::string> out;
  for (const Entry& e : kTable) out.emplace_back(e.en), out.emplace_back(e.zh);
  out.emplace_back("English");
  out.emplace_back("中文");
  out.emplace_back("0123456789.,%:;()[]-+ kmhs");
  return out;
}

}  // namespace yz::app
