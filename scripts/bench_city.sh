#!/usr/bin/env bash
# Writes the synthetic city of issue 11 (yizhan-gen-city: a real .osm.pbf, fixed seed) and times
# loading it through the same path a planner's file takes: `yizhan bench`, then `osmium fileinfo
# -e` (libosmium reading and counting every object) on the same file for comparison.
#   scripts/bench_city.sh [GRID] [BUILD_DIR]     GRID: intersections per side (default 700 =
#                                                3.66 M OSM nodes; 200 for a quick run)
set -euo pipefail
grid=${1:-700}
build=${2:-build/release}
out=${YIZHAN_BENCH_DIR:-/tmp/yizhan-bench}
mkdir -p "$out"
city="$out/city_${grid}.osm.pbf"
stations="$out/stations_${grid}.csv"
if [[ ! -f "$city" ]]; then
  "$build/tools/yizhan-gen-city" "$city" --grid "$grid" --stations 6000 --stations-csv "$stations"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/src/cli/yizhan" bench --map "$city"
if command -v osmium >/dev/null; then
  TIMEFORMAT='osmium fileinfo -e    %R s wall (same file)'
  time osmium fileinfo -e "$city" >/dev/null
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
