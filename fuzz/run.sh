#!/bin/sh
# fuzz/run.sh SRCDIR BUILDDIR SECONDS [HARNESS...]
#
# SRCDIR is a clean source tree (`make fuzz` makes one with `make distdir`,
# as the working tree may be configured in place).  Builds rapport's core
# and plugins with clang and -fsanitize=fuzzer-no-link,address,undefined in
# BUILDDIR (a separate configure, so the normal build is untouched), links the libFuzzer
# harnesses, seeds their corpora from data/, tests/bad/ and fuzz/seeds/, and
# runs each harness for SECONDS seconds (the harnesses run one after the
# other; a crash stops the run with the crashing input saved in
# BUILDDIR/artifacts/).  HARNESS: fuzz_data, fuzz_layout (default
# both).  Ends with one line per harness: executions, coverage, crashes.
set -eu
src=$(cd "$1" && pwd)
mkdir -p "$2"
top=$(cd "$2" && pwd)
secs=$3
shift 3
harnesses=${*:-fuzz_data fuzz_layout}
fb="$top"
mkdir -p "$fb"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
if [ ! -f "$fb/Makefile" ]; then
  (cd "$fb" && "$src/configure" -q CC=clang \
     CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $SAN")
fi
make -s -C "$fb"
INC="-I$src/include -I$src/core -I$fb"
for h in fuzz_data fuzz_layout; do
  # libtool adds the libraries libcore.la depends on
  "$fb/libtool" --quiet --tag=CC --mode=link clang -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer $SAN -std=c11 -D_GNU_SOURCE $INC -o "$fb/$h" "$src/fuzz/$h.c" \
    "$fb/libcore.la"
done

export RAPPORT_FUZZ_DATA="$src/data" RAPPORT_FUZZ_PLUGINS="$fb/.libs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$fb/artifacts"
for h in $harnesses; do
  corpus="$fb/corpus-$h"
  mkdir -p "$corpus"
  # seeds (kept in the corpus directory, which grows between runs)
  if [ "$h" = fuzz_data ]; then
    cp "$src"/data/20*.json "$corpus/" 2>/dev/null || true
    for f in $(cd "$src" && find tests/bad -name '*.json'); do
      cp "$src/$f" "$corpus/$(echo "$f" | tr / -)"
    done
  fi
  [ -d "$src/fuzz/seeds/$h" ] && cp "$src/fuzz/seeds/$h"/* "$corpus/"
  [ -d "$src/fuzz/regressions/$h" ] && cp "$src/fuzz/regressions/$h"/* "$corpus/"
  log="$fb/$h.log"
  echo "fuzz: $h for ${secs}s (log: $log)"
  rc=0
  "$fb/$h" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$src/fuzz/$h.dict" -print_final_stats=1 \
    -artifact_prefix="$fb/artifacts/$h-" "$corpus" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  echo "fuzz: $h: ${execs:-?} executions, ${cov:-cov: ?} edges, exit $rc"
  if [ "$rc" -ne 0 ]; then
    tail -60 "$log"
    exit 1
  fi
done
