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

# ---------------------------------------------------------------- commands
ABS=$(cd "$(dirname "$RAPPORT")" && pwd)/rapport
AREPORT=$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")

# every command has its own --help (and -h), with its usage and options
for c in build check plugins describe new-plugin extract verify; do
  run 0 "$c" --help
  expect "$c --help gives its usage" grep -q "^usage: rapport $c " "$TMP/out"
  expect "$c --help lists --help" grep -q -- "-h, --help" "$TMP/out"
  run 0 "$c" -h
  expect "$c -h is --help" grep -q "^usage: rapport $c " "$TMP/out"
done
run 0 build --help
expect "build --help documents -j" grep -q -- "-j, --jobs N" "$TMP/out"
expect "build --help documents -o -" grep -q -- "- for standard output" "$TMP/out"
run 0 --help
for c in build check plugins describe new-plugin extract verify; do
  expect "--help lists $c" grep -qE "^  $c +[a-z]" "$TMP/out"
done

# a mistyped command or option: did you mean
run 2 biuld "$REPORT"
expect "a mistyped command gets a suggestion" \
  grep -q "unknown command 'biuld'; did you mean 'build'?" "$TMP/err"
run 2 build "$REPORT" --yaer=2018
expect "a mistyped option gets a suggestion" \
  grep -q "rapport build: unknown option '--yaer'; did you mean '--year'?" "$TMP/err"
run 2 check "$REPORT" --plugin-dr x
expect "check: a mistyped option gets a suggestion" \
  grep -q "did you mean '--plugin-dir'?" "$TMP/err"
run 2 plugins --verbsoe
expect "plugins: a mistyped option gets a suggestion" grep -q "did you mean '--verbose'?" "$TMP/err"
run 2 build "$REPORT" -x
expect "an unknown short option is named" grep -q "unknown option '-x'" "$TMP/err"
run 2 build "$REPORT" --year
expect "an option without its value is named" grep -q "option '--year' needs a value" "$TMP/err"
run 2 build "$REPORT" --quiet=yes
expect "a value for a flag is refused" grep -q "option '--quiet=yes' takes no value" "$TMP/err"
run 2 describe tabel --plugin-dir
run 4 describe tabel
expect "describe: a mistyped section type gets a suggestion" \
  grep -q 'no section type "tabel"; did you mean "table"?' "$TMP/err"

# the option forms: --opt=value, -oFILE, options after arguments, -- ends options
run 0 build "$REPORT" --year=2018 --lang=en -o"$TMP/forms.pdf" -q
expect "-oFILE and --opt=value: the English 2018 report" \
  sh -c "pdftotext '$TMP/forms.pdf' - | grep -q 'Annual report 2018'"
expect "-q: no summary line" test ! -s "$TMP/out"
run 0 build -q --output "$TMP/forms2.pdf" "$REPORT" --year 2018 --lang en
expect "--output FILE and --opt value give the same bytes" cmp "$TMP/forms.pdf" "$TMP/forms2.pdf"
cp "$REPORT" "$TMP/-q.json"
cp "$DATA"/20??.json "$TMP/"
run 0 check -- "$TMP/-q.json"
expect "after --, -q.json is the report, not an option" grep -q "q.json: ok" "$TMP/out"
run 0 check "$REPORT" --lang=sv --year=2019 --quiet
expect "check -q prints nothing" test ! -s "$TMP/out"

# -o -: the PDF on standard output, the summary on standard error
run 0 build "$REPORT" --year 2018 -o -
expect "-o - writes a PDF to standard output" sh -c "head -c 5 '$TMP/out' | grep -q '%PDF-'"
"$RAPPORT" build "$REPORT" --year 2018 -o "$TMP/file.pdf" -q
expect "-o - gives the bytes -o FILE does" cmp "$TMP/out" "$TMP/file.pdf"
expect "-o - says what it wrote on standard error" grep -q "^(standard output): 11 pages" "$TMP/err"
expect "-o - leaves no file named -" test ! -e ./- -a ! -e "$TMP/-"
mkdata
sed -i 's/"reached": 235/"reached": -235/' "$TMP/d/2018.json"
run 3 build "$TMP/d/slutrapport-2016-2020.json" -o -
expect "a failed -o - build writes nothing to standard output" test ! -s "$TMP/out"

