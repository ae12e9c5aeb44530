#!/bin/bash
# tests/bad/valgrind.sh - valgrind memcheck on end-to-end runs: a whole
# build, a single-year English build and a check that fails: no memory
# error, and every byte freed.  Skipped under the sanitizers (which do their
# own checking and do not run under valgrind).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
command -v valgrind >/dev/null || { echo "SKIP: valgrind not installed"; exit 77; }
[ -z "${ASAN_OPTIONS:-}" ] || { echo "SKIP: a sanitizer build"; exit 77; }

# memcheck WANT ARGS...: runs rapport under memcheck, expects exit WANT
memcheck() {
  local want=$1
  shift
  valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
    --error-exitcode=99 "$RAPPORT" "$@" >"$TMP/out" 2>"$TMP/vg"
  local got=$?
  expect "memcheck rapport $*: exit $want (got $got: $(grep -E 'ERROR SUMMARY|lost' "$TMP/vg"))" \
    test "$got" -eq "$want"
  expect "memcheck rapport $*: 0 errors" grep -q "ERROR SUMMARY: 0 errors" "$TMP/vg"
  expect "memcheck rapport $*: all freed" grep -q "in use at exit: 0 bytes in 0 blocks" "$TMP/vg"
  grep -E "total heap usage|ERROR SUMMARY" "$TMP/vg" | sed 's/^==[0-9]*== */  /'
}

memcheck 0 build "$REPORT" -o "$TMP/r.pdf"
memcheck 0 build "$REPORT" -o "$TMP/r.pdf" --year 2018 --lang en
cp -r "$DATA" "$TMP/d"
sed -i 's/"companies": 30/"companies": "trettio"/; s/"reached_note"/"reachednote"/' "$TMP/d/2018.json"
memcheck 3 check "$TMP/d/slutrapport-2016-2020.json"
finish
