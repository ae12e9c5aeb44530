#!/bin/bash
# A rendered chart measured in pixels: the bars of a known chart, found in a
# greyscale rendering of its page, must be as tall as the data say (within
# 1.5 pixels at 100 dpi), from one baseline, on an axis from 0 to 600.  Also:
# the chart data appendix (on by default, off by option) and the errors of
# the generic chart and table sections.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
command -v pdftoppm >/dev/null || { echo "SKIP: pdftoppm not installed" >&2; exit 77; }
BAR_TOPS="$top_builddir/tests/e2e/bar_tops"
PIXELS="$top_srcdir/tests/e2e/pixels.json"

# the data of the chart: outreach.reached of 2016..2020
values=$(for y in 2016 2017 2018 2019 2020; do jq '.outreach.reached' "$DATA/$y.json"; done)
expect "the data are 95 586 235 183 176" test "$(echo $values)" = "95 586 235 183 176"

"$RAPPORT" build "$PIXELS" -o "$TMP/px.pdf" >/dev/null
pdftoppm -r 100 -gray -f 3 -l 3 -singlefile "$TMP/px.pdf" "$TMP/px"
"$BAR_TOPS" "$TMP/px.pgm" 40 140 >"$TMP/bars"
expect "five bars found" test "$(grep -c '^bar' "$TMP/bars")" -eq 5
# the top gridline (600) is the highest grid row above the bars
grid=$(awk '$1 == "grid" { print $2; exit }' "$TMP/bars")
base=$(awk '$1 == "bar" { print $4; exit }' "$TMP/bars")
expect "a gridline above the bars" test -n "$grid"
i=0
for v in $values; do
  i=$((i + 1))
  line=$(grep '^bar' "$TMP/bars" | sed -n "${i}p")
  set -- $line
  expect "bar $i stands on the common baseline" test "$4" -eq "$base"
  verdict=$(awk -v top="$3" -v bot="$4" -v grid="$grid" -v v="$v" 'BEGIN {
    got = bot - top + 1; want = v / 600 * (bot - grid + 1);
    d = got - want; if (d < 0) d = -d;
    printf "%s %.1f %.1f", (d <= 1.5 ? "ok" : "bad"), got, want }')
  echo "bar $i (value $v): $verdict px"
  expect "bar $i height matches $v on a 0..600 axis ($verdict)" test "${verdict%% *}" = ok
done

# the appendix repeats the data as a table; it can be switched off
pdftotext -layout "$TMP/px.pdf" "$TMP/px.txt"
expect "appendix heading" contains "$TMP/px.txt" "Diagramdata"
expect "appendix table caption" contains "$TMP/px.txt" "Tabell 1. Figur 1: Personer som nåtts"
expect "appendix value" grep -qE "2017 +586" "$TMP/px.txt"
expect "contents list the appendix" grep -qE "Diagramdata.* 4$" "$TMP/px.txt"
jq '.chart_data_appendix = false' "$PIXELS" >"$TMP/off.json"
sed -i 's|\.\./\.\./data/|'"$(cd "$DATA" && pwd)"'/|g' "$TMP/off.json"
"$RAPPORT" build "$TMP/off.json" -o "$TMP/off.pdf" >/dev/null
pdftotext "$TMP/off.pdf" "$TMP/off.txt"
expect "no appendix when switched off" sh -c "! grep -q Diagramdata '$TMP/off.txt'"
jq '.chart_data_appendix = "no"' "$TMP/off.json" >"$TMP/bad.json"
"$RAPPORT" check "$TMP/bad.json" 2>"$TMP/err"
expect "a non-boolean appendix switch is exit 3" test $? -eq 3
expect "... named by position" grep -qE 'bad.json:[0-9]+:[0-9]+: error: .*expected true or false, found "no"' "$TMP/err"

# a generic table: header groups, percentages of another path, the totals
# row, in both languages; every chart kind builds
CHARTS="$top_srcdir/tests/e2e/charts.json"
"$RAPPORT" build "$CHARTS" -o "$TMP/c.pdf" >/dev/null
pdftotext -layout "$TMP/c.pdf" "$TMP/c.txt"
expect "table caption" contains "$TMP/c.txt" "Tabell 1. Anställda och arbetsträning per år"
expect "header groups" grep -qE "^ +Anställda +Arbetsträning *$" "$TMP/c.txt"
expect "a row with a share" grep -qE "^ *2016 +34 +113 +66 +63,1 % +156 *$" "$TMP/c.txt"
expect "the totals row: sums and the share of the sums" \
  grep -qE "^ *Totalt +154 +582 +444 +56,7 % +883 *$" "$TMP/c.txt"