# without -o: the archive name in the current directory, and says so
mkdir "$TMP/cwd"
(cd "$TMP/cwd" && "$ABS" build "$AREPORT" --year 2018) >"$TMP/out" 2>"$TMP/err"
expect "without -o, build exits 0" test $? -eq 0
expect "without -o, the archive name is written" \
  test -s "$TMP/cwd/samordningsforbund-gavleborg-2018-arsrapport.pdf"
expect "without -o, build says where it wrote" \
  grep -q "^samordningsforbund-gavleborg-2018-arsrapport.pdf: 11 pages.*(its archive name: no -o given)" "$TMP/out"
(cd "$TMP/cwd" && "$ABS" build "$AREPORT" -q) >"$TMP/out" 2>"$TMP/err"
expect "a whole-period report's archive name has the period" \
  test -s "$TMP/cwd/samordningsforbund-gavleborg-2016-2020-slutrapport.pdf"
expect "only those two files" test "$(ls "$TMP/cwd" | wc -l)" -eq 2

# every write to standard output is checked
for args in "describe census" "plugins" "check $REPORT" "--help" "build --help" "--version"; do
  # shellcheck disable=SC2086
  "$RAPPORT" $args >/dev/full 2>"$TMP/err"
  rc=$?
  expect "rapport $args >/dev/full exits 5 (got $rc)" test "$rc" -eq 5
  expect "rapport $args >/dev/full says why" \
    grep -q "rapport: cannot write to standard output: No space left on device" "$TMP/err"
done
"$RAPPORT" build "$REPORT" -o - -q >/dev/full 2>"$TMP/err"
expect "build -o - >/dev/full exits 5" test $? -eq 5
expect "build -o - >/dev/full says why" grep -q "cannot write the PDF to standard output" "$TMP/err"

# a closed pipe: a message and exit 5, not SIGPIPE (the reader is gone
# before rapport writes)
closed() { # closed ARGS...: rapport ARGS into a pipe whose reader has ended
  { sleep 0.5; "$RAPPORT" "$@" 2>"$TMP/err"; echo $? >"$TMP/rc"; } | true
}
closed plugins
expect "plugins | true exits 5 (got $(cat "$TMP/rc"))" test "$(cat "$TMP/rc")" -eq 5
expect "plugins | true says the pipe was closed" \
  grep -q "cannot write to standard output: the reading end of the pipe was closed" "$TMP/err"
closed describe census
expect "describe census into a closed pipe exits 5" test "$(cat "$TMP/rc")" -eq 5
"$RAPPORT" build "$REPORT" -o - -q 2>"$TMP/err" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
expect "a PDF into head -c 10 exits 5, not by SIGPIPE (got $rc)" test "$rc" -eq 5

# the built-in section types are in the registry like the plugins'
run 0 plugins
for t in text table chart; do
  expect "plugins lists $t as built in" grep -qE "^$t +[0-9.]+ .*\(built in\)$" "$TMP/out"
done
for t in text table chart; do
  run 0 describe "$t"
  expect "describe $t has a title" grep -q "^# Section type \`$t\`" "$TMP/out"
done
run 0 describe table
expect "describe table lists the columns' paths" grep -q '^| `columns\[\]\.path` | string |' "$TMP/out"
run 0 describe chart
expect "describe chart lists the series" grep -q '^| `series\[\]\.name` | string | yes |' "$TMP/out"
run 0 describe text
expect "describe text: content is required" grep -q '^| `content` | array | yes |' "$TMP/out"

# a plugin may not shadow a built-in type nor use a name outside [a-z0-9_]+
mkdir -p "$TMP/shadow" "$TMP/badname"
cp "$top_builddir/tests/broken/.libs/shadow.so" "$TMP/shadow/"
cp "$top_builddir/tests/broken/.libs/bad_name.so" "$TMP/badname/"
run 4 build "$REPORT" -o "$OUT" --plugin-dir "$TMP/shadow"
expect "a plugin shadowing table is refused, naming its file" \
  grep -q "$TMP/shadow/shadow.so: section type \"table\" is built in and cannot be replaced" "$TMP/err"
run 4 plugins --plugin-dir "$TMP/badname"
expect "a bad section type name is refused, naming the file" \
  grep -q "$TMP/badname/bad_name.so: section type name \"Census-2\" is refused: a name is made of a-z, 0-9 and _ only" "$TMP/err"
expect "the refused type is not listed" sh -c "! grep -q Census-2 '$TMP/out'"

finish
