#!/bin/bash
# End to end: the typesetting targets on the bundled report (build --stats),
# the fonts --verbose names, and rich text from the data read back from the
# PDF: a clickable link, a resolved reference, a missing glyph warned about.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# stat NAME: the number after "NAME:" in the --stats output
stat() {
  sed -n "s/^$1: *\([0-9.]*\).*/\1/p" "$TMP/stats"
}

PDF="$TMP/r.pdf"
"$RAPPORT" build "$REPORT" -o "$PDF" --stats --verbose >"$TMP/stats" 2>"$TMP/err"
expect "build --stats exits 0 ($(cat "$TMP/err"))" test $? -eq 0
largest=$(stat "largest space")
expect "largest space ($largest) is at most 1.8 x natural" \
  awk -v r="$largest" 'BEGIN { exit !(r > 1.0 && r <= 1.8) }'
expect "some lines are hyphenated ($(stat "hyphenated lines"))" test "$(stat "hyphenated lines")" -gt 0
expect "no widow" test "$(stat widows)" -eq 0
expect "no orphan" test "$(stat orphans)" -eq 0
expect "no overfull line" test "$(stat "overfull lines")" -eq 0
expect "no missing glyph" test "$(stat "missing glyphs")" -eq 0
# and the time of each phase, which add up to no more than the whole build
for ph in "load and check" plugins "fonts, glyph check" layout "draw and save" commit; do
  expect "--stats times the phase '$ph'" grep -qE "^time $ph: +[0-9]+\.[0-9]+ ms$" "$TMP/stats"
done
total=$(awk '/^time .*ms$/ { s += $(NF - 1) } END { print s }' "$TMP/stats")
whole=$(sed -n 's/.*pages, [0-9]* KB, \([0-9.]*\) s$/\1/p' "$TMP/stats")
expect "the phases ($total ms) add up to at most the build ($whole s)" \
  awk -v t="$total" -v w="$whole" 'BEGIN { exit !(t > 0 && t <= w * 1000 + 1) }'
expect "--verbose names the fallback font file" grep -qE "font fallback +/.*\.ttf" "$TMP/err"

# Each hyphenated line ends in a hyphen the text extraction can see.
pdftotext -raw "$PDF" "$TMP/raw.txt" 2>/dev/null
hy=$(grep -cE "[a-zåäö]-$" "$TMP/raw.txt")
expect "at least as many lines end with a hyphen after a letter ($hy) as were hyphenated" \
  test "$hy" -ge "$(stat "hyphenated lines")"

# Rich text: a copy of the data with one more paragraph.
mkdir -p "$TMP/data"
cp "$DATA"/20*.json "$TMP/data/"
jq '.sections[0].content += [{"paragraph":
      "Läs mer på [förbundets webbplats](https://www.example.se/asf) om 1~257 personer, {Söderhamn}, tecknet 中 och **fel *markering."}]' \
  "$REPORT" >"$TMP/data/report.json"
"$RAPPORT" build "$TMP/data/report.json" -o "$TMP/rich.pdf" --stats >"$TMP/stats" 2>"$TMP/err"
expect "rich build exits 0 ($(cat "$TMP/err"))" test $? -eq 0
expect "warns about the missing glyph with its text" \
  grep -q "U+4E2D is in no font.*tecknet 中" "$TMP/err"
expect "warns about the malformed markup" grep -q "malformed markup" "$TMP/err"
expect "--stats counts the missing glyph" test "$(stat "missing glyphs")" -eq 1
qpdf --qdf --object-streams=disable "$TMP/rich.pdf" "$TMP/rich-qdf.pdf" 2>/dev/null
expect "the link is a URI annotation" grep -qaF "/URI (https://www.example.se/asf)" "$TMP/rich-qdf.pdf"
pdftotext "$TMP/rich.pdf" "$TMP/rich.txt" 2>/dev/null
expect "link text shown without markup" contains "$TMP/rich.txt" "förbundets webbplats om"
expect "name shown without braces" contains "$TMP/rich.txt" "Söderhamn,"
expect "a visible replacement character is drawn" contains "$TMP/rich.txt" "tecknet �"
expect "malformed markup shown literally" contains "$TMP/rich.txt" "**fel *markering."

finish
