#!/usr/bin/env bash
# Continuous fuzzing: builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang,
# -fsanitize=fuzzer,address,undefined in build/fuzz, and runs each for SECONDS (default 60) from
# its seed corpus (tests/fuzz/NAME/, copied so the committed seeds stay as they are).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   e.g. scripts/fuzz.sh 3600 fuzz_osm_reader
#        scripts/fuzz.sh --ci [TARGET...]           what CI runs: reproducible (see below)
# A crash leaves its input as build/fuzz/crash-* and fails the script; rerun one input with
# build/fuzz/tests/fuzz/NAME build/fuzz/crash-...
# --ci: replays every committed input (seeds, corpus grown by earlier searches, crashes found and
# fixed) once, without mutating: the verdict depends on the code alone. Mutation is not
# reproducible here even from a fixed random seed (GDAL keeps state between inputs), so open-ended
# search is the timed mode, run by developers; what it finds is merged into the seeds
# (scripts/fuzz.sh --merge TARGET...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=timed
case "${1:-}" in
  --ci) mode=ci; shift ;;
  --merge) mode=merge; shift ;;
  *) seconds="${1:-60}"; shift || true ;;
esac
dir="$here/build/fuzz"
if [ ! -f "$dir/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # -O1 -g1 as in the sanitizer build: quick to compile, stack traces keep lines.
  cmake -S "$here" -B "$dir" -DYIZHAN_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
    "${launcher[@]}" >/dev/null
fi
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in "$here"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export YIZHAN_DATA_DIR="${YIZHAN_DATA_DIR:-$here/../shared/data}"
failed=()
for t in "${targets[@]}"; do
  seeds="$here/tests/fuzz/${t#fuzz_}"
  corpus="$dir/corpus/$t"
  mkdir -p "$corpus"
  if [ "$mode" = merge ]; then
    # The smallest set of inputs covering what the seeds and the found corpus cover, committed.
    mkdir -p "$dir/merged/$t" && rm -f "$dir/merged/$t"/*
    (cd "$dir" && "$dir/tests/fuzz/$t" -merge=1 "$dir/merged/$t" "$seeds" "$corpus" >"$dir/$t.log" 2>&1)
    cp -n "$dir/merged/$t"/* "$seeds"/ 2>/dev/null || true
    echo "fuzz: $t seeds now $(ls "$seeds" | wc -l) inputs"
    continue
  fi
  if [ "$mode" = ci ]; then
    budget=(-runs=0)
    echo "fuzz: $t replays $(ls "$seeds" | wc -l) committed inputs"
  else
    budget=(-max_total_time="$seconds" "$corpus")
    echo "fuzz: $t for ${seconds} s (seeds: ${seeds#$here/})"
  fi
  # -rss_limit_mb: GDAL's drivers allocate freely; -timeout: one input may not take 20 s.
  if ! (cd "$dir" && "$dir/tests/fuzz/$t" "${budget[@]}" -timeout=20 -rss_limit_mb=2560 \
        -max_len=65536 -print_final_stats=1 "$seeds" >"$dir/$t.log" 2>&1); then
    failed+=("$t")
    tail -n 60 "$dir/$t.log"
  fi
  grep -E "^(stat::number_of_executed_units|Done)" "$dir/$t.log" | tr '\n' ' '
  echo
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $dir/crash-*; logs in $dir/*.log)" >&2
  exit 1
fi
[ "$mode" = merge ] || echo "fuzz: no crash in ${#targets[@]} target(s)"
