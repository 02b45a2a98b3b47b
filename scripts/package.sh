#!/usr/bin/env bash
# Builds the Debian packages from the Release build (scripts/demo.sh or test.sh made it), installs
# them with apt, and runs the INSTALLED program from outside the source tree: --version, demo, a
# headless `gui --screenshot` (its figures must equal `demo --json`'s), a manual page, the MIME
# types; then builds a program on the installed engine (find_package(Yizhan)) and checks that it
# computes the same figures. Called by .ci/run after the tests. --remove uninstalls at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build/release"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
fail() { echo "package: FAILED: $*" >&2; exit 1; }

"$here/scripts/setup.sh"
"$here/scripts/build.sh" release  # nothing to do after test.sh; makes man pages and icons otherwise
desktop-file-validate "$here/packaging/io.github.yizhan.Yizhan.desktop"
appstreamcli validate --no-net "$build/packaging/io.github.yizhan.Yizhan.metainfo.xml" >/dev/null

rm -f "$build"/yizhan_*.deb "$build"/yizhan-dev_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/yizhan_*.deb "$build"/yizhan-dev_*.deb)
for d in "${debs[@]}"; do [ -f "$d" ] || fail "cpack made no $d"; done
echo "package: built $(basename -a "${debs[@]}" | tr '\n' ' ')"
dpkg-deb -f "${debs[0]}" Depends
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --reinstall "${debs[@]}" >/dev/null
version="$(dpkg-query -W -f='${Version}' yizhan)"

# From outside the source tree: nothing may come from it.
work="$(mktemp -d /tmp/yizhan-package.XXXXXX)"
cd "$work"
yz=/usr/bin/yizhan
[ "$($yz --version)" = "yizhan $version" ] || fail "yizhan --version says '$($yz --version)', package is $version"
$yz demo --out "$work/demo.gpkg" > demo.txt || fail "yizhan demo exited $?"
[ -s "$work/demo.gpkg" ] || fail "yizhan demo wrote no GeoPackage"
$yz demo --json > demo.json
xvfb-run -a -s "-screen 0 1280x800x24" $yz gui --frames 2 --screenshot "$work/gui.png" \
  --ui-report "$work/gui.json" > gui.txt 2>&1 || { cat gui.txt; fail "yizhan gui --screenshot exited $?"; }
[ -s "$work/gui.png" ] || fail "yizhan gui wrote no screenshot"
python3 - "$work" <<'PY' || fail "installed figures disagree"
import json, sys
w = sys.argv[1]
demo, gui = json.load(open(w + "/demo.json")), json.load(open(w + "/gui.json"))
walk = demo["coverage"]["walk"]["percent"]
assert abs(gui["percent"]["walk"] - walk) < 1e-9, (gui["percent"], walk)
assert gui["stations"] > 0
PY

# The manual, desktop MIME types (dpkg triggers ran update-mime-database) and icon.
man -w yizhan-coverage >/dev/null || fail "no manual page yizhan-coverage"
page="$(MANWIDTH=80 man yizhan-coverage 2>/dev/null)"  # not piped into grep -q: SIGPIPE + pipefail
grep -q -- "--map" <<<"$page" || fail "man yizhan-coverage lacks --map"
if [ -f /usr/share/mime/globs2 ]; then
  grep -q 'application/x-yizhan-session:\*\.yizhan\.gpkg' /usr/share/mime/globs2 || fail "MIME type not registered"
fi
[ -f /usr/share/icons/hicolor/48x48/apps/io.github.yizhan.Yizhan.png ] || fail "no 48x48 icon"

# A program built on the installed engine library computes what the installed yizhan does.
cmake -S "$here/packaging/consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" -j"$(nproc)" >/dev/null
"$work/consumer/yizhan_consumer" > consumer.json
python3 - "$work" <<'PY' || fail "find_package(Yizhan) program disagrees with yizhan demo"
import json, sys
w = sys.argv[1]
demo, mine = json.load(open(w + "/demo.json")), json.load(open(w + "/consumer.json"))
demo.pop("output", None)
assert demo == mine
PY
echo "package: installed yizhan $version: --version, demo, gui screenshot, manual, MIME types, find_package(Yizhan) OK in ${SECONDS} s (files in $work)"

if [ "${1:-}" = "--remove" ]; then
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get remove -y -qq yizhan-dev yizhan >/dev/null
fi
