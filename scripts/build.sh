#!/usr/bin/env bash
# Configures and builds one CMake build folder. Usage: scripts/build.sh [release|asan]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kind="${1:-release}"
case "$kind" in
  release) dir="$here/build/release"; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  # -O1 -g1: sanitizer builds compile and link much faster than -O2 -g, stack traces keep lines.
  asan) dir="$here/build/asan"; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DYIZHAN_SANITIZE=ON) ;;
  *) echo "usage: $0 [release|asan]" >&2; exit 2 ;;
esac
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$dir" "${flags[@]}" >/dev/null
fi
cmake --build "$dir" -j"$(nproc)"
