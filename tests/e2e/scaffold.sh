#!/bin/bash
# `rapport new-plugin`: the skeleton builds with make and renders its section
# out of the box; `rapport describe` documents it from its declarations.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
command -v make >/dev/null && command -v cc >/dev/null || { echo "SKIP: no make or cc" >&2; exit 77; }
# the skeleton's make is a user's own, not part of the `make check` running us
unset MAKEFLAGS MFLAGS MAKELEVEL

"$RAPPORT" new-plugin survey "$TMP/survey" >"$TMP/out" 2>"$TMP/err"
expect "new-plugin succeeds ($(cat "$TMP/err"))" test $? -eq 0
for f in survey.c test_survey.c Makefile README.md report.json 2023.json 2024.json; do
  expect "new-plugin writes $f" test -s "$TMP/survey/$f"
done
make -C "$TMP/survey" >"$TMP/make.log" 2>&1
expect "the skeleton builds with make ($(tail -5 "$TMP/make.log"))" test -f "$TMP/survey/survey.so"
expect "the skeleton builds without a warning" sh -c "! grep -q warning: '$TMP/make.log'"
make -C "$TMP/survey" check >"$TMP/make.log" 2>&1
expect "the sample data checks ($(tail -5 "$TMP/make.log"))" grep -q "report.json: ok" "$TMP/make.log"
make -C "$TMP/survey" report >"$TMP/make.log" 2>&1
expect "make report renders ($(tail -5 "$TMP/make.log"))" test -f "$TMP/survey/report.pdf"
pdftotext "$TMP/survey/report.pdf" "$TMP/survey.txt"
expect "the section is in the PDF" contains "$TMP/survey.txt" "Tabell 1. survey per år"
expect "the generated sentence sums a year" contains "$TMP/survey.txt" "Summan för 2024 var 188,5."
expect "the year's note is there" contains "$TMP/survey.txt" "Siffrorna för 2024 är preliminära."
expect "the chart is there" contains "$TMP/survey.txt" "Figur 1. survey per år"

# its own tests, against the fake host
if pkg-config --exists cmocka libcjson; then
  make -C "$TMP/survey" test >"$TMP/make.log" 2>&1
  expect "the skeleton's own tests pass ($(tail -8 "$TMP/make.log"))" test $? -eq 0
  expect "... and ran" grep -q "PASSED.*2 test" "$TMP/make.log"
fi

# its declarations, as Markdown
"$RAPPORT" describe survey --plugin-dir "$TMP/survey" >"$TMP/md" 2>"$TMP/err"
expect "describe succeeds ($(cat "$TMP/err"))" test $? -eq 0
expect "describe lists nested year fields" \
  grep -qF '| `survey.items[].value` | number | yes | 0 to 1000000000000 | the figure |' "$TMP/md"
expect "describe lists section options" grep -qF '| `caption` | string | no |' "$TMP/md"
rm -rf "$TMP/level1" && mkdir -m 700 "$TMP/level1"
cp "$top_builddir/tests/broken/.libs/fails_emit.so" "$TMP/level1/"
"$RAPPORT" describe fails_emit --plugin-dir "$TMP/level1" >"$TMP/md" 2>"$TMP/err"
expect "describe says a level-1 type declares nothing" contains "$TMP/md" "declares no data fields"
"$RAPPORT" describe census >"$TMP/md" 2>"$TMP/err"
expect "describe lists the census's declared fields" grep -qF '`census.employees.women`' "$TMP/md"
"$RAPPORT" describe nosuch >"$TMP/md" 2>"$TMP/err"
expect "describe of an unknown type exits 4" test $? -eq 4

# never clobbers, refuses bad names
"$RAPPORT" new-plugin survey "$TMP/survey" >"$TMP/out" 2>"$TMP/err"
expect "new-plugin into a non-empty directory fails" test $? -ne 0
expect "... and says so" contains "$TMP/err" "not empty"
expect "... and leaves the files" test -f "$TMP/survey/survey.so"
"$RAPPORT" new-plugin Bad-Name "$TMP/bad" >"$TMP/out" 2>"$TMP/err"
expect "a bad plugin name is a usage error" test $? -eq 2
expect "... that writes nothing" test ! -e "$TMP/bad"

finish
