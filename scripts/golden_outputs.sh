#!/usr/bin/env bash
# Golden outputs for refactors that must not change behaviour (issue 13): runs one `yizhan` binary
# over the demo city and two shared OSM extracts (coverage, suggest, export, review, demo) and
# writes every printed report and file into OUT. Compare two OUT folders with
# scripts/golden_compare.py. Usage: golden_outputs.sh YIZHAN OUT [DATA_DIR]
set -euo pipefail
yz="$(readlink -f "$1")"
out="$2"
data="${3:-${YIZHAN_DATA_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/data}}"
rm -rf "$out"
mkdir -p "$out"
cd "$out"
run() {  # NAME ARGS...: stdout to NAME.out, stderr to NAME.err, exit status to NAME.rc
  local name="$1"
  shift
  set +e
  "$yz" "$@" >"$name.out" 2>"$name.err"
  echo $? >"$name.rc"
  set -e
}
run demo_city demo-city --out-dir city
run demo demo --json
run demo_text demo
maps=("city/roads.gpkg" "$data/osm/cn_nanjing_xinjiekou.osm" "$data/osm/cn_shanghai_huangpu_drive_osmnx.osm")
names=(demo nanjing shanghai)
for i in 0 1 2; do
  m="${maps[$i]}"
  n="${names[$i]}"
  if [ "$n" = demo ]; then
    st=city/stations.gpkg
    ca=city/candidates.gpkg
    dm=(--demand city/demand.gpkg)
  else
    run "${n}_sites" sites --map "$m" --from-pois all --grid-m 400 --out "${n}_sites.gpkg"
    st="${n}_sites.gpkg"
    ca="${n}_sites.gpkg"
    dm=()
  fi
  run "${n}_coverage" coverage --map "$m" --sites "$st" "${dm[@]}" --out "${n}_coverage.gpkg"
  run "${n}_coverage_json" coverage --map "$m" --sites "$st" "${dm[@]}" --no-areas --json \
    --out "${n}_coverage_json.gpkg"
  run "${n}_suggest" suggest --map "$m" --stations "$st" --candidates "$ca" "${dm[@]}" --k 5 \
    --no-exact --out "${n}_suggest.gpkg"
  run "${n}_suggest_json" suggest --map "$m" --stations "$st" --candidates "$ca" "${dm[@]}" \
    --k 5 --no-exact --json --out "${n}_suggest_json.gpkg"
  # --target --no-exact: its bound (LP or trivial) depends on the time the machine gives it; the
  # plan does not. Two runs of one binary may differ in bound/gap here only.
  run "${n}_suggest_target" suggest --map "$m" --candidates "$ca" "${dm[@]}" --target 50% \
    --no-exact --json --out "${n}_suggest_target.gpkg"
  run "${n}_review" review --map "$m" --stations "$st" --candidates "$ca" "${dm[@]}" \
    --out "${n}_review.gpkg"
  run "${n}_export" export --map "$m" --stations "$st" --candidates "$ca" "${dm[@]}" --k 3 \
    --time-limit 5 --formats gpkg,geojson,csv,kml,tif --out-dir "${n}_export"
done
run demo_export_all export --demo --k 3 --time-limit 5 --out-dir demo_export_all
# Bad parameters: the same refusal (message and exit status) before and after.
run bad_minutes coverage --map city/roads.gpkg --sites city/stations.gpkg --minutes -1 --out bad.gpkg
run bad_speed suggest --map city/roads.gpkg --candidates city/candidates.gpkg --k 2 --speed-kmh 0 \
  --out bad.gpkg
echo "golden: $(find . -type f | wc -l) files in $out"
