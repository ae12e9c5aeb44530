#!/bin/bash
# tests/bad/warnings.sh - problems that do not stop a build: an unknown key
# (with a "did you mean"), a character no font has (named with its path).
# The build succeeds and says what it ignored or could not draw.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
cp -r "$DATA" "$TMP/d"
# a typo in an optional member, and an Egyptian hieroglyph in a milestone
sed -i 's/"reached": 235,/"reached": 235, "reached_nte": "enligt kansliet",/; 0,/"when": "/s//"when": "\xf0\x93\x80\x80 /' "$TMP/d/2018.json"
"$RAPPORT" build "$TMP/d/slutrapport-2016-2020.json" -o "$TMP/r.pdf" >"$TMP/out" 2>"$TMP/err"
got=$?
expect "warnings only: exit 0 (got $got: $(head -c 400 "$TMP/err"))" test "$got" -eq 0
expect "the PDF is written" test -s "$TMP/r.pdf"
expect "unknown key: did you mean" \
  contains "$TMP/err" 'outreach.reached_nte: unknown key "reached_nte" ignored; did you mean "reached_note"?'
expect "unknown key: file and line" grep -qE '2018.json:[0-9]+:[0-9]+: warning: outreach.reached_nte' "$TMP/err"
expect "no glyph: named with its path" \
  grep -qE '2018.json:[0-9]+:[0-9]+: warning: outreach.milestones\[0\].when: no font has the character U\+13000' "$TMP/err"
finish
