#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT [TARGET]: a bounded run of a libFuzzer
# target (fuzz-load unless TARGET says another), registered as the meson test
# of the same name (suite "fuzz"), with the seeds in tests/fuzz/corpus/NAME
# (the target's name without "fuzz-").
#
# Runs only when CHARTER_FUZZ_SECONDS is set (build-aux/dev test sets it);
# otherwise, and when clang or libFuzzer is missing, it is skipped (77). A
# crash, leak, warning or unstable round trip the fuzzer finds fails it.
set -u

src=$1
build=$2
target=${3:-fuzz-load}
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
meson compile -C "$fuzzdir" "tests/fuzz/$target" >"$build/fuzz-smoke-build.log" 2>&1 ||
  { tail -30 "$build/fuzz-smoke-build.log"; exit 1; }

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$src/tests/fuzz/corpus/${target#fuzz-}"/* "$corpus"/
dict=()
[ -f "$src/tests/fuzz/$target.dict" ] && dict=(-dict="$src/tests/fuzz/$target.dict")

status=0
log=$fuzzdir/$target.log
"$fuzzdir/tests/fuzz/$target" -max_total_time="$secs" -max_len=65536 -timeout=10 "${dict[@]}" \
  -rss_limit_mb=2048 -artifact_prefix="$fuzzdir/$target-" "$corpus" >"$log" 2>&1 || status=$?
tail -4 "$log"
if [ "$status" -ne 0 ]; then
  echo "$target found a problem; the input is saved as $fuzzdir/$target-crash-* (or leak-*, timeout-*):"
  grep -E "ERROR|SUMMARY|Test unit written|differs|refuses" "$log" | head -10
  exit 1
fi
