#!/bin/bash
# tests/bad/run.sh - malformed inputs, each with the exit code and the
# message fragments a user must see.  One directory per case in cases/:
#
#   expect        "exit N", then one "message TEXT" line per fragment that
#                 stderr must contain (fixed strings)
#   report.json   the case's own report definition, with any year files it
#                 names beside it; without one, the case starts from a copy
#                 of data/ and builds data/slutrapport-2016-2020.json
#   edit          optional: a shell script run in the copy of the data (sed,
#                 jq, printf, head) before the build
#   args          optional: extra arguments for `rapport build`
#
# For every case an existing output file must be left byte for byte as it
# was, and no temporary file may remain next to it or next to the data.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

CASES=$(cd "$top_srcdir/tests/bad/cases" && pwd)
ncases=0
for dir in "$CASES"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/expect" ] || continue
  ncases=$((ncases + 1))
  W="$TMP/$name"
  mkdir -p "$W/data" "$W/out"
  if [ -f "$dir/report.json" ]; then
    cp "$dir"/*.json "$W/data/"
    def=report.json
  else
    cp "$DATA"/*.json "$W/data/"
    def=slutrapport-2016-2020.json
  fi
  chmod -R u+w "$W/data"
  if [ -f "$dir/edit" ]; then
    (cd "$W/data" && . "$dir/edit") || fail "$name: its edit script failed"
  fi
  args=()
  [ -f "$dir/args" ] && read -r -a args <"$dir/args"
  printf 'previous report\n\001\002\377 binary tail\n' >"$W/out/keep.pdf"
  cp "$W/out/keep.pdf" "$W/before.pdf"
  "$RAPPORT" build "$W/data/$def" -o "$W/out/keep.pdf" "${args[@]}" >"$W/stdout" 2>"$W/stderr"
  got=$?
  want=$(sed -n 's/^exit //p' "$dir/expect")
  expect "$name: exit $want (got $got: $(head -c 600 "$W/stderr"))" test "$got" -eq "$want"
  while IFS= read -r line; do
    case "$line" in
    message\ *)
      text=${line#message }
      expect "$name: stderr has '$text' (got: $(head -c 600 "$W/stderr"))" \
        contains "$W/stderr" "$text"
      ;;
    esac
  done <"$dir/expect"
  expect "$name: no crash report in stderr" \
    test -z "$(grep -E 'AddressSanitizer|runtime error|LeakSanitizer' "$W/stderr")"
  expect "$name: the old output is untouched" cmp -s "$W/before.pdf" "$W/out/keep.pdf"
  expect "$name: no temporary file left" \
    test -z "$(find "$W/out" "$W/data" -name '.keep.pdf.*')"
  expect "$name: nothing else written" test "$(ls -A "$W/out")" = "keep.pdf"
  rm -rf "$W"
done
echo "tests/bad: $ncases cases"
expect "at least 40 cases (found $ncases)" test "$ncases" -ge 40
finish