for n in 1 2 3 4 5 6 7 8; do
  expect "figure $n captioned" grep -qE "^ *Figur $n\. " "$TMP/c.txt"
done
expect "the pie's shares" contains "$TMP/c.txt" "96 (61,5 %)"
"$RAPPORT" build "$CHARTS" -o "$TMP/ce.pdf" --lang en >/dev/null
pdftotext -layout "$TMP/ce.pdf" "$TMP/ce.txt"
expect "English totals row" grep -qE "^ *Total +154 +582 +444 +56\.7% +883 *$" "$TMP/ce.txt"
expect "English appendix" contains "$TMP/ce.txt" "Chart data"

# strings in a column (not summed), the totals label in the year column
# wherever it is
jq --arg data "$(cd "$DATA" && pwd)" '.years = [.years[] | sub("^\\.\\./\\.\\./data"; $data)]
  | del(.logo) | .sections = [{"type": "table", "title": "T", "caption": "När", "total": true,
      "columns": [{"header": "Företag", "path": "census.companies"},
                  {"header": "År", "value": "year"},
                  {"header": "När", "path": "census.when"}]}]' "$CHARTS" >"$TMP/when.json"
"$RAPPORT" build "$TMP/when.json" -o "$TMP/when.pdf" >/dev/null
pdftotext -layout "$TMP/when.pdf" "$TMP/when.txt"
expect "a string cell" grep -qE "^ *34 +2016 +hösten *$" "$TMP/when.txt"
expect "totals: the sum, the label, nothing for strings" grep -qE "^ *154 +Totalt *$" "$TMP/when.txt"

# errors of the generic sections: position, JSON path, what was wrong
bad() { # bad JQ-FILTER MESSAGE-REGEX
  jq "$1" "$TMP/off.json" >"$TMP/bad.json"
  "$RAPPORT" check "$TMP/bad.json" >/dev/null 2>"$TMP/err"
  local rc=$?
  expect "$1 exits 3 (got $rc)" test "$rc" -eq 3
  expect "$1 reports /$2/ (got: $(head -c 300 "$TMP/err"))" grep -qE "$2" "$TMP/err"
}
bad '.sections[0].series[0].path = "outreach.reachd"' \
  'bad.json:[0-9]+:[0-9]+: error: sections\[0\]\.series\[0\]\.path: no year file has "outreach.reachd"'
bad '.sections[0].series[0].path = "placements"' \
  'series\[0\]\.path: "placements" is missing in .*2019.json, .*2020.json: a chart needs a value every year'
bad '.sections[0].kind = "radar"' 'sections\[0\]\.kind: expected a chart kind: bar, .*found "radar"'
bad '.sections[0].series[0].path = "outreach"' 'expected a number for "outreach"'
bad '.sections[0].years = [2015]' 'sections\[0\]\.years\[0\]: expected one of the report.s years'
bad '.sections[0] += {"type": "table", "columns": [{"header": "x"}]}' \
  'sections\[0\]\.kind: unknown key "kind" ignored \(section type table\)'
# an unknown option is a warning with a suggestion, as in a plugin's section
jq '.sections[0].captoin = "C"' "$TMP/off.json" >"$TMP/bad.json"
"$RAPPORT" check "$TMP/bad.json" >/dev/null 2>"$TMP/err"
expect "a misspelt chart option is named with a suggestion" \
  grep -qE 'sections\[0\]\.captoin: unknown key "captoin" ignored; did you mean "caption"\?' "$TMP/err"
bad '.sections[0] = {"type": "table", "title": "T", "caption": "C", "columns": [{"header": "x", "path": "census.compnies"}]}' \
  'sections\[0\]\.columns\[0\]\.path: no year file has "census.compnies"'
bad '.sections[0] = {"type": "table", "title": "T", "caption": "C", "columns": [{"header": "x"}]}' \
  'sections\[0\]\.columns\[0\]: a column needs either "path"'
finish
