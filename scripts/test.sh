#!/usr/bin/env bash
# README command 2: install what is missing, build (Release), run every test through CTest.
# Real-data tests read ${YIZHAN_DATA_DIR:-../shared/data}. Pass --asan to also build and run the
# AddressSanitizer+UBSan configuration.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh" release
(cd "$here/build/release" && ctest --output-on-failure -j"$(nproc)")
if [ "${1:-}" = "--asan" ]; then
  "$here/scripts/build.sh" asan
  (cd "$here/build/asan" && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j"$(nproc)" -LE slow)
fi
