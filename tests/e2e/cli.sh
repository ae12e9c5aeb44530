#!/bin/bash
# The command line as a user meets it: exit codes, error messages with
# positions, no clobbered output, single-year and English builds.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run() { # run EXPECTED_EXIT ARGS...: runs rapport, output in $TMP/out and $TMP/err
  local want=$1
  shift
  "$RAPPORT" "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  expect "rapport $* exits $want (got $got: $(head -c 300 "$TMP/err"))" test "$got" -eq "$want"
}

run 0 --version
expect "--version names the ABI" contains "$TMP/out" "plugin ABI 1"
run 0 --help
expect "--help documents the exit codes" contains "$TMP/out" "3 invalid data"
run 2
run 2 build "$REPORT"
run 2 frobnicate
run 2 build "$REPORT" -o "$TMP/x.pdf" --lang fi
run 0 check "$REPORT"
run 0 plugins
for p in outreach placements census analysis; do
  expect "plugins lists $p" grep -qE "^$p +[0-9]" "$TMP/out"
done

# A copy of the data to break in various ways.
mkdata() {
  rm -rf "$TMP/d"
  cp -r "$DATA" "$TMP/d"
}
OUT="$TMP/keep.pdf"
echo "previous report" >"$OUT"
unchanged() { test "$(cat "$OUT")" = "previous report"; }
no_temp() { test -z "$(find "$TMP" -maxdepth 1 -name '.keep.pdf.*')"; }

# a syntax error: file, line and column
mkdata
sed -i '0,/"year": 2018,/s//"year": 2018,,/' "$TMP/d/2018.json"
line=$(grep -n '"year": 2018,,' "$TMP/d/2018.json" | cut -d: -f1)
run 3 build "$TMP/d/slutrapport-2016-2020.json" -o "$OUT"
expect "syntax error names file:line" grep -q "2018.json:$line:" "$TMP/err"
expect "failed build leaves the old file" unchanged
expect "failed build leaves no temporary file" no_temp

# a wrong type deep in a year file: the JSON path
mkdata
sed -i 's/"companies": 30/"companies": "trettio"/' "$TMP/d/2018.json"
run 3 check "$TMP/d/slutrapport-2016-2020.json"
expect "type error names the path census.companies" grep -q "census.companies" "$TMP/err"
expect "type error says what was found" grep -q '"trettio"' "$TMP/err"
expect "a value two sections read is reported once" test "$(grep -c 'census.companies' "$TMP/err")" -eq 1

# a negative count
mkdata
sed -i 's/"reached": 235/"reached": -235/' "$TMP/d/2018.json"
run 3 build "$TMP/d/slutrapport-2016-2020.json" -o "$OUT"
expect "negative count is refused at outreach.reached" grep -q "outreach.reached" "$TMP/err"
expect "old file kept after a data error" unchanged

# a section type no plugin provides
mkdata
sed -i 's/"type": "census"/"type": "budget"/' "$TMP/d/slutrapport-2016-2020.json"
run 4 build "$TMP/d/slutrapport-2016-2020.json" -o "$OUT"
expect "missing plugin is named" grep -q 'section type "budget"' "$TMP/err"
expect "old file kept after a plugin error" unchanged

# a year outside the period
mkdata
sed -i 's/"year": 2019/"year": 2031/' "$TMP/d/2019.json"
run 3 check "$TMP/d/slutrapport-2016-2020.json"
expect "year outside the period is refused" grep -q "2019.json" "$TMP/err"

# an output directory that does not exist
run 5 build "$REPORT" -o "$TMP/no/such/dir/r.pdf"

# a broken plugin directory
run 4 build "$REPORT" -o "$OUT" --plugin-dir "$top_builddir/tests/broken/.libs"
expect "broken plugin is named" grep -q "wrong_abi.so" "$TMP/err"
expect "old file kept after a broken plugin" unchanged

# the 2018 annual report from the same data
run 0 build "$REPORT" -o "$TMP/2018.pdf" --year 2018
pdftotext "$TMP/2018.pdf" "$TMP/2018.txt"
expect "2018 report is titled so" contains "$TMP/2018.txt" "Årsrapport 2018"
expect "2018 report has 2018's reach" grep -qw 235 "$TMP/2018.txt"
expect "2018 report has 2018's census" grep -qw 244 "$TMP/2018.txt"
expect "2018 report lacks 2017's reach" sh -c "! grep -qw 586 '$TMP/2018.txt'"
run 3 build "$REPORT" -o "$TMP/2031.pdf" --year 2031

# English labels and number formats
run 0 build "$REPORT" -o "$TMP/en.pdf" --lang en
pdftotext "$TMP/en.pdf" "$TMP/en.txt"
expect "English contents label" contains "$TMP/en.txt" "Contents"
expect "English page footer" grep -q "Page 3 of" "$TMP/en.txt"
expect "English thousands separator" contains "$TMP/en.txt" "1,257"

# a successful build replaces the old file
run 0 build "$REPORT" -o "$OUT"
expect "successful build replaces the file" sh -c "head -c 5 '$OUT' | grep -q '%PDF-'"

finish
