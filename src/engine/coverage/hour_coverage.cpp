#include "engine/coverage/hour_coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace yz {

DemandGroups demand_groups(const PointSet& demand, const WorkerProfiles& profiles) {
  DemandGroups g;
  std::vector<int> column;  // pass-through column per group (the last group, default, has none)
  for (const auto& p : profiles.groups) {
    if (p.name == "default") continue;
    for (size_t c = 0; c < demand.attr_names.size(); ++c)
      if (demand.attr_names[c] == p.name || demand.attr_names[c] == "c_" + p.name) {
        g.names.push_back(p.name);
        g.profiles.push_back(&p);
        column.push_back(static_cast<int>(c));
        break;
      }
  }
  g.names.push_back("default");
  g.profiles.push_back(&profiles.fallback());
  const size_t G = g.names.size();
  g.share.assign(demand.size() * G, 0);
  uint32_t bad = 0;
  for (size_t d = 0; d < demand.size(); ++d) {
    double used = 0;
    for (size_t k = 0; k + 1 < G; ++k) {
      const std::string& s = demand.attr_values[d][column[k]];
      char* end = nullptr;
      double v = s.empty() ? 0 : std::strtod(s.c_str(), &end);
      if (!s.empty() && (end == s.c_str() || !(v >= 0))) v = 0, ++bad;
      g.share[d * G + k] = v;
      used += v;
    }
    // Columns that add up to more than the point's weight are scaled down to it.
    const double w = demand.weight[d];
    if (used > w && used > 0)
      for (size_t k = 0; k + 1 < G; ++k) g.share[d * G + k] *= w / used;
    g.share[d * G + G - 1] = std::max(0.0, w - std::min(used, w));
  }
  if (G > 1) {
    std::string names;
    for (size_t k = 0; k + 1 < G; ++k) names += (names.empty() ? "" : ", ") + g.names[k];
    g.notes.push_back("worker groups from the demand's columns: " + names +
                      "; the rest of the weight uses the 'default' profile");
  } else {
    g.notes.push_back(
        "the demand has no worker-group columns: all of it uses the 'default' profile");
  }
  if (bad) g.notes.push_back(fmt::format("{} group values not numbers, read as 0", bad));
  return g;
}

HourCoverage hour_coverage(const std::vector<SiteCover>& covers,
                           const std::vector<WeekSchedule>& schedules,
                           const std::vector<double>& weight, const DemandGroups& groups,
                           double peak_share) {
  const size_t S = covers.size(), G = groups.names.size(), D = weight.size();
  std::array<std::vector<std::vector<uint32_t>>, 4> lists;
  for (int c = 0; c < 4; ++c)
    for (const auto& cv : covers) lists[c].push_back(cv.covered(kAllCriteria[c]));
  // Covered workers per group for one set of open stations: [c * G + g].
  std::vector<uint32_t> stamp(D, 0);
  uint32_t now = 0;
  auto evaluate = [&](const std::vector<bool>& open) {
    std::vector<double> out(4 * G, 0);
    for (int c = 0; c < 4; ++c) {
      ++now;
      for (size_t s = 0; s < S; ++s)
        if (open[s])
          for (uint32_t d : lists[c][s])
            if (stamp[d] != now) {
              stamp[d] = now;
              for (size_t g = 0; g < G; ++g) out[c * G + g] += groups.at(d, g);
            }
    }
    return out;
  };
  std::map<std::vector<bool>, size_t> index;
  std::vector<std::vector<double>> results;
  std::array<std::array<size_t, kQuartersPerDay>, 7> slot{};
  std::array<std::array<int, kQuartersPerDay>, 7> open_count{};
  for (int d = 0; d < 7; ++d)
    for (int q = 0; q < kQuartersPerDay; ++q) {
      std::vector<bool> open(S);
      for (size_t s = 0; s < S; ++s)
        open[s] = s < schedules.size() ? schedules[s].open(d, q) : true;
      open_count[d][q] = static_cast<int>(std::count(open.begin(), open.end(), true));
      auto [it, fresh] = index.emplace(std::move(open), results.size());
      if (fresh) results.push_back(evaluate(it->first));
      slot[d][q] = it->second;
    }
  const std::vector<double> all_open = evaluate(std::vector<bool>(S, true));

  HourCoverage hc;
  hc.open_sets = static_cast<uint32_t>(results.size());
  for (double w : weight) hc.total += w;
  std::vector<double> group_total(G, 0);
  for (size_t d = 0; d < D; ++d)
    for (size_t g = 0; g < G; ++g) group_total[g] += groups.at(d, g);
  const int first[2] = {0, 5}, last[2] = {5, 7};
  // Mean over the hour's quarters on the day type's days of f(result).
  auto mean = [&](int t, int h, auto&& f) {
    double s = 0;
    int n = 0;
    for (int d = first[t]; d < last[t]; ++d)
      for (int q = h * 4; q < h * 4 + 4; ++q, ++n) s += f(d, q, results[slot[d][q]]);
    return s / n;
  };
  for (int t = 0; t < 2; ++t)
    for (int h = 0; h < 24; ++h) {
      HourRow& row = hc.by[t][h];
      row.open_stations = mean(t, h, [&](int d, int q, const auto&) { return open_count[d][q]; });
      for (size_t g = 0; g < G; ++g) row.active += group_total[g] * groups.profiles[g]->share(t, h);
      for (int c = 0; c < 4; ++c) {
        row.covered[c] = mean(t, h, [&](int, int, const std::vector<double>& r) {
          double s = 0;
          for (size_t g = 0; g < G; ++g) s += r[c * G + g];
          return s;
        });
        row.active_covered[c] = mean(t, h, [&](int, int, const std::vector<double>& r) {
          double s = 0;
          for (size_t g = 0; g < G; ++g) s += r[c * G + g] * groups.profiles[g]->share(t, h);
          return s;
        });
      }
      const double days = t == 0 ? 5 : 2;
      hc.worker_hours += days * row.active;
      for (int c = 0; c < 4; ++c) {
        hc.worker_hours_covered[c] += days * row.active_covered[c];
        double open_all = 0;
        for (size_t g = 0; g < G; ++g)
          open_all += all_open[c * G + g] * groups.profiles[g]->share(t, h);
        hc.worker_hours_if_open[c] += days * open_all;
      }
    }
  WorkerProfiles peak_rule;
  peak_rule.peak_share = peak_share;
  for (size_t g = 0; g < G; ++g) {
    if (group_total[g] <= 0) continue;
    GroupPeak gp;
    gp.group = groups.names[g];
    gp.workers = group_total[g];
    for (int t = 0; t < 2; ++t) {
      gp.hours[t] = peak_rule.peak_hours(*groups.profiles[g], t == 1);
      for (int c = 0; c < 4; ++c) {
        double s = 0;
        for (int h : gp.hours[t])
          s += mean(t, h, [&](int, int, const std::vector<double>& r) { return r[c * G + g]; });
        gp.covered[t][c] = gp.hours[t].empty() ? 0 : s / gp.hours[t].size();
        gp.if_open[t][c] = all_open[c * G + g];
      }
    }
    hc.peaks.push_back(std::move(gp));
  }
  return hc;
}

}  // namespace yz
