#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT: a bounded run of the libFuzzer target
# fuzz-load, registered as the meson test "fuzz-load" (suite "fuzz").
#
# Runs only when CHARTER_FUZZ_SECONDS is set (build-aux/dev test sets it);
# otherwise, and when clang or libFuzzer is missing, it is skipped (77). A
# crash, leak, warning or unstable round trip the fuzzer finds fails it.
set -u

src=$1
build=$2
secs=${CHARTER_FUZZ_SECONDS:-}

if [ -z "$secs" ]; then
  echo "skipped: CHARTER_FUZZ_SECONDS is not set (build-aux/dev test sets it)"
  exit 77
fi
if ! command -v clang >/dev/null ||
   ! echo 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }' |
     clang -x c -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null; then
  echo "skipped: clang with libFuzzer (clang, libclang-rt-14-dev) is not installed"
  exit 77
fi

fuzzdir=$build/fuzz-smoke
if [ ! -f "$fuzzdir/build.ninja" ]; then
  CC=clang meson setup "$fuzzdir" "$src" -Dfuzzing=true -Dgui=false >"$build/fuzz-smoke-setup.log" 2>&1 ||
    { cat "$build/fuzz-smoke-setup.log"; exit 1; }
fi
meson compile -C "$fuzzdir" tests/fuzz/fuzz-load >"$build/fuzz-smoke-build.log" 2>&1 ||
  { tail -30 "$build/fuzz-smoke-build.log"; exit 1; }

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$src"/tests/fuzz/corpus/load/* "$corpus"/

status=0
"$fuzzdir/tests/fuzz/fuzz-load" -max_total_time="$secs" -max_len=65536 -timeout=10 \
  -dict="$src/tests/fuzz/fuzz-load.dict" \
  -rss_limit_mb=2048 -artifact_prefix="$fuzzdir/" "$corpus" >"$fuzzdir/fuzz.log" 2>&1 || status=$?
tail -4 "$fuzzdir/fuzz.log"
if [ "$status" -ne 0 ]; then
  echo "fuzz-load found a problem; the input is saved as $fuzzdir/crash-* (or leak-*, timeout-*):"
  grep -E "ERROR|SUMMARY|Test unit written" "$fuzzdir/fuzz.log" | head -10
  exit 1
fi
