#include "engine/siting/mobile_round.hpp"

#include <fmt/format.h>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::siting {

std::vector<RoundStop> mobile_round(const std::vector<uint32_t>& chosen,
                                    const std::vector<Vec2>& xy, const TimeObjective& t) {
  std::vector<RoundStop> round;
  if (chosen.empty()) return round;
  const int from = t.window ? t.from_q : 0;
  const int len =
      t.window ? (t.to_q > t.from_q ? t.to_q - t.from_q : kQuartersPerDay - t.from_q + t.to_q)
               : kQuartersPerDay;
  const int k = static_cast<int>(chosen.size());
  if (len < k)
    throw CodedParamError("k", Msg::mobile_stops_do_not_fit, {{"count", k}, {"value", len}});
  // Order: from the first-ranked stop, always the nearest not yet visited (ties: lower rank).
  std::vector<bool> used(chosen.size(), false);
  std::vector<uint32_t> order{0};
  used[0] = true;
  while (order.size() < chosen.size()) {
    const Vec2 at = xy[chosen[order.back()]];
    int best = -1;
    double best_d = 0;
    for (size_t j = 0; j < chosen.size(); ++j) {
      if (used[j]) continue;
      const double d = distance(at, xy[chosen[j]]);
      if (best < 0 || d < best_d) best = static_cast<int>(j), best_d = d;
    }
    used[best] = true;
    order.push_back(static_cast<uint32_t>(best));
  }
  int q = from;
  for (int i = 0; i < k; ++i) {
    const int share = len / k + (i < len % k ? 1 : 0);
    RoundStop s;
    s.site = chosen[order[i]];
    s.from_q = q % kQuartersPerDay;
    s.to_q = (q + share) % kQuartersPerDay;
    q += share;
    round.push_back(s);
  }
  return round;
}

MobileSchedule round_schedule(const std::vector<RoundStop>& round, const std::string& id,
                              const std::vector<Vec2>& lonlat, const std::vector<Vec2>& xy,
                              const TimeObjective& t) {
  MobileSchedule ms;
  ms.source = "suggest --mobile";
  const std::string days = t.days == 0x1f ? "Mo-Fr" : t.days == 0x60 ? "Sa,Su" : "";
  auto hhmm = [](int q) { return fmt::format("{:02d}:{:02d}", q / 4, q % 4 * 15); };
  uint32_t order = 0;
  for (const RoundStop& r : round) {
    MobileStop s;
    s.station = id;
    s.order = ++order;
    s.lonlat = lonlat[r.site], s.xy = xy[r.site];
    s.days_text = days;
    s.hours_text = hhmm(r.from_q) + "-" + hhmm(r.to_q == 0 ? kQuartersPerDay : r.to_q);
    std::string problem;
    stop_schedule(days, r.from_q, r.to_q, s.when, problem);
    s.row = order - 1;
    ms.stops.push_back(std::move(s));
  }
  return ms;
}

}  // namespace yz::siting
