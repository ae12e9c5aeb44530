#!/bin/bash
# tests/bad/regressions.sh - replays every input that once crashed a fuzzing
# harness (fuzz/regressions/), and the harnesses' seeds, through the same
# harness code built with the ordinary compiler (fuzz/replay.c).  Under
# `make check-sanitize` the sanitizers watch the replay too.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
export RAPPORT_FUZZ_DATA="$top_srcdir/data" RAPPORT_FUZZ_PLUGINS="$top_builddir/.libs"
F="$top_srcdir/fuzz"
for h in fuzz_data fuzz_layout; do
  inputs=()
  for f in "$F/regressions/$h"/* "$F/seeds/$h"/*; do
    [ -f "$f" ] && inputs+=("$f")
  done
  [ "$h" = fuzz_data ] && inputs+=("$DATA"/20*.json)
  "$top_builddir/tests/bad/replay_$h" "${inputs[@]}" >"$TMP/out" 2>"$TMP/err"
  got=$?
  expect "$h replays ${#inputs[@]} inputs (exit $got: $(head -c 600 "$TMP/err"))" test "$got" -eq 0
  expect "$h: all replayed" contains "$TMP/out" "replayed ${#inputs[@]} inputs"
done
finish
