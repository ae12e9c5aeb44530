#!/bin/bash
# The tutorial (docs/writing-plugins.md) cannot rot: the files it shows are
# the files in tests/tutorial/ byte for byte, its plugin is built by `make
# check` (tests/tutorial/budget.la), and the report it describes renders with
# the figures, messages and declarations the guide shows.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

DOC="$top_srcdir/docs/writing-plugins.md"
TUT="$top_srcdir/tests/tutorial"
PLUGDIR="$top_builddir/tests/tutorial/.libs"

# verbatim FILE: the fenced block after "<!-- verbatim: FILE -->" in the doc.
verbatim() {
  awk -v want="<!-- verbatim: $1 -->" '
    $0 == want { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```$/ { exit }
    found == 2 { print }' "$DOC"
}
for f in tests/tutorial/budget.c tests/tutorial/report.json tests/tutorial/2024.json; do
  verbatim "$f" >"$TMP/shown"
  expect "the guide shows $f verbatim ($(diff "$top_srcdir/$f" "$TMP/shown" | head -5))" \
    cmp -s "$top_srcdir/$f" "$TMP/shown"
done

# the guide's report renders
"$RAPPORT" build "$TUT/report.json" -o "$TMP/budget.pdf" --plugin-dir "$PLUGDIR" >"$TMP/out" 2>"$TMP/err"
expect "the tutorial's report builds ($(cat "$TMP/err"))" test $? -eq 0
pdftotext "$TMP/budget.pdf" "$TMP/budget.txt"
expect "a table per year" contains "$TMP/budget.txt" "Tabell 2. Budget och utfall 2024 (tkr)"
expect "the deviation with a true minus" contains "$TMP/budget.txt" "−189,5"
expect "the sentence of 2024" contains "$TMP/budget.txt" "År 2024 användes 102,3 % av budgeten"
expect "the comment of 2024" contains "$TMP/budget.txt" "en ny arbetsträningsinsats"
expect "the chart" contains "$TMP/budget.txt" "Figur 1. Budget och utfall per år (tkr)"
expect "the contents list the section" grep -q "Ekonomi \." "$TMP/budget.txt"

# the validation message the guide quotes
mkdir "$TMP/bad"
cp "$TUT/report.json" "$TUT/2023.json" "$TUT/2024.json" "$TMP/bad/"
sed -i 's/"budgeted": 1250, "spent": 1250/"budgeted": 0, "spent": 1250/' "$TMP/bad/2024.json"
"$RAPPORT" check "$TMP/bad/report.json" --plugin-dir "$PLUGDIR" >"$TMP/out" 2>"$TMP/err"
expect "bad budget data exits 3" test $? -eq 3
quoted=$(grep -m1 '^2024.json:' "$DOC")
expect "the guide's error message is what rapport says ($quoted | $(cat "$TMP/err"))" \
  contains "$TMP/err" "$quoted"

# the declarations the guide quotes
"$RAPPORT" describe budget --plugin-dir "$PLUGDIR" >"$TMP/md" 2>"$TMP/err"
expect "describe budget succeeds" test $? -eq 0
grep '^| `budget\.' "$DOC" >"$TMP/rows"
expect "the guide quotes describe's rows" test -s "$TMP/rows"
while IFS= read -r row; do
  expect "describe prints: $row" grep -qxF -- "$row" "$TMP/md"
done <"$TMP/rows"
expect "describe lists the allowed units" grep -qF '`"kr"`, `"tkr"`, `"mkr"`' "$TMP/md"

finish
