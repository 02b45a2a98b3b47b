#pragma once
// When outdoor workers need a station (data/worker_profiles.json): per worker group, the share
// of its workers out on the street in each hour of a weekday and of a weekend day. These are
// editable assumptions, not measurements; "default" serves demand without groups.
#include <array>
#include <string>
#include <vector>

namespace yz {

struct WorkerProfile {
  std::string name, label_zh;
  std::array<double, 24> weekday{}, weekend{};  // share in [0, 1] per hour
  double share(bool weekend_day, int hour) const {
    return weekend_day ? weekend[hour] : weekday[hour];
  }
};

struct WorkerProfiles {
  std::string source;
  double peak_share = 0.8;  // peak hours: at or above this share of the group's busiest hour
  std::vector<WorkerProfile> groups;

  // Throws InputError naming the file and the group on a malformed file (24 numbers in [0, 1]
  // per day type, a "default" group).
  static WorkerProfiles load(const std::string& path);
  static WorkerProfiles load_default();  // data/worker_profiles.json

  // The group's profile; nullptr when the file has none of that name.
  const WorkerProfile* find(const std::string& name) const;
  const WorkerProfile& fallback() const;  // "default"
  // Hours (0-23) at or above peak_share of the profile's busiest hour on that day type.
  std::vector<int> peak_hours(const WorkerProfile& p, bool weekend_day) const;
};

}  // namespace yz
