#!/bin/bash
# Pictures from the data: the logo on the title page, a JPEG with a numbered
# caption, and every way an image reference can be refused (outside the data
# directory, also through a symbolic link; missing; not an image; 16 bits;
# interlaced).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
command -v pdfimages >/dev/null || { echo "SKIP: pdfimages not installed" >&2; exit 77; }
CHARTS="$top_srcdir/tests/e2e/charts.json"

"$RAPPORT" build "$CHARTS" -o "$TMP/c.pdf" >/dev/null
pdfimages -list "$TMP/c.pdf" >"$TMP/list"
expect "two images in the gallery" test "$(tail -n +3 "$TMP/list" | wc -l)" -eq 2
expect "the logo is on the title page" grep -qE '^ +1 +0 +image +240 +80 ' "$TMP/list"
expect "the photo is a JPEG" grep -qE 'image +320 +200 +rgb +3 +8 +jpeg' "$TMP/list"
pdftotext "$TMP/c.pdf" "$TMP/c.txt"
expect "the photo's caption is numbered after the charts" contains "$TMP/c.txt" "Figur 9. En bild ur data"

# a data directory of our own, beside a file outside it
mkdir -p "$TMP/d/img"
cp "$top_srcdir/tests/e2e/img/photo.jpg" "$TMP/d/img/"
cp "$top_srcdir/tests/e2e/img/photo.jpg" "$TMP/outside.jpg"
jq --arg data "$(cd "$DATA" && pwd)" '.years = [.years[] | sub("^\\.\\./\\.\\./data"; $data)]
  | .sections = [{"type": "text", "title": "Bild",
                  "content": [{"image": "img/photo.jpg", "caption": "En bild"}]}]' \
  "$CHARTS" | jq 'del(.logo)' >"$TMP/d/r.json"
"$RAPPORT" build "$TMP/d/r.json" -o "$TMP/ok.pdf" >/dev/null 2>"$TMP/err"
expect "an image inside the data directory is fine ($(head -c 200 "$TMP/err"))" test -s "$TMP/ok.pdf"

# pictures beside the definition travel inside the PDF: verify rebuilds it
mkdir -p "$TMP/v"
cp "$DATA"/20*.json "$top_srcdir/tests/e2e/img/logo.png" "$top_srcdir/tests/e2e/img/photo.jpg" "$TMP/v/"
jq '.logo = "logo.png" | .sections[0].content += [{"image": "photo.jpg", "caption": "En bild"}]' \
  "$REPORT" >"$TMP/v/r.json"
"$RAPPORT" build "$TMP/v/r.json" -o "$TMP/v/out.pdf" >/dev/null 2>"$TMP/err"
expect "a report with pictures builds without a warning ($(head -c 300 "$TMP/err"))" test ! -s "$TMP/err"
if command -v pdfdetach >/dev/null; then
  pdfdetach -list "$TMP/v/out.pdf" >"$TMP/attached"
  expect "the logo is embedded as an input" grep -qE '^[0-9]+: logo\.png$' "$TMP/attached"
  expect "the photo is embedded as an input" grep -qE '^[0-9]+: photo\.jpg$' "$TMP/attached"
fi
"$RAPPORT" verify "$TMP/v/out.pdf" >"$TMP/out" 2>&1
expect "rapport verify rebuilds it byte for byte ($(head -c 300 "$TMP/out"))" grep -q "verified" "$TMP/out"
# a picture in a subdirectory is embedded too, with a warning that verify
# cannot put it back
"$RAPPORT" build "$TMP/d/r.json" -o "$TMP/sub.pdf" >/dev/null 2>"$TMP/err"
expect "a picture not beside the definition is named" \
  grep -qE "picture .*/img/photo\.jpg is not beside the definition" "$TMP/err"

refused() { # refused JQ-FILTER MESSAGE-REGEX
  jq "$1" "$TMP/d/r.json" >"$TMP/d/bad.json"
  echo 'x' >"$TMP/out.pdf"
  "$RAPPORT" build "$TMP/d/bad.json" -o "$TMP/out.pdf" >/dev/null 2>"$TMP/err"
  local rc=$?
  expect "$1 exits 3 (got $rc)" test "$rc" -eq 3
  expect "$1 reports /$2/ (got: $(head -c 400 "$TMP/err"))" grep -qE "$2" "$TMP/err"
  expect "$1 leaves the output alone" test "$(cat "$TMP/out.pdf")" = x
}
img() { echo ".sections[0].content[0].image = \"$1\""; }
refused "$(img ../outside.jpg)" \
  'bad.json:[0-9]+:[0-9]+: error: sections\[0\]\.content\[0\]\.image: image "\.\./outside\.jpg" is .*/outside\.jpg, outside the data directory .*: refused'
refused "$(img "$TMP/outside.jpg")" 'outside the data directory'
ln -s ../../outside.jpg "$TMP/d/img/link.jpg"
refused "$(img img/link.jpg)" 'image "img/link.jpg" is .*/outside\.jpg, outside the data directory'
refused "$(img img/nothere.png)" 'image "img/nothere.png": No such file or directory'
refused "$(img r.json)" 'r\.json": not a PNG or JPEG file'
refused '.logo = "../outside.jpg"' 'error: logo: image "\.\./outside\.jpg" is .*outside the data directory'
refused '.sections[0].content[0].width = 2' 'content\[0\]\.width: expected a share of the text width from 0\.1 to 1, found 2'
refused 'del(.sections[0].content[0].caption)' 'content\[0\]: missing "caption"'
# PNGs the PDF library cannot draw, written here (no image tool needed):
# png FILE BITS INTERLACE: a 4 x 4 red RGB PNG of BITS per channel
png() {
  python3 - "$@" <<'PY'
import struct, sys, zlib
path, bits, interlace = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
px = (b"\xff\xff\x00\x00\x00\x00" if bits == 16 else b"\xff\x00\x00") * 4
rows = b"".join(b"\x00" + px for _ in range(4))
ihdr = struct.pack(">IIBBBBB", 4, 4, bits, 2, 0, 0, interlace)
with open(path, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
}
png "$TMP/d/img/deep.png" 16 0
refused "$(img img/deep.png)" 'deep.png": a PNG of 16 bits per channel is not supported'
png "$TMP/d/img/inter.png" 8 1
refused "$(img img/inter.png)" 'inter.png": an interlaced PNG is not supported'
finish
