#!/bin/bash
# End to end: build the bundled final report and read it back the way a user
# would: the figures in the text, the contents against the pages, the outline
# against the headings, and qpdf's structural check.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

PDF="$TMP/slutrapport.pdf"
"$RAPPORT" build "$REPORT" -o "$PDF" >"$TMP/out" 2>"$TMP/err"
expect "build exits 0 ($(cat "$TMP/err"))" test $? -eq 0
expect "build prints path and page count" grep -qE "slutrapport.pdf: [0-9]+ pages" "$TMP/out"
expect "build prints no warning" test ! -s "$TMP/err"

expect "qpdf --check passes" qpdf --check "$PDF" >/dev/null
# every stream but the XMP packet (PDF/A wants it readable) is compressed;
# qpdf --check above has decoded them all
qpdf --json=1 --json-key=objects --json-key=objectinfo "$PDF" >"$TMP/objects.json"
plain=$(jq '[.objectinfo | to_entries[] | select(.value.stream.is) | .key] as $s
  | [.objects | to_entries[] | select(.key as $x | $s | index($x)) | .value
     | select((.["/Type"] // "") != "/Metadata")
     | select(.["/Filter"] != "/FlateDecode" and .["/Filter"] != ["/FlateDecode"])] | length' \
  "$TMP/objects.json")
streams=$(jq '[.objectinfo[] | select(.stream.is)] | length' "$TMP/objects.json")
# the title and body pages are drawn while the layout goes on, their running
# head and foot later into a second content stream; the contents page and
# the last page (the layout is not done with it before the end) at the end
qpdf --json=1 --json-key=pages "$PDF" >"$TMP/pages.json"
counts=$(jq -c '[.pages[] | .contents | length]' "$TMP/pages.json")
expect "title page one stream, contents one, body pages two, the last one ($counts)" \
  jq -e '.pages | (.[0].contents | length) == 1 and (.[1].contents | length) == 1
    and ([.[2:-1][] | .contents | length == 2] | all) and (.[-1].contents | length) == 1' \
  "$TMP/pages.json" >/dev/null
expect "every stream but the XMP is FlateDecode ($plain of $streams are not)" test "$plain" = 0 -a "$streams" -gt 20
pdftotext -layout "$PDF" "$TMP/all.txt" 2>"$TMP/pdftotext.err"
expect "pdftotext gives no warning: $(head -c 200 "$TMP/pdftotext.err")" test ! -s "$TMP/pdftotext.err"
pdftotext "$PDF" "$TMP/raw.txt" 2>/dev/null
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
expect "the report has between 12 and 60 pages ($pages)" test "$pages" -ge 12 -a "$pages" -le 60
expect "PDF title is set" sh -c "pdfinfo '$PDF' | grep -q '^Title: *Slutrapport'"

# Swedish characters survive extraction exactly.
for w in "Innehållsförteckning" "Gävleborg" "Hälsingland" "Gästrikland" "Söderhamn" \
         "Arbetsförmedlingen" "Sida 3 av $pages"; do
  expect "text has '$w'" contains "$TMP/raw.txt" "$w"
done

# Every year's figures: people reached, and the company census.
for n in 95 586 235 183 176 "1 257" "1 275"; do
  expect "reached figure $n is in the text" contains "$TMP/raw.txt" "$n"
done
for n in 179 113 66 156 96 57 228 137 91 230 155 65 204 244 152 74 17 206 108 98 130 93 26 \
         209 111 123 81; do
  expect "census figure $n is in the text" grep -qw -- "$n" "$TMP/raw.txt"
done
for n in "47,8 %" "23" "11"; do
  expect "placements figure $n is in the text" contains "$TMP/raw.txt" "$n"
done
# the two census years whose stated total differs from its parts are reported
expect "2018 placed: 244 stated against 243 summed" grep -q "243" "$TMP/raw.txt"
expect "2020 placed: 123 stated against 117 summed" grep -q "117" "$TMP/raw.txt"

# The contents: each entry's page number is the page where its heading is.
qpdf --json --json-key=outlines "$PDF" >"$TMP/outline.json"
jq -r '[.. | objects | select(has("title") and has("destpageposfrom1"))] | .[] |
       "\(.destpageposfrom1)\t\(.title)"' "$TMP/outline.json" >"$TMP/outline.tsv"
expect "the outline has entries" test -s "$TMP/outline.tsv"
n_toc=0
toc_first=$(awk -F'\t' '$2 == "Innehållsförteckning" {print $1}' "$TMP/outline.tsv")
body_first=$(grep -P '^\d+\t1 ' "$TMP/outline.tsv" | head -1 | cut -f1)
expect "the contents come right after the title page" test "$toc_first" = 2
for p in $(seq "$toc_first" $((body_first - 1))); do
  pdftotext -layout -f $p -l $p "$PDF" - 2>/dev/null
done | sed -nE 's/^ *([0-9]+(\.[0-9]+)*) +(.*[^ .])[ .]* +([0-9]+) *$/\1\t\3\t\4/p' >"$TMP/toc.tsv"
while IFS=$'\t' read -r num title page; do
  n_toc=$((n_toc + 1))
  # the heading is on that page: its number at the start of a line
  pdftotext -layout -f "$page" -l "$page" "$PDF" - 2>/dev/null >"$TMP/page.txt"
  first=$(echo "$title" | awk '{print $1}')
  expect "contents entry $num '$title' -> page $page has the heading" \
    grep -qE "^ *$num +$first" "$TMP/page.txt"
  # the outline points to the same page
  expect "outline entry '$num $first...' points to page $page" \
    grep -qP "^$page\t\Q$num $first\E" "$TMP/outline.tsv"
done <"$TMP/toc.tsv"
expect "the contents list at least 15 headings ($n_toc)" test "$n_toc" -ge 15
# and the outline has no heading the contents lack at levels 1-2
expect "outline has as many numbered entries as contents lines" \
  test "$(grep -cP '^\d+\t\d+(\.\d+){0,2} ' "$TMP/outline.tsv")" -eq "$n_toc"

# The contents' entries are links.
nlinks=$(qpdf --show-npages "$PDF" >/dev/null; qpdf --qdf --object-streams=disable "$PDF" - |
  grep -ac '/Subtype /Link')
expect "the contents have a link per entry ($nlinks links, $n_toc entries)" test "$nlinks" -ge "$n_toc"

finish
