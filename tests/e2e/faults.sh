#!/bin/bash
# Faults at the plugin boundary, as a user meets them: each broken plugin
# in tests/broken/ is put alone in a plugin directory beside a report of one
# section.  Every fault must name the plugin's file, exit with the plugin
# error code (4), leave an existing output untouched and leave no temporary
# file behind.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

BROKEN="$top_builddir/tests/broken/.libs"
BUILT="$top_builddir/.libs"
OUT="$TMP/keep.pdf"

# report TYPE [OPTIONS]: a report definition of one section of type TYPE;
# OPTIONS are extra members of the section object (JSON, leading comma).
report() {
  cat >"$TMP/y.json" <<'JSON'
{ "format": 1, "year": 2020 }
JSON
  cat >"$TMP/r.json" <<JSON
{ "format": 1, "kind": "arsrapport", "organisation": "Provförbundet", "title": "Prov",
  "authors": [ { "name": "Ada Andersson" } ], "date": "2021-01-15",
  "period": { "first": 2020, "last": 2020 }, "years": [ "y.json" ],
  "sections": [ { "type": "$1", "title": "Avsnittet"${2:-} } ] }
JSON
}

# plugins FILE...: a fresh plugin directory holding just these files.
plugins() {
  rm -rf "$TMP/p"
  mkdir -m 700 "$TMP/p"
  cp "$@" "$TMP/p/"
}

# fault WHAT TEXT...: builds; expects exit 4, each TEXT in stderr, the old
# output kept and no temporary file.
fault() {
  local what=$1
  shift
  echo "previous report" >"$OUT"
  "$RAPPORT" build "$TMP/r.json" -o "$OUT" --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  expect "$what: exit 4 (got $got: $(head -c 400 "$TMP/err"))" test "$got" -eq 4
  for text in "$@"; do
    expect "$what: message has '$text' ($(head -c 400 "$TMP/err"))" contains "$TMP/err" "$text"
  done
  expect "$what: old output kept" test "$(cat "$OUT")" = "previous report"
  expect "$what: no temporary file" test -z "$(find "$TMP" -maxdepth 1 -name '.keep.pdf.*')"
}

report census
plugins "$BROKEN/no_entry.so"
fault "missing entry point" "$TMP/p/no_entry.so" "no entry point rapport_plugin_init_v1"
plugins "$BROKEN/wrong_abi.so"
fault "ABI mismatch" "$TMP/p/wrong_abi.so" "built for plugin ABI 0" "rebuild the plugin"
plugins "$BROKEN/too_new.so"
fault "API level too new" "$TMP/p/too_new.so" "needs plugin API level 99" "upgrade rapport"
plugins "$BROKEN/fails_init.so"
fault "init failure" "$TMP/p/fails_init.so" "initialisation failed"
plugins "$BROKEN/crashes_init.so"
fault "crash in the entry point" "$TMP/p/crashes_init.so" "crashed with SIGSEGV" \
  "in its entry point rapport_plugin_init_v1"
plugins "$BROKEN/duplicate.so" "$BUILT/census.so"
fault "duplicate section names" "$TMP/p/duplicate.so" "$TMP/p/census.so" \
  'section type "census" is already provided'

report fails_emit
plugins "$BROKEN/fails_emit.so"
fault "emit returns an error" "$TMP/p/fails_emit.so" 'section type "fails_emit"' \
  "the ledger service is unreachable"

report crashes
plugins "$BROKEN/crashes.so"
fault "crash in emit" "$TMP/p/crashes.so" "crashed with SIGSEGV" 'emit() of section type "crashes"'
for sig in fpe:SIGFPE ill:SIGILL abort:SIGABRT; do
  report crashes ", \"signal\": \"${sig%:*}\""
  fault "crash with ${sig#*:}" "$TMP/p/crashes.so" "crashed with ${sig#*:}"
done
report crashes ', "in": "validate"'
fault "crash in validate" "$TMP/p/crashes.so" "validate() of section type \"crashes\""
"$RAPPORT" check "$TMP/r.json" --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
expect "check reports a crash in validate with exit 4" test $? -eq 4

# Unsafe files and directories: refused with the reason.
report census
plugins "$BUILT/census.so"
chmod o+w "$TMP/p/census.so"
fault "world-writable plugin file" "$TMP/p/census.so" "writable by every user" "chmod o-w"
chmod o-w "$TMP/p/census.so"
chmod o+w "$TMP/p"
fault "world-writable plugin directory" "$TMP/p:" "directory writable by every user"
chmod o-w "$TMP/p"

# An earlier directory overrides a later one, with a warning.
plugins "$BROKEN/duplicate.so"
"$RAPPORT" build "$TMP/r.json" -o "$TMP/dup.pdf" --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
expect "an override builds" test $? -eq 0
expect "an override is reported" contains "$TMP/err" "comes first in the search path and is used"
pdftotext "$TMP/dup.pdf" "$TMP/dup.txt"
expect "the earlier directory's plugin is used" contains "$TMP/dup.txt" "the duplicate plugin"

# `rapport plugins` tells where each came from.
"$RAPPORT" plugins --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
expect "plugins shows the overriding file" grep -qE "^census +9\.9\.9 .*$TMP/p/duplicate.so" "$TMP/out"

# The current directory is never searched implicitly.
plugins "$BROKEN/fails_emit.so"
report fails_emit
(cd "$TMP/p" && "$OLDPWD/$RAPPORT" check "$TMP/r.json" >"$TMP/out" 2>"$TMP/err")
expect "the current directory is not searched" contains "$TMP/err" 'no plugin provides section type "fails_emit"'

finish
