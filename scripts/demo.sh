#!/usr/bin/env bash
# README command 1: install what is missing, build (Release), run the main job on the built-in demo city.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh" release
mkdir -p "$here/out"
# --overwrite: run again, the earlier out/demo_coverage.gpkg is replaced (outputs are never
# replaced silently otherwise).
exec "$here/build/release/src/cli/yizhan" demo --out "$here/out/demo_coverage.gpkg" --overwrite "$@"
