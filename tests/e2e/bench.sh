#!/bin/bash
# The benchmark's data generator and batch builds: generated data goes
# through the real plugins into a report of about 100 pages; the generator
# is deterministic; `rapport build A B -o DIR -j 2` writes both PDFs, keeps
# going when one definition is bad and exits with the failed build's code.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
GEN="$top_builddir/bench/rapport-bench-gen"

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# about 100 pages from 14 generated years
expect "the generator writes 14 years" "$GEN" "$TMP/g" 14 40
expect "the generated data checks clean" "$RAPPORT" check -q "$TMP/g/report.json"
expect "the generated report builds" "$RAPPORT" build -q "$TMP/g/report.json" -o "$TMP/g.pdf"
n=$(pages "$TMP/g.pdf")
expect "about 100 pages (got ${n:-none})" test "${n:-0}" -ge 90 -a "${n:-0}" -le 130
pdftotext "$TMP/g.pdf" "$TMP/g.txt"
expect "the outreach plugin's years are there" contains "$TMP/g.txt" "1913"
expect "the census tables are there" contains "$TMP/g.txt" "Registrerade företag"
expect "the analysis section is there" contains "$TMP/g.txt" "Analys"
expect "the file is sound" qpdf --check "$TMP/g.pdf"

# deterministic: the same arguments give the same files
"$GEN" "$TMP/g2" 14 40
expect "the generator is deterministic" diff -r "$TMP/g" "$TMP/g2"
"$GEN" "$TMP/g3" 14 40 2
expect "another seed gives other data" test -n "$(cmp "$TMP/g/1905.json" "$TMP/g3/1905.json")"
expect "the generator refuses 302 years" test "$("$GEN" "$TMP/bad" 302 >/dev/null 2>&1; echo $?)" -eq 2

# batch: two definitions in parallel, both written, one line each
"$GEN" "$TMP/a" 3 5 1
"$GEN" "$TMP/b" 4 5 2
"$RAPPORT" build "$TMP/a/report.json" "$TMP/b/report.json" -o "$TMP/out" -j 2 >"$TMP/log" 2>&1
expect "batch -j 2 exits 0 ($(head -c 300 "$TMP/log"))" test $? -eq 0
expect "a's PDF is written, named after its directory" test -n "$(pages "$TMP/out/a-report.pdf")"
expect "b's PDF is written" test -n "$(pages "$TMP/out/b-report.pdf")"
expect "one summary line per build" test "$(grep -c ' pages, ' "$TMP/log")" -eq 2
expect "the batch PDF equals a single build" "$RAPPORT" build -q "$TMP/a/report.json" -o "$TMP/single.pdf"
expect "... byte for byte" cmp -s "$TMP/single.pdf" "$TMP/out/a-report.pdf"

# a directory of organisations' directories
"$RAPPORT" build -q "$TMP/a" "$TMP/b" -o "$TMP/dirs" -j 2
expect "directories: exit 0" test $? -eq 0
expect "directories: both PDFs" test -f "$TMP/dirs/a-report.pdf" -a -f "$TMP/dirs/b-report.pdf"

# a bad definition: its own error, the other still built, the worst exit code
printf '{ "format": 1, "sections": [ }\n' >"$TMP/bad.json"
echo "previous" >"$TMP/out/bad.pdf"
"$RAPPORT" build -q "$TMP/bad.json" "$TMP/b/report.json" -o "$TMP/out" -j 2 >"$TMP/log" 2>&1
expect "a bad definition makes the batch exit 3" test $? -eq 3
expect "its error names file, line and column" contains "$TMP/log" "bad.json:1:"
expect "its old PDF is untouched" test "$(cat "$TMP/out/bad.pdf")" = "previous"
expect "the good one is still built" test -n "$(pages "$TMP/out/report.pdf")"
"$RAPPORT" build -q "$TMP/a/report.json" "$TMP/a/report.json" -o "$TMP/out" >/dev/null 2>&1
expect "two definitions for one output file are refused" test $? -eq 2
"$RAPPORT" build -q "$TMP/a/report.json" "$TMP/b/report.json" -o "$TMP/out" -j 0 >/dev/null 2>&1
expect "-j 0 is a usage error" test $? -eq 2

finish
