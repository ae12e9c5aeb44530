#!/bin/bash
# Mozilla's pdf.js (pdfjs-dist from npm, pinned by tests/pdfjs/package-lock.json)
# parses the report without a warning and extracts the same words, page by
# page, as poppler's pdftotext.  SKIPs (77) when node or npm is missing or the
# package cannot be installed (no network and nothing in npm's cache).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done

# npm ci into the build tree (the source tree may be read-only), only when
# the installed pdfjs-dist is not the locked one.
SRC="$top_srcdir/tests/pdfjs"
RUN="$top_builddir/tests/pdfjs-run"
mkdir -p "$RUN"
for f in package.json package-lock.json; do
  cmp -s "$SRC/$f" "$RUN/$f" || cp "$SRC/$f" "$RUN/$f"
done
want=$(jq -r '.packages["node_modules/pdfjs-dist"].version' "$SRC/package-lock.json")
have=$(jq -r .version "$RUN/node_modules/pdfjs-dist/package.json" 2>/dev/null)
if [ "$have" != "$want" ]; then
  if ! (cd "$RUN" && timeout 300 npm ci --omit=optional --no-audit --no-fund --loglevel=error) \
    >"$TMP/npm.log" 2>&1; then
    echo "SKIP: cannot install pdfjs-dist $want with npm ci (offline?):" >&2
    tail -5 "$TMP/npm.log" >&2
    exit 77
  fi
fi
export PDFJS_MODULES="$RUN/node_modules"
TEXTJS="$SRC/text.js"

check_pdf() { # check_pdf NAME PDF: pdf.js and poppler agree on PDF
  local name=$1 pdf=$2
  node "$TEXTJS" "$pdf" >"$TMP/$name.js.txt" 2>"$TMP/$name.js.err"
  expect "$name: pdf.js parses it without warnings: $(head -3 "$TMP/$name.js.err")" \
    test $? -eq 0 -a ! -s "$TMP/$name.js.err"
  pdftotext -raw "$pdf" "$TMP/$name.poppler" 2>"$TMP/$name.poppler.err"
  expect "$name: pdftotext reads it without warnings" test ! -s "$TMP/$name.poppler.err"
  node "$TEXTJS" --words "$TMP/$name.poppler" >"$TMP/$name.poppler.txt"
  local pages
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  expect "$name: pdf.js sees the $pages pages poppler sees" \
    test "$(grep -c '^page [0-9]*$' "$TMP/$name.js.txt")" -eq "$pages"
  expect "$name: the words are many" test "$(wc -l <"$TMP/$name.js.txt")" -gt $((pages * 20))
  expect "$name: pdf.js and pdftotext give the same words in the same order, page by page: $(diff "$TMP/$name.js.txt" "$TMP/$name.poppler.txt" | head -5 | tr '\n' ' ')" \
    cmp -s "$TMP/$name.js.txt" "$TMP/$name.poppler.txt"
}

"$RAPPORT" build "$REPORT" -o "$TMP/report.pdf" -q
check_pdf report "$TMP/report.pdf"
"$RAPPORT" build "$REPORT" --year 2018 --lang en -o "$TMP/y2018.pdf" -q
check_pdf y2018 "$TMP/y2018.pdf"
expect "the English 2018 report's words include its title" grep -qx "Annual" "$TMP/y2018.js.txt"

# the check can fail: a truncated file is not parsed quietly
head -c 30000 "$TMP/report.pdf" >"$TMP/cut.pdf"
node "$TEXTJS" "$TMP/cut.pdf" >/dev/null 2>"$TMP/cut.err"
expect "pdf.js reports a truncated PDF" test $? -ne 0 -a -s "$TMP/cut.err"
finish
